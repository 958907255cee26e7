// "Quản lý cơ quan/đơn vị" clicked through in Chromium: the high-level administrator searches a unit
// without accents, the tree opens down to it, and a unit is added under it with a valid Mã định danh;
// a rename dated 01/01 next year shows as planned until it is cancelled; the unit picker tells the
// two "UBND phường Nghĩa Lộ" apart by path and code; a move to another province is confirmed first.
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

  it('plans a rename for 01/01 next year, shows it as planned, cancels it; tells units apart and confirms a move to another province', async () => {
    const { page, context } = await e2e.newPage();
    const nextYear = new Date().getFullYear() + 1;
    const newYear = `01/01/${nextYear}`;
    await adminLogin(page);
    await visible(page.getByRole('menuitem', { name: 'Quản lý cơ quan/đơn vị' }));
    // An old link past the last page of a search shows the last page, and the address says so.
    await page.goto('/quan-tri/co-quan-don-vi?q=nghia%20lo&page=99');
    await visible(page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByText('Tìm thấy 4 kết quả'));
    await page.waitForURL((u) => u.searchParams.get('page') === '1');
    await visible(page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('button', { name: 'UBND phường Nghĩa Lộ' }));
    await page.getByRole('menuitem', { name: 'Quản lý cơ quan/đơn vị' }).click();
    await visible(page.getByRole('heading', { name: 'Quản lý cơ quan/đơn vị' }));
    const tree = page.getByRole('tree');
    const panel = page.locator('.ant-card').filter({ hasText: 'Thông tin đơn vị' });
    await visible(tree.getByText('UBND thành phố Hà Nội'));

    // The search keeps its text and page in the address; both Nghĩa Lộ wards are shown with their province.
    await page.getByLabel('Mã định danh hoặc tên đơn vị').fill('nghia lo');
    await page.getByRole('button', { name: 'TÌM KIẾM' }).click();
    const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' });
    await visible(results.getByText('UBND tỉnh Lào Cai'));
    await visible(results.getByText('UBND tỉnh Quảng Ngãi › UBND phường Nghĩa Lộ'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('nghia lo');
    await results.getByRole('button', { name: 'Bộ phận Một cửa phường Nghĩa Lộ' }).click();
    await visible(panel.getByText('000.17.15.H48'));

    // A rename dated 01/01 next year is saved as planned: the unit keeps its name until then.
    await panel.getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa thông tin đơn vị' });
    await edit.getByLabel('Tên đơn vị').fill('Bộ phận Tiếp nhận và Trả kết quả phường Nghĩa Lộ');
    const date = edit.getByLabel('Ngày hiệu lực');
    await date.click();
    await date.fill(newYear);
    await date.press('Enter');
    await edit.getByRole('button', { name: 'Lưu lại' }).click();
    await visible(page.getByText(`Đã lên lịch thay đổi, có hiệu lực từ ${newYear}.`));
    await edit.waitFor({ state: 'hidden' });
    const plannedText = `Dự kiến đổi tên thành Bộ phận Tiếp nhận và Trả kết quả phường Nghĩa Lộ từ ${newYear}`;
    await visible(tree.locator('.ant-tree-node-selected').getByText(plannedText));
    // The unit still has its name (the code, then the name, then the planned change).
    expect(await tree.locator('.ant-tree-node-selected').textContent()).toContain(`000.17.15.H48Bộ phận Một cửa phường Nghĩa Lộ${plannedText}`);
    await visible(panel.getByRole('alert').getByText(plannedText));
    await visible(panel.getByRole('region', { name: 'Thay đổi theo lịch' }).getByText('Chờ đến ngày hiệu lực'));
    await visible(page.getByRole('list', { name: 'Thay đổi dự kiến' }).getByText(plannedText));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agency-tree-du-kien.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await visible(panel.getByRole('alert').getByText(plannedText));
    // The planned change and the unit's scheduled changes, as they read on a phone.
    await panel.getByRole('alert').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agency-tree-du-kien-390.png') });
    await panel.getByRole('region', { name: 'Thay đổi theo lịch' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agency-tree-du-kien-390-lich.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 900 });

    // Cancelled, after a confirmation: the planned change is gone from the tree and the panel.
    await panel.getByRole('button', { name: 'Hủy thay đổi dự kiến' }).click();
    const confirmCancel = page.getByRole('dialog', { name: 'Hủy thay đổi dự kiến?' });
    await visible(confirmCancel.getByText(plannedText, { exact: false }));
    await confirmCancel.getByRole('button', { name: 'Hủy thay đổi' }).click();
    await visible(page.getByText('Đã hủy thay đổi dự kiến.'));
    await visible(panel.getByRole('region', { name: 'Thay đổi theo lịch' }).getByText('Đã hủy'));
    await tree.getByText(plannedText).waitFor({ state: 'detached' });
    expect(await panel.getByRole('alert').count()).toBe(0);

    // Moving the Cẩm Thành desk: the picker shows each unit's code and path, so the two Nghĩa Lộ differ.
    await page.getByLabel('Mã định danh hoặc tên đơn vị').fill('000.15.15.H48');
    await page.getByRole('button', { name: 'TÌM KIẾM' }).click();
    await results.getByRole('button', { name: 'Bộ phận Một cửa phường Cẩm Thành' }).click();
    await visible(panel.getByText('000.15.15.H48'));
    await panel.getByRole('button', { name: 'Chuyển đơn vị cấp trên' }).click();
    const move = page.getByRole('dialog', { name: 'Chuyển đơn vị cấp trên' });
    await move.getByLabel('Đơn vị cấp trên mới').fill('ubnd phuong nghia lo');
    const laoCai = page.getByRole('option').filter({ hasText: 'UBND tỉnh Lào Cai' }).filter({ hasText: 'UBND phường Nghĩa Lộ' });
    const quangNgai = page.getByRole('option').filter({ hasText: '000.02.15.H48' }).filter({ hasText: 'UBND tỉnh Quảng Ngãi' });
    await visible(laoCai);
    await visible(quangNgai);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agency-tree-chon-don-vi.png') });
    await laoCai.first().click();
    await visible(move.locator('.ant-select-content, .ant-select-selection-item').getByText('UBND tỉnh Lào Cai › UBND phường Nghĩa Lộ ·', { exact: false }));
    await move.getByRole('button', { name: 'Chuyển' }).click();
    // Another province: asked once more, with both paths.
    const confirmMove = page.getByRole('dialog', { name: 'Chuyển đơn vị sang tỉnh khác?' });
    await visible(confirmMove.getByText('UBND tỉnh Quảng Ngãi › UBND phường Cẩm Thành › Bộ phận Một cửa phường Cẩm Thành'));
    await visible(confirmMove.getByText('UBND tỉnh Lào Cai › UBND phường Nghĩa Lộ › Bộ phận Một cửa phường Cẩm Thành'));
    // (once the dialog has finished appearing over the first one)
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-modal-confirm')].some((m) => getComputedStyle(m.closest('.ant-modal') ?? m).opacity === '1'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'agency-tree-chuyen-tinh.png') });
    // Not this time: nothing moves.
    await confirmMove.getByRole('button', { name: 'Hủy bỏ' }).click();
    await confirmMove.waitFor({ state: 'hidden' });
    await move.getByRole('button', { name: 'Hủy bỏ' }).click();
    await visible(panel.getByText('UBND tỉnh Quảng Ngãi › UBND phường Cẩm Thành › Bộ phận Một cửa phường Cẩm Thành'));

    // The high-level administrator adds a bank at the top of the tree; only top-level kinds are offered.
    await page.getByRole('button', { name: 'Thêm đơn vị cấp cao nhất' }).click();
    const top = page.getByRole('dialog', { name: 'Thêm đơn vị cấp cao nhất' });
    await top.getByLabel('Mã định danh').fill('000.00.00.G70');
    await top.getByLabel('Tên đơn vị').fill('Ngân hàng Thương mại Cổ phần Ngoại thương Việt Nam');
    await top.getByLabel('Loại').click();
    await visible(page.getByRole('option', { name: 'Trung gian thanh toán' }));
    expect(await page.getByRole('option', { name: 'UBND xã/phường/đặc khu' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Ngân hàng' }).click();
    await visible(top.locator('.ant-select-content, .ant-select-selection-item').getByText('Ngân hàng'));
    await top.getByRole('button', { name: 'Thêm mới' }).click();
    await visible(page.getByText('Đã thêm đơn vị cấp cao nhất.'));
    await visible(tree.locator('.ant-tree-node-selected').getByText('Ngân hàng Thương mại Cổ phần Ngoại thương Việt Nam'));
    await visible(panel.getByText('000.00.00.G70'));
    await context.close();
  });
});
