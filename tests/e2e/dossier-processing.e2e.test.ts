// Issue 7 in the back office, clicked through in Chromium: an online birth registration goes
// desk (receive, start) → specialist (work list, extension with an apology letter, forward) →
// leader (approve and sign) → desk (return the result), each officer seeing only the buttons of
// their role, and the signed result downloadable as a PDF.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urgency } from '../../src/server/platform/deadlines.js';
import { vnDate, workCalendar } from '../../src/server/platform/workdays.js';
import { pdfText } from '../support/pdf.js';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator, officerLogin } from '../support/desk-flows.js';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../support/dossiers.js';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const shiftDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);


/** A new browser context signed in as the officer, on the dossier's detail page. */
async function officerOn(username: string, id: string, code: string) {
  const { page, context } = await e2e.newPage();
  await officerLogin(page, username);
  await expectLocator(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await page.goto(`/quan-tri/ho-so/${id}`);
  await expectLocator(page.getByRole('heading', { name: `Hồ sơ ${code}` })).toBeVisible();
  return { page, context };
}

/** Clicks an action button guarded by a Popconfirm, confirms, and waits for the success message. */
async function confirmAction(page: Page, button: string, code: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.locator('.ant-popover').getByRole('button', { name: 'Xác nhận' }).click();
  await expectLocator(page.locator('.ant-message').getByText(new RegExp(`hồ sơ ${code.replace(/\./g, '\\.')}`))).toBeVisible();
}

const processing = () => processingCard(currentPage!);
let currentPage: Page | null = null;
const processingCard = (page: Page) => page.locator('.ant-card').filter({ has: page.getByText('Xử lý hồ sơ', { exact: true }) });

describe('Xử lý hồ sơ', () => {
  it('takes an online birth registration from reception to the returned, signed result', async () => {
    // The citizen files online (through the API, as the portal does).
    const citizen = await citizenClient(e2e.sys.app);
    const camThanh = await agencyId(e2e.sys.deps.db, '000.01.15.H48');
    const res = await submitKhaiSinh(citizen, camThanh, { formData: { childBirthDate: shiftDays(vnDate(new Date()), -5) } });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json<Submitted>();
    const codeRe = new RegExp(code.replace(/\./g, '\\.'));

    // The desk receives it and starts processing: the workflow appears, at "Tiếp nhận".
    const desk = await officerOn('motcua.demo', id, code);
    currentPage = desk.page;
    await desk.page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await desk.page.locator('.ant-popover').getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expectLocator(desk.page.getByText(`Đã tiếp nhận hồ sơ ${code}.`)).toBeVisible();
    await expectLocator(processing().getByText('Chờ chuyển xử lý')).toBeVisible();
    // Only the desk's actions at this point: nothing of the specialist or the leader.
    expect(await desk.page.getByRole('button', { name: 'Chuyển bước tiếp theo' }).count()).toBe(0);
    expect(await desk.page.getByRole('button', { name: 'Phê duyệt, ký kết quả' }).count()).toBe(0);
    await e2e.screenshot(desk.page, 'processing-01-cho-chuyen-xu-ly');
    await confirmAction(desk.page, 'Chuyển xử lý', code);
    await expectLocator(processing().locator('.ant-steps-item-process').getByText('Chuyên viên thẩm định, xử lý')).toBeVisible();
    expect(await desk.page.getByRole('button', { name: 'Chuyển xử lý' }).count()).toBe(0);
    const detail = await (await desk.page.request.get(`/api/desk/dossiers/${id}`)).json();
    const appointment: string = detail.appointmentDate;
    await desk.context.close();

    // The specialist finds it in "Hồ sơ cần xử lý", tagged by how close its promised date is.
    const cal = workCalendar();
    const tag = { overdue: 'Quá hạn', today: 'Đến hạn hôm nay', soon: 'Sắp đến hạn', later: 'Còn hạn' }[urgency(appointment, new Date(), cal)];
    const sp = await e2e.newPage();
    const page = sp.page;
    currentPage = page;
    await officerLogin(page, 'xuly.demo');
    await page.getByRole('menuitem', { name: 'Hồ sơ cần xử lý' }).click();
    await expectLocator(page.getByRole('heading', { name: 'Hồ sơ cần xử lý' })).toBeVisible();
    // The unit's figures: the online dossier just filed counts among those submitted online.
    await expectLocator(page.getByText('Chỉ số của đơn vị')).toBeVisible();
    await expectLocator(page.getByText(/^Nộp trực tuyến \(\d+\/\d+ hồ sơ\)$/)).toBeVisible();
    const row = page.getByRole('row', { name: codeRe });
    await expectLocator(row).toBeVisible();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Chuyên viên thẩm định, xử lý');
    expect(rowText).toContain(tag);
    expect(rowText).toContain(ddmmyyyy(appointment));
    expect(rowText).toContain('Đang xử lý');
    // Its bucket button narrows the list and is kept in the address. A birth registration is
    // promised for the first working day from its reception: due today, or soon after a day off,
    // never "Còn hạn" (which has no button).
    expect(tag).not.toBe('Còn hạn');
    await page.getByRole('button', { name: new RegExp(`^${tag} \\(\\d+\\)$`) }).click();
    await page.waitForURL(/bucket=(overdue|today|soon)/);
    await expectLocator(page.getByRole('row', { name: codeRe })).toBeVisible();
    // Search by the code finds it too.
    await page.getByLabel('Tìm theo mã hồ sơ hoặc CMND/CCCD').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/q=/);
    await expectLocator(page.getByText('Tìm thấy 1 hồ sơ')).toBeVisible();
    await e2e.screenshot(page, 'processing-02-ho-so-can-xu-ly');

    await page.getByRole('row', { name: codeRe }).click();
    await expectLocator(page.getByRole('heading', { name: `Hồ sơ ${code}` })).toBeVisible();
    await expectLocator(processing().getByRole('button', { name: 'Chuyển bước tiếp theo' })).toBeVisible();
    // Not the specialist's to approve, return or stop.
    for (const name of ['Phê duyệt, ký kết quả', 'Trả kết quả', 'Dừng xử lý']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await e2e.screenshot(page, 'processing-03-chi-tiet-chuyen-vien');

    // An extension to a day off is refused with the server's reason; to a working day it is
    // accepted, and the apology letter is there to print.
    let saturday = shiftDays(appointment, 1);
    while (new Date(`${saturday}T00:00:00Z`).getUTCDay() !== 6) saturday = shiftDays(saturday, 1);
    const newDate = cal.addWorkingDays(appointment, 3);
    await page.getByRole('button', { name: 'Gia hạn', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Gia hạn' });
    await dialog.getByRole('button', { name: 'Gia hạn' }).click();
    await expectLocator(dialog.getByText('Chọn ngày hẹn trả kết quả mới.')).toBeVisible();
    const date = dialog.getByLabel('Ngày hẹn trả kết quả mới');
    await date.fill(ddmmyyyy(saturday));
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByLabel('Lý do gia hạn').fill('Cần xác minh thông tin với nơi đăng ký thường trú của người mẹ');
    await dialog.getByRole('button', { name: 'Gia hạn' }).click();
    await expectLocator(dialog.getByRole('alert').getByText(`Ngày ${ddmmyyyy(saturday)} là ngày nghỉ`, { exact: false })).toBeVisible();
    await e2e.screenshot(page, 'processing-04-gia-han-ngay-nghi');
    await date.fill(ddmmyyyy(newDate));
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: 'Gia hạn' }).click();
    await expectLocator(page.getByRole('link', { name: 'Phiếu xin lỗi và hẹn lại' })).toBeVisible();
    expect(await processing().textContent()).toContain(`Gia hạn đến${ddmmyyyy(newDate)}`);
    const apology = await page.request.get(`/api/dossiers/${id}/apology.pdf`);
    expect(apology.headers()['content-type']).toContain('application/pdf');
    expect(pdfText(await apology.body())).toContain(ddmmyyyy(newDate));
    await e2e.screenshot(page, 'processing-05-da-gia-han');

    await confirmAction(page, 'Chuyển bước tiếp theo', code);
    await expectLocator(processing().locator('.ant-steps-item-process').getByText('Lãnh đạo phê duyệt, ký kết quả')).toBeVisible();
    // At the leader's step the specialist has no button at all.
    expect(await page.getByRole('button', { name: 'Phê duyệt, ký kết quả' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Chuyển bước tiếp theo' }).count()).toBe(0);
    await expectLocator(processing().getByText('Bước hiện tại không thuộc vai trò của bạn')).toBeVisible();
    await sp.context.close();

    // The leader approves: the result is signed, finished on time.
    const leader = await officerOn('lanhdao.demo', id, code);
    currentPage = leader.page;
    // First the leader reads what they will sign: an unsigned copy, marked as a preview.
    const previewLink = leader.page.getByRole('link', { name: 'Xem trước kết quả' });
    await expectLocator(previewLink).toBeVisible();
    const preview = await leader.page.request.get((await previewLink.getAttribute('href'))!);
    expect(preview.headers()['content-type']).toContain('application/pdf');
    expect(pdfText(await preview.body()).replace(/\s+/g, ' ')).toContain('BẢN XEM TRƯỚC – CHƯA KÝ, CHƯA CÓ GIÁ TRỊ PHÁP LÝ');
    await confirmAction(leader.page, 'Phê duyệt, ký kết quả', code);
    expect(await leader.page.getByRole('link', { name: 'Xem trước kết quả' }).count()).toBe(0);
    await expectLocator(leader.page.locator('.ant-tag').getByText('Đã xử lý xong')).toBeVisible();
    await expectLocator(processing().getByText('Đúng hạn', { exact: true })).toBeVisible();
    await expectLocator(leader.page.getByRole('link', { name: 'Tải kết quả (đã ký số)' })).toBeVisible();
    expect(await leader.page.getByRole('button', { name: 'Trả kết quả' }).count()).toBe(0);
    await leader.context.close();

    // The desk hands the result over.
    const back = await officerOn('motcua.demo', id, code);
    currentPage = back.page;
    await confirmAction(back.page, 'Trả kết quả', code);
    await expectLocator(back.page.locator('.ant-tag').getByText('Đã trả kết quả')).toBeVisible();
    expect(await processing().locator('.ant-steps-item-finish').count()).toBe(4);
    await expectLocator(back.page.getByText('Hoàn thành xử lý').first()).toBeVisible();
    await e2e.screenshot(back.page, 'processing-06-da-tra-ket-qua');

    const link = back.page.getByRole('link', { name: 'Tải kết quả (đã ký số)' });
    expect(await link.getAttribute('href')).toBe(`/api/dossiers/${id}/result.pdf`);
    const pdf = await back.page.request.get(`/api/dossiers/${id}/result.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(await pdf.body());
    expect(text).toContain(code);
    expect(text).toContain('GIẤY KHAI SINH');
    expect(text).toContain('Hoàng Minh Đức');
    await back.context.close();
  });
});
