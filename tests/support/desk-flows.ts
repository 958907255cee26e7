// Steps of the one-stop desk shared by browser tests: officer login, the "Tạo tài khoản công dân"
// form up to the OTP step, and a polling shim for Playwright locators.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import PDFDocument from 'pdfkit';
import { expect } from 'vitest';

export function makePdf(file: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const out = fs.createWriteStream(file);
    doc.pipe(out);
    doc.text(text);
    doc.end();
    out.on('finish', resolve);
    out.on('error', reject);
  });
}

/** A scratch folder holding CCCD.pdf, the ID scan a desk officer attaches. */
export async function scratchWithScan(): Promise<{ dir: string; scanPdf: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-e2e-'));
  const scanPdf = path.join(dir, 'CCCD.pdf');
  await makePdf(scanPdf, 'Mat truoc va mat sau CCCD');
  return { dir, scanPdf, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function officerLogin(page: Page, username = 'motcua.demo') {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function openCreateForm(page: Page) {
  await page.getByRole('menuitem', { name: 'Tạo tài khoản công dân' }).click();
  await expectLocator(page.getByRole('heading', { name: 'Tạo tài khoản công dân' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm mới' }).click();
}

/** Step 1 up to a saved draft; returns when the OTP step is on screen. */
export async function fillStep1(page: Page, scanPdf: string, c: { idNumber: string; name: string; birth: string; phone: string; email?: string }) {
  await page.getByLabel('Số CMND/CCCD').fill(c.idNumber);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  // Exact accessible name: the required-field asterisk must not be read out as part of it.
  await page.getByRole('textbox', { name: 'Họ và tên', exact: true }).fill(c.name);
  const birth = page.getByLabel('Ngày sinh');
  await birth.fill(c.birth);
  await birth.press('Enter');
  await page.getByLabel('Số điện thoại', { exact: true }).first().fill(c.phone);
  if (c.email) await page.getByLabel('Email').fill(c.email);
  await page.getByLabel('Đính kèm CCCD/CMND').setInputFiles(scanPdf);
  await expectLocator(page.getByText('File đính kèm: CCCD.pdf')).toBeVisible();
  // Only the officer's qualifying unit is offered, so it is already chosen; the other unit
  // ("Phòng Văn hóa - Xã hội…") must not be an option.
  await expectLocator(page.locator('.ant-select-content, .ant-select-selection-item').getByText('Bộ phận Một cửa phường Cẩm Thành')).toBeVisible();
  await page.getByLabel('Đơn vị').click();
  await expectLocator(page.getByRole('option', { name: 'Bộ phận Một cửa phường Cẩm Thành' })).toBeVisible();
  expect(await page.getByRole('option', { name: /Phòng Văn hóa/ }).count()).toBe(0);
  await page.getByRole('option', { name: 'Bộ phận Một cửa phường Cẩm Thành' }).click();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expectLocator(page.getByRole('button', { name: 'Gửi mã OTP' })).toBeVisible();
}

// vitest's expect has no Playwright matchers: a tiny polling shim for locators.
export function expectLocator(locator: import('playwright-core').Locator) {
  return {
    toBeVisible: () => locator.first().waitFor({ state: 'visible' }),
    /** Passes once nothing matching is visible (or nothing matches at all). */
    toBeHidden: () => locator.first().waitFor({ state: 'hidden' }),
  };
}

