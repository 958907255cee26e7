// "Quản lý cơ quan/đơn vị" clicked through in Chromium: the high-level administrator searches a unit
// without accents, the tree opens down to it, and a unit is added under it with a valid Mã định danh.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startE2E, type E2E } from '../support/browser.js';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible' });

/** Inside the scrolled area of the tree, not only in the page. */
async function expectInView(page: Page, node: Locator) {
  await page.waitForFunction(() => {
    const holder = document.querySelector('.ant-tree-list-holder')?.getBoundingClientRect();
    const selected = document.querySelector('.ant-tree-node-selected')?.getBoundingClientRect();
    return !!holder && !!selected && selected.top >= holder.top && selected.bottom <= holder.bottom;
  });
  expect(await node.count()).toBe(1);
}

async function adminLogin(page: Page) {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('admin.demo');
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('Quản lý cơ quan/đơn vị', () => {
  it('finds a unit by name without accents and adds a unit under it', async () => {
    const { page, context } = await e2e.newPage();
    await adminLogin(page);
    await page.getByRole('menuitem', { name: 'Quản lý cơ quan/đơn vị' }).click();
    await visible(page.getByRole('heading', { name: 'Quản lý cơ quan/đơn vị' }));
    // The tree starts with the provinces of the 2025 reference data.
    const tree = page.getByRole('tree');
    await visible(tree.getByText('UBND thành phố Hà Nội'));

    await page.getByLabel('Mã định danh hoặc tên đơn vị').fill('cam thanh');
    await page.getByRole('button', { name: 'TÌM KIẾM' }).click();
    const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' });
    await visible(results.getByText('UBND tỉnh Quảng Ngãi › UBND phường Cẩm Thành'));
    await results.getByRole('button', { name: 'Bộ phận Một cửa phường Cẩm Thành' }).click();

    // The tree opens down to it, scrolled so that it is in view, and the panel shows it.
    await visible(tree.locator('.ant-tree-node-selected').getByText('Bộ phận Một cửa phường Cẩm Thành'));
    await expectInView(page, tree.locator('.ant-tree-node-selected'));
    const panel = page.locator('.ant-card').filter({ hasText: 'Thông tin đơn vị' });
    await visible(panel.getByText('000.15.15.H48'));
    await visible(panel.getByText('UBND phường Cẩm Thành', { exact: false }));

    await panel.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị trực thuộc' });
    await dialog.getByLabel('Mã định danh').fill('000.15.15');
    await dialog.getByLabel('Tên đơn vị').fill('Tổ tiếp nhận hồ sơ đất đai phường Cẩm Thành');
    await dialog.getByLabel('Loại').click();
    await page.getByRole('option', { name: 'Phòng, ban chuyên môn' }).click();
    // The choice shows in the field (the open list is not waited for: another one may be fading out).
    await visible(dialog.locator('.ant-select-content, .ant-select-selection-item').getByText('Phòng, ban chuyên môn'));
    await dialog.getByRole('button', { name: 'Thêm mới' }).click();
    await visible(dialog.getByText('Mã định danh phải có dạng NNN.NN.NN.XNN, ví dụ 000.00.43.H35.'));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agency-tree-ma-sai.png') });

    await dialog.getByLabel('Mã định danh').fill('000.20.15.H48');
    await dialog.getByRole('button', { name: 'Thêm mới' }).click();
    await visible(page.getByText('Đã thêm đơn vị trực thuộc.'));
    await dialog.waitFor({ state: 'hidden' });

    // The new unit is selected in the tree under the one-stop desk, with its history.
    await visible(tree.locator('.ant-tree-node-selected').getByText('Tổ tiếp nhận hồ sơ đất đai phường Cẩm Thành'));
    await expectInView(page, tree.locator('.ant-tree-node-selected'));
    await visible(panel.getByText('000.20.15.H48'));
    await visible(panel.getByText('000.15.15.H48 — Bộ phận Một cửa phường Cẩm Thành'));
    const history = page.getByRole('region', { name: 'Lịch sử thay đổi' }).getByRole('table');
    await visible(history.getByText('Thành lập'));
    await visible(history.getByText('Nguyễn Quản Trị'));
    await page.getByRole('alert').waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await page.getByRole('alert').count()).toBe(0);
    // What the administrator sees (a full-page capture would resize the window and reset the tree's scroll).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agency-tree-them-don-vi.png') });
    await context.close();
  });
});
