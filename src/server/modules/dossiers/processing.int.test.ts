import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../common/api/contract.js';
import { unitStatistics, workList } from '../../../common/api/dossiers-desk.js';
import { agencyId, citizenClient, KHAI_SINH, prefilledValues, submitKhaiSinh, uploadPaper, type Submitted } from '../../../../tests/support/dossiers.js';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { ManualClock } from '../../platform/clock.js';
import { verifyPdf } from '../../platform/signing/index.js';
import { pdfText } from '../../../../tests/support/pdf.js';
import { listStore, uploadMyPaper, verifyUpload } from '../../../common/api/dossiers.js';
import { listAdminProcedures, setProcedureWorkflow } from '../../../common/api/procedures.js';

// Wednesday 25/11/2026, 09:00 in Vietnam.
const clock = new ManualClock('2026-11-25T02:00:00Z');
const system = useTestSystem({ clock });

interface Problem {
  code: string;
  message: string;
}
type Work = Reply<typeof workList>;

let camThanh: string;
let officers: Record<'desk' | 'processor' | 'leader' | 'plain' | 'otherDesk' | 'copies', Http>;
/** Officers sign in again after the clock jumps days ahead (their sessions would have ended). */
async function signInOfficers() {
  const app = system().app;
  officers = {
    desk: await loggedIn(app, 'officer', 'motcua.demo'),
    processor: await loggedIn(app, 'officer', 'xuly.demo'),
    leader: await loggedIn(app, 'officer', 'lanhdao.demo'),
    plain: await loggedIn(app, 'officer', 'chuyenvien.demo'),
    otherDesk: await loggedIn(app, 'officer', 'motcua2.demo'),
    copies: await loggedIn(app, 'officer', 'chungthuc.demo'),
  };
}
beforeAll(async () => {
  camThanh = await agencyId(system().deps.db, '000.01.15.H48');
  await signInOfficers();
});

const act = (h: Http, id: string, action: string, body: Record<string, unknown> = {}) => h.post(`/api/work/dossiers/${id}/actions/${action}`, body);
const ok = async (res: Promise<import('fastify').LightMyRequestResponse>) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Submitted & { step: string | null; extendedDate: string | null; onTime: boolean | null }>();
};

/** An online "Đăng ký khai sinh" of the demo citizen, received at the desk and started. */
async function inProcessing(h: Http, over: Record<string, unknown> = {}): Promise<Submitted> {
  const res = await submitKhaiSinh(h, camThanh, over);
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json<Submitted>();
  await ok(officers.desk.post(`/api/desk/dossiers/${d.id}/receive`, {}));
  await ok(act(officers.desk, d.id, 'start'));
  return d;
}


