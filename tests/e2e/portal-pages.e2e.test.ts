// Issue 15: every portal page as a citizen meets it, on a phone (390 × 844) and on a laptop
// (1366 × 768): no sideways scroll, controls big enough to touch, one h1 that also names the tab,
// and no serious or critical axe-core finding (WCAG 2.1 A/AA). Screenshots of each page at both
// sizes land in tests/e2e/screenshots/portal-*.png. Then the phone menu, the skip link and the
// focus after a navigation, used with the keyboard.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, pageNames, pageProblems } from '../support/a11y.js';
import { startE2E, type E2E } from '../support/browser.js';
import { agencyId, citizenClient, KHAI_SINH, submitKhaiSinh, type Submitted } from '../support/dossiers.js';

let e2e: E2E;
let dossier: Submitted;

beforeAll(async () => {
  e2e = await startE2E();
  const citizen = await citizenClient(e2e.sys.app);
  const res = await submitKhaiSinh(citizen, await agencyId(e2e.sys.deps.db, '000.01.15.H48'));
  expect(res.statusCode, res.body).toBe(201);
  dossier = res.json<Submitted>();
});

afterAll(async () => {
  await e2e?.close();
});

const PUBLIC_PAGES = ['/', '/thu-tuc', `/thu-tuc/${KHAI_SINH}`, '/tra-cuu-ho-so', '/ho-tro', '/dang-nhap', '/dang-ky', '/quen-mat-khau', '/xac-thuc', '/phan-anh-kien-nghi'];
const CITIZEN_PAGES = () => ['/tai-khoan', '/doi-mat-khau', '/ho-so-cua-toi', `/ho-so-cua-toi/${dossier.id}`, '/kho-du-lieu', '/thong-bao', `/nop-ho-so/${KHAI_SINH}`, '/phan-anh-kien-nghi/gui'];

async function signedIn(context: BrowserContext, page: Page) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill('001090000001');
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Thông tin tài khoản' }).waitFor();
  return context;
}

/** What is wrong with each page, by path; an empty object when nothing is. */
async function problemsAt(viewport: { width: number; height: number }, label: string) {
  const problems: Record<string, string[]> = {};
  const titles = new Map<string, string>();
  for (const signed of [false, true]) {
    const { context, page } = await e2e.newPage();
    await page.setViewportSize(viewport);
    if (signed) await signedIn(context, page);
    for (const path of signed ? CITIZEN_PAGES() : PUBLIC_PAGES) {
      await openPage(page, path);
      const found = await pageProblems(page, { site: 'Cổng Dịch vụ công', phone: viewport.width < 768, home: path === '/' });
      const { title } = await pageNames(page);
      const sameTitle = titles.get(title);
      if (sameTitle) found.push(`same title as ${sameTitle}: ${title}`);
      titles.set(title, path);
      if (found.length) problems[path] = found;
      const name = path === '/' ? 'trang-chu' : path.slice(1).replace(/[/.]/g, '-').replace(/-[0-9a-f]{8}-[0-9a-f-]{27}$/, '-chi-tiet');
      await e2e.screenshot(page, `portal-${label}-${name}`);
    }
    await context.close();
  }
  return problems;
}

describe('every portal page', () => {
  // Sixteen pages each, with an axe run on every one: more than the default minute on a busy machine.
  it('on a phone, 390 × 844: no sideways scroll, 44 px controls, one h1 naming the tab, axe clean', async () => {
    expect(await problemsAt({ width: 390, height: 844 }, '390')).toEqual({});
  }, 180_000);

  it('on a laptop, 1366 × 768: one h1 naming the tab, axe clean', async () => {
    expect(await problemsAt({ width: 1366, height: 768 }, '1366')).toEqual({});
  }, 180_000);
});

describe('the portal with a keyboard on a phone', () => {
  it('folds the menu behind "Menu", opens it, and after a link the new page has the focus', async () => {
    const { context, page } = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, '/');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const help = nav.getByRole('link', { name: 'Hỗ trợ' });
    await expect(help.isVisible()).resolves.toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // The first Tab reaches the skip link; Enter jumps past the header to the page.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Bỏ qua menu, đến nội dung chính');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('noi-dung');

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await help.waitFor();
    await e2e.screenshot(page, 'portal-390-menu-mo');
    await help.focus();
    await page.keyboard.press('Enter');
    // The new page's heading has the focus (a screen reader reads it), the menu folded again.
    await page.getByRole('heading', { level: 1, name: 'Hướng dẫn, hỗ trợ' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hướng dẫn, hỗ trợ');
    expect(await page.title()).toBe('Hướng dẫn, hỗ trợ – Cổng Dịch vụ công');
    await expect(help.isVisible()).resolves.toBe(false);

    // A page that starts with a form puts the cursor in its first field instead.
    await menu.click();
    await nav.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).resolves.toBe('Ví dụ: 000.01.15.H48-261125-0001');
    await context.close();
  });
});

describe('Hồ sơ của tôi on a phone', () => {
  it('finds a dossier by its procedure typed without diacritics, filters by status, and clears the filters', async () => {
    const { context, page } = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signedIn(context, page);
    await openPage(page, '/ho-so-cua-toi');
    const search = page.getByLabel('Mã hồ sơ hoặc tên thủ tục');
    await search.fill('khai sinh');
    await search.press('Enter');
    await page.getByRole('status').getByText(/^Tìm thấy \d+ hồ sơ phù hợp\.$/).waitFor();
    await page.getByRole('link', { name: dossier.code }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('khai sinh');
    await e2e.screenshot(page, 'portal-390-ho-so-cua-toi-tim-kiem');

    await page.getByLabel('Trạng thái').click();
    await page.getByRole('option', { name: 'Đã trả kết quả' }).click();
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByText('Không tìm thấy hồ sơ phù hợp với điều kiện tìm kiếm.').waitFor();
    expect(await page.getByRole('link', { name: dossier.code }).count()).toBe(0);

    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.getByRole('link', { name: dossier.code }).waitFor();
    expect(await search.inputValue()).toBe('');

    // An old link past the last page shows the last page, with its dossiers.
    await page.goto('/ho-so-cua-toi?page=999&pageSize=20');
    await page.getByRole('link', { name: dossier.code }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('1');
    await context.close();
  });
});
