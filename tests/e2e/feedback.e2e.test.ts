// Phản ánh, kiến nghị (issue 15), in Chromium: the citizen sends feedback about a dossier of theirs
// from "Hồ sơ của tôi" (confirming before it goes), the agency's leader opens it in the back office
// and answers, the citizen gets the SMS and sees the answer, and the public list shows it without
// the citizen's name. Screenshots at 390x844 and on the desktop.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/browser.js';
import { expectLocator, officerLogin } from '../support/desk-flows.js';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../support/dossiers.js';

let e2e: E2E;
let dossier: Submitted;

beforeAll(async () => {
  e2e = await startE2E();
  const camThanh = await agencyId(e2e.sys.deps.db, '000.01.15.H48');
  const res = await submitKhaiSinh(await citizenClient(e2e.sys.app), camThanh);
  expect(res.statusCode, res.body).toBe(201);
  dossier = res.json<Submitted>();
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

async function citizenSignIn(page: Page, next: string) {
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Số CMND/CCCD, mã số thuế hoặc số điện thoại').fill('001090000001');
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const TITLE = 'Đề nghị cho biết khi nào có kết quả khai sinh';
const ANSWER = 'UBND phường Cẩm Thành đã tiếp nhận hồ sơ; kết quả sẽ được trả đúng ngày hẹn ghi trên phiếu.';

describe('Phản ánh, kiến nghị', () => {
  it('citizen sends, officer answers, citizen sees the answer, the public list shows it without the name', async () => {
    // The citizen, on a phone, from the dossier's page.
    const { page, context } = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await citizenSignIn(page, `/ho-so-cua-toi/${dossier.id}`);
    await page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị về hồ sơ này' }).click();
    await expectLocator(page.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị', level: 1 })).toBeVisible();
    await expectLocator(page.getByText(dossier.code)).toBeVisible();
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Nội dung').fill('Tôi đã nộp hồ sơ khai sinh cho con, đề nghị cơ quan cho biết thời gian trả kết quả.');
    await page.getByText('Đồng ý công khai phản ánh, kiến nghị và câu trả lời').click();
    await e2e.screenshot(page, 'phan-anh-gui-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi' }).click();
    const done = page.getByText(/^Đã gửi phản ánh, kiến nghị PAKN-\d{4}-\d{6}$/);
    await expectLocator(done).toBeVisible();
    const code = (await done.textContent())!.match(/PAKN-\d{4}-\d{6}/)![0];

    // The leader of UBND phường Cẩm Thành answers, on the desktop.
    const officer = await e2e.newPage();
    await officerLogin(officer.page, 'lanhdao.demo');
    await officer.page.getByRole('menuitem', { name: 'Phản ánh, kiến nghị' }).click();
    await expectLocator(officer.page.getByRole('heading', { name: 'Phản ánh, kiến nghị', level: 1 })).toBeVisible();
    await officer.page.getByLabel('Mã, tiêu đề hoặc nội dung (không cần dấu)').fill('khi nao co ket qua khai sinh');
    await officer.page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await officer.page.getByRole('button', { name: code }).click();
    const drawer = officer.page.getByRole('dialog');
    await expectLocator(drawer.getByText('Nguyễn Văn An')).toBeVisible();
    await drawer.getByRole('button', { name: 'Nhận xử lý' }).click();
    await expectLocator(drawer.getByText('Đang xử lý')).toBeVisible();
    await drawer.getByLabel('Nội dung trả lời').fill(ANSWER);
    await e2e.screenshot(officer.page, 'phan-anh-can-bo-tra-loi');
    await drawer.getByRole('button', { name: 'Gửi trả lời' }).click();
    await officer.page.getByRole('dialog', { name: 'Gửi câu trả lời?' }).getByRole('button', { name: 'Gửi trả lời' }).click();
    await expectLocator(drawer.getByText(ANSWER)).toBeVisible();
    await officer.context.close();

    // The citizen is told, and reads the answer among their own.
    const sms = await e2e.waitForMessage('0912345678', new RegExp(`Phản ánh, kiến nghị ${code} .* đã được cơ quan trả lời`));
    expect(sms.body).toContain(code);
    await page.goto('/phan-anh-kien-nghi');
    await page.getByRole('button', { name: new RegExp(code) }).click();
    await expectLocator(page.getByText(ANSWER).first()).toBeVisible();
    await e2e.screenshot(page, 'phan-anh-cua-toi-390');
    await context.close();

    // Anyone finds it without accents, with no name of the sender.
    const visitor = await e2e.newPage();
    await visitor.page.goto('/phan-anh-kien-nghi');
    await visitor.page.getByLabel('Tìm theo mã, tiêu đề hoặc nội dung (không cần dấu)').fill('de nghi cho biet khi nao');
    await visitor.page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expectLocator(visitor.page.getByText(TITLE)).toBeVisible();
    await expectLocator(visitor.page.getByText(ANSWER)).toBeVisible();
    expect(await visitor.page.locator('main').textContent()).not.toContain('Nguyễn Văn An');
    await e2e.screenshot(visitor.page, 'phan-anh-cong-khai');
    await visitor.context.close();
  }, 120_000);
});
