// Issue 15, back office as each officer meets it: the home page ("Trang chủ") shows the figures
// of the officer's own work, each a link to its list; the menu holds only the screens the officer
// can use; an address of a screen they cannot use shows only the refusal.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue } from '../../src/common/api/dossiers-desk.js';
import type { Reply } from '../../src/common/api/contract.js';
import { openPage, pageProblems } from '../support/a11y.js';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator, officerLogin } from '../support/desk-flows.js';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../support/dossiers.js';
import { loggedIn } from '../support/http.js';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const menuNames = (page: Page) => page.locator('.ant-layout-sider').getByRole('menuitem').allInnerTexts();

/** The number a figure of the home page shows. */
async function figure(page: Page, label: string): Promise<number> {
  const link = page.getByRole('link', { name: new RegExp(`^${label}: `) });
  await expectLocator(link).toBeVisible();
  return Number((await link.locator('.home-figure-value').innerText()).replace(/\./g, ''));
}

describe('Trang chủ of the back office', () => {
  it('shows a desk officer what waits for reception, and counts a new online dossier', async () => {
    const desk = await loggedIn(e2e.sys.app, 'officer', 'motcua.demo');
    const waiting = async () => (await desk.get(`${listQueue.url}?status=1&page=1&pageSize=1`)).json<Reply<typeof listQueue>>().total;
    const { context, page } = await e2e.newPage();
    await officerLogin(page, 'motcua.demo');
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Trang chủ' })).toBeVisible();
    expect(await page.title()).toBe('Trang chủ – Quản trị · Cổng Dịch vụ công');
    expect(await figure(page, 'Hồ sơ chờ tiếp nhận')).toBe(await waiting());

    const citizen = await citizenClient(e2e.sys.app);
    expect((await submitKhaiSinh(citizen, await agencyId(e2e.sys.deps.db, '000.01.15.H48'))).statusCode).toBe(201);
    const before = await figure(page, 'Hồ sơ chờ tiếp nhận');
    await page.reload();
    await expect.poll(() => figure(page, 'Hồ sơ chờ tiếp nhận')).toBe(before + 1);
    await e2e.screenshot(page, 'quan-tri-trang-chu-mot-cua');

    await page.getByRole('link', { name: /^Hồ sơ chờ tiếp nhận: / }).click();
    await expectLocator(page.getByRole('tab', { name: 'Mới đăng ký', selected: true })).toBeVisible();
    await context.close();
  });

  it('a specialist sees the work figures, no desk or administration screen, and only a refusal at an administrator address', async () => {
    const { context, page } = await e2e.newPage();
    await officerLogin(page, 'xuly.demo');
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Trang chủ' })).toBeVisible();
    for (const label of ['Quá hạn', 'Đến hạn hôm nay', 'Sắp đến hạn', 'Đang giải quyết']) expect(await figure(page, label)).toBeGreaterThanOrEqual(0);
    expect(await menuNames(page)).toEqual(['Trang chủ', 'Hồ sơ cần xử lý']);
    expect(await page.getByText('Chức năng đang được xây dựng').count()).toBe(0);
    await e2e.screenshot(page, 'quan-tri-trang-chu-chuyen-vien');

    await page.goto('/quan-tri/quan-ly-nguoi-dung');
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    await expectLocator(page.getByText('Tài khoản của bạn không được sử dụng chức năng "Quản lý người dùng".', { exact: false })).toBeVisible();
    // Only the refusal: the screen's own controls are not there.
    expect(await page.getByRole('button', { name: 'Tìm kiếm' }).count()).toBe(0);
    await page.goto('/quan-tri/tiep-nhan-truc-tiep');
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    await context.close();
  });

  it('an officer with no role yet is told so; an administrator gets the administration screens', async () => {
    const none = await e2e.newPage();
    await officerLogin(none.page, 'chuyenvien.demo');
    await expectLocator(none.page.getByText('Tài khoản của bạn chưa được giao vai trò nào trong hệ thống.')).toBeVisible();
    await none.context.close();

    const admin = await e2e.newPage();
    await officerLogin(admin.page, 'admin.demo');
    await expectLocator(admin.page.getByRole('link', { name: 'Quản lý người dùng' }).first()).toBeVisible();
    expect(await menuNames(admin.page)).toEqual(
      expect.arrayContaining(['Quản lý người dùng', 'Quản lý cơ quan/đơn vị', 'Tạo tài khoản công dân', 'Nhật ký hệ thống']),
    );
    expect(await menuNames(admin.page)).not.toContain('Tiếp nhận trực tiếp');
    await admin.context.close();
  });
});

describe('every back-office screen', () => {
  it('has one h1 naming the tab and no serious or critical axe-core finding, for an administrator and a desk officer', async () => {
    const citizen = await citizenClient(e2e.sys.app);
    const dossier = (await submitKhaiSinh(citizen, await agencyId(e2e.sys.deps.db, '000.01.15.H48'))).json<Submitted>();
    const screens: [string, string[]][] = [
      ['admin.demo', ['/quan-tri', '/quan-tri/quan-ly-nguoi-dung', '/quan-tri/nhap-danh-sach-can-bo', '/quan-tri/co-quan-don-vi', '/quan-tri/bao-cao-thang', '/quan-tri/nhat-ky', '/quan-tri/thu-tuc-hanh-chinh', '/quan-tri/tao-tai-khoan-cong-dan', '/quan-tri/doi-mat-khau']],
      ['motcua.demo', ['/quan-tri/tiep-nhan-truc-tiep', '/quan-tri/ho-so-cho-tiep-nhan', '/quan-tri/ho-so-can-xu-ly', `/quan-tri/ho-so/${dossier.id}`, '/quan-tri/tao-tai-khoan-cong-dan/them-moi']],
    ];
    const problems: Record<string, string[]> = {};
    const signIn = await e2e.newPage();
    await signIn.page.goto('/quan-tri/dang-nhap', { waitUntil: 'networkidle' });
    const login = await pageProblems(signIn.page, { site: 'Quản trị · Cổng Dịch vụ công', phone: false });
    if (login.length) problems['/quan-tri/dang-nhap'] = login;
    await signIn.context.close();
    for (const [username, paths] of screens) {
      const { context, page } = await e2e.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await officerLogin(page, username);
      await page.waitForURL(/\/quan-tri$/);
      for (const path of paths) {
        await openPage(page, path);
        const found = await pageProblems(page, { site: 'Quản trị · Cổng Dịch vụ công', phone: false });
        if (found.length) problems[path] = found;
      }
      await context.close();
    }
    expect(problems).toEqual({});
  });
});