describe('an online dossier from reception to its signed result', () => {
  it('goes desk → specialist → leader (signs) → desk, refusing every wrong role and state on the way', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signInOfficers();
    let h = await citizenClient(system().app);
    const d = await inProcessing(h, { formData: { contactEmail: 'nguyenvanan@example.vn' } });

    // Khai sinh is decided the day it is received: promised for Wednesday 25/11.
    const list = (await officers.processor.get(workList.url)).json<Work>();
    const row = list.items.find((i) => i.id === d.id)!;
    expect(row).toMatchObject({ urgency: 'today', step: { label: 'Chuyên viên thẩm định, xử lý' } });
    expect(row.actions).toEqual(['forward', 'supplement_requested', 'request_payment', 'transfer', 'extend']);

    // The leader cannot do the specialist's step; the specialist cannot finish; a desk of another
    // commune does not even see the dossier.
    expect((await act(officers.leader, d.id, 'forward')).json<Problem>().code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    expect((await act(officers.processor, d.id, 'finish')).json<Problem>().code).toBe('DOSSIER_STATUS_CONFLICT');
    expect((await act(officers.otherDesk, d.id, 'stop', { reason: 'Không thuộc thẩm quyền' })).statusCode).toBe(404);
    expect((await officers.otherDesk.get(workList.url)).json<Work>().items.map((i) => i.id)).not.toContain(d.id);

    // The specialist asks for a paper: the clock stops on Wednesday 10:00…
    clock.set('2026-11-25T03:00:00Z');
    expect((await act(officers.processor, d.id, 'supplement_requested', { reason: 'Xem' })).json<Problem>().code).toBe('REASON_REQUIRED');
    await ok(act(officers.processor, d.id, 'supplement_requested', { reason: 'Đề nghị bổ sung bản chụp rõ nét của giấy chứng sinh.' }));
    // …and restarts on Monday 30/11 when the citizen answers: they held it 26, 27 and 30/11, so the
    // promise moves three working days, from Wednesday 25/11 to Monday 30/11.
    clock.set('2026-11-30T01:30:00Z');
    await signInOfficers();
    h = await citizenClient(system().app);
    const mine = (await h.get(`/api/my/dossiers/${d.id}`)).json<{ formData: Record<string, string>; documents: { position: number; fileId: string }[] }>();
    const back = await h.post(`/api/my/dossiers/${d.id}/supplement`, { formData: mine.formData, documents: mine.documents.map((x) => ({ position: x.position, fileId: x.fileId })) });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<Submitted>()).toMatchObject({ status: 4, appointmentDate: '2026-11-30' });

    const messages = async () => {
      await system().deliver();
      return (await h.get('/api/dev/outbox')).json<{ to: string; body: string }[]>().filter((m) => m.body.includes(d.code));
    };
    const smsBefore = (await messages()).filter((m) => m.to === '0912345678').length;
    const forwarded = await ok(act(officers.processor, d.id, 'forward'));
    expect(forwarded).toMatchObject({ status: 4, step: 'approve' });
    // The citizen follows the move by e-mail; internal steps send no SMS.
    const after = await messages();
    expect(after.some((m) => m.to === 'nguyenvanan@example.vn' && m.body.includes('Bước đang xử lý: Lãnh đạo phê duyệt, ký kết quả.'))).toBe(true);
    expect(after.filter((m) => m.to === '0912345678')).toHaveLength(smsBefore);
    // The leader sends it back once with a reason, then approves.
    await ok(act(officers.leader, d.id, 'send_back', { reason: 'Kiểm tra lại quê quán của trẻ.' }));
    await ok(act(officers.processor, d.id, 'forward'));
    const finished = await ok(act(officers.leader, d.id, 'finish'));
    expect(finished).toMatchObject({ status: 9, statusLabel: 'Đã xử lý xong', onTime: true });

    // Only the desk hands the result over.
    expect((await act(officers.plain, d.id, 'return_result')).json<Problem>().code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    // Before it is returned, the citizen cannot download it yet.
    expect((await h.get(`/api/dossiers/${d.id}/result.pdf`)).json<Problem>().code).toBe('RESULT_NOT_READY');
    const returned = await ok(act(officers.desk, d.id, 'return_result'));
    expect(returned).toMatchObject({ status: 10, statusLabel: 'Đã trả kết quả' });

    // The citizen downloads the signed result: it names the child and carries the QR link.
    const detail = (await h.get(`/api/my/dossiers/${d.id}`)).json<{ verifyToken: string; hasResult: boolean; events: { action: string }[] }>();
    expect(detail.hasResult).toBe(true);
    const res = await h.get(`/api/dossiers/${d.id}/result.pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const text = pdfText(pdf);
    expect(text).toContain('GIẤY KHAI SINH');
    expect(text).toContain('Nguyễn Minh Khang');
    expect(text).toContain(`/xac-thuc/${detail.verifyToken}`);
    expect(text).toContain('Hoàng Minh Đức');

    // The public verification page vouches for it; a copy with one byte changed is not authentic.
    const anyone = new Http(system().app, '10.99.0.1');
    const verified = (await anyone.get(`/api/verify/${detail.verifyToken}`)).json<{ authentic: boolean; code: string; signatures: { signerName: string; intact: boolean }[] }>();
    expect(verified).toMatchObject({ authentic: true, code: d.code });
    expect(verified.signatures).toHaveLength(1);
    expect((await anyone.upload(verifyUpload.url, [{ name: 'kq.pdf', data: pdf }])).json()).toMatchObject({ authentic: true, issuedHere: { code: d.code } });
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('Nguy');
    tampered[at + 1] = tampered[at + 1]! ^ 1;
    const check = (await anyone.upload(verifyUpload.url, [{ name: 'kq.pdf', data: tampered }])).json<{ authentic: boolean; issuedHere: unknown }>();
    expect(check).toMatchObject({ authentic: false, issuedHere: null });
    // The same verdict from the signature itself, independent of the server route.
    const { trustedCaPems } = await system().deps.signing();
    expect(verifyPdf(tampered, trustedCaPems).authentic).toBe(false);

    // The result is in the citizen's Kho dữ liệu, ready to reuse.
    const store = (await h.get(listStore.url)).json<{ kind: string; title: string }[]>();
    expect(store.find((s) => s.kind === 'result')?.title).toContain(d.code);

    // Satisfaction, once.
    const all = (level: number) => ({ access: level, time: level, staff: level, result: level });
    expect((await h.post(`/api/my/dossiers/${d.id}/rating`, { criteria: all(3), comment: 'Nhanh, không phải đi lại.' })).statusCode).toBe(201);
    expect((await h.post(`/api/my/dossiers/${d.id}/rating`, { criteria: all(1) })).json<Problem>().code).toBe('RATING_EXISTS');
    const stats = (await officers.desk.get(unitStatistics.url)).json<{ ratings: { veryGood: number; satisfiedShare: number }; dossiers: { onTime: number } }>();
    expect(stats.ratings.veryGood).toBeGreaterThanOrEqual(1);
    expect(stats.dossiers.onTime).toBeGreaterThanOrEqual(1);

    // Tra cứu hồ sơ: the code alone is not enough; with the phone's last four digits, the history.
    expect((await anyone.get(`/api/tracking?code=${encodeURIComponent(d.code)}&phone=0000`)).json<Problem>().code).toBe('TRACKING_NOT_FOUND');
    const tracked = (await anyone.get(`/api/tracking?code=${encodeURIComponent(d.code.toLowerCase())}&phone=5678`)).json<{ statusLabel: string; events: { action: string }[] }>();
    expect(tracked.statusLabel).toBe('Đã trả kết quả');
    expect(tracked.events.map((e) => e.action)).toEqual([
      'Nộp hồ sơ trực tuyến',
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý',
      'Yêu cầu bổ sung hồ sơ',
      'Công dân bổ sung hồ sơ',
      'Hoàn thành bước, chuyển bước tiếp theo',
      'Trả lại bước trước',
      'Hoàn thành bước, chuyển bước tiếp theo',
      'Hoàn thành xử lý',
      'Trả kết quả',
    ]);
  });
});

describe('deadlines, fees, withdrawal and stop', () => {
  it('shows the leader the result before signing, marked as unsigned, and lets them send it back with a reason', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signInOfficers();
    const h = await citizenClient(system().app);
    const d = await inProcessing(h);
    const preview = (who: Http) => who.get(`/api/work/dossiers/${d.id}/result-preview.pdf`);
    // At the specialist's step nobody signs yet.
    expect((await preview(officers.leader)).json<Problem>().code).toBe('RESULT_PREVIEW_NOT_AVAILABLE');
    await ok(act(officers.processor, d.id, 'forward'));

    const res = await preview(officers.leader);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(res.rawPayload, 'raw')).replace(/\s+/g, ' ');
    expect(text).toContain('BẢN XEM TRƯỚC – CHƯA KÝ, CHƯA CÓ GIÁ TRỊ PHÁP LÝ');
    expect(text).toContain('GIẤY KHAI SINH');
    expect(text).toContain('Nguyễn Minh Khang');
    expect(text).toContain('(Chưa ký)');
    expect(verifyPdf(res.rawPayload, []).signed).toBe(false);
    // Only the one who signs: the specialist, the desk, another commune and the citizen do not get it.
    expect((await preview(officers.processor)).json<Problem>().code).toBe('RESULT_PREVIEW_NOT_AVAILABLE');
    expect((await preview(officers.otherDesk)).statusCode).toBe(404);
    expect((await h.get(`/api/work/dossiers/${d.id}/result-preview.pdf`)).statusCode).toBe(401);

    // Not right: back to the specialist, with the reason in the history.
    expect((await act(officers.leader, d.id, 'send_back', {})).json<Problem>().code).toBe('REASON_REQUIRED');
    const back = await ok(act(officers.leader, d.id, 'send_back', { reason: 'Nơi sinh ghi chưa đủ tên bệnh viện, đề nghị kiểm tra lại.' }));
    expect(back.step).toBe('process');
    const detail = (await officers.processor.get(`/api/desk/dossiers/${d.id}`)).json<{ events: { action: string; reason: string | null }[] }>();
    expect(detail.events.at(-1)).toMatchObject({ action: 'send_back', reason: expect.stringContaining('Nơi sinh ghi chưa đủ tên bệnh viện') });
    expect((await preview(officers.leader)).json<Problem>().code).toBe('RESULT_PREVIEW_NOT_AVAILABLE');
  });

  it('lists what is overdue first, and an extension comes with an apology letter but stays late', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signInOfficers();
    let h = await citizenClient(system().app);
    const d = await inProcessing(h);
    // Thursday: the promise of Wednesday is overdue.
    clock.set('2026-11-26T02:00:00Z');
    await signInOfficers();
    h = await citizenClient(system().app);
    const overdueRes = await officers.processor.get('/api/work/dossiers?bucket=overdue');
    expect(overdueRes.statusCode, overdueRes.body).toBe(200);
    const overdue = overdueRes.json<Work>();
    expect(overdue.items.map((i) => i.id)).toContain(d.id);
    expect(overdue.counts.overdue).toBeGreaterThanOrEqual(1);
    expect((await officers.processor.get('/api/work/dossiers?bucket=soon')).json<Work>().items.map((i) => i.id)).not.toContain(d.id);

    // A Saturday is not a promise anyone can keep.
    expect((await act(officers.processor, d.id, 'extend', { newDate: '2026-11-28', reason: 'cần xác minh thông tin với nơi đăng ký thường trú' })).json<Problem>().code).toBe('EXTENSION_DATE_INVALID');
    const stepDue = async () => (await officers.processor.get(`/api/desk/dossiers/${d.id}`)).json<{ step: string; stepDueDate: string | null }>();
    expect(await stepDue()).toMatchObject({ step: 'process', stepDueDate: '2026-11-25' });
    // The specialist asks for the extension, typing the reason as a sentence of its own.
    const extended = await ok(act(officers.processor, d.id, 'extend', { newDate: '2026-12-01', reason: 'Cần xác minh thông tin với nơi đăng ký thường trú.' }));
    expect(extended).toMatchObject({ extendedDate: '2026-12-01', appointmentDate: '2026-11-25' });
    // "Hạn bước" follows the extension.
    expect(await stepDue()).toMatchObject({ step: 'process', stepDueDate: '2026-12-01' });
    const letter = pdfText((await h.get(`/api/dossiers/${d.id}/apology.pdf`)).rawPayload);
    expect(letter).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(letter).toContain('25/11/2026');
    expect(letter).toContain('01/12/2026');
    expect(letter.replace(/\s+/g, ' ')).toContain('do cần xác minh thông tin với nơi đăng ký thường trú. Sự chậm trễ');
    // Signed for the People's Committee by its leader, not by the specialist who asked for it.
    for (const l of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'Hoàng Minh Đức']) expect(letter).toContain(l);
    expect(letter).not.toContain('Ngô Thị Thu');
    await system().deliver();
    const sms = (await h.get('/api/dev/outbox')).json<{ to: string; body: string }[]>();
    expect(sms.some((m) => m.to === '0912345678' && m.body.includes(d.code) && m.body.includes('01/12/2026'))).toBe(true);

    await ok(act(officers.processor, d.id, 'forward'));
    // The leader's step gets its own day (Friday 27/11), not the promise already passed.
    expect(await stepDue()).toMatchObject({ step: 'approve', stepDueDate: '2026-11-27' });
    // Finished within the new date, but after the promised one: late.
    expect(await ok(act(officers.leader, d.id, 'finish'))).toMatchObject({ status: 9, onTime: false });
  });

  it('holds the result until the financial obligation is paid', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signInOfficers();
    const h = await citizenClient(system().app);
    const d = await inProcessing(h);
    expect((await act(officers.processor, d.id, 'request_payment', { amountVnd: 0 })).json<Problem>().code).toBe('FEE_AMOUNT_INVALID');
    expect(await ok(act(officers.processor, d.id, 'request_payment', { amountVnd: 8000, reason: 'Lệ phí cấp bản sao trích lục' }))).toMatchObject({
      status: 6,
      statusLabel: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    });
    // Nothing moves on while it is unpaid.
    expect((await act(officers.processor, d.id, 'forward')).json<Problem>().code).toBe('DOSSIER_STATUS_CONFLICT');
    expect((await act(officers.processor, d.id, 'paid')).json<Problem>().code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    expect(await ok(act(officers.desk, d.id, 'paid'))).toMatchObject({ status: 4, step: 'process' });
    await ok(act(officers.processor, d.id, 'forward'));
    await ok(act(officers.leader, d.id, 'finish'));
    expect(await ok(act(officers.desk, d.id, 'return_result'))).toMatchObject({ status: 10 });
  });

  it('lets the citizen withdraw an open dossier and the leader stop one, with the history kept', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signInOfficers();
    const h = await citizenClient(system().app);
    const waiting = (await submitKhaiSinh(h, camThanh)).json<Submitted>();
    const withdrawn = await h.post(`/api/my/dossiers/${waiting.id}/withdraw`, { reason: 'Đã nộp nhầm cơ quan' });
    expect(withdrawn.json<Submitted>()).toMatchObject({ status: 7, statusLabel: 'Công dân yêu cầu rút hồ sơ' });
    expect((await h.post(`/api/my/dossiers/${waiting.id}/withdraw`, {})).json<Problem>().code).toBe('DOSSIER_STATUS_CONFLICT');
    // Another citizen cannot withdraw it.
    const other = new Http(system().app, '10.99.0.2');
    expect((await other.post(`/api/my/dossiers/${waiting.id}/withdraw`, {})).statusCode).toBe(401);

    const d = await inProcessing(h);
    expect((await act(officers.processor, d.id, 'stop', { reason: 'Hồ sơ giả mạo giấy tờ' })).json<Problem>().code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    expect(await ok(act(officers.leader, d.id, 'stop', { reason: 'Phát hiện giấy chứng sinh không hợp lệ, chuyển cơ quan công an.' }))).toMatchObject({ status: 8, statusLabel: 'Dừng xử lý' });
    const detail = (await h.get(`/api/my/dossiers/${d.id}`)).json<{ events: { toStatusLabel: string; reason: string | null }[] }>();
    expect(detail.events.map((e) => e.toStatusLabel)).toEqual(['Mới đăng ký', 'Được tiếp nhận', 'Đang xử lý', 'Dừng xử lý']);
    expect(detail.events.at(-1)!.reason).toBe('Phát hiện giấy chứng sinh không hợp lệ, chuyển cơ quan công an.');
  });
});

describe('chứng thực bản sao điện tử', () => {
  it('takes the copy, signature and seal steps of the three permissions; the copy carries both signatures', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signInOfficers();
    const h = await citizenClient(system().app);
    const formData = { ...(await prefilledValues(h, '2.000908')), documentName: 'Bằng tốt nghiệp trung học phổ thông', originalCount: '1', copyCount: '2' };
    const res = await h.post('/api/filing/2.000908/submit', {
      agencyId: camThanh,
      formData,
      documents: [{ position: 1, fileId: await uploadPaper(h, uploadMyPaper.url, 'bang-tot-nghiep.pdf') }],
      submissionKey: 'chung-thuc-0001',
      delivery: { method: 'in_person' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Submitted>();
    await ok(officers.desk.post(`/api/desk/dossiers/${d.id}/receive`, {}));
    expect(await ok(act(officers.desk, d.id, 'start'))).toMatchObject({ step: 'copy' });
    // The specialist of the default workflow has no role in this one.
    expect((await act(officers.processor, d.id, 'forward')).json<Problem>().code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    expect(await ok(act(officers.copies, d.id, 'forward'))).toMatchObject({ step: 'sign' });
    expect(await ok(act(officers.copies, d.id, 'forward'))).toMatchObject({ step: 'seal' });
    expect(await ok(act(officers.copies, d.id, 'finish'))).toMatchObject({ status: 9 });
    await ok(act(officers.desk, d.id, 'return_result'));
    const pdf = (await h.get(`/api/dossiers/${d.id}/result.pdf`)).rawPayload;
    const { trustedCaPems } = await system().deps.signing();
    const v = verifyPdf(pdf, trustedCaPems);
    expect(v.authentic).toBe(true);
    expect(v.signatures).toHaveLength(2);
    expect(v.signatures[1]!.signerName).toBeTruthy();
    expect(pdfText(pdf)).toContain('BẢN SAO ĐIỆN TỬ ĐƯỢC CHỨNG THỰC TỪ BẢN CHÍNH');
  });
});

describe('a workflow change while dossiers are in processing', () => {
  it('refuses a new workflow without the step a dossier is at, and accepts one that keeps it', async () => {
    clock.set('2026-11-25T02:00:00Z');
    await signInOfficers();
    const d = await inProcessing(await citizenClient(system().app));
    const admin = await loggedIn(system().app, 'officer', 'admin.demo');
    const found = (await admin.get(`${listAdminProcedures.url}?q=${KHAI_SINH}`)).json<Reply<typeof listAdminProcedures>>();
    const procedureId = found.items.find((p) => p.code === KHAI_SINH)!.id;
    const workflowUrl = setProcedureWorkflow.url.replace(':id', procedureId);

    const withoutProcess = { steps: [{ key: 'approve', label: 'Lãnh đạo phê duyệt, ký', role: 'DOSSIER_APPROVE', days: 2, signs: 'sign' }] };
    const refused = await admin.put(workflowUrl, withoutProcess);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem & { details: { problems: string[] } }>()).toMatchObject({
      code: 'WORKFLOW_DEFINITION_INVALID',
      details: { problems: ['Có hồ sơ đang ở bước "process": quy trình mới phải giữ bước này.'] },
    });
    // The dossier still moves on the workflow it had.
    const keeping = { steps: [{ key: 'process', label: 'Chuyên viên xử lý', role: 'DOSSIER_PROCESS', days: 1 }, ...withoutProcess.steps] };
    const stored = await admin.put(workflowUrl, keeping);
    expect(stored.statusCode, stored.body).toBe(200);
    expect(await ok(act(officers.processor, d.id, 'forward'))).toMatchObject({ step: 'approve' });
    expect((await admin.del(workflowUrl)).statusCode).toBe(200);
  });
});
