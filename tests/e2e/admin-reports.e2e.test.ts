// "Báo cáo tài khoản theo tháng" and "Nhật ký hệ thống" in Chromium: the high-level administrator
// sees the chart and the table of accounts created, downloads the same table as .xlsx, and finds
// their own sign-in in the audit log with its details.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../../src/common/text.js';
import { agencies } from '../../src/server/modules/agencies/tables.js';
import { citizenAccountRequests } from '../../src/server/modules/citizen-accounts/tables.js';
import { registrations } from '../../src/server/modules/registration/tables.js';
import { users } from '../../src/server/modules/users/tables.js';
import { readWorkbook } from '../../src/server/platform/files/xlsx.js';
import { newId } from '../../src/server/platform/ids.js';
import { startE2E, type E2E } from '../support/browser.js';

let e2e: E2E;
const visible = (l: Locator) => l.first().waitFor({ state: 'visible' });
/** "MM/YYYY" of an instant in Vietnam time. */
const vnMonth = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', month: '2-digit', year: 'numeric' }).format(d);

let thisMonth: string;
let lastMonth: string;

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.sys.deps.db;
  const now = new Date();
  const before = new Date(now.getTime() - 35 * 24 * 3600 * 1000);
  thisMonth = vnMonth(now);
  lastMonth = vnMonth(before);
  const agency = async (code: string) => (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)))[0]!.id;
  const desk = await agency('000.15.15.H48');
  const desk2 = await agency('000.17.15.H48');
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'motcua.demo'));
  // Accounts created at the desks: Cẩm Thành 3 last month and 2 this month, Nghĩa Lộ 1 this month.
  const created: [string, Date][] = [
    [desk, before],
    [desk, before],
    [desk, before],
    [desk, now],
    [desk, now],
    [desk2, now],
  ];
  let i = 0;
  for (const [agencyId, at] of created) {
    i += 1;
    await db.insert(citizenAccountRequests).values({
      id: newId(),
      agencyId,
      officerId: officer!.id,
      idNumber: `05109400${String(i).padStart(4, '0')}`,
      fullName: 'Công Dân Mẫu',
      fullNameSearch: searchKey('Công Dân Mẫu'),
      birthDate: '1994-01-01',
      phone: '0905000000',
      attachmentId: newId(),
      status: 'completed',
      createdAt: new Date(at.getTime() - 60_000),
      updatedAt: at,
      completedAt: at,
    });
  }
  // Two citizens of Quảng Ngãi registered by themselves last month.
  for (const idNumber of ['051090001001', '062090001002']) {
    await db.insert(registrations).values({
      id: newId(),
      kind: 'citizen',
      idNumber,
      fullName: 'Người Tự Đăng Ký',
      phone: '0988000000',
      status: 'completed',
      createdAt: before,
      completedAt: before,
    });
  }
});

afterAll(async () => {
  await e2e?.close();
});

async function adminLogin(page: Page) {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('admin.demo');
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('menuitem', { name: 'Báo cáo tài khoản theo tháng' }));
}

/** The cells of the table row with a cell that reads exactly `text`. */
async function rowCells(page: Page, text: string): Promise<string[]> {
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) }).first();
  await visible(row);
  return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
}

describe('Báo cáo tài khoản theo tháng and Nhật ký hệ thống', () => {
  it('shows the chart and the table of accounts created, and exports the same table', async () => {
    const { context, page } = await e2e.newPage();
    await adminLogin(page);
    await page.getByRole('menuitem', { name: 'Báo cáo tài khoản theo tháng' }).click();
    await visible(page.getByRole('heading', { name: 'Báo cáo tài khoản theo tháng' }));
    // The last six months by default, this month last.
    expect(await page.getByLabel('Đến tháng').inputValue()).toBe(thisMonth);
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();

    const chart = page.getByRole('img', { name: /Biểu đồ số tài khoản tạo theo tháng/ });
    await visible(chart);
    await visible(chart.locator('.recharts-bar-rectangle'));
    expect(await chart.locator('.recharts-legend-item-text').allInnerTexts()).toEqual(['Cán bộ tạo tại Một cửa', 'Tự đăng ký']);

    await e2e.screenshot(page, 'admin-monthly-report');
    // The header of the first table (units); the provinces' table has the same columns.
    const headers = (await page.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
    const header = headers.slice(0, headers.indexOf('Tổng') + 1);
    expect(headers.slice(header.length)).toEqual(header);
    expect(header.slice(0, 2)).toEqual(['Mã định danh', 'Đơn vị']);
    expect(header).toEqual(expect.arrayContaining([lastMonth, thisMonth, 'Tổng']));
    const camThanh = await rowCells(page, 'Bộ phận Một cửa phường Cẩm Thành');
    expect(camThanh[0]).toBe('000.15.15.H48');
    // The first cell of a body row is the expand-free "Mã định danh", as in the header.
    const at = (month: string) => camThanh[header.indexOf(month)];
    expect([at(lastMonth), at(thisMonth), at('Tổng')]).toEqual(['3', '2', '5']);
    expect((await rowCells(page, 'Bộ phận Một cửa phường Nghĩa Lộ')).slice(-2)).toEqual(['1', '1']);
    expect((await rowCells(page, 'Cộng cán bộ tạo tại Một cửa')).slice(-1)).toEqual(['6']);
    expect((await rowCells(page, 'Tỉnh Quảng Ngãi')).slice(-1)).toEqual(['2']);
    await visible(page.getByText('Tổng cộng: 8 tài khoản'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-tai-khoan-\d{4}-\d{2}-\d{4}-\d{2}\.xlsx$/);
    const [sheet] = await readWorkbook(fs.readFileSync((await download.path())!));
    expect(sheet!.rows[0]![0]).toMatch(/^Báo cáo số tài khoản tạo theo tháng từ \d{2}\/\d{4} đến \d{2}\/\d{4} — Toàn quốc$/);
    expect(sheet!.rows[1]).toEqual(['Mã định danh', 'Đơn vị', ...header.slice(2, -1), 'Tổng']);
    const xlsxRow = sheet!.rows.find((r) => r[0] === '000.15.15.H48')!;
    expect(xlsxRow.slice(-1)).toEqual(['5']);
    expect(sheet!.rows.find((r) => r[1] === 'Tổng cộng')!.slice(-1)).toEqual(['8']);
    await context.close();
  });

  it('finds the sign-in in the audit log and shows its details', async () => {
    const { context, page } = await e2e.newPage();
    await adminLogin(page);
    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    await visible(page.getByRole('heading', { name: 'Nhật ký hệ thống' }));
    await page.getByLabel('Thao tác').click();
    await page.getByRole('option', { name: 'Đăng nhập', exact: true }).click();
    await page.getByLabel('Người thực hiện').fill('nguyen quan tri');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Nguyễn Quản Trị (admin.demo)' }).first();
    await visible(row);
    const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells).toEqual(expect.arrayContaining(['Đăng nhập', 'Người dùng: Nguyễn Quản Trị (admin.demo)', '127.0.0.1']));
    // To the second: two actions in the same minute are told apart.
    expect(cells.some((c) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(c))).toBe(true);
    expect(await page.getByRole('row').filter({ hasText: 'Đăng xuất' }).count()).toBe(0);
    // Expand the row: "Sau" says which side signed in, in words.
    await row.getByRole('button', { name: /mở rộng|expand/i }).click();
    await visible(page.getByText('Phân hệ'));
    await visible(page.getByRole('cell', { name: 'Cán bộ', exact: true }));
    await e2e.screenshot(page, 'admin-audit-log');
    await context.close();
  });
});
