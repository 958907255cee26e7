// "Đăng nhập bằng VNeID" clicked through in Chromium: the citizen login page sends the person to
// the in-process VNeID simulator, they pick a demo identity, and they come back signed in. The app
// listens on its PUBLIC_URL (startE2E), so the redirect URI registered at the simulator matches.
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/modules/users/tables.js';
import { startE2E, type E2E } from '../support/browser.js';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

// vitest's expect has no Playwright matchers: a tiny polling shim for locators.
function expectLocator(locator: Locator) {
  return { toBeVisible: () => locator.first().waitFor({ state: 'visible' }) };
}

/** From "Đăng nhập" to the simulator's identity page. */
async function openVneid(page: Page, shot?: string) {
  await page.goto('/dang-nhap');
  await expectLocator(page.getByRole('link', { name: 'Đăng nhập bằng VNeID' })).toBeVisible();
  if (shot) await e2e.screenshot(page, shot);
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  const simulator = e2e.sys.vneidSimulator!.issuer;
  await page.waitForURL((url) => url.origin === simulator && url.pathname.startsWith('/interaction/'));
  expect(await page.title()).toBe('VNeID – Mô phỏng (môi trường thử nghiệm)');
  await expectLocator(page.getByText('MÔI TRƯỜNG THỬ NGHIỆM')).toBeVisible();
}

async function pickIdentity(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  await page.waitForURL(`${e2e.baseUrl}/tai-khoan`);
  await expectLocator(page.getByRole('heading', { name: 'Thông tin tài khoản' })).toBeVisible();
  await expectLocator(page.getByText(name, { exact: true })).toBeVisible();
}

const accountsWith = (idNumber: string) => e2e.sys.deps.db.select().from(users).where(eq(users.idNumber, idNumber));

describe('Đăng nhập bằng VNeID', () => {
  it('a person new to the portal picks their identity at VNeID and lands signed in to a new verified account', async () => {
    const { page, context } = await e2e.newPage();
    await openVneid(page, 'vneid-01-dang-nhap');
    await e2e.screenshot(page, 'vneid-02-mo-phong');
    await pickIdentity(page, 'Đặng Ngọc Lan');
    await e2e.screenshot(page, 'vneid-03-tai-khoan-moi');

    const accounts = await accountsWith('031301005502');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.identityVerifiedAt).not.toBeNull();
    await context.close();
  });

  it('the demo citizen with an existing account signs in with VNeID and keeps the same account', async () => {
    const [before] = await accountsWith('001090000001');
    const { page, context } = await e2e.newPage();
    await openVneid(page);
    await pickIdentity(page, 'Nguyễn Văn An');
    await e2e.screenshot(page, 'vneid-04-tai-khoan-lien-ket');

    const after = await accountsWith('001090000001');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before!.id, vneidSub: 'vneid-sim-6b0f1c2e-0001' });
    await context.close();
  });
});
