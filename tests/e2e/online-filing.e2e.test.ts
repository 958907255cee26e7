// "Nộp hồ sơ trực tuyến" clicked through in Chromium: the demo citizen signs in with VNeID, keeps a
// paper in Kho dữ liệu, files "Đăng ký khai sinh" typing only the child's details (the rest comes
// from the population database, verified values locked), the draft survives a reload, and the
// submitted dossier gets its code, a receipt PDF and an SMS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, smallTouchTargets } from '../support/a11y.js';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator, makePdf } from '../support/desk-flows.js';
import { loggedIn } from '../support/http.js';

const PROCEDURE = '1.001193';
const CODE = /^000\.01\.15\.H48-\d{6}-\d{4}$/;
const DEMO_PHONE = '0912345678';

let e2e: E2E;
let dir: string;
let toKhai: string;
let chungSinh: string;
/** The dossier filed by the second test, and the citizen's browser still signed in. */
let filed: { id: string; code: string; page: Page; close: () => Promise<void> } | null = null;

beforeAll(async () => {
  e2e = await startE2E();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-filing-'));
  toKhai = path.join(dir, 'to-khai-khai-sinh.pdf');
  chungSinh = path.join(dir, 'giay-chung-sinh.pdf');
  await makePdf(toKhai, 'To khai dang ky khai sinh');
  await makePdf(chungSinh, 'Giay chung sinh');
});

afterAll(async () => {
  await filed?.close();
  await e2e?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Chooses a file through the button's file chooser, as a person would. */
async function chooseFile(page: Page, button: Locator, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

/** Polls until the locator's input value is the expected one (the page loads asynchronously). */
async function expectValue(locator: Locator, expected: string) {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue().catch(() => '');
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toBe(expected);
}

/** A few days ago, Vietnam date, YYYY-MM-DD. */
/** dd/mm/yyyy, n days before today in Vietnam. */
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() - n * 86_400_000));
}

