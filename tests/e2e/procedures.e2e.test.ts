// The public catalogue in Chromium: a visitor finds "Đăng ký khai sinh" without typing accents and
// reads what to bring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator } from '../support/desk-flows.js';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

describe('Thủ tục hành chính', () => {
  it('finds a procedure without accents and shows its time, fees and documents', async () => {
    const { page, context } = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await expectLocator(page.getByText('Tìm thấy 5 thủ tục')).toBeVisible();
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expectLocator(page.getByText('Tìm thấy 1 thủ tục')).toBeVisible();
    await e2e.screenshot(page, 'thu-tuc-01-tim-kiem');
    await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await expectLocator(page.getByRole('heading', { name: 'Đăng ký khai sinh' })).toBeVisible();
    await expectLocator(page.getByText('Dịch vụ công trực tuyến toàn trình')).toBeVisible();
    await expectLocator(page.getByText('Miễn phí, lệ phí')).toBeVisible();
    expect(await page.getByText(/^1\. Tờ khai đăng ký khai sinh/).count()).toBe(1);
    await e2e.screenshot(page, 'thu-tuc-02-chi-tiet');
    await page.goto('/thu-tuc/9.999999');
    await expectLocator(page.getByText('Không tìm thấy thủ tục hành chính này, hoặc thủ tục đã hết hiệu lực.')).toBeVisible();
    await context.close();
  });
});
