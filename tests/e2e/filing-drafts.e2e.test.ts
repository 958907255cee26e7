// Issue 15, "forms that catch mistakes": an online filing draft survives a session that expires
// while the citizen types ("Đăng nhập lại" → back on the form, the text restored), and two tabs on
// the same draft do not overwrite each other silently ("Bản nháp đã được thay đổi ở một cửa sổ khác").
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierDrafts } from '../../src/server/modules/dossiers/tables.js';
import { users } from '../../src/server/modules/users/tables.js';
import { sessions } from '../../src/server/platform/tables.js';
import { axeFindings, sidewaysOverflow } from '../support/a11y.js';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator } from '../support/desk-flows.js';

const PROCEDURE = '1.001193';
const FORM = `/nop-ho-so/${PROCEDURE}`;
const LOGIN = '001090000001';

let e2e: E2E;
let citizenId: string;

beforeAll(async () => {
  e2e = await startE2E();
  const [u] = await e2e.sys.deps.db.select({ id: users.id }).from(users).where(eq(users.idNumber, LOGIN));
  citizenId = u!.id;
});

afterAll(async () => {
  await e2e?.close();
});

async function signIn(page: Page) {
  await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill(LOGIN);
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Polls until the locator's input value is the expected one (the page fills it asynchronously). */
async function expectValue(locator: ReturnType<Page['getByLabel']>, expected: string) {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue().catch(() => '');
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toBe(expected);
}

const childGroup = (page: Page) => page.getByRole('group', { name: 'Người được khai sinh' });
const childName = (page: Page) => childGroup(page).getByLabel('Họ, chữ đệm, tên');

async function serverDraft() {
  const [d] = await e2e.sys.deps.db
    .select({ formData: dossierDrafts.formData, version: dossierDrafts.version })
    .from(dossierDrafts)
    .where(and(eq(dossierDrafts.applicantId, citizenId)));
  return d ? { formData: d.formData as Record<string, string>, version: d.version } : null;
}

async function openForm(page: Page) {
  await page.goto(FORM);
  await expectLocator(page.getByRole('heading', { name: 'Đăng ký khai sinh' })).toBeVisible();
  await expectValue(page.getByRole('group', { name: 'Người yêu cầu' }).getByLabel('Họ, chữ đệm, tên người yêu cầu'), 'Nguyễn Văn An');
}

describe('Bản nháp nộp hồ sơ trực tuyến', { shuffle: false }, () => {
  it('the session expires while typing: the page says so, "Đăng nhập lại" signs in and comes back with the text restored', { timeout: 180_000 }, async () => {
    const { page, context } = await e2e.newPage();
    await page.goto(`/dang-nhap?next=${encodeURIComponent(FORM)}`);
    await signIn(page);
    await page.waitForURL(`${e2e.baseUrl}${FORM}`);
    await openForm(page);

    await childName(page).fill('Nguyễn Minh Khang');
    await expectLocator(page.getByText(/Đã lưu nháp lúc \d{2}:\d{2}:\d{2}/)).toBeVisible();

    // The session ends on the server (as the idle timeout ends it) while the citizen goes on typing.
    await e2e.sys.deps.db.delete(sessions).where(eq(sessions.userId, citizenId));
    await childGroup(page).getByLabel('Nơi sinh').fill('Bệnh viện Đa khoa tỉnh Quảng Ngãi');
    await expectLocator(page.getByText('Phiên đăng nhập đã hết hạn nên hồ sơ chưa được lưu lên hệ thống.')).toBeVisible();
    await expectLocator(page.getByText('Chưa lưu: phiên đăng nhập đã hết hạn.')).toBeVisible();
    // Still on the form, with what was typed.
    expect(new URL(page.url()).pathname).toBe(FORM);
    await expectValue(childGroup(page).getByLabel('Nơi sinh'), 'Bệnh viện Đa khoa tỉnh Quảng Ngãi');
    expect(await axeFindings(page)).toEqual([]);
    await e2e.screenshot(page, 'ban-nhap-01-het-phien');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await sidewaysOverflow(page)).toBe(0);
    await e2e.screenshot(page, 'ban-nhap-01-het-phien-390');
    // Nothing of the last change reached the server.
    expect((await serverDraft())?.formData.childBirthPlace).toBeUndefined();

    await page.getByRole('link', { name: 'Đăng nhập lại' }).click();
    await page.waitForURL(`${e2e.baseUrl}/dang-nhap?next=${encodeURIComponent(FORM)}`);
    await expectLocator(page.getByLabel('Mật khẩu')).toBeVisible();
    await signIn(page);
    await page.waitForURL(`${e2e.baseUrl}${FORM}`);

    await expectLocator(page.getByText('Đã khôi phục nội dung bạn đã nhập')).toBeVisible();
    await expectValue(childName(page), 'Nguyễn Minh Khang');
    await expectValue(childGroup(page).getByLabel('Nơi sinh'), 'Bệnh viện Đa khoa tỉnh Quảng Ngãi');
    // …and saved to the draft on the server at once.
    await expectLocator(page.getByText(/Đã lưu nháp lúc \d{2}:\d{2}:\d{2}/)).toBeVisible();
    expect((await serverDraft())?.formData).toMatchObject({ childFullName: 'Nguyễn Minh Khang', childBirthPlace: 'Bệnh viện Đa khoa tỉnh Quảng Ngãi' });
    // The browser copy is gone once the server holds the same content.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('dvc.nop-ho-so.')))).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await e2e.screenshot(page, 'ban-nhap-02-da-khoi-phuc-390');
    await context.close();
  });

  it('two tabs on the same draft: the stale one is told, keeps its text knowingly, and the other reloads the latest', { timeout: 180_000 }, async () => {
    const { page: a, context } = await e2e.newPage();
    await a.goto(`/dang-nhap?next=${encodeURIComponent(FORM)}`);
    await signIn(a);
    await a.waitForURL(`${e2e.baseUrl}${FORM}`);
    await openForm(a);
    const b = await context.newPage();
    await openForm(b);
    const start = (await serverDraft())!.version;

    // Tab B saves first.
    await childName(b).fill('Trần Bảo Ngọc');
    await expectLocator(b.getByText(/Đã lưu nháp lúc/)).toBeVisible();
    expect(await serverDraft()).toMatchObject({ version: start + 1, formData: { childFullName: 'Trần Bảo Ngọc' } });

    // Tab A, opened before, is refused instead of overwriting.
    await childName(a).fill('Lê Gia Huy');
    await expectLocator(a.getByText('Bản nháp đã được thay đổi ở một cửa sổ khác')).toBeVisible();
    await expectLocator(a.getByText('Chưa lưu: bản nháp đã được thay đổi ở một cửa sổ khác.')).toBeVisible();
    expect((await serverDraft())?.formData.childFullName).toBe('Trần Bảo Ngọc');
    expect(await axeFindings(a)).toEqual([]);
    await e2e.screenshot(a, 'ban-nhap-03-xung-dot');
    await a.setViewportSize({ width: 390, height: 844 });
    expect(await sidewaysOverflow(a)).toBe(0);
    await e2e.screenshot(a, 'ban-nhap-03-xung-dot-390');

    // "Giữ nội dung của tôi": A overwrites, knowingly.
    await a.getByRole('button', { name: 'Giữ nội dung của tôi' }).click();
    await expectLocator(a.getByText(/Đã lưu nháp lúc/)).toBeVisible();
    expect(await serverDraft()).toMatchObject({ version: start + 2, formData: { childFullName: 'Lê Gia Huy' } });
    expect(await a.getByText('Bản nháp đã được thay đổi ở một cửa sổ khác').count()).toBe(0);

    // Now B is the stale one: "Tải lại bản mới nhất" shows A's content.
    await childGroup(b).getByLabel('Nơi sinh').fill('Bệnh viện Phụ sản Hà Nội');
    await expectLocator(b.getByText('Bản nháp đã được thay đổi ở một cửa sổ khác')).toBeVisible();
    await b.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await expectValue(childName(b), 'Lê Gia Huy');
    await expectLocator(b.getByText(/Đã khôi phục bản nháp lưu lúc/)).toBeVisible();
    expect(await b.getByText('Bản nháp đã được thay đổi ở một cửa sổ khác').count()).toBe(0);
    expect(await serverDraft()).toMatchObject({ version: start + 2, formData: { childFullName: 'Lê Gia Huy' } });
    await e2e.screenshot(b, 'ban-nhap-04-tai-lai');
    await context.close();
  });
});