// In file order, not shuffled (vitest.config.ts): the last two tests go on with the dossier the
// second one filed and with its citizen's browser, still signed in — one filing clicked through
// the real UI serves all three, instead of filing (and signing in with VNeID) again in each of
// them, which would double the slowest end-to-end file. Every other test here stands alone.
describe('Nộp hồ sơ trực tuyến', { shuffle: false }, () => {
  it('sends a signed-out visitor to sign in and back to the filing page', async () => {
    const { page, context } = await e2e.newPage();
    await page.goto(`/nop-ho-so/${PROCEDURE}`);
    await page.waitForURL(/\/dang-nhap\?next=%2Fnop-ho-so%2F1\.001193$/);
    await expectLocator(page.getByText('Bạn cần đăng nhập để tiếp tục.')).toBeVisible();
    await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill('001090000001');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${e2e.baseUrl}/nop-ho-so/${PROCEDURE}`);
    await expectLocator(page.getByRole('heading', { name: 'Đăng ký khai sinh' })).toBeVisible();
    await context.close();
  });

  it('the demo citizen files a birth registration, typing only the child, chooses to receive the result by post, and gets a code, a receipt and an SMS', { timeout: 120_000 }, async () => {
    const { page, context } = await e2e.newPage();

    // Signed in with VNeID (the simulator's demo identity).
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByRole('button', { name: 'Nguyễn Văn An' }).click();
    await page.waitForURL(`${e2e.baseUrl}/tai-khoan`);

    // The giấy chứng sinh goes to Kho dữ liệu first.
    await page.getByRole('link', { name: 'Kho dữ liệu' }).click();
    await expectLocator(page.getByRole('heading', { name: 'Kho dữ liệu' })).toBeVisible();
    await page.getByLabel('Tên giấy tờ').fill('Giấy chứng sinh của bé Khang');
    await chooseFile(page, page.getByRole('button', { name: 'Chọn tệp' }), chungSinh);
    await page.getByRole('button', { name: 'Thêm vào Kho dữ liệu' }).click();
    const stored = page.getByRole('row', { name: /Giấy chứng sinh của bé Khang/ });
    await expectLocator(stored.getByRole('link', { name: 'giay-chung-sinh.pdf' })).toBeVisible();
    await expectLocator(stored.getByText('Tải lên')).toBeVisible();
    await e2e.screenshot(page, 'nop-ho-so-01-kho-du-lieu');

    // From the catalogue to the filing page.
    await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.waitForURL(`${e2e.baseUrl}/nop-ho-so/${PROCEDURE}`);
    await expectLocator(page.getByText('Thời hạn giải quyết')).toBeVisible();

    // Prefilled from the population database and locked: the applicant and his wife, the mother.
    const applicantGroup = page.getByRole('group', { name: 'Người yêu cầu' });
    const applicantName = applicantGroup.getByLabel('Họ, chữ đệm, tên người yêu cầu');
    await expectValue(applicantName, 'Nguyễn Văn An');
    expect(await applicantName.getAttribute('readonly')).not.toBeNull();
    await expectLocator(applicantGroup.getByText('CSDL quốc gia về dân cư').first()).toBeVisible();
    await expectLocator(applicantGroup.getByText('Thông tin đã được xác thực, không sửa được').first()).toBeVisible();
    const motherGroup = page.getByRole('group', { name: 'Thông tin người mẹ' });
    const motherName = motherGroup.getByLabel('Họ, chữ đệm, tên');
    await expectValue(motherName, 'Phạm Thị Hoa');
    expect(await motherName.getAttribute('readonly')).not.toBeNull();
    await expectLocator(motherGroup.getByText('CSDL quốc gia về dân cư').first()).toBeVisible();
    // Typing into a locked field changes nothing.
    await motherName.pressSequentially('x');
    expect(await motherName.inputValue()).toBe('Phạm Thị Hoa');

    // Submitting too early says what is missing, next to each place.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expectLocator(page.getByText('Hồ sơ chưa đầy đủ; hãy kiểm tra các mục được đánh dấu đỏ.')).toBeVisible();
    await expectLocator(page.getByText('Chọn cơ quan tiếp nhận hồ sơ.')).toBeVisible();
    await expectLocator(page.getByRole('group', { name: 'Người được khai sinh' }).getByText('Nhập họ, chữ đệm, tên.')).toBeVisible();
    expect(await page.getByText('Chưa đính kèm bản điện tử của giấy tờ bắt buộc này.').count()).toBe(2);
    await expectLocator(page.getByText('Chọn hình thức nhận kết quả.')).toBeVisible();

    // The receiving agency, searched without accents.
    // Before anything is typed, the commune of the citizen's address (Hoàn Kiếm) comes first; every
    // line names its province.
    await page.getByLabel('Cơ quan tiếp nhận').click();
    await expectLocator(page.getByText('Theo nơi cư trú của bạn')).toBeVisible();
    await expectLocator(page.getByRole('option', { name: 'UBND phường Hoàn Kiếm – UBND thành phố Hà Nội' })).toBeVisible();
    await page.getByLabel('Cơ quan tiếp nhận').fill('cam thanh');
    await page.getByRole('option', { name: 'UBND phường Cẩm Thành – UBND tỉnh Quảng Ngãi' }).click();

    // Only the child is typed.
    const child = page.getByRole('group', { name: 'Người được khai sinh' });
    // What cannot be true is named as it is typed: digits in a name, a child born before its father.
    await child.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Minh Kh4ng');
    await expectLocator(child.getByText('Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch nối hoặc dấu nháy; không có chữ số hay ký hiệu.')).toBeVisible();
    await child.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Minh Khang');
    await child.getByLabel('Ngày, tháng, năm sinh').fill('01/01/1980');
    await expectLocator(child.getByText('Ngày sinh của người được khai sinh phải sau ngày sinh của người cha.')).toBeVisible();
    // Dates are dd/mm/yyyy in any browser: an impossible one is named, and digits typed on a
    // phone's number pad get their slashes.
    const birth = child.getByLabel('Ngày, tháng, năm sinh');
    await birth.fill('31/02/2026');
    await expectLocator(child.getByText('Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 08/03/1995.')).toBeVisible();
    await birth.fill('');
    await birth.pressSequentially(daysAgo(5).replace(/\//g, ''));
    await expectValue(birth, daysAgo(5));
    await child.getByRole('radio', { name: 'Nam' }).check();
    await child.getByLabel('Nơi sinh').fill('Bệnh viện Đa khoa tỉnh Quảng Ngãi');
    await child.getByLabel('Quê quán').fill('Phường Cẩm Thành, tỉnh Quảng Ngãi');

    // The tờ khai is uploaded; the giấy chứng sinh comes from Kho dữ liệu.
    const toKhaiDoc = page.getByRole('group', { name: 'Tờ khai đăng ký khai sinh', exact: true });
    await chooseFile(page, toKhaiDoc.getByRole('button', { name: 'Tải lên' }), toKhai);
    await expectLocator(toKhaiDoc.getByRole('link', { name: 'to-khai-khai-sinh.pdf' })).toBeVisible();
    const chungSinhDoc = page.getByRole('group', { name: /^Giấy chứng sinh/ });
    await chungSinhDoc.getByRole('button', { name: 'Chọn từ Kho dữ liệu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chọn giấy tờ từ Kho dữ liệu' });
    await dialog.getByRole('button', { name: 'Đính kèm Giấy chứng sinh của bé Khang' }).click();
    await expectLocator(chungSinhDoc.getByRole('link', { name: 'giay-chung-sinh.pdf' })).toBeVisible();
    await expectLocator(chungSinhDoc.getByText('Từ Kho dữ liệu')).toBeVisible();

    // Autosaved: the indicator, then a reload brings everything back.
    await expectLocator(page.getByText(/Đã lưu nháp lúc \d{2}:\d{2}:\d{2}/)).toBeVisible();
    await e2e.screenshot(page, 'nop-ho-so-02-to-khai');
    await page.reload();
    await expectLocator(page.getByText(/Đã khôi phục bản nháp lưu lúc/)).toBeVisible();
    await expectValue(page.getByRole('group', { name: 'Người được khai sinh' }).getByLabel('Họ, chữ đệm, tên'), 'Nguyễn Minh Khang');
    expect(await child.getByRole('radio', { name: 'Nam' }).isChecked()).toBe(true);
    await expectLocator(page.getByText('UBND phường Cẩm Thành')).toBeVisible();
    await expectLocator(chungSinhDoc.getByRole('link', { name: 'giay-chung-sinh.pdf' })).toBeVisible();
    await expectLocator(toKhaiDoc.getByRole('link', { name: 'to-khai-khai-sinh.pdf' })).toBeVisible();

    // Hình thức nhận kết quả: by post, to the address proposed from his own (population record),
    // the recipient and phone his; the commune must be one of the chosen province.
    const delivery = page.locator('form[id="filing-delivery"]');
    await delivery.getByText('Nhận qua dịch vụ bưu chính công ích', { exact: true }).click();
    await expectValue(delivery.getByLabel('Họ và tên người nhận'), 'Nguyễn Văn An');
    await expectValue(delivery.getByLabel('Địa chỉ chi tiết (số nhà, đường/phố, thôn/tổ dân phố)'), 'Số 12 phố Hàng Bài');
    await expectLocator(delivery.locator('.ant-select').filter({ hasText: 'Thành phố Hà Nội' })).toBeVisible();
    await expectLocator(delivery.locator('.ant-select').filter({ hasText: 'Phường Hoàn Kiếm' })).toBeVisible();
    // Another commune of Hà Nội, searched by name.
    await delivery.getByLabel('Xã/phường/đặc khu').click();
    await delivery.getByLabel('Xã/phường/đặc khu').fill('Ba Đình');
    await page.locator('.ant-select-item-option[title="Phường Ba Đình"]').click();
    await delivery.getByLabel('Số điện thoại người nhận').fill('');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expectLocator(delivery.getByText('Nhập số điện thoại người nhận.')).toBeVisible();
    await delivery.getByLabel('Số điện thoại người nhận').fill('0912345678');
    await page.setViewportSize({ width: 390, height: 844 });
    await delivery.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The papers' "Gỡ tệp" buttons (PapersEditor) are 33 px, not this card's: left to their owner.
    expect((await smallTouchTargets(page)).filter((t) => !t.startsWith('button "Gỡ tệp'))).toEqual([]);
    expect(await axeFindings(page)).toEqual([]);
    await page.screenshot({ path: 'tests/e2e/screenshots/nop-ho-so-02b-nhan-ket-qua-390.png' });
    await page.setViewportSize({ width: 1366, height: 900 });

    // Submitted: the code, the status, the receipt.
    const submittedAfter = e2e.clock.now();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/ho-so-cua-toi\/[0-9a-f-]{36}\?moi=1$/);
    await expectLocator(page.getByText('Nộp hồ sơ thành công')).toBeVisible();
    const code = (await page.getByTestId('dossier-code').innerText()).trim();
    expect(code).toMatch(CODE);
    await expectLocator(page.getByText('Mới đăng ký').first()).toBeVisible();
    await expectLocator(page.getByText('UBND phường Cẩm Thành').first()).toBeVisible();
    await e2e.screenshot(page, 'nop-ho-so-03-thanh-cong');

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const receiptLink = page.getByRole('link', { name: 'Tải phiếu xác nhận nộp hồ sơ' }).first();
    expect(await receiptLink.getAttribute('href')).toBe(`/api/dossiers/${id}/receipt.pdf`);
    expect(await receiptLink.getAttribute('target')).toBe('_blank');
    const receipt = await page.request.get(`/api/dossiers/${id}/receipt.pdf`);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toContain('application/pdf');
    const pdf = await receipt.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    expect(text).toContain(code);
    expect(text.replace(/\s+/g, ' ')).toContain('Số 12 phố Hàng Bài, Phường Ba Đình, Thành phố Hà Nội');

    // The choice, shown back with the address.
    const shown = page.getByTestId('delivery-summary');
    await expectLocator(shown.getByText('Nhận qua dịch vụ bưu chính công ích')).toBeVisible();
    await expectLocator(shown.getByText('Gửi tới: Số 12 phố Hàng Bài, Phường Ba Đình, Thành phố Hà Nội')).toBeVisible();
    await expectLocator(shown.getByText('Người nhận: Nguyễn Văn An – 0912345678')).toBeVisible();

    // The form as submitted, read-only, and the papers.
    const submittedChild = page.getByRole('group', { name: 'Người được khai sinh' });
    await expectValue(submittedChild.getByLabel('Họ, chữ đệm, tên'), 'Nguyễn Minh Khang');
    expect(await submittedChild.getByLabel('Họ, chữ đệm, tên').getAttribute('readonly')).not.toBeNull();
    await expectLocator(page.getByRole('link', { name: 'giay-chung-sinh.pdf' })).toBeVisible();

    // The SMS with the code reached the citizen's phone.
    await e2e.waitForMessage(DEMO_PHONE, new RegExp(code.replace(/\./g, '\\.')), submittedAfter);

    // "Hồ sơ của tôi" lists it.
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    const row = page.getByRole('row', { name: new RegExp(code.replace(/\./g, '\\.')) });
    await expectLocator(row.getByText('Mới đăng ký')).toBeVisible();
    await expectLocator(row.getByText('UBND phường Cẩm Thành')).toBeVisible();
    await e2e.screenshot(page, 'nop-ho-so-04-ho-so-cua-toi');

    // The draft went with the submission: the filing page starts afresh.
    await page.goto(`/nop-ho-so/${PROCEDURE}`);
    await expectValue(page.getByRole('group', { name: 'Người yêu cầu' }).getByLabel('Họ, chữ đệm, tên người yêu cầu'), 'Nguyễn Văn An');
    expect(await page.getByRole('group', { name: 'Người được khai sinh' }).getByLabel('Họ, chữ đệm, tên').inputValue()).toBe('');
    filed = { id, code, page, close: () => context.close() };
  });

  it('after the officer asks for more, the citizen corrects the form and a paper and sends the supplement', async () => {
    expect(filed).not.toBeNull();
    const { id, page } = filed!;
    const officer = await loggedIn(e2e.sys.app, 'officer', 'motcua.demo');
    const asked = await officer.post(`/api/desk/dossiers/${id}/request-supplement`, { reason: 'Tờ khai chưa ký; ghi rõ nơi sinh theo giấy chứng sinh.' });
    expect(asked.statusCode).toBe(200);

    await page.goto(`/ho-so-cua-toi/${id}`);
    await expectLocator(page.getByText('Cơ quan tiếp nhận yêu cầu bổ sung hồ sơ')).toBeVisible();
    await expectLocator(page.getByText('Tờ khai chưa ký; ghi rõ nơi sinh theo giấy chứng sinh.').first()).toBeVisible();
    await expectLocator(page.getByText('Yêu cầu bổ sung giấy tờ').first()).toBeVisible();
    await page.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();

    // Locked values stay locked; the child's place of birth can be corrected.
    const mother = page.getByRole('group', { name: 'Thông tin người mẹ' }).getByLabel('Họ, chữ đệm, tên');
    expect(await mother.getAttribute('readonly')).not.toBeNull();
    const birthPlace = page.getByRole('group', { name: 'Người được khai sinh' }).getByLabel('Nơi sinh');
    await birthPlace.fill('Khoa Sản, Bệnh viện Đa khoa tỉnh Quảng Ngãi');

    // The unsigned tờ khai is replaced by a signed one.
    const toKhaiDoc = page.getByRole('group', { name: 'Tờ khai đăng ký khai sinh', exact: true });
    await toKhaiDoc.getByRole('button', { name: 'Gỡ tệp to-khai-khai-sinh.pdf' }).click();
    const signed = path.join(dir, 'to-khai-da-ky.pdf');
    await makePdf(signed, 'To khai dang ky khai sinh (da ky)');
    await chooseFile(page, toKhaiDoc.getByRole('button', { name: 'Tải lên' }), signed);
    await expectLocator(toKhaiDoc.getByRole('link', { name: 'to-khai-da-ky.pdf' })).toBeVisible();
    await e2e.screenshot(page, 'nop-ho-so-05-bo-sung');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();

    await expectLocator(page.getByText('Đã gửi bổ sung hồ sơ. Hồ sơ đang chờ cơ quan tiếp nhận lại.')).toBeVisible();
    await expectLocator(page.getByText('Cơ quan tiếp nhận yêu cầu bổ sung hồ sơ')).toBeHidden();
    await expectValue(page.getByRole('group', { name: 'Người được khai sinh' }).getByLabel('Nơi sinh'), 'Khoa Sản, Bệnh viện Đa khoa tỉnh Quảng Ngãi');
    await expectLocator(page.getByRole('row', { name: /Bổ sung hồ sơ/ }).getByText('Mới đăng ký')).toBeVisible();
    expect(await page.getByRole('link', { name: 'to-khai-khai-sinh.pdf' }).count()).toBe(0);

    const detail = (await officer.get(`/api/desk/dossiers/${id}`)).json<{ status: number; formData: Record<string, string>; documents: { position: number; fileName: string }[] }>();
    expect(detail.status).toBe(1);
    expect(detail.formData.childBirthPlace).toBe('Khoa Sản, Bệnh viện Đa khoa tỉnh Quảng Ngãi');
    expect(detail.documents.map((d) => d.fileName).sort()).toEqual(['giay-chung-sinh.pdf', 'to-khai-da-ky.pdf']);
  });

  it('removes a paper from Kho dữ liệu after confirmation; the dossier keeps its copy', async () => {
    expect(filed).not.toBeNull();
    const { id, page } = filed!;
    await page.getByRole('link', { name: 'Kho dữ liệu' }).click();
    const row = page.getByRole('row', { name: /Giấy chứng sinh của bé Khang/ });
    await row.getByRole('button', { name: 'Xóa Giấy chứng sinh của bé Khang' }).click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await expectLocator(page.getByText('Kho dữ liệu chưa có giấy tờ nào')).toBeVisible();

    await page.goto(`/ho-so-cua-toi/${id}`);
    const paper = page.getByRole('link', { name: 'giay-chung-sinh.pdf' });
    await expectLocator(paper).toBeVisible();
    const res = await page.request.get((await paper.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
