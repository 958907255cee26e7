// "Nhập danh sách cán bộ" clicked through in Chromium: the high-level administrator downloads the
// template (no district-level unit in it), uploads a ward's list of three officers of which one
// names a unit that does not exist, sees that row's problem in the preview and in the confirmation,
// imports the other two, and only the two new officers get their SMS. Importing the same list again
// creates nothing and says so; a preview left for more than 30 minutes has expired.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/server/platform/files/xlsx.js';
import { startE2E, type E2E } from '../support/browser.js';

let e2e: E2E;
let tmp: string;

beforeAll(async () => {
  e2e = await startE2E();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-e2e-import-'));
});

afterAll(async () => {
  await e2e?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const visible = (l: Locator) => l.first().waitFor({ state: 'visible' });

async function adminLogin(page: Page) {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('admin.demo');
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('menuitem', { name: 'Nhập danh sách cán bộ' }));
}

type Row = [stt: string, fullName: string, unit: string, idNumber: string, phone: string];

/** The list as a ward fills in the template: title rows, header, its officers. */
async function wardList(file: string, rows: Row[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Biểu mẫu cung cấp thông tin công chức, viên chức Bộ phận Một cửa, Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã']);
  ws.addRow(['Đơn vị cung cấp: UBND phường Cẩm Thành']);
  ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

async function openImportPage(page: Page) {
  await adminLogin(page);
  await page.getByRole('menuitem', { name: 'Nhập danh sách cán bộ' }).click();
  await visible(page.getByRole('heading', { name: 'Nhập danh sách cán bộ' }));
}

async function outboxTo(phone: string): Promise<number> {
  const outbox = (await (await fetch(`${e2e.baseUrl}/api/dev/outbox`)).json()) as { to: string }[];
  return outbox.filter((m) => m.to === phone).length;
}

describe('Nhập danh sách cán bộ', () => {
  it('imports a list with one bad row: the preview shows its problem, the two good rows are imported', async () => {
    const { page, context } = await e2e.newPage();
    await openImportPage(page);

    // "Tải biểu mẫu": a real workbook with the columns of SPEC §1.7, for a province and its
    // communes (no district since 2025), its examples at real wards and communes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải biểu mẫu' }).click()]);
    const template = path.join(tmp, download.suggestedFilename());
    await download.saveAs(template);
    const [sheet, help] = await readWorkbook(fs.readFileSync(template));
    expect(sheet!.rows[2]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']);
    expect(sheet!.rows.slice(3).map((r) => r[2])).toEqual(['Bộ phận Một cửa phường Cẩm Thành', 'Bộ phận Một cửa xã Tịnh Khê']);
    expect([...sheet!.rows, ...help!.rows].flat().join('\n')).not.toMatch(/huyện/i);

    const list = path.join(tmp, 'danh-sach-cam-thanh.xlsx');
    await wardList(list, [
      ['1', 'Trương Văn Một', 'Bộ phận Một cửa phường Cẩm Thành', '051092007001', '0905007001'],
      ['2', 'Trương Thị Hai', 'Bộ phận Một cửa xã Không Tồn Tại', '051192007002', '0905007002'],
      ['3', 'Trương Văn Ba', '000.17.15.H48', '051092007003', '0905007003'],
    ]);
    await page.getByLabel('Chọn file danh sách (.xlsx)').setInputFiles(list);
    await visible(page.getByText('Xem trước: danh-sach-cam-thanh.xlsx'));
    await visible(page.getByText(/Không tìm thấy đơn vị "Bộ phận Một cửa xã Không Tồn Tại"/));
    await visible(page.getByText('3 dòng: 2 tạo mới, 0 cập nhật, 0 không thay đổi,'));
    await visible(page.getByText(/Bản xem trước được giữ 30 phút kể từ khi tải lên: hãy bấm nhập trước \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/));
    const badRow = page.getByRole('row', { name: /Trương Thị Hai/ });
    await visible(badRow.getByText('Bỏ qua'));
    expect(await page.getByRole('row', { name: /Trương Văn Một/ }).getByText('Tạo mới').count()).toBe(1);
    // The problem is written in red.
    const color = await badRow.getByText(/Không tìm thấy đơn vị/).evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(207, 19, 34)');
    await e2e.screenshot(page, 'nhap-danh-sach-01-xem-truoc');

    const started = e2e.clock.now();
    await page.getByRole('button', { name: 'Nhập 2 dòng hợp lệ' }).click();
    const dialog = page.getByRole('dialog');
    // What will happen, and to whom an SMS goes; the skipped row and why.
    await visible(dialog.getByText('Tạo mới 2 tài khoản cán bộ.'));
    await visible(dialog.getByText(/^Chỉ 2 cán bộ được tạo tài khoản mới nhận tin nhắn SMS có tên đăng nhập và mật khẩu tạm thời/));
    await visible(dialog.getByText('1 dòng có vấn đề sẽ bị bỏ qua, không được nhập, vì:'));
    await visible(dialog.getByText(/STT 2 \(Trương Thị Hai\): Không tìm thấy đơn vị "Bộ phận Một cửa xã Không Tồn Tại"/));
    await e2e.screenshot(page, 'nhap-danh-sach-02-xac-nhan');
    await dialog.getByRole('button', { name: 'Nhập' }).click();
    await visible(page.getByText('Đã tạo 2 tài khoản cán bộ mới; 1 dòng bị bỏ qua.'));
    await visible(page.getByText(/đã được đưa vào hàng đợi gửi tới 2 cán bộ vừa được tạo tài khoản, chỉ những cán bộ này/));
    await visible(page.getByText('1 dòng bị bỏ qua, không được nhập, vì:'));
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('row', { name: /Trương Văn Ba/ }).getByText('Đã tạo mới').count()).toBe(1);
    await e2e.screenshot(page, 'nhap-danh-sach-03-ket-qua');

    // The two new officers receive their login name and temporary password; the third does not.
    for (const [phone, username] of [
      ['0905007001', '051092007001'],
      ['0905007003', '051092007003'],
    ]) {
      const sms = await e2e.waitForMessage(phone!, /Tên đăng nhập: (\d+)\nMật khẩu tạm thời: (\S+)$/, started);
      expect(sms.match[1]).toBe(username);
    }
    expect(await outboxTo('0905007002')).toBe(0);

    // The import is listed among the recent ones.
    await visible(page.getByRole('cell', { name: 'danh-sach-cam-thanh.xlsx' }));
    await context.close();
  });

  it('importing the same list again creates no account and says that no SMS is sent', async () => {
    const { page, context } = await e2e.newPage();
    await openImportPage(page);
    const list = path.join(tmp, 'danh-sach-nghia-lo.xlsx');
    await wardList(list, [
      ['1', 'Lương Văn Một', '000.17.15.H48', '051092008001', '0905008001'],
      ['2', 'Lương Thị Hai', '000.17.15.H48', '0510920', '0905008002'],
    ]);
    const importList = async () => {
      await page.getByLabel('Chọn file danh sách (.xlsx)').setInputFiles(list);
      await visible(page.getByText('Xem trước: danh-sach-nghia-lo.xlsx'));
      await page.getByRole('button', { name: 'Nhập 1 dòng hợp lệ' }).click();
      return page.getByRole('dialog');
    };
    let dialog = await importList();
    await dialog.getByRole('button', { name: 'Nhập' }).click();
    await visible(page.getByText('Đã tạo 1 tài khoản cán bộ mới; 1 dòng bị bỏ qua.'));
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Đóng' }).click();

    // The same file again: the officer is there already, nothing to create.
    dialog = await importList();
    await visible(dialog.getByText('Không tạo tài khoản mới nào. 1 dòng đã đúng, không thay đổi.'));
    await visible(dialog.getByText('Không có tài khoản mới nào được tạo, nên không có tin nhắn SMS nào được gửi.'));
    await dialog.getByRole('button', { name: 'Nhập' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const outcome = page.getByRole('status').filter({ hasText: 'Không có tài khoản nào được tạo mới hoặc cập nhật' });
    await visible(outcome.getByText('Không có tài khoản nào được tạo mới hoặc cập nhật; 1 dòng đã đúng, không thay đổi; 1 dòng bị bỏ qua.'));
    await visible(outcome.getByText('Không có tin nhắn SMS nào được gửi, vì không có tài khoản mới nào được tạo.'));
    await visible(outcome.getByText(/STT 2 \(Lương Thị Hai\): Số CMND\/CCCD phải gồm 9 chữ số/));
    expect(await outcome.textContent()).not.toMatch(/Đã tạo|SMS đã|đã được đưa vào hàng đợi/);
    await e2e.screenshot(page, 'nhap-danh-sach-04-khong-tao-moi');
    expect(await outboxTo('0905008001')).toBe(1);
    await context.close();
  });

  it('a preview left for more than 30 minutes has expired: "Nhập" asks for the file again and creates nothing', async () => {
    const { page, context } = await e2e.newPage();
    await openImportPage(page);
    const list = path.join(tmp, 'danh-sach-bo-quen.xlsx');
    await wardList(list, [['1', 'Hồ Văn Quên', '000.17.15.H48', '051092009001', '0905009001']]);
    await page.getByLabel('Chọn file danh sách (.xlsx)').setInputFiles(list);
    await visible(page.getByText('Xem trước: danh-sach-bo-quen.xlsx'));

    e2e.clock.advance(31 * 60_000);
    await page.getByRole('button', { name: 'Nhập 1 dòng hợp lệ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Nhập' }).click();
    await visible(page.getByRole('alert').getByText('Bản xem trước đã hết hạn, vui lòng tải lại tệp.'));
    await visible(page.getByText('Đã hết hạn: danh-sach-bo-quen.xlsx'));
    expect(await page.getByRole('button', { name: /^Nhập \d+ dòng hợp lệ$/ }).count()).toBe(0);
    await e2e.screenshot(page, 'nhap-danh-sach-05-het-han');
    // The history says so too, and nothing was created.
    await visible(page.getByRole('row', { name: /danh-sach-bo-quen\.xlsx.*Đã hết hạn/ }));
    expect(await outboxTo('0905009001')).toBe(0);
    await context.close();
  });
});
