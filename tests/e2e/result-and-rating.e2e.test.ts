// The citizen's side of processing (issue 7), in Chromium: a birth registration driven to "Đã trả
// kết quả" by the officers (through the API), then the citizen downloads the signed result,
// verifies it on the public page (and sees a tampered copy rejected), rates the service once;
// an anonymous visitor follows the dossier with its code and the phone's last four digits; and a
// citizen withdraws a dossier still waiting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, smallTouchTargets } from '../support/a11y.js';
import { pdfText } from '../support/pdf.js';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator } from '../support/desk-flows.js';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../support/dossiers.js';
import { loggedIn, type Http } from '../support/http.js';
import { workCalendar } from '../../src/server/platform/workdays.js';

const AUTHENTIC = 'Văn bản điện tử xác thực, không bị thay đổi';
const NOT_AUTHENTIC = 'Văn bản KHÔNG xác thực được';

let e2e: E2E;
let dir: string;
let camThanh: string;

beforeAll(async () => {
  e2e = await startE2E();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-result-'));
  camThanh = await agencyId(e2e.sys.deps.db, '000.01.15.H48');
});

afterAll(async () => {
  await e2e?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});


async function expectOk(res: Promise<import('fastify').LightMyRequestResponse>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
}

/** An online "Đăng ký khai sinh" of the demo citizen, as submitted from the portal. */
async function submitted(citizen: Http): Promise<Submitted> {
  const res = await submitKhaiSinh(citizen, camThanh);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Submitted>();
}

/**
 * Desk receives and starts, the specialist extends the deadline (to the first working day after
 * the promised one, by the holiday calendar) and forwards, the leader signs, the desk returns the
 * result. Returns the new date, YYYY-MM-DD.
 */
async function processedAndReturned(id: string): Promise<string> {
  const app = e2e.sys.app;
  const [desk, processor, leader] = await Promise.all([
    loggedIn(app, 'officer', 'motcua.demo'),
    loggedIn(app, 'officer', 'xuly.demo'),
    loggedIn(app, 'officer', 'lanhdao.demo'),
  ]);
  const act = (h: Http, action: string) => expectOk(h.post(`/api/work/dossiers/${id}/actions/${action}`, {}));
  await expectOk(desk.post(`/api/desk/dossiers/${id}/receive`, {}));
  const started = await act(desk, 'start');
  const promised = started.json<{ appointmentDate: string }>().appointmentDate;
  const extendedTo = workCalendar().addWorkingDays(promised, 1);
  await expectOk(processor.post(`/api/work/dossiers/${id}/actions/extend`, { newDate: extendedTo, reason: 'cần xác minh thông tin với nơi đăng ký thường trú' }));
  await act(processor, 'forward');
  await act(leader, 'finish');
  const returned = await act(desk, 'return_result');
  expect(returned.json<{ status: number }>().status).toBe(10);
  return extendedTo;
}

async function citizenSignIn(page: Page) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill('001090000001');
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/tai-khoan/);
}

/** Chooses a file through the button's file chooser, as a person would. */
async function chooseFile(page: Page, buttonName: string, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: buttonName }).click()]);
  await chooser.setFiles(file);
}

