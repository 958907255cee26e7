// Issue 6 at the one-stop desk, clicked through in Chromium: an officer receives an in-person
// dossier (citizen, procedure, prefilled e-form, scanned papers, receipt), and works the reception
// queue: asks for supplementation of an online dossier, the citizen supplements it on the portal,
// and the officer receives it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf.js';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator, makePdf, officerLogin } from '../support/desk-flows.js';
import { Http } from '../support/http.js';

const CITIZEN_ID = '001090000001';
const CITIZEN_PHONE = '0912345678';
const CODE = /000\.01\.15\.H48-\d{6}-\d{4}/;
const DOC_FORM = 'Tờ khai đăng ký khai sinh';
const DOC_BIRTH = /^Giấy chứng sinh/;

let e2e: E2E;
let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  e2e = await startE2E();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-desk-'));
  await makePdf(file('to-khai.pdf'), 'To khai dang ky khai sinh');
  await makePdf(file('giay-chung-sinh.pdf'), 'Giay chung sinh');
  await makePdf(file('giay-chung-sinh-ro-net.pdf'), 'Giay chung sinh (ban chup ro net)');
});

afterAll(async () => {
  await e2e?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A date some days before today (Vietnam), YYYY-MM-DD. */
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() - n * 86_400_000));
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');


/** Clicks a button that opens the file chooser and gives it the file, as the officer would. */
async function chooseFile(page: Page, button: ReturnType<Page['getByRole']>, filePath: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(filePath);
}

async function openMenu(page: Page, name: string) {
  await page.getByRole('menuitem', { name }).click();
}

