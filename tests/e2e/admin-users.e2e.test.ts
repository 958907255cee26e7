// SPEC §3 clicked through in Chromium: the high-level administrator finds chuyenvien.demo, puts
// them in a one-stop unit, grants "Quyền tạo tài khoản công dân", exports the list to Excel; the
// officer can then create a citizen account. Also what an administrator notices on the way: a phone
// found by any part of it, a page beyond the last in the address, "HỦY BỎ" and Enter in the forms.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/server/platform/files/xlsx.js';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator, fillStep1, officerLogin, openCreateForm, scratchWithScan } from '../support/desk-flows.js';

let e2e: E2E;
let scratch: Awaited<ReturnType<typeof scratchWithScan>>;
let scanPdf: string;

beforeAll(async () => {
  e2e = await startE2E();
  scratch = await scratchWithScan();
  scanPdf = scratch.scanPdf;
});

afterAll(async () => {
  await e2e?.close();
  scratch?.remove();
});

const USERS = '/quan-tri/quan-ly-nguoi-dung';

/** What the list shows: "Tìm thấy N kết quả", the pager's current page, each row's STT and Tên. */
async function shown(page: Page) {
  const count = await page.getByText(/^Tìm thấy \d+ kết quả$/).textContent();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  return {
    total: Number(/\d+/.exec(count!)![0]),
    current: Number(await page.locator('.ant-pagination-item-active').textContent()),
    stt: await rows.locator('td:first-child').allTextContents(),
    pageInAddress: new URL(page.url()).searchParams.get('page'),
  };
}

