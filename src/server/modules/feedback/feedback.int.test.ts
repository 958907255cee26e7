// Phản ánh, kiến nghị (issue 15): a citizen sends feedback about a dossier of theirs or about a
// procedure; the agency's officers holding "Trả lời phản ánh, kiến nghị" see only their agencies'
// feedback, open it (audited) and answer; the citizen is told by SMS; the public list shows only
// answered feedback whose sender agreed, with nothing that names the sender.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../common/api/contract.js';
import { answerFeedback, getAgencyFeedback, listAgencyFeedback, listMyFeedback, listPublicFeedback, sendFeedback } from '../../../common/api/feedback.js';
import { agencyId, citizenClient, submitKhaiSinh, KHAI_SINH, type Submitted } from '../../../../tests/support/dossiers.js';
import { addCitizen, addOfficerAccount } from '../../../../tests/support/fixtures.js';
import { agencies } from '../agencies/tables.js';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { auditLog } from '../../platform/tables.js';

const system = useTestSystem();

type Sent = Reply<typeof sendFeedback>;
interface Problem {
  code: string;
  message: string;
}

let camThanh: string;
let nghiaLo: string;
let dossier: Submitted;
let citizen: Http;
let leader: Http;
let otherAgencyOfficer: Http;
let desk: Http;

let keyN = 0;
const key = () => `feedback-test-${keyN++}-${Math.random().toString(36).slice(2)}`;

const ABOUT_DOSSIER = {
  title: 'Hồ sơ khai sinh chậm trả kết quả',
  content: 'Tôi nộp hồ sơ đăng ký khai sinh cho con đã quá ngày hẹn nhưng chưa nhận được kết quả.',
  consentPublic: true,
};

beforeAll(async () => {
  const sys = system();
  const db = sys.deps.db;
  camThanh = await agencyId(db, '000.01.15.H48');
  nghiaLo = await agencyId(db, '000.02.15.H48');
  citizen = await citizenClient(sys.app);
  const res = await submitKhaiSinh(citizen, camThanh);
  expect(res.statusCode, res.body).toBe(201);
  dossier = res.json<Submitted>();
  leader = await loggedIn(sys.app, 'officer', 'lanhdao.demo');
  desk = await loggedIn(sys.app, 'officer', 'motcua.demo');
  const o = await addOfficerAccount(db, sys.clock.now(), { unitIds: [nghiaLo], permissions: ['FEEDBACK_ANSWER'] });
  otherAgencyOfficer = await loggedIn(sys.app, 'officer', o.username, o.password);
});

async function send(h: Http, body: Record<string, unknown>) {
  return h.post(sendFeedback.url, { submissionKey: key(), ...body });
}

