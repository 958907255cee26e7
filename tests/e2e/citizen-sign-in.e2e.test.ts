// SPEC §2 clicked through in Chromium: a citizen registers with an OTP and logs in; a citizen who
// forgot the password gets a new one with an OTP to the registered phone and logs in with it.
// Codes are read from the dev outbox, as the citizen reads their phone.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/browser.js';

const OTP_SMS = /OTP .* là (\d{6}),/;
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const visible = (l: Locator) => l.first().waitFor({ state: 'visible' });

async function login(page: Page, id: string, password: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill(id);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

describe('Đăng ký → Đăng nhập', () => {
  it('registers a citizen with an OTP, shows the password policy as it is typed, then logs in', async () => {
    const { page, context } = await e2e.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Đăng ký' }).first().click();
    await visible(page.getByRole('heading', { name: 'Đăng ký tài khoản' }));
    await page.getByLabel('Số CMND/CCCD').fill('036195001234');
    await page.getByLabel('Họ và tên').fill('Phạm Thu Hà');
    const birth = page.getByLabel('Ngày sinh');
    await birth.fill('08/03/1995');
    await birth.press('Enter');
    await page.getByLabel('Số điện thoại').fill('0988111222');
    await page.getByLabel('Email').fill('ha.pham@example.vn');
    await e2e.screenshot(page, '10-dang-ky-thong-tin');
    const sentAt = e2e.clock.now();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await visible(page.getByText(/Mã OTP còn hiệu lực/));
    await visible(page.getByText('Đã gửi mã OTP tới số 0988111222.'));
    const otp = (await e2e.waitForMessage('0988111222', OTP_SMS, sentAt)).match[1]!;
    // A wrong code first: the page says what happened and how many tries are left.
    await page.getByLabel('Mã OTP').fill(otp === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await visible(page.getByText('Mã OTP không đúng. Còn 4 lần thử.'));
    await page.getByLabel('Mã OTP').fill(otp);
    await e2e.screenshot(page, '11-dang-ky-otp');
    await page.getByRole('button', { name: 'Xác thực' }).click();
    await visible(page.getByText('Đã xác thực số điện thoại.'));

    // The policy list follows the typing: met rules turn green.
    const met = async () => {
      const out: string[] = [];
      for (const rule of ['Ít nhất 8 ký tự', 'Có chữ hoa', 'Có chữ thường', 'Có chữ số', 'Có ký tự đặc biệt']) {
        const cls = (await page.getByText(rule).first().getAttribute('class')) ?? '';
        if (cls.includes('ant-typography-success')) out.push(rule);
      }
      return out;
    };
    await page.getByLabel('Mật khẩu', { exact: true }).fill('thuha');
    expect(await met()).toEqual(['Có chữ thường']);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Hoa-Sen@2026!');
    expect(await met()).toHaveLength(5);
    await page.getByLabel('Nhập lại mật khẩu').fill('Hoa-Sen@2026?');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await visible(page.getByText('Mật khẩu nhập lại không khớp.'));
    await page.getByLabel('Nhập lại mật khẩu').fill('Hoa-Sen@2026!');
    await e2e.screenshot(page, '12-dang-ky-mat-khau');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await visible(page.getByText('Đăng ký tài khoản thành công'));
    await e2e.screenshot(page, '13-dang-ky-xong');

    await page.getByRole('main').getByRole('link', { name: 'Đăng nhập', exact: true }).click();
    await login(page, '0988111222', 'Hoa-Sen@2026!');
    await visible(page.getByRole('heading', { name: 'Thông tin tài khoản' }));
    await visible(page.getByText('ha.pham@example.vn'));
    await visible(page.getByText('08/03/1995'));
    await e2e.screenshot(page, '14-thong-tin-tai-khoan');
    await context.close();
  });

  it('says so when the CCCD already has an account', async () => {
    const { page, context } = await e2e.newPage();
    await page.goto('/dang-ky');
    await page.getByLabel('Số CMND/CCCD').fill('001090000001');
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn A');
    const birth = page.getByLabel('Ngày sinh');
    await birth.fill('01/01/1990');
    await birth.press('Enter');
    await page.getByLabel('Số điện thoại').fill('0988111333');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await visible(page.getByRole('alert').getByText(/đã có tài khoản trên Cổng Dịch vụ công/));
    await context.close();
  });
});

describe('Quên mật khẩu → Đăng nhập', () => {
  it('sets a new password with the OTP sent to the registered phone, and the new one logs in', async () => {
    const { page, context } = await e2e.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Quên mật khẩu' }).click();
    // The login page stays on screen while the next page's code arrives (the navigation is a
    // transition) and it has a field with the same label: wait for the page, as a reader would.
    await visible(page.getByRole('heading', { name: 'Quên mật khẩu' }));
    await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill('001090000001');
    const sentAt = e2e.clock.now();
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    await visible(page.getByText(/Nếu thông tin bạn nhập khớp với một tài khoản/));
    const otp = (await e2e.waitForMessage('0912345678', OTP_SMS, sentAt)).match[1]!;
    await page.getByLabel('Mã OTP').fill(otp);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('AnMoi@2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('AnMoi@2026');
    await e2e.screenshot(page, '15-quen-mat-khau');
    await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await visible(page.getByText('Đặt lại mật khẩu thành công'));

    await login(page, '001090000001', 'Demo@2026');
    await visible(page.getByRole('alert').getByText(/mật khẩu không đúng/));
    await login(page, '001090000001', 'AnMoi@2026');
    await visible(page.getByRole('heading', { name: 'Thông tin tài khoản' }));
    await context.close();
  });
});