describe('Tiếp nhận hồ sơ trực tiếp', () => {
  it('receives an in-person birth registration once every required paper is scanned, with a printable receipt', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page);
    await openMenu(page, 'Tiếp nhận trực tiếp');
    await expectLocator(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ trực tiếp' })).toBeVisible();

    // Step 1: the citizen, by CCCD.
    await page.getByLabel('Số CMND/CCCD').fill(CITIZEN_ID);
    await page.getByRole('button', { name: 'Tìm' }).click();
    const info = page.locator('.ant-descriptions').filter({ hasText: 'Thông tin công dân' });
    await expectLocator(info.getByText('Nguyễn Văn An').first()).toBeVisible();
    expect(await info.textContent()).toContain('15/05/1990');
    expect(await info.textContent()).toContain(CITIZEN_PHONE);
    expect(await info.textContent()).toContain('Có thông tin trong CSDL quốc gia về dân cư');
    await e2e.screenshot(page, 'desk-01-cong-dan');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 2: the procedure (searched without accents) and the receiving agency.
    const procedure = page.getByRole('combobox', { name: 'Thủ tục hành chính' });
    await procedure.click();
    await procedure.fill('khai sinh');
    await page.getByRole('option', { name: /Đăng ký khai sinh$/ }).click();
    // The desk receives for one agency only: it is already chosen.
    await expectLocator(page.locator('.ant-select-content, .ant-select-selection-item').getByText('UBND phường Cẩm Thành')).toBeVisible();
    await expectLocator(page.getByText('Thành phần hồ sơ')).toBeVisible();
    await e2e.screenshot(page, 'desk-02-thu-tuc');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 3: the e-form, prefilled from the population database; verified values locked.
    const applicant = page.getByRole('group', { name: 'Người yêu cầu' });
    const applicantName = applicant.getByLabel('Họ, chữ đệm, tên người yêu cầu');
    await expectLocator(applicantName).toBeVisible();
    expect(await applicantName.inputValue()).toBe('Nguyễn Văn An');
    expect(await applicantName.isEditable()).toBe(false);
    expect(await page.getByRole('group', { name: 'Thông tin người mẹ' }).getByLabel('Họ, chữ đệm, tên').inputValue()).toBe('Phạm Thị Hoa');
    await expectLocator(applicant.getByText('CSDL quốc gia về dân cư')).toBeVisible();
    // The child's fields are still empty: the step does not go on.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expectLocator(page.getByText('Nhập họ, chữ đệm, tên.')).toBeVisible();
    const child = page.getByRole('group', { name: 'Người được khai sinh' });
    await child.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Minh Khang');
    await child.getByLabel('Ngày, tháng, năm sinh').fill(daysAgo(10));
    await child.getByRole('radio', { name: 'Nam' }).check();
    await child.getByLabel('Nơi sinh').fill('Bệnh viện Sản - Nhi tỉnh Quảng Ngãi');
    await child.getByLabel('Quê quán').fill('Phường Cẩm Thành, tỉnh Quảng Ngãi');
    await e2e.screenshot(page, 'desk-03-to-khai');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 4: the papers. Receiving stays blocked while a required paper has no scan.
    const receive = page.getByRole('button', { name: 'Tiếp nhận hồ sơ' });
    await expectLocator(receive).toBeVisible();
    expect(await receive.isDisabled()).toBe(true);
    await expectLocator(page.getByText(/^Chưa số hóa: Tờ khai đăng ký khai sinh; Giấy chứng sinh/)).toBeVisible();
    await e2e.screenshot(page, 'desk-04-giay-to-thieu');

    await chooseFile(page, page.getByRole('group', { name: DOC_FORM }).getByRole('button', { name: 'Quét/Tải lên' }), file('to-khai.pdf'));
    await expectLocator(page.getByRole('link', { name: 'to-khai.pdf' })).toBeVisible();
    expect(await receive.isDisabled()).toBe(true);
    await expectLocator(page.getByText(/^Chưa số hóa: Giấy chứng sinh/)).toBeVisible();

    await chooseFile(page, page.getByRole('group', { name: DOC_BIRTH }).getByRole('button', { name: 'Quét/Tải lên' }), file('giay-chung-sinh.pdf'));
    await expectLocator(page.getByRole('link', { name: 'giay-chung-sinh.pdf' })).toBeVisible();
    expect(await receive.isEnabled()).toBe(true);
    expect(await page.getByText(/^Chưa số hóa:/).count()).toBe(0);
    await e2e.screenshot(page, 'desk-05-giay-to-du');

    await receive.click();
    await expectLocator(page.getByText('Đã tiếp nhận hồ sơ')).toBeVisible();
    const result = (await page.locator('.ant-result').textContent()) ?? '';
    const code = result.match(CODE)?.[0];
    expect(code).toMatch(/^000\.01\.15\.H48-\d{6}-\d{4}$/);
    await e2e.screenshot(page, 'desk-06-da-tiep-nhan');

    // "In giấy tiếp nhận" opens the receipt of this dossier in a new tab.
    const print = page.getByRole('link', { name: 'In giấy tiếp nhận' });
    expect(await print.getAttribute('target')).toBe('_blank');
    const href = (await print.getAttribute('href'))!;
    const id = href.match(/^\/api\/dossiers\/([0-9a-f-]{36})\/receipt\.pdf$/)![1]!;

    // The appointment shown is the dossier's, as dd/MM/yyyy.
    const detail = await (await page.request.get(`/api/desk/dossiers/${id}`)).json();
    expect(detail.code).toBe(code);
    expect(detail.status).toBe(2);
    expect(result).toContain(`Ngày hẹn trả kết quả: ${ddmmyyyy(detail.appointmentDate)}`);
    expect(result).toContain(`Thông báo tiếp nhận hồ sơ được gửi qua SMS tới số ${CITIZEN_PHONE}.`);

    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(await pdf.body());
    expect(text).toContain(code!);
    expect(text).toContain('Nguyễn Văn An');

    // The citizen is told by SMS.
    await e2e.waitForMessage(CITIZEN_PHONE, new RegExp(`${code!.replace(/\./g, '\\.')}.*đã được tiếp nhận`));

    // "Tiếp nhận hồ sơ khác" starts over from an empty search.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
    await expectLocator(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ trực tiếp' })).toBeVisible();
    expect(await page.getByLabel('Số CMND/CCCD').inputValue()).toBe('');
    expect(await page.getByText('Thông tin công dân').count()).toBe(0);

    // It is listed among the received dossiers, as received in person.
    await openMenu(page, 'Hồ sơ chờ tiếp nhận');
    await page.getByRole('tab', { name: 'Được tiếp nhận', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(code!.replace(/\./g, '\\.')) });
    await expectLocator(row).toBeVisible();
    expect(await row.textContent()).toContain('Trực tiếp');
    await e2e.screenshot(page, 'desk-07-danh-sach-duoc-tiep-nhan');
    await context.close();
  });

  it('offers to create an account for a citizen who has none', async () => {
    const { page, context } = await e2e.newPage();
    await officerLogin(page);
    await openMenu(page, 'Tiếp nhận trực tiếp');
    await page.getByLabel('Số CMND/CCCD').fill('051094000999');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expectLocator(page.getByText('Công dân chưa có tài khoản')).toBeVisible();
    await e2e.screenshot(page, 'desk-08-chua-co-tai-khoan');
    await page.getByRole('button', { name: 'Tạo tài khoản công dân' }).click();
    await page.waitForURL(/\/quan-tri\/tao-tai-khoan-cong-dan\/them-moi\?idNumber=051094000999$/);
    // The account wizard starts with that number, already looked up.
    expect(await page.getByLabel('Số CMND/CCCD').inputValue()).toBe('051094000999');
    await expectLocator(page.getByText('Chưa có tài khoản với số CMND/CCCD này. Nhập thông tin công dân.')).toBeVisible();
    await context.close();
  });
});

