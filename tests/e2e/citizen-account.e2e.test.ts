// SPEC §1 clicked through in Chromium with the real labels: an officer creates a citizen account,
// the citizen logs in with the SMS password and must change it. OTPs and passwords are read from
// the dev outbox, as a tester at the desk would read the citizen's phone.
import fs from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator, fillStep1, officerLogin, openCreateForm, scratchWithScan } from '../support/desk-flows.js';

/** The code in the OTP SMS (not the digits of a CCCD in the password SMS). */
const OTP_SMS = /OTP .* là (\d{6}),/;

let e2e: E2E;
let scratch: Awaited<ReturnType<typeof scratchWithScan>>;
let tmp: string;
let scanPdf: string;

beforeAll(async () => {
  e2e = await startE2E();
  scratch = await scratchWithScan();
  ({ dir: tmp, scanPdf } = scratch);
});

afterAll(async () => {
  await e2e?.close();
  scratch?.remove();
});

describe('Tạo tài khoản công dân', () => {
  it('creates an account end to end; the citizen logs in with the SMS password and must change it', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page);
    await openCreateForm(page);
    await e2e.screenshot(page, '01-buoc-1-trong');
    await fillStep1(page, scanPdf, { idNumber: '051094000123', name: 'Nguyễn Thị Bình', birth: '15/06/1994', phone: '0351239999', email: 'binh@example.vn' });
    await e2e.screenshot(page, '02-buoc-2');

    // "Tải xuống": the request form with everything the citizen must check.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải xuống' }).or(page.getByRole('button', { name: 'Tải xuống' })).click()]);
    const pdf = fs.readFileSync((await download.path())!);
    const { text } = await new PDFParse({ data: pdf }).getText();
    expect(text).toContain('Nguyễn Thị Bình');
    expect(text).toContain('051094000123');
    expect(text).toContain('Bộ phận Một cửa phường Cẩm Thành');
    expect(text).toContain('Trần Tuấn Hiệp');

    const sentAt = e2e.clock.now();
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    await expectLocator(page.getByText(/Mã OTP còn hiệu lực/)).toBeVisible();
    const otp = (await e2e.waitForMessage('0351239999', OTP_SMS, sentAt)).match[1]!;
    await page.getByLabel('Nhập OTP').fill(otp);
    await e2e.screenshot(page, '03-buoc-3');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expectLocator(page.getByText('Tạo tài khoản thành công')).toBeVisible();
    await e2e.screenshot(page, '04-thanh-cong');

    const password = (await e2e.waitForMessage('0351239999', /Mật khẩu: (\S+)/, sentAt)).match[1]!;

    // The list shows the new account as created.
    await page.getByRole('button', { name: 'Về danh sách' }).click();
    const row = page.getByRole('row', { name: /Nguyễn Thị Bình/ });
    await expectLocator(row.getByText('Đã tạo tài khoản')).toBeVisible();
    await e2e.screenshot(page, '05-danh-sach');
    await context.close();

    // The citizen logs in with the CCCD and the SMS password, and is made to change it.
    const citizen = await e2e.newPage();
    await citizen.page.goto('/dang-nhap');
    await citizen.page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill('051094000123');
    await citizen.page.getByLabel('Mật khẩu').fill(password);
    await citizen.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expectLocator(citizen.page.getByText('Bạn cần đổi mật khẩu trước khi sử dụng tài khoản.')).toBeVisible();
    await e2e.screenshot(citizen.page, '06-doi-mat-khau');
    await citizen.page.getByLabel('Mật khẩu hiện tại').fill(password);
    await citizen.page.getByLabel('Mật khẩu mới', { exact: true }).fill('Binh@2026moi');
    await citizen.page.getByLabel('Nhập lại mật khẩu mới').fill('Binh@2026moi');
    await citizen.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expectLocator(citizen.page.getByText('Nguyễn Thị Bình')).toBeVisible();
    await citizen.page.waitForURL(/\/tai-khoan/);
    await citizen.context.close();
  });

  it('says clearly that an account already exists and does not allow another', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page);
    await openCreateForm(page);
    await page.getByLabel('Số CMND/CCCD').fill('001090000001');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expectLocator(page.getByText(/đã có tài khoản trên Cổng Dịch vụ công/)).toBeVisible();
    expect(await page.getByLabel('Họ và tên').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tiếp tục' }).isDisabled()).toBe(true);
    await e2e.screenshot(page, '07-da-co-tai-khoan');
    await context.close();
  });

  it('refuses a 6 MB file and an image, saying why', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page);
    await openCreateForm(page);
    await page.getByLabel('Số CMND/CCCD').fill('079195000111');
    await page.getByRole('button', { name: 'Tra cứu' }).click();

    const big = path.join(tmp, 'CCCD-lon.pdf');
    const head = fs.readFileSync(scanPdf);
    fs.writeFileSync(big, Buffer.concat([head, Buffer.alloc(6 * 1024 * 1024 - head.length, 0x20)]));
    await page.getByLabel('Đính kèm CCCD/CMND').setInputFiles(big);
    await expectLocator(page.getByText(/vượt quá dung lượng cho phép 5 MB/)).toBeVisible();

    // A photo of the ID renamed to .pdf: refused by its content, not its name.
    const png = path.join(tmp, 'anh-cccd.pdf');
    fs.writeFileSync(
      png,
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
    );
    await page.getByLabel('Đính kèm CCCD/CMND').setInputFiles(png);
    await expectLocator(page.getByText(/là ảnh PNG, không phải doc, docx hoặc pdf/)).toBeVisible();
    await e2e.screenshot(page, '08-file-bi-tu-choi');
    // Neither refused file is shown as attached.
    expect(await page.getByText(/File đính kèm:/).count()).toBe(0);
    await context.close();
  });

  it('rejects a wrong and an expired OTP; a resend makes the old code stop working', async () => {
    const { page, context } = await e2e.newPage();
    await page.clock.install();
    await officerLogin(page);
    await openCreateForm(page);
    await fillStep1(page, scanPdf, { idNumber: '031187000222', name: 'Trần Văn Cường', birth: '02/03/1987', phone: '0988123456' });

    // Wrong code.
    let t = e2e.clock.now();
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    const first = (await e2e.waitForMessage('0988123456', OTP_SMS, t)).match[1]!;
    const wrong = first === '000000' ? '111111' : '000000';
    await page.getByLabel('Nhập OTP').fill(wrong);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expectLocator(page.getByText('Mã OTP không đúng. Còn 4 lần thử.')).toBeVisible();

    // Expired: 2 minutes pass on the server and in the browser.
    e2e.clock.advance(121_000);
    await page.clock.fastForward(121_000);
    await expectLocator(page.getByText(/Mã OTP đã hết hiệu lực/)).toBeVisible();
    await page.getByLabel('Nhập OTP').fill(first);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expectLocator(page.getByText(/Mã OTP đã hết hiệu lực \(quá 2 phút\)/)).toBeVisible();
    await e2e.screenshot(page, '09-otp-het-han');

    // Resend: a new code; the previous one is refused as old, the new one works.
    t = e2e.clock.now();
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    const second = (await e2e.waitForMessage('0988123456', OTP_SMS, t)).match[1]!;
    e2e.clock.advance(31_000);
    await page.clock.fastForward(31_000);
    t = e2e.clock.now();
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    const third = (await e2e.waitForMessage('0988123456', OTP_SMS, t)).match[1]!;
    expect(third).not.toBe(second);
    await page.getByLabel('Nhập OTP').fill(second);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expectLocator(page.getByText(/Đây là mã OTP cũ/)).toBeVisible();
    await page.getByLabel('Nhập OTP').fill(third);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expectLocator(page.getByText('Tạo tài khoản thành công')).toBeVisible();
    await context.close();
  });
});

describe('an officer without "Quyền tạo tài khoản công dân"', () => {
  it('does not find the screen in the menu, and at its address sees only why', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page, 'chuyenvien.demo');
    await page.waitForURL(/\/quan-tri$/);
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Trang chủ' })).toBeVisible();
    expect(await page.getByRole('menuitem', { name: 'Tạo tài khoản công dân' }).count()).toBe(0);
    await page.goto('/quan-tri/tao-tai-khoan-cong-dan');
    await expectLocator(page.getByText('Tài khoản của bạn không được sử dụng chức năng "Tạo tài khoản công dân".', { exact: false })).toBeVisible();
    expect(await page.getByRole('button', { name: 'Thêm mới' }).count()).toBe(0);
    await context.close();
  });
});