describe('Quản lý người dùng', () => {
  it('assigns chuyenvien.demo to a one-stop unit and grants the permission; the officer then creates a citizen account', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page, 'admin.demo');
    await page.getByRole('menuitem', { name: 'Quản lý người dùng' }).click();
    await page.getByLabel('Tên:').fill('le van hung');
    await page.getByRole('button', { name: 'TÌM KIẾM' }).click();
    await expectLocator(page.getByText('Tìm thấy 1 kết quả')).toBeVisible();
    const row = page.getByRole('row', { name: /Lê Văn Hùng/ });
    await expectLocator(row.getByText('Phòng Văn hóa - Xã hội phường Cẩm Thành')).toBeVisible();
    await e2e.screenshot(page, 'admin-01-tim-nguoi-dung');

    // Before the assignment the permission can't be granted, and the dialog says why.
    await page.getByRole('button', { name: 'Gán quyền người dùng: Lê Văn Hùng' }).click();
    const grants = page.getByRole('dialog', { name: /Gán quyền người dùng/ });
    await expectLocator(grants.getByText(/chỉ được cấp cho người đã được gán vào đơn vị có tên chứa/)).toBeVisible();
    expect(await grants.getByRole('checkbox', { name: 'Quyền tạo tài khoản công dân' }).isDisabled()).toBe(true);
    await e2e.screenshot(page, 'admin-02-quyen-bi-khoa');
    await grants.getByRole('button', { name: 'THOÁT' }).click();

    await page.getByRole('button', { name: 'Gán người dùng vào đơn vị: Lê Văn Hùng' }).click();
    const units = page.getByRole('dialog', { name: /Gán người dùng vào đơn vị/ });
    await units.getByLabel('Mã định danh hoặc Tên đơn vị').fill('000.15');
    await units.getByRole('button', { name: 'TÌM KIẾM' }).click();
    await units.getByRole('checkbox', { name: 'Chọn Bộ phận Một cửa phường Cẩm Thành' }).check();
    await e2e.screenshot(page, 'admin-03-gan-don-vi');
    await units.getByRole('button', { name: 'LƯU LẠI' }).click();
    await expectLocator(row.getByText('Bộ phận Một cửa phường Cẩm Thành')).toBeVisible();

    await page.getByRole('button', { name: 'Gán quyền người dùng: Lê Văn Hùng' }).click();
    const box = grants.getByRole('checkbox', { name: 'Quyền tạo tài khoản công dân' });
    await box.check();
    // In a one-stop unit now, so the box is free.
    await e2e.screenshot(page, 'admin-04-gan-quyen');
    await grants.getByRole('button', { name: 'LƯU LẠI' }).click();
    await expectLocator(page.getByText('Đã lưu quyền của Lê Văn Hùng.')).toBeVisible();

    // "XUẤT EXCEL" of the same filter: a real workbook with that one row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'XUẤT EXCEL' }).click()]);
    const [sheet] = await readWorkbook(fs.readFileSync((await download.path())!));
    expect(sheet!.rows).toHaveLength(2);
    expect(sheet!.rows[1]!.slice(0, 4)).toEqual(['1', 'Lê Văn Hùng', 'chuyenvien.demo', '']);
    expect(sheet!.rows[1]![6]).toContain('000.15.15.H48 Bộ phận Một cửa phường Cẩm Thành');
    await context.close();

    // The officer now creates an account at the desk.
    const officer = await e2e.newPage();
    await officerLogin(officer.page, 'chuyenvien.demo');
    await openCreateForm(officer.page);
    // Not an administrator: the back-office screens are not in their menu.
    expect(await officer.page.getByRole('menuitem', { name: 'Quản lý người dùng' }).count()).toBe(0);
    await fillStep1(officer.page, scanPdf, { idNumber: '051093000456', name: 'Hồ Thị Duyên', birth: '20/11/1993', phone: '0366112233' });
    const sentAt = e2e.clock.now();
    await officer.page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    const otp = (await e2e.waitForMessage('0366112233', /OTP .* là (\d{6}),/, sentAt)).match[1]!;
    await officer.page.getByLabel('Nhập OTP').fill(otp);
    await officer.page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expectLocator(officer.page.getByText('Tạo tài khoản thành công')).toBeVisible();
    await officer.context.close();
  });

  it('adds an officer with "+THÊM MỚI" and deactivates them after a confirmation', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page, 'admin.demo');
    await page.getByRole('menuitem', { name: 'Quản lý người dùng' }).click();
    await page.getByRole('button', { name: '+THÊM MỚI' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm mới tài khoản' });
    await dialog.getByLabel('Họ và tên').fill('Đinh Công Tráng');
    await dialog.getByLabel('Tên đăng nhập').fill('dinh.trang');
    await dialog.getByLabel('Số điện thoại').fill('0977445566');
    await dialog.getByLabel('Đơn vị công tác').fill('nghia lo');
    await page.getByRole('option', { name: /Bộ phận Một cửa phường Nghĩa Lộ/ }).click();
    await dialog.getByText('Thêm mới tài khoản', { exact: true }).click(); // the title, above the open list: closes it
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await e2e.screenshot(page, 'admin-05-them-moi');
    await dialog.getByRole('button', { name: 'LƯU LẠI' }).click();
    await expectLocator(page.getByText(/Đã thêm tài khoản Đinh Công Tráng/)).toBeVisible();
    await e2e.waitForMessage('0977445566', /Tên đăng nhập: dinh\.trang\nMật khẩu tạm thời: (\S+)$/);

    await page.getByLabel('Tên:').fill('dinh cong');
    await page.getByRole('button', { name: 'TÌM KIẾM' }).click();
    const row = page.getByRole('row', { name: /Đinh Công Tráng/ });
    await row.getByRole('button', { name: 'Ngừng kích hoạt' }).click();
    await expectLocator(page.getByText('sẽ bị đăng xuất khỏi mọi thiết bị', { exact: false })).toBeVisible();
    await page.getByRole('tooltip').getByRole('button', { name: 'Ngừng kích hoạt' }).click();
    await expectLocator(row.getByText('Không kích hoạt')).toBeVisible();
    await e2e.screenshot(page, 'admin-06-ngung-kich-hoat');
    await context.close();
  });
  it('finds an officer by any part of the phone number, typed with spaces or "+84", on Enter', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page, 'admin.demo');
    await page.getByRole('menuitem', { name: 'Quản lý người dùng' }).click();
    const phone = page.getByLabel('Số điện thoại:');
    /** Types the number and searches (Enter, or the button), until the list's answer for it is in. */
    const search = async (typed: string, how: 'Enter' | 'TÌM KIẾM') => {
      await phone.fill(typed);
      const answered = page.waitForResponse((r) => r.url().includes('/api/admin/users?') && new URL(r.url()).searchParams.get('phone') === typed);
      if (how === 'Enter') await phone.press('Enter');
      else await page.getByRole('button', { name: 'TÌM KIẾM' }).click();
      await answered;
    };
    // Lê Văn Hùng's number is 0358001122: its middle, typed as people write it.
    await search('800 112', 'Enter');
    await expectLocator(page.getByText('Tìm thấy 1 kết quả')).toBeVisible();
    await expectLocator(page.getByRole('row', { name: /Lê Văn Hùng/ })).toBeVisible();
    await e2e.screenshot(page, 'admin-07-tim-theo-so-dien-thoai');
    await search('+84 358 001 122', 'Enter');
    await expectLocator(page.getByText('Tìm thấy 1 kết quả')).toBeVisible();
    await expectLocator(page.getByRole('row', { name: /Lê Văn Hùng/ })).toBeVisible();
    await search('358 00', 'TÌM KIẾM');
    // Every officer whose number has "35800": Lê Văn Hùng, Ngô Thị Thu (0358005566), Đỗ Văn Bưu (0358003344)…
    await expectLocator(page.getByRole('row', { name: /Ngô Thị Thu/ })).toBeVisible();
    await expectLocator(page.getByRole('row', { name: /Đỗ Văn Bưu/ })).toBeVisible();
    expect(await page.getByRole('row', { name: /Trần Tuấn Hiệp/ }).count()).toBe(0);
    await context.close();
  });

  it('shows the last page for a page beyond it in the address, and page 1 for one that is not a page', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page, 'admin.demo');
    await page.getByRole('menuitem', { name: 'Quản lý người dùng' }).click();
    await page.goto(`${USERS}?pageSize=2&page=999`);
    await page.waitForURL((u) => u.searchParams.get('page') !== '999');
    const last = await shown(page);
    const lastPage = Math.ceil(last.total / 2);
    expect(last.total).toBeGreaterThan(4);
    // The rows of the last page, the pager on it, the address saying so, STT counting on.
    expect(last).toMatchObject({ current: lastPage, pageInAddress: String(lastPage) });
    expect(last.stt[0]).toBe(String((lastPage - 1) * 2 + 1));
    expect(last.stt.at(-1)).toBe(String(last.total));
    await e2e.screenshot(page, 'admin-08-trang-vuot-qua');
    // The address was corrected in place: Back does not return to the page that does not exist.
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('page')).not.toBe('999');
    for (const wrong of ['abc', '-3', '0', '2.5']) {
      await page.goto(`${USERS}?pageSize=2&page=${wrong}`);
      await page.waitForURL((u) => u.searchParams.get('page') === '1');
      expect(await shown(page)).toMatchObject({ current: 1, stt: ['1', '2'] });
    }
    await context.close();
  });

  it('"HỦY BỎ" leaves nothing behind in the dialogs, and Enter submits the new-officer form', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page, 'admin.demo');
    await page.getByRole('menuitem', { name: 'Quản lý người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm mới tài khoản' });
    await page.getByRole('button', { name: '+THÊM MỚI' }).click();
    await dialog.getByLabel('Họ và tên').fill('Phan Văn Hủy');
    await dialog.getByLabel('Tên đăng nhập').fill('motcua.demo');
    await dialog.getByLabel('Số điện thoại').fill('0388123457');
    // Enter in a field submits; the server refuses the taken name.
    await dialog.getByLabel('Số điện thoại').press('Enter');
    await expectLocator(dialog.getByRole('alert').getByText('Tên đăng nhập đã được dùng; hãy chọn tên khác.')).toBeVisible();
    await dialog.getByRole('button', { name: 'HỦY BỎ' }).click();
    await expectLocator(dialog).toBeHidden();
    // Opened again: an empty form, no refusal from before.
    await page.getByRole('button', { name: '+THÊM MỚI' }).click();
    await expectLocator(dialog.getByLabel('Họ và tên')).toBeVisible();
    expect(await dialog.getByLabel('Họ và tên').inputValue()).toBe('');
    expect(await dialog.getByLabel('Tên đăng nhập').inputValue()).toBe('');
    expect(await dialog.getByLabel('Số điện thoại').inputValue()).toBe('');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await e2e.screenshot(page, 'admin-09-mo-lai-form-trong');
    await dialog.getByLabel('Họ và tên').fill('Phan Văn Nhập');
    await dialog.getByLabel('Tên đăng nhập').fill('phan.nhap');
    await dialog.getByLabel('Số điện thoại').fill('0388 123 457');
    await dialog.getByLabel('Tên đăng nhập').press('Enter');
    await expectLocator(page.getByText(/Đã thêm tài khoản Phan Văn Nhập/)).toBeVisible();
    await expectLocator(dialog).toBeHidden();

    // "Gán người dùng vào đơn vị": a search and a ticked unit are gone after "HỦY BỎ".
    const name = page.getByLabel('Tên:');
    await name.fill('phan van nhap');
    await name.press('Enter');
    await expectLocator(page.getByText('Tìm thấy 1 kết quả')).toBeVisible();
    const units = page.getByRole('dialog', { name: /Gán người dùng vào đơn vị/ });
    const search = units.getByLabel('Mã định danh hoặc Tên đơn vị');
    const nghiaLo = units.getByRole('checkbox', { name: 'Chọn Bộ phận Một cửa phường Nghĩa Lộ' });
    await page.getByRole('button', { name: 'Gán người dùng vào đơn vị: Phan Văn Nhập' }).click();
    await search.fill('000.17');
    await search.press('Enter');
    await nghiaLo.check();
    await units.getByRole('button', { name: 'HỦY BỎ' }).click();
    await expectLocator(units).toBeHidden();
    await page.getByRole('button', { name: 'Gán người dùng vào đơn vị: Phan Văn Nhập' }).click();
    await expectLocator(search).toBeVisible();
    expect(await search.inputValue()).toBe('');
    await search.fill('000.17');
    await search.press('Enter');
    await nghiaLo.waitFor();
    expect(await nghiaLo.isChecked()).toBe(false);
    // Nothing was saved either.
    await expectLocator(units.getByText('Người dùng chưa được gán đơn vị nào')).toBeVisible();
    await context.close();
  });
});
