// SPEC §3 clicked through in Chromium: the high-level administrator finds chuyenvien.demo, puts
// them in a one-stop unit, grants "Quyền tạo tài khoản công dân", exports the list to Excel; the
// officer can then create a citizen account.
import fs from 'node:fs';
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
});
