// "Thông báo" (issue 15), in Chromium: a citizen whose dossier the desk received sees the messages
// about it in the portal's "Thông báo" (with the unread count in the menu), opens the newest, which
// becomes read, follows it to the dossier, and marks the rest read. On a laptop and on a phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageProblems } from '../support/a11y.js';
import { startE2E, type E2E } from '../support/browser.js';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../support/dossiers.js';
import { loggedIn } from '../support/http.js';

let e2e: E2E;
let dossier: Submitted;

beforeAll(async () => {
  e2e = await startE2E();
  const citizen = await citizenClient(e2e.sys.app);
  const res = await submitKhaiSinh(citizen, await agencyId(e2e.sys.deps.db, '000.01.15.H48'));
  expect(res.statusCode, res.body).toBe(201);
  dossier = res.json<Submitted>();
  const desk = await loggedIn(e2e.sys.app, 'officer', 'motcua.demo');
  const received = await desk.post(`/api/desk/dossiers/${dossier.id}/receive`, {});
  expect(received.statusCode, received.body).toBe(200);
  const started = await desk.post(`/api/work/dossiers/${dossier.id}/actions/start`, {});
  expect(started.statusCode, started.body).toBe(200);
});

afterAll(async () => {
  await e2e?.close();
});

async function signIn(page: Page) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill('001090000001');
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Thông tin tài khoản' }).waitFor();
}

/** The unread count the menu's "Thông báo" link announces (0 when it shows no badge). */
async function badge(page: Page): Promise<number> {
  const name = (await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: /^Thông báo/ }).textContent()) ?? '';
  return Number(/\((\d+) chưa đọc\)/.exec(name)?.[1] ?? 0);
}

describe('Thông báo', () => {
  it('the citizen sees the message about their dossier, opens it and it becomes read; on a laptop, then on a phone', async () => {
    const { context, page } = await e2e.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const menuLink = nav.getByRole('link', { name: /^Thông báo/ });
    await menuLink.waitFor();
    // The filing, the reception, the start of processing: three SMS.
    await expect.poll(() => badge(page)).toBeGreaterThanOrEqual(3);
    const unreadBefore = await badge(page);
    await menuLink.click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    expect(await page.title()).toBe('Thông báo – Cổng Dịch vụ công');

    const list = page.getByRole('list', { name: 'Danh sách thông báo' });
    const newest = list.getByRole('listitem').first();
    await newest.waitFor();
    // "Đang được xử lý" is the newest message, unread (said in words, not only by colour).
    await expect(newest.textContent()).resolves.toContain(`Hồ sơ ${dossier.code} đang được xử lý`);
    await expect(newest.getByText('Chưa đọc').isVisible()).resolves.toBe(true);
    await expect(newest.textContent()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expect(page.getByRole('status').textContent()).resolves.toContain(`Bạn có ${unreadBefore} thông báo chưa đọc`);
    expect(await pageProblems(page, { site: 'Cổng Dịch vụ công', phone: false })).toEqual([]);
    await e2e.screenshot(page, 'thong-bao-1366-chua-doc');

    // Opening it: the whole text, marked read, one fewer in the menu.
    await newest.getByRole('button', { name: 'Xem nội dung' }).click();
    await newest.getByText('Đã đọc', { exact: true }).waitFor();
    await expect(newest.getByRole('button', { name: 'Thu gọn' }).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.getByRole('status').textContent()).resolves.toContain(`Bạn có ${unreadBefore - 1} thông báo chưa đọc`);
    expect(await badge(page)).toBe(unreadBefore - 1);
    await e2e.screenshot(page, 'thong-bao-1366-da-mo');

    // It links to the dossier.
    await newest.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.waitForURL(`**/ho-so-cua-toi/${dossier.id}`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();

    // On a phone: no sideways scroll, 44 px targets; a message opens in place.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await pageProblems(page, { site: 'Cổng Dịch vụ công', phone: true })).toEqual([]);
    await e2e.screenshot(page, 'thong-bao-390');
    const second = list.getByRole('listitem').nth(1);
    await second.getByRole('button', { name: 'Xem nội dung' }).click();
    await second.getByRole('button', { name: 'Thu gọn' }).waitFor();
    await expect(second.textContent()).resolves.toContain(`Hồ sơ ${dossier.code}`);
    await expect(second.textContent()).resolves.toContain('đã được tiếp nhận');
    expect(await pageProblems(page, { site: 'Cổng Dịch vụ công', phone: true })).toEqual([]);
    await e2e.screenshot(page, 'thong-bao-390-da-mo');

    // "Đánh dấu tất cả đã đọc": nothing unread, no badge.
    await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await page.getByText('Bạn đã đọc hết thông báo').waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await badge(page)).toBe(0);
    await expect(page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).isDisabled()).resolves.toBe(true);
    await expect(list.getByText('Chưa đọc').count()).resolves.toBe(0);
    await e2e.screenshot(page, 'thong-bao-390-da-doc-het');
    await context.close();
  });
});
