// ADR 0012 clicked through in Chromium: after a stranger's wrong passwords, the owner on a new
// browser is asked for "Mã xác thực" sent to the phone, gets in with it, and that browser is known
// from then on (a password alone is enough again).
import type { Locator, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otpChallenges } from '../../src/server/platform/tables.js';
import { ACCOUNT_RULES } from '../../src/server/platform/auth/lockout.js';
import { startE2E, type E2E } from '../support/browser.js';
import { addCitizen, TEST_PASSWORD } from '../support/fixtures.js';
import { Http } from '../support/http.js';

const LOGIN_CODE_SMS = /Mã OTP đăng nhập .* là (\d{6}),/;
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const visible = (l: Locator) => l.first().waitFor({ state: 'visible' });

async function fillLogin(page: Page, id: string, password: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill(id);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

describe('Đăng nhập sau nhiều lần nhập sai', () => {
  it('asks the owner on a new browser for the SMS code, lets them in with it, and knows that browser next time', async () => {
    const owner = await addCitizen(e2e.sys.deps.db, e2e.clock.now());
    // A stranger, from addresses of their own, types wrong passwords.
    for (let i = 0; i < ACCOUNT_RULES.stepUpAfter; i++) {
      const res = await new Http(e2e.sys.app, `10.66.0.${i + 1}`).login('citizen', owner.idNumber, `Sai-mat-khau-${i}!`);
      expect(res.statusCode).toBe(401);
    }

    const { page, context } = await e2e.newPage();
    const sentAt = e2e.clock.now();
    await fillLogin(page, owner.idNumber, TEST_PASSWORD);
    await visible(page.getByText(/đăng nhập từ thiết bị này cần thêm mã xác thực/));
    const code = page.getByLabel('Mã xác thực');
    await visible(code);
    // The phone is shown only by its last two digits.
    await visible(page.getByText(`***${owner.phone.slice(-2)}`, { exact: false }));
    await e2e.screenshot(page, 'dang-nhap-ma-xac-thuc');

    // A wrong code: the page says so and keeps the field.
    const otp = (await e2e.waitForMessage(owner.phone, LOGIN_CODE_SMS, sentAt)).match[1]!;
    await code.fill(otp === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await visible(page.getByText(/Mật khẩu hoặc mã xác thực không đúng/));
    // "Gửi lại mã" sends a fresh code (a new challenge).
    const resentAt = e2e.clock.now();
    await page.getByRole('button', { name: 'Gửi lại mã' }).click();
    const fresh = (await e2e.waitForMessage(owner.phone, LOGIN_CODE_SMS, resentAt)).match[1]!;
    await page.getByLabel('Mã xác thực').fill(fresh);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Thông tin tài khoản' }));

    // Signed out, the same browser signs in with the password alone.
    await context.clearCookies({ name: 'dvc_session' });
    await fillLogin(page, owner.idNumber, TEST_PASSWORD);
    await visible(page.getByRole('heading', { name: 'Thông tin tài khoản' }));
    expect(await e2e.sys.deps.db.$count(otpChallenges, eq(otpChallenges.phone, owner.phone))).toBe(2);
    await context.close();
  });
});