describe('sending feedback', () => {
  it('about an own dossier: goes to the dossier’s agency with a PAKN code, status Đã tiếp nhận, audited', async () => {
    const res = await send(citizen, { ...ABOUT_DOSSIER, dossierId: dossier.id });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json<Sent>();
    expect(f.code).toMatch(/^PAKN-\d{4}-\d{6}$/);
    expect(f).toMatchObject({ status: 'received', statusLabel: 'Đã tiếp nhận', agency: { id: camThanh }, about: { kind: 'dossier', dossierCode: dossier.code, procedureCode: KHAI_SINH } });
    const [audit] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'feedback.send'), eq(auditLog.entityId, f.id)));
    expect(audit?.agencyId).toBe(camThanh);
    // The audit row names the feedback, not what the citizen wrote.
    expect(JSON.stringify(audit?.after)).not.toContain('quá ngày hẹn');

    const mine = (await citizen.get(listMyFeedback.url)).json<Reply<typeof listMyFeedback>>();
    expect(mine.items.map((i) => i.code)).toContain(f.code);
  });

  it('about a procedure: to the receiving agency the citizen chose; an agency that does not receive it is refused', async () => {
    const ok = await send(citizen, { title: 'Đề nghị bổ sung hướng dẫn khai sinh', content: 'Đề nghị hướng dẫn rõ hơn cách khai sinh cho trẻ sinh ở nước ngoài.', consentPublic: false, procedureCode: KHAI_SINH, agencyId: nghiaLo });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Sent>()).toMatchObject({ agency: { id: nghiaLo }, about: { kind: 'procedure', dossierId: null } });
    // Khai sinh is a commune-level procedure: a province does not receive it.
    const [province] = await system().deps.db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.kind, 'province'), eq(agencies.status, 'active'))).limit(1);
    const bad = await send(citizen, { title: 'Đề nghị bổ sung hướng dẫn khai sinh', content: 'Đề nghị hướng dẫn rõ hơn cách khai sinh cho trẻ sinh ở nước ngoài.', consentPublic: false, procedureCode: KHAI_SINH, agencyId: province!.id });
    expect(bad.json<Problem>().code).toBe('AGENCY_NOT_RECEIVING');
  });

  it('refuses bad input with stable codes, and another citizen’s dossier as not found', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ABOUT_DOSSIER }, 'FEEDBACK_SUBJECT_REQUIRED'],
      [{ ...ABOUT_DOSSIER, dossierId: dossier.id, procedureCode: KHAI_SINH, agencyId: camThanh }, 'FEEDBACK_SUBJECT_REQUIRED'],
      [{ ...ABOUT_DOSSIER, procedureCode: KHAI_SINH }, 'FEEDBACK_SUBJECT_REQUIRED'],
      [{ ...ABOUT_DOSSIER, dossierId: dossier.id, title: '   ngắn    ' }, 'FEEDBACK_TITLE_INVALID'],
      [{ ...ABOUT_DOSSIER, dossierId: dossier.id, content: 'quá ngắn' }, 'FEEDBACK_CONTENT_INVALID'],
      [{ ...ABOUT_DOSSIER, dossierId: dossier.id, content: 'x'.repeat(4001) }, 'FEEDBACK_CONTENT_INVALID'],
      [{ ...ABOUT_DOSSIER, procedureCode: '9.999999', agencyId: camThanh }, 'PROCEDURE_NOT_FOUND'],
      [{ ...ABOUT_DOSSIER, dossierId: 'khong-phai-uuid' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await send(citizen, body);
      expect(res.headers['content-type'], JSON.stringify(body)).toContain('application/problem+json');
      expect(res.json<Problem>().code, JSON.stringify(body)).toBe(code);
    }
    // Another citizen is not the applicant of the demo citizen's dossier.
    const someone = await addCitizen(system().deps.db, system().clock.now(), { fullName: 'Trần Thị Mai' });
    const other = await loggedIn(system().app, 'citizen', someone.idNumber, someone.password);
    const res = await send(other, { ...ABOUT_DOSSIER, dossierId: dossier.id });
    expect(res.statusCode).toBe(404);
    expect(res.json<Problem>().code).toBe('DOSSIER_NOT_FOUND');
    expect((await other.get(listMyFeedback.url)).json<Reply<typeof listMyFeedback>>().total).toBe(0);
    // An officer's session is not a citizen's.
    expect((await send(desk, { ...ABOUT_DOSSIER, dossierId: dossier.id })).statusCode).toBe(401);
  });

  it('answers a repeated submission with the first feedback', async () => {
    const k = key();
    const a = (await send(citizen, { ...ABOUT_DOSSIER, dossierId: dossier.id, submissionKey: k })).json<Sent>();
    const b = (await send(citizen, { ...ABOUT_DOSSIER, dossierId: dossier.id, submissionKey: k })).json<Sent>();
    expect(b.id).toBe(a.id);
  });
});

