// The public catalogue in Chromium: a visitor starts on the home page, searches without accents,
// opens a procedure by life event and by field, reads the sections of the national database and
// downloads the tờ khai — a PDF that opens and asks what the e-form asks.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator } from '../support/desk-flows.js';
import { pdfText } from '../support/pdf.js';

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
    await page.getByRole('link', { name: 'Thủ tục hành chính' }).first().click();
    await expectLocator(page.getByText('Tìm thấy 5 thủ tục')).toBeVisible();
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expectLocator(page.getByText('Tìm thấy 1 thủ tục')).toBeVisible();
    await e2e.screenshot(page, 'thu-tuc-01-tim-kiem');
    await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible();
    await expectLocator(page.getByText('Dịch vụ công trực tuyến toàn trình')).toBeVisible();
    expect(await page.getByText(/^1\. Tờ khai đăng ký khai sinh/).count()).toBe(1);
    await page.goto('/thu-tuc/9.999999');
    await expectLocator(page.getByText('Không tìm thấy thủ tục hành chính này, hoặc thủ tục đã hết hiệu lực.')).toBeVisible();
    await context.close();
  });

  it('the home page: search, most used, by life event and by field, public figures, sign-in', async () => {
    for (const [width, height] of [
      [390, 844],
      [1366, 768],
    ] as const) {
      const { page, context } = await e2e.newPage();
      await page.setViewportSize({ width, height });
      await page.goto('/');
      await expectLocator(page.getByRole('heading', { level: 1, name: 'Cổng Dịch vụ công' })).toBeVisible();
      await expectLocator(page.getByRole('heading', { level: 2, name: 'Thủ tục được sử dụng nhiều nhất' })).toBeVisible();
      await expectLocator(page.getByRole('heading', { level: 2, name: `Tình hình giải quyết hồ sơ năm ${new Date().getFullYear()}` })).toBeVisible();
      for (const label of ['Hồ sơ đã tiếp nhận', 'Hồ sơ đã giải quyết', 'Tỷ lệ giải quyết đúng hạn', 'Tỷ lệ hài lòng']) await expectLocator(page.getByText(label, { exact: true })).toBeVisible();
      await expectLocator(page.getByRole('main').getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible();
      await expectLocator(page.getByText('Chưa có thủ tục trong danh mục').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await e2e.screenshot(page, `thu-tuc-00-trang-chu-${width}`);
      await context.close();
    }

    const { page, context } = await e2e.newPage();
    await page.goto('/');
    // By life event: "Người thân qua đời" lists the death registration and the extract copy.
    await page.getByRole('link', { name: /^Người thân qua đời/ }).click();
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Thủ tục theo sự kiện: Người thân qua đời' })).toBeVisible();
    await expectLocator(page.getByText('Tìm thấy 2 thủ tục')).toBeVisible();
    await expectLocator(page.getByRole('link', { name: 'Đăng ký khai tử' })).toBeVisible();
    await page.getByRole('button', { name: 'Bỏ lọc, xem mọi thủ tục' }).click();
    await expectLocator(page.getByText('Tìm thấy 5 thủ tục')).toBeVisible();
    // By field.
    await page.goto('/');
    await page.getByRole('link', { name: 'Chứng thực (1)' }).click();
    await expectLocator(page.getByRole('heading', { level: 1, name: 'Thủ tục lĩnh vực Chứng thực' })).toBeVisible();
    await expectLocator(page.getByText('Tìm thấy 1 thủ tục')).toBeVisible();
    // The search box of the home page, without accents.
    await page.goto('/');
    await page.getByLabel('Tìm thủ tục hành chính').fill('ket hon');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/thu-tuc\?q=ket(%20|\+)hon/);
    await expectLocator(page.getByRole('link', { name: 'Đăng ký kết hôn' })).toBeVisible();
    await context.close();
  });

  it('a procedure’s page has the sections of the national database and its tờ khai downloads as a PDF', async () => {
    for (const [width, height] of [
      [390, 844],
      [1366, 768],
    ] as const) {
      const { page, context } = await e2e.newPage();
      await page.setViewportSize({ width, height });
      await page.goto('/thu-tuc/2.000908');
      await expectLocator(page.getByRole('heading', { level: 2, name: 'Phí, lệ phí' })).toBeVisible();
      await expectLocator(page.getByText('2.000 ₫/trang').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.goto('/thu-tuc/1.001193');
      for (const h of [
        'Trình tự thực hiện',
        'Cách thức thực hiện',
        'Đối tượng thực hiện',
        'Điều kiện thực hiện',
        'Thành phần hồ sơ',
        'Phí, lệ phí',
        'Thời hạn giải quyết',
        'Căn cứ pháp lý',
        'Cơ quan thực hiện',
        'Kết quả thực hiện',
      ]) {
        await expectLocator(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
      }
      for (const h of ['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính']) await expectLocator(page.getByRole('heading', { level: 3, name: h })).toBeVisible();
      await expectLocator(page.getByText('Bước 4:')).toBeVisible();
      await expectLocator(page.getByText('Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014')).toBeVisible();
      await expectLocator(page.getByText('Miễn phí, lệ phí').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await e2e.screenshot(page, `thu-tuc-02-chi-tiet-${width}`);

      if (width === 1366) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Tải mẫu: Tờ khai đăng ký khai sinh/ }).click()]);
        expect(download.suggestedFilename()).toBe('Tờ khai đăng ký khai sinh.pdf');
        const pdf = fs.readFileSync((await download.path())!);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const text = pdfText(pdf, 'raw');
        for (const s of ['TỜ KHAI ĐĂNG KÝ KHAI SINH', 'Thông tin người mẹ', 'Quan hệ với người được khai sinh:', 'NGƯỜI YÊU CẦU']) expect(text).toContain(s);
      }
      await context.close();
    }
  });
});