describe('Kết quả điện tử, xác thực, đánh giá và tra cứu', () => {
  it('the citizen downloads the signed result, verifies it, sees a tampered copy rejected, rates once by criteria; a visitor tracks it', { timeout: 120_000 }, async () => {
    const citizen = await citizenClient(e2e.sys.app);
    const d = await submitted(citizen);
    const extendedTo = await processedAndReturned(d.id);
    const [y, m, dd] = extendedTo.split('-');
    const codeRe = new RegExp(d.code.replace(/\./g, '\\.'));

    const { page, context } = await e2e.newPage();
    await citizenSignIn(page);
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    await page.getByRole('row', { name: codeRe }).getByRole('link', { name: d.code }).click();
    await page.waitForURL(`${e2e.baseUrl}/ho-so-cua-toi/${d.id}`);
    await expectLocator(page.locator('.ant-tag').getByText('Đã trả kết quả')).toBeVisible();
    // The extension, with the apology letter.
    await expectLocator(page.getByText(`Gia hạn đến ${dd}/${m}/${y}`)).toBeVisible();
    const apology = page.getByRole('link', { name: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' });
    expect(await apology.getAttribute('href')).toBe(`/api/dossiers/${d.id}/apology.pdf`);
    const letter = await page.request.get(`/api/dossiers/${d.id}/apology.pdf`);
    expect(letter.headers()['content-type']).toContain('application/pdf');
    // Nothing left to withdraw once the result is returned.
    expect(await page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);

    // The signed result downloads as a PDF carrying the dossier's code.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải kết quả (đã ký số)' }).click()]);
    const original = path.join(dir, 'ket-qua.pdf');
    await download.saveAs(original);
    const pdf = fs.readFileSync(original);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain(d.code);

    // "Kiểm tra tính xác thực" opens the public page of its QR code: green.
    await page.getByRole('link', { name: 'Kiểm tra tính xác thực' }).click();
    await page.waitForURL(/\/xac-thuc\/[A-Za-z0-9_-]+$/);
    await expectLocator(page.getByText(AUTHENTIC)).toBeVisible();
    expect(await page.getByText(NOT_AUTHENTIC).count()).toBe(0);
    await expectLocator(page.getByText(d.code)).toBeVisible();
    await expectLocator(page.getByText('Nguyễn V. A.')).toBeVisible();
    // Its one signature: intact and trusted.
    await expectLocator(page.locator('.ant-tag').getByText('Nguyên vẹn', { exact: true })).toBeVisible();
    await expectLocator(page.locator('.ant-tag').getByText('Tin cậy', { exact: true })).toBeVisible();
    const token = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.getByRole('link', { name: 'Tải bản gốc' }).getAttribute('href')).toBe(`/api/verify/${token}/document.pdf`);

    // The downloaded file itself: authentic and issued here.
    const uploaded = page.getByTestId('upload-verdict');
    await chooseFile(page, 'Chọn tệp PDF để kiểm tra', original);
    await expectLocator(uploaded.getByText(AUTHENTIC)).toBeVisible();
    await expectLocator(uploaded.getByText('Tệp do hệ thống này cấp')).toBeVisible();
    await expectLocator(uploaded.getByText(codeRe)).toBeVisible();
    await e2e.screenshot(page, 'ket-qua-01-xac-thuc');

    // A copy with one byte of its text changed is not.
    const tampered = Buffer.from(pdf);
    let at = tampered.indexOf('Nguy');
    if (at < 0) at = tampered.indexOf('stream\n') + 40;
    tampered[at + 1] = tampered[at + 1]! ^ 1;
    const tamperedFile = path.join(dir, 'ket-qua-da-sua.pdf');
    fs.writeFileSync(tamperedFile, tampered);
    await chooseFile(page, 'Chọn tệp PDF để kiểm tra', tamperedFile);
    await expectLocator(uploaded.getByText('ket-qua-da-sua.pdf')).toBeVisible();
    await expectLocator(uploaded.getByText(NOT_AUTHENTIC)).toBeVisible();
    await expectLocator(uploaded.getByText(/Chữ ký không còn nguyên vẹn/)).toBeVisible();
    await expectLocator(uploaded.getByText('Tệp không trùng khớp với văn bản nào do hệ thống này cấp')).toBeVisible();
    expect(await uploaded.getByText(AUTHENTIC).count()).toBe(0);
    await e2e.screenshot(page, 'ket-qua-02-tep-bi-sua');

    // Back on the dossier: the rating, once.
    await page.goBack();
    await page.waitForURL(`${e2e.baseUrl}/ho-so-cua-toi/${d.id}`);
    // By criteria, as the national portal asks: each one a level; the overall is the lowest.
    const rating = page.locator('form[id="dossier-rating"]');
    await expectLocator(page.getByText('Đánh giá mức độ hài lòng')).toBeVisible();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expectLocator(page.getByText('Chọn mức độ hài lòng về "thời gian giải quyết".')).toBeVisible();
    expect(await page.getByText(/^Chọn mức độ hài lòng về/).count()).toBe(4);
    const criterion = (label: string) => rating.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) });
    for (const label of ['Tiếp cận thông tin, thủ tục hành chính', 'Thái độ, hướng dẫn của cán bộ', 'Kết quả giải quyết và chi phí']) {
      await criterion(label).getByText('Rất hài lòng', { exact: true }).click();
    }
    // The waiting (an extension) only Hài lòng: the overall says so.
    await criterion('Thời gian giải quyết').getByText('Hài lòng', { exact: true }).click();
    expect(await criterion('Thời gian giải quyết').getByRole('radio', { name: 'Hài lòng', exact: true }).isChecked()).toBe(true);
    await expectLocator(page.getByTestId('rating-overall')).toBeVisible();
    expect(await page.getByTestId('rating-overall').innerText()).toBe('Mức chung: Hài lòng (theo tiêu chí được đánh giá thấp nhất)');
    await page.getByLabel('Ý kiến góp ý (không bắt buộc)').fill('Nhận kết quả nhanh, không phải đi lại.');
    await e2e.screenshot(page, 'ket-qua-03-danh-gia');
    await page.setViewportSize({ width: 390, height: 844 });
    await rating.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await axeFindings(page)).toEqual([]);
    await page.screenshot({ path: 'tests/e2e/screenshots/ket-qua-03b-danh-gia-390.png' });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expectLocator(page.getByText(/Bạn đã đánh giá:/)).toBeVisible();
    await page.reload();
    await expectLocator(page.getByText(/Bạn đã đánh giá:/)).toBeVisible();
    const given = page.locator('.ant-card').filter({ hasText: 'Bạn đã đánh giá' });
    await expectLocator(given.getByText('Hài lòng', { exact: true }).first()).toBeVisible();
    await expectLocator(given.getByRole('row', { name: /Thời gian giải quyết\s*Hài lòng/ })).toBeVisible();
    await expectLocator(given.getByRole('row', { name: /Thái độ, hướng dẫn của cán bộ\s*Rất hài lòng/ })).toBeVisible();
    await expectLocator(page.getByText('Ý kiến: Nhận kết quả nhanh, không phải đi lại.')).toBeVisible();
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Hài lòng', exact: true }).count()).toBe(0);
    await e2e.screenshot(page, 'ket-qua-04-da-danh-gia');
    await context.close();

    // An anonymous visitor: the code and wrong digits say nothing, the right ones the history.
    const visitor = await e2e.newPage();
    const v = visitor.page;
    await v.goto('/');
    await v.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await v.waitForURL(/\/tra-cuu-ho-so/);
    await v.getByLabel('Mã hồ sơ').fill(d.code);
    await v.getByLabel('4 số cuối số điện thoại đăng ký').fill('0000');
    await v.getByLabel('4 số cuối số điện thoại đăng ký').press('Enter');
    await expectLocator(v.getByText('Không tìm thấy hồ sơ với mã hồ sơ và số điện thoại đã nhập.')).toBeVisible();
    expect(await v.getByText('Quá trình xử lý').count()).toBe(0);

    // The code from a link (?ma=), the right digits, Enter.
    await v.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(d.code)}`);
    expect(await v.getByLabel('Mã hồ sơ').inputValue()).toBe(d.code);
    await v.getByLabel('4 số cuối số điện thoại đăng ký').fill('5678');
    await v.getByLabel('4 số cuối số điện thoại đăng ký').press('Enter');
    const history = v.getByTestId('tracking-history');
    await expectLocator(history.getByText('Trả kết quả', { exact: true })).toBeVisible();
    await expectLocator(history.getByText('Nộp hồ sơ trực tuyến', { exact: true })).toBeVisible();
    await expectLocator(history.getByText('Hoàn thành xử lý', { exact: true })).toBeVisible();
    await expectLocator(v.getByText('Đăng ký khai sinh')).toBeVisible();
    expect(await v.getByText('Không tìm thấy hồ sơ').count()).toBe(0);
    await e2e.screenshot(v, 'ket-qua-05-tra-cuu');
    await visitor.context.close();
  });

  it('the citizen withdraws a dossier still waiting for reception', async () => {
    const citizen = await citizenClient(e2e.sys.app);
    const d = await submitted(citizen);
    const { page, context } = await e2e.newPage();
    await citizenSignIn(page);
    await page.goto(`/ho-so-cua-toi/${d.id}`);
    await expectLocator(page.locator('.ant-tag').getByText('Mới đăng ký')).toBeVisible();
    // Not returned yet: neither result nor rating.
    expect(await page.getByText('Đánh giá mức độ hài lòng').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Tải kết quả (đã ký số)' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rút hồ sơ' });
    await expectLocator(dialog.getByText(d.code)).toBeVisible();
    await dialog.getByLabel('Lý do rút hồ sơ (không bắt buộc)').fill('Nộp nhầm cơ quan tiếp nhận.');
    await e2e.screenshot(page, 'ket-qua-06-rut-ho-so');
    await dialog.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await expectLocator(page.getByText(`Đã rút hồ sơ ${d.code}.`)).toBeVisible();
    await expectLocator(page.locator('.ant-tag').getByText('Công dân yêu cầu rút hồ sơ')).toBeVisible();
    await expectLocator(page.getByRole('row', { name: /Công dân rút hồ sơ/ }).getByText('Nộp nhầm cơ quan tiếp nhận.')).toBeVisible();
    expect(await page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);

    const detail = (await citizen.get(`/api/my/dossiers/${d.id}`)).json<{ status: number }>();
    expect(detail.status).toBe(7);
    await context.close();
  });
});