describe('Hồ sơ chờ tiếp nhận', () => {
  it('asks for supplementation of an online dossier; the citizen supplements it; the officer receives it', async () => {
    // The citizen files online (through the API, as the portal does).
    const api = new Http(e2e.sys.app, '10.77.0.2');
    expect((await api.login('citizen', CITIZEN_ID)).statusCode).toBe(200);
    const agencies = (await api.get('/api/procedures/1.001193/agencies?q=cam%20thanh')).json<{ id: string; name: string }[]>();
    const agency = agencies.find((a) => a.name === 'UBND phường Cẩm Thành')!;
    expect(agency).toBeTruthy();
    const papers: string[] = [];
    for (const name of ['to-khai.pdf', 'giay-chung-sinh.pdf']) {
      const up = await api.upload('/api/my/papers', [{ name, data: fs.readFileSync(file(name)), type: 'application/pdf' }]);
      expect(up.statusCode).toBe(201);
      papers.push(up.json<{ id: string }>().id);
    }
    const submitted = await api.post('/api/filing/1.001193/submit', {
      agencyId: agency.id,
      formData: {
        relationToChild: 'Cha',
        childFullName: 'Nguyễn Minh Khôi',
        childBirthDate: daysAgo(5),
        childSex: 'Nam',
        childEthnicity: 'Kinh',
        childNationality: 'Việt Nam',
        childBirthPlace: 'Bệnh viện Sản - Nhi tỉnh Quảng Ngãi',
        childHometown: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
        contactPhone: CITIZEN_PHONE,
      },
      documents: papers.map((fileId, i) => ({ position: i + 1, fileId })),
      submissionKey: `e2e-desk-${Date.now()}`,
      delivery: { method: 'electronic' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id, code } = submitted.json<{ id: string; code: string }>();
    const codeRe = new RegExp(code.replace(/\./g, '\\.'));

    // The officer finds it in the queue ("Mới đăng ký" by default) and asks for supplementation.
    const officer = await e2e.newPage();
    const page = officer.page;
    await officerLogin(page);
    await openMenu(page, 'Hồ sơ chờ tiếp nhận');
    await expectLocator(page.getByRole('heading', { name: 'Hồ sơ chờ tiếp nhận' })).toBeVisible();
    expect(await page.getByRole('tab', { name: 'Mới đăng ký', selected: true }).count()).toBe(1);
    const row = page.getByRole('row', { name: codeRe });
    await expectLocator(row).toBeVisible();
    expect(await row.textContent()).toContain('Trực tuyến');
    // Search by the citizen's CCCD finds it too.
    await page.getByLabel('Tìm theo mã hồ sơ hoặc CMND/CCCD').fill(CITIZEN_ID);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expectLocator(page.getByRole('row', { name: codeRe })).toBeVisible();
    await e2e.screenshot(page, 'queue-01-moi-dang-ky');

    await page.getByRole('row', { name: codeRe }).getByRole('link', { name: 'Xử lý' }).click();
    await expectLocator(page.getByRole('heading', { name: `Hồ sơ ${code}` })).toBeVisible();
    await expectLocator(page.getByText('Nguyễn Minh Khôi')).toBeVisible();
    await expectLocator(page.getByRole('link', { name: 'giay-chung-sinh.pdf' })).toBeVisible();
    await e2e.screenshot(page, 'queue-02-chi-tiet');

    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    const dialog = page.getByRole('dialog', { name: 'Yêu cầu bổ sung hồ sơ' });
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await expectLocator(dialog.getByText('Nhập nội dung yêu cầu bổ sung.')).toBeVisible();
    const reason = 'Giấy chứng sinh bị mờ, đề nghị tải lên bản chụp rõ nét';
    const askedAt = new Date();
    await dialog.getByLabel('Nội dung yêu cầu bổ sung').fill(reason);
    await e2e.screenshot(page, 'queue-03-yeu-cau-bo-sung');
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await expectLocator(page.getByText(`Đã gửi yêu cầu bổ sung cho hồ sơ ${code}.`)).toBeVisible();
    await expectLocator(page.locator('.ant-tag').getByText('Yêu cầu bổ sung giấy tờ')).toBeVisible();
    await expectLocator(page.getByText(reason).first()).toBeVisible();
    // The three actions are gone: the dossier no longer waits for reception.
    expect(await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).count()).toBe(0);
    const sms = await e2e.waitForMessage(CITIZEN_PHONE, new RegExp(`${code.replace(/\./g, '\\.')} cần bổ sung giấy tờ`), askedAt);
    expect(sms.body).toContain(reason);
    await e2e.screenshot(page, 'queue-04-da-yeu-cau');

    // The citizen supplements on the portal.
    const citizen = await e2e.newPage();
    const cp = citizen.page;
    await cp.goto('/dang-nhap');
    await cp.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill(CITIZEN_ID);
    await cp.getByLabel('Mật khẩu').fill('Demo@2026');
    await cp.getByRole('button', { name: 'Đăng nhập' }).click();
    await cp.waitForURL(/\/tai-khoan/);
    await cp.goto(`/ho-so-cua-toi/${id}`);
    await expectLocator(cp.getByText(reason).first()).toBeVisible();
    await cp.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    await chooseFile(cp, cp.getByRole('group', { name: DOC_BIRTH }).getByRole('button', { name: 'Tải lên' }), file('giay-chung-sinh-ro-net.pdf'));
    await expectLocator(cp.getByRole('link', { name: 'giay-chung-sinh-ro-net.pdf' })).toBeVisible();
    await cp.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expectLocator(cp.getByText('Đã gửi bổ sung hồ sơ. Hồ sơ đang chờ cơ quan tiếp nhận lại.')).toBeVisible();
    await citizen.context.close();

    // Back under "Mới đăng ký" for the officer, who receives it.
    await page.getByRole('button', { name: 'Về danh sách' }).click();
    await page.getByLabel('Tìm theo mã hồ sơ hoặc CMND/CCCD').fill('');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('tab', { name: 'Mới đăng ký' }).click();
    await expectLocator(page.getByRole('row', { name: codeRe })).toBeVisible();
    await page.getByRole('row', { name: codeRe }).click();
    await expectLocator(page.getByRole('heading', { name: `Hồ sơ ${code}` })).toBeVisible();
    await expectLocator(page.getByRole('link', { name: 'giay-chung-sinh-ro-net.pdf' })).toBeVisible();
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.locator('.ant-popover').getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expectLocator(page.getByText(`Đã tiếp nhận hồ sơ ${code}.`)).toBeVisible();
    await expectLocator(page.locator('.ant-tag').getByText('Được tiếp nhận')).toBeVisible();
    await expectLocator(page.getByRole('link', { name: 'In giấy tiếp nhận' })).toBeVisible();
    await e2e.screenshot(page, 'queue-05-da-tiep-nhan');

    // Gone from the queue, listed as received.
    await page.getByRole('button', { name: 'Về danh sách' }).click();
    await expectLocator(page.getByRole('tab', { name: 'Mới đăng ký', selected: true })).toBeVisible();
    await page.getByText(/^Tìm thấy \d+ hồ sơ$/).waitFor();
    expect(await page.getByRole('row', { name: codeRe }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Được tiếp nhận', exact: true }).click();
    await expectLocator(page.getByRole('row', { name: codeRe })).toBeVisible();
    await e2e.screenshot(page, 'queue-06-duoc-tiep-nhan');
    await officer.context.close();
  });
});
