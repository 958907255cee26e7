// "Nhập danh sách cán bộ" clicked through in Chromium: the high-level administrator downloads the
// template, uploads a district list of three officers of which one names a unit that does not
// exist, sees that row's problem in the preview, imports the other two, and the new officers get
// their SMS.
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

/** The list as a district fills in the template: title rows, header, three officers. */
async function districtList(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Biểu mẫu cung cấp thông tin công chức, viên chức bộ phận một cửa cấp huyện, cấp xã']);
  ws.addRow(['Đơn vị cung cấp: UBND phường Cẩm Thành']);
  ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']);
  ws.addRow(['1', 'Trương Văn Một', 'Bộ phận Một cửa phường Cẩm Thành', '051092007001', '0905007001']);
  ws.addRow(['2', 'Trương Thị Hai', 'Bộ phận Một cửa xã Không Tồn Tại', '051192007002', '0905007002']);
  ws.addRow(['3', 'Trương Văn Ba', '000.17.15.H48', '051092007003', '0905007003']);
  await wb.xlsx.writeFile(file);
}

describe('Nhập danh sách cán bộ', () => {
  it('imports a list with one bad row: the preview shows its problem, the two good rows are imported', async () => {
    const { page, context } = await e2e.newPage();
    await adminLogin(page);
    await page.getByRole('menuitem', { name: 'Nhập danh sách cán bộ' }).click();
    await visible(page.getByRole('heading', { name: 'Nhập danh sách cán bộ' }));

    // "Tải biểu mẫu": a real workbook with the columns of SPEC §1.7.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải biểu mẫu' }).click()]);
    const template = path.join(tmp, download.suggestedFilename());
    await download.saveAs(template);
    const [sheet] = await readWorkbook(fs.readFileSync(template));
    expect(sheet!.rows[2]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']);

    const list = path.join(tmp, 'danh-sach-cam-thanh.xlsx');
    await districtList(list);
    await page.getByLabel('Chọn file danh sách (.xlsx)').setInputFiles(list);
    await visible(page.getByText('Xem trước: danh-sach-cam-thanh.xlsx'));
    await visible(page.getByText(/Không tìm thấy đơn vị "Bộ phận Một cửa xã Không Tồn Tại"/));
    await visible(page.getByText('3 dòng: 2 tạo mới, 0 cập nhật, 0 không thay đổi,'));
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
    await visible(dialog.getByText('1 dòng có vấn đề sẽ bị bỏ qua, không được nhập.'));
    await e2e.screenshot(page, 'nhap-danh-sach-02-xac-nhan');
    await dialog.getByRole('button', { name: 'Nhập' }).click();
    await visible(page.getByText('Đã nhập 2 dòng: 2 tạo mới, 0 cập nhật, 0 không thay đổi; 1 dòng bị bỏ qua.'));
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
    const outbox = (await (await fetch(`${e2e.baseUrl}/api/dev/outbox`)).json()) as { to: string }[];
    expect(outbox.some((m) => m.to === '0905007002')).toBe(false);

    // The import is listed among the recent ones.
    await visible(page.getByRole('cell', { name: 'danh-sach-cam-thanh.xlsx' }));
    await context.close();
  });
});