describe('the agency answers', () => {
  it('shows each officer only the feedback of their agencies; others get not found, without the permission 403', async () => {
    const f = (await send(citizen, { ...ABOUT_DOSSIER, title: 'Cán bộ tiếp nhận thiếu hướng dẫn', dossierId: dossier.id })).json<Sent>();
    const list = (await leader.get(`${listAgencyFeedback.url}?q=${encodeURIComponent('can bo tiep nhan thieu')}`)).json<Reply<typeof listAgencyFeedback>>();
    expect(list.items.map((i) => i.code)).toEqual([f.code]);
    const theirs = (await otherAgencyOfficer.get(listAgencyFeedback.url)).json<Reply<typeof listAgencyFeedback>>();
    expect(theirs.items.every((i) => i.agency.id === nghiaLo)).toBe(true);
    expect(theirs.items.map((i) => i.code)).not.toContain(f.code);

    const peek = await otherAgencyOfficer.get(`/api/admin/feedback/${f.id}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json<Problem>().code).toBe('FEEDBACK_NOT_FOUND');
    const refused = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.entityId, f.id)));
    expect(refused.length).toBe(1);

    const noPermission = await desk.get(listAgencyFeedback.url);
    expect(noPermission.statusCode).toBe(403);
    expect(noPermission.json<Problem>().code).toBe('PERMISSION_REQUIRED');
  });

  it('opens one (audited, with the sender’s contacts), takes it up, answers once, and the citizen gets an SMS', async () => {
    const f = (await send(citizen, { ...ABOUT_DOSSIER, title: 'Đề nghị giải thích lý do chậm trả', dossierId: dossier.id })).json<Sent>();
    const view = await leader.get(`/api/admin/feedback/${f.id}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json<Reply<typeof getAgencyFeedback>>().citizen).toMatchObject({ fullName: 'Nguyễn Văn An', phone: '0912345678' });
    const viewed = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'feedback.view'), eq(auditLog.entityId, f.id)));
    expect(viewed.length).toBe(1);

    const started = await leader.post(`/api/admin/feedback/${f.id}/start`);
    expect(started.json<Reply<typeof getAgencyFeedback>>().statusLabel).toBe('Đang xử lý');

    const short = await leader.post(`/api/admin/feedback/${f.id}/answer`, { answer: 'Đã xem.' });
    expect(short.json<Problem>().code).toBe('FEEDBACK_ANSWER_INVALID');

    const answer = 'UBND phường đã kiểm tra: hồ sơ cần xác minh thêm nơi sinh. Kết quả sẽ được trả trước ngày 15/12/2026.';
    const res = await leader.post(`/api/admin/feedback/${f.id}/answer`, { answer });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Reply<typeof answerFeedback>>()).toMatchObject({ status: 'answered', statusLabel: 'Đã trả lời', answer, answeredByName: 'Hoàng Minh Đức' });
    const again = await leader.post(`/api/admin/feedback/${f.id}/answer`, { answer });
    expect(again.json<Problem>().code).toBe('FEEDBACK_ALREADY_ANSWERED');

    await system().deliver();
    const outbox = (await system().app.inject({ method: 'GET', url: '/api/dev/outbox' })).json<{ to: string; body: string }[]>();
    const sms = outbox.find((m) => m.to === '0912345678' && m.body.includes(f.code));
    expect(sms?.body).toBe(`Cổng DVC: Phản ánh, kiến nghị ${f.code} (Đề nghị giải thích lý do chậm trả) đã được cơ quan trả lời. Xem câu trả lời tại mục Phản ánh, kiến nghị trên Cổng DVC.`);

    const mine = (await citizen.get(`/api/my/feedback/${f.id}`)).json<Sent>();
    expect(mine).toMatchObject({ status: 'answered', answer });
  });
});

describe('the public list', () => {
  it('shows only answered feedback whose sender consented, found without accents, and nothing about the sender', async () => {
    const consented = (await send(citizen, { ...ABOUT_DOSSIER, title: 'Thủ tục khai sinh cần giấy tờ gì', dossierId: dossier.id, consentPublic: true })).json<Sent>();
    const privateOne = (await send(citizen, { ...ABOUT_DOSSIER, title: 'Thủ tục khai sinh riêng tư của tôi', dossierId: dossier.id, consentPublic: false })).json<Sent>();
    const unanswered = (await send(citizen, { ...ABOUT_DOSSIER, title: 'Thủ tục khai sinh chưa trả lời', dossierId: dossier.id, consentPublic: true })).json<Sent>();
    const answer = 'Theo quy định, cần tờ khai và giấy chứng sinh; bản sao giấy tờ tùy thân chỉ để đối chiếu.';
    for (const f of [consented, privateOne]) expect((await leader.post(`/api/admin/feedback/${f.id}/answer`, { answer })).statusCode).toBe(200);

    const anonymous = new Http(system().app, '10.55.0.9');
    const res = await anonymous.get(`${listPublicFeedback.url}?q=${encodeURIComponent('thu tuc khai sinh')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<Reply<typeof listPublicFeedback>>();
    const codes = body.items.map((i) => i.code);
    expect(codes).toContain(consented.code);
    expect(codes).not.toContain(privateOne.code);
    expect(codes).not.toContain(unanswered.code);
    const item = body.items.find((i) => i.code === consented.code)!;
    expect(item).toMatchObject({ title: 'Thủ tục khai sinh cần giấy tờ gì', answer, agencyName: expect.stringContaining('Cẩm Thành') });
    // No name, phone, account, CCCD or dossier code of the sender anywhere in the answer.
    for (const secret of ['Nguyễn Văn An', '0912345678', '001090000001', dossier.code, dossier.id]) expect(res.body).not.toContain(secret);
    expect(Object.keys(item).sort()).toEqual(['agencyName', 'answer', 'answeredAt', 'code', 'content', 'createdAt', 'procedureName', 'title']);

    // Once answered, the third one is public too: two answers of this test, one per page.
    expect((await leader.post(`/api/admin/feedback/${unanswered.id}/answer`, { answer })).statusCode).toBe(200);
    const page1 = (await anonymous.get(`${listPublicFeedback.url}?pageSize=1&page=1`)).json<Reply<typeof listPublicFeedback>>();
    const page2 = (await anonymous.get(`${listPublicFeedback.url}?pageSize=1&page=2`)).json<Reply<typeof listPublicFeedback>>();
    expect(page1.items.length).toBe(1);
    expect(page2.items.length).toBe(1);
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page2.items[0]!.code).not.toBe(page1.items[0]!.code);
  });
});
