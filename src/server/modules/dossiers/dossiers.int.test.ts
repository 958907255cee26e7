import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addOfficer, addUnit } from '../../../../tests/support/fixtures.js';
import { CHILD, citizenClient, KHAI_SINH, prefilledValues, submitKhaiSinh, uploadPaper, type Submitted } from '../../../../tests/support/dossiers.js';
import { Http, loggedIn, tinyPdf } from '../../../../tests/support/http.js';
import { pdfText } from '../../../../tests/support/pdf.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { ManualClock } from '../../platform/clock.js';
import { vnDate, workCalendar } from '../../platform/workdays.js';
import { searchKey } from '../../../common/text.js';
import { newId } from '../../platform/ids.js';
import { agencies } from '../agencies/tables.js';
import { users } from '../users/tables.js';
import { dossiers } from './tables.js';
import { addToStore, listMyDossiers, listStore, uploadMyPaper } from '../../../common/api/dossiers.js';
import { deskUploadPaper, listQueue } from '../../../common/api/dossiers-desk.js';

const system = useTestSystem();

const child = CHILD;

interface Problem {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
type Result = Submitted;

let ip = 20;
const nextIp = () => `10.66.0.${ip++}`;

const citizen = (login = '001090000001') => citizenClient(system().app, login);

const paper = uploadPaper;

let camThanh: string;
beforeAll(async () => {
  const db = system().deps.db;
  const [a] = await db.select().from(agencies).where(eq(agencies.code, '000.01.15.H48'));
  camThanh = a!.id;
  // A second citizen, to check that one citizen never reaches another's dossiers or papers.
  const now = system().clock.now();
  await db.insert(users).values({
    id: newId(),
    kind: 'citizen',
    idNumber: '079195004821',
    fullName: 'Trần Thị Mai',
    fullNameSearch: searchKey('Trần Thị Mai'),
    phone: '0909000111',
    passwordHash: await hashPassword('Demo@2026'),
    createdAt: now,
    updatedAt: now,
  });
});

const prefilled = (h: Http) => prefilledValues(h);
const submit = (h: Http, over: Record<string, unknown> = {}) => submitKhaiSinh(h, camThanh, over);

async function outbox(h: Http): Promise<{ to: string; body: string; subject: string | null }[]> {
  await system().deliver();
  return (await h.get('/api/dev/outbox')).json();
}

describe('online filing', () => {
  it('prefills the form from the population database, locked, with the mother from the household', async () => {
    const h = await citizen();
    const res = await h.get(`/api/filing/${KHAI_SINH}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ prefill: { values: Record<string, string>; provenance: Record<string, { source: string; locked: boolean }>; populationFound: boolean } }>();
    expect(body.prefill.populationFound).toBe(true);
    expect(body.prefill.values).toMatchObject({ applicantFullName: 'Nguyễn Văn An', fatherFullName: 'Nguyễn Văn An', motherFullName: 'Phạm Thị Hoa', relationToChild: 'Cha' });
    expect(body.prefill.provenance.motherFullName).toMatchObject({ source: 'population', locked: true });
    expect(body.prefill.provenance.contactPhone).toMatchObject({ source: 'profile', locked: false });
    expect(body.prefill.values.childFullName).toBeUndefined();
  });

  it('keeps a draft between visits', async () => {
    const h = await citizen();
    const fileId = await paper(h);
    const saved = await h.put(`/api/filing/${KHAI_SINH}/draft`, { agencyId: camThanh, formData: { childFullName: 'Nguyễn Minh Khang' }, documents: [{ position: 1, fileId }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = (await h.get(`/api/filing/${KHAI_SINH}`)).json<{ draft: { formData: Record<string, string>; agency: { name: string }; documents: { fileId: string; fileName: string }[] } }>();
    expect(again.draft.formData.childFullName).toBe('Nguyễn Minh Khang');
    expect(again.draft.agency.name).toBe('UBND phường Cẩm Thành');
    expect(again.draft.documents).toEqual([expect.objectContaining({ fileId, fileName: 'giay-to.pdf' })]);
    expect((await h.del(`/api/filing/${KHAI_SINH}/draft`)).statusCode).toBe(204);
    expect((await h.get(`/api/filing/${KHAI_SINH}`)).json<{ draft: unknown }>().draft).toBeNull();
  });

  it('finds the receiving commune without accents, with the province it belongs to', async () => {
    const res = await new Http(system().app, nextIp()).get(`/api/procedures/${KHAI_SINH}/agencies?q=cam%20thanh`);
    expect(res.json<{ name: string; provinceName: string | null }[]>()).toContainEqual(
      expect.objectContaining({ name: 'UBND phường Cẩm Thành', provinceName: 'UBND tỉnh Quảng Ngãi' }),
    );
  });

  it('gives the dossier its code, status 1, an appointment in working days and the time since login', async () => {
    const h = await citizen();
    // Five minutes between signing in and submitting (the test clock only moves when told).
    (system().clock as ManualClock).advance(5 * 60_000);
    const res = await submit(h);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Result>();
    const today = vnDate(system().clock.now());
    expect(r.code).toMatch(new RegExp(`^000\\.01\\.15\\.H48-${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}-\\d{4}$`));
    expect(r).toMatchObject({ status: 1, statusLabel: 'Mới đăng ký' });
    expect(r.appointmentDate).toBe(workCalendar().appointmentDate(system().clock.now(), 0));
    expect(r.submitSeconds).toBe(300);

    // The demo citizen's other tests file dossiers too: this one is found by its code.
    const mine = (await h.get(listMyDossiers.url)).json<{ items: { code: string; statusLabel: string; agencyName: string }[] }>();
    expect(mine.items.filter((i) => i.code === r.code)).toEqual([expect.objectContaining({ code: r.code, statusLabel: 'Mới đăng ký', agencyName: 'UBND phường Cẩm Thành' })]);

    const detail = (await h.get(`/api/my/dossiers/${r.id}`)).json<{ formData: Record<string, string>; documents: unknown[]; events: { toStatusLabel: string }[] }>();
    expect(detail.formData).toMatchObject({ ...child, applicantFullName: 'Nguyễn Văn An', motherFullName: 'Phạm Thị Hoa' });
    expect(detail.documents).toHaveLength(2);
    expect(detail.events.map((e) => e.toStatusLabel)).toEqual(['Mới đăng ký']);

    const sms = (await outbox(h)).filter((m) => m.body.includes(r.code));
    expect(sms.map((m) => m.to)).toContain('0912345678');
  });

  it('finds the citizen’s dossiers by a piece of the code or the procedure typed without diacritics, and by status', async () => {
    const h = await citizen();
    const r = (await submit(h)).json<Result>();
    type Mine = { items: { code: string; procedureName: string; status: number }[]; total: number };
    const find = async (query: string) => (await h.get(`${listMyDossiers.url}?${query}`)).json<Mine>();
    const all = await find('pageSize=100');
    for (const typed of ['khai sinh', 'KHAI SINH', 'Đăng ký khai sinh', 'dang ky khai']) {
      const found = await find(`q=${encodeURIComponent(typed)}&pageSize=100`);
      expect(found.total, typed).toBe(all.items.filter((i) => i.procedureName === 'Đăng ký khai sinh').length);
      expect(found.items.map((i) => i.code)).toContain(r.code);
    }
    // The last part of the code, as printed on the receipt.
    expect((await find(`q=${encodeURIComponent(r.code.slice(-11).toLowerCase())}`)).items.map((i) => i.code)).toEqual([r.code]);
    expect((await find(`q=${encodeURIComponent('ket hon')}`)).total).toBe(0);
    // A literal %: no wildcard.
    expect((await find(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    const waiting = await find('status=1&pageSize=100');
    expect(waiting.items.every((i) => i.status === 1)).toBe(true);
    expect(waiting.items.map((i) => i.code)).toContain(r.code);
    expect((await find('status=10&pageSize=100')).items.map((i) => i.code)).not.toContain(r.code);
    expect((await h.get(`${listMyDossiers.url}?status=11`)).statusCode).toBe(400);
  });

  it('gives a confirmation of the submission until the desk receives the dossier, then the Giấy tiếp nhận', async () => {
    const h = await citizen();
    const r = (await submit(h)).json<Result>();
    const before = await h.get(`/api/dossiers/${r.id}/receipt.pdf`);
    expect(before.headers['content-disposition']).toBe(`inline; filename="phieu-xac-nhan-nop-ho-so-${r.code}.pdf"`);
    const confirmation = pdfText(before.rawPayload);
    expect(confirmation).toContain('PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN');
    expect(confirmation).not.toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(confirmation).not.toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(confirmation).toContain('Ngày trả kết quả dự kiến');
    // The public "Tra cứu hồ sơ" page with the code, not a page behind the citizen's sign-in.
    expect(confirmation).toContain(`/tra-cuu-ho-so?ma=${r.code}`);
    expect(confirmation).not.toContain('/ho-so-cua-toi/');

    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    expect((await officer.post(`/api/desk/dossiers/${r.id}/receive`, {})).statusCode).toBe(200);
    const after = await h.get(`/api/dossiers/${r.id}/receipt.pdf`);
    expect(after.headers['content-disposition']).toBe(`inline; filename="giay-tiep-nhan-${r.code}.pdf"`);
    const receipt = pdfText(after.rawPayload);
    expect(receipt).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receipt).not.toContain('PHIẾU XÁC NHẬN');
    expect(receipt).toContain('Trần Tuấn Hiệp');
    expect(receipt).toContain(`/tra-cuu-ho-so?ma=${r.code}`);
  });

  it('returns the first dossier when the same submission is sent twice', async () => {
    const h = await citizen();
    const key = 'same-key-123456';
    const a = await submit(h, { submissionKey: key });
    const b = await submit(h, { submissionKey: key });
    expect(a.json<Result>().id).toBe(b.json<Result>().id);
    expect(await system().deps.db.$count(dossiers, eq(dossiers.submissionKey, key))).toBe(1);
  });

  it('refuses a dossier without a required paper, naming it', async () => {
    const h = await citizen();
    const res = await h.post(`/api/filing/${KHAI_SINH}/submit`, {
      agencyId: camThanh,
      formData: { ...(await prefilled(h)), ...child },
      documents: [{ position: 1, fileId: await paper(h) }],
      submissionKey: 'missing-paper-1',
    });
    expect(res.statusCode).toBe(400);
    const p = res.json<Problem>();
    expect(p.code).toBe('DOSSIER_DOCUMENT_MISSING');
    expect(p.message).toContain('Giấy chứng sinh');
    expect(p.details).toEqual({ positions: [2] });
  });

  it('names every field the citizen still has to fill, in Vietnamese', async () => {
    const h = await citizen();
    const res = await submit(h, { formData: { childSex: '', childBirthPlace: '', childBirthDate: '2099-01-01' } });
    expect(res.statusCode).toBe(400);
    const p = res.json<Problem & { details: { problems: { field: string; label: string; message: string }[] } }>();
    expect(p.code).toBe('FORM_INVALID');
    const byField = Object.fromEntries(p.details.problems.map((x) => [x.field, x]));
    expect(byField.childSex).toMatchObject({ label: 'Giới tính', message: 'Chưa nhập (bắt buộc).' });
    expect(byField.childBirthPlace?.message).toBe('Chưa nhập (bắt buộc).');
    expect(byField.childBirthDate?.message).toBe('Ngày không được sau ngày hôm nay.');
    expect(byField.applicantFullName).toBeUndefined();
  });

  it('refuses what cannot be true: a child born before its father, a birth in 1826, digits in a name', async () => {
    const h = await citizen();
    const values = await prefilled(h);
    // The father's birth date comes from the population database (15/05/1990 for the demo citizen).
    const dayBefore = new Date(Date.parse(`${values.fatherBirthDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const res = await submit(h, { formData: { childFullName: 'Nguyễn Minh Kh4ng', childBirthDate: dayBefore } });
    expect(res.statusCode).toBe(400);
    const p = res.json<Problem & { details: { problems: { field: string; label: string; message: string }[] } }>();
    expect(p.code).toBe('FORM_INVALID');
    const byField = Object.fromEntries(p.details.problems.map((x) => [x.field, x.message]));
    expect(byField).toEqual({
      childFullName: 'Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch nối hoặc dấu nháy; không có chữ số hay ký hiệu.',
      childBirthDate: 'Ngày sinh của người được khai sinh phải sau ngày sinh của người cha.',
    });
    const old = await submit(h, { formData: { childBirthDate: '1826-01-01' } });
    const messages = old.json<{ details: { problems: { field: string; message: string }[] } }>().details.problems;
    expect(messages).toEqual([{ field: 'childBirthDate', label: 'Ngày, tháng, năm sinh', message: expect.stringMatching(/^Ngày 01\/01\/1826 quá xa trong quá khứ/) }]);
  });

  it('refuses a change to a verified field', async () => {
    const h = await citizen();
    const res = await submit(h, { formData: { ...child, motherFullName: 'Người Khác' } });
    expect(res.json<Problem>()).toMatchObject({ code: 'FORM_LOCKED_FIELD_CHANGED', details: { fields: ['motherFullName'] } });
    expect(res.statusCode).toBe(409);
  });

  it('refuses an agency that does not receive the procedure, and papers of somebody else', async () => {
    const h = await citizen();
    const desk = (await system().deps.db.select().from(agencies).where(eq(agencies.code, '000.15.15.H48')))[0]!;
    expect((await submit(h, { agencyId: desk.id })).json<Problem>().code).toBe('AGENCY_NOT_RECEIVING');
    const other = await citizen('079195004821');
    const foreign = await paper(other);
    const res = await submit(h, { documents: [{ position: 1, fileId: foreign }, { position: 2, fileId: foreign }] });
    expect(res.json<Problem>().code).toBe('FILE_NOT_FOUND');
  });

  it('takes only scans and photos as papers, judged by content', async () => {
    const h = await citizen();
    const res = await h.upload(uploadMyPaper.url, [{ name: 'to-khai.pdf', data: Buffer.from('PK\u0003\u0004 not a pdf at all') }]);
    expect(res.statusCode).toBe(415);
    expect(res.json<Problem>().code).toBe('PAPER_TYPE_NOT_ALLOWED');
  });

  it('attaches a paper from Kho dữ liệu and hides the dossier from other citizens', async () => {
    const h = await citizen();
    const boundary = '----store';
    const token = await h.token();
    const stored = await system().app.inject({
      method: 'POST',
      url: addToStore.url,
      remoteAddress: h.ip,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': token, cookie: (h as unknown as { cookieHeader(): string }).cookieHeader() },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nGiấy chứng sinh của bé Khang\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="chung-sinh.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        tinyPdf(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(stored.statusCode, stored.body).toBe(201);
    const item = stored.json<{ fileId: string; title: string }>();
    expect(item.title).toBe('Giấy chứng sinh của bé Khang');
    expect((await h.get(listStore.url)).json<{ title: string }[]>().map((s) => s.title)).toContain('Giấy chứng sinh của bé Khang');

    const res = await submit(h, { documents: [{ position: 1, fileId: await paper(h) }, { position: 2, fileId: item.fileId, source: 'store' }] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Result>().id;
    const detail = (await h.get(`/api/my/dossiers/${id}`)).json<{ documents: { position: number; source: string }[] }>();
    expect(detail.documents.find((d) => d.position === 2)?.source).toBe('store');

    const other = await citizen('079195004821');
    expect((await other.get(`/api/my/dossiers/${id}`)).json<Problem>().code).toBe('DOSSIER_NOT_FOUND');
    expect((await other.get(`/api/dossiers/${id}/receipt.pdf`)).statusCode).toBe(404);
    expect((await other.get(`/api/papers/${item.fileId}`)).statusCode).toBe(404);
    expect((await h.get(`/api/papers/${item.fileId}`)).rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('the reception queue', () => {
  it('lets the desk ask for supplementation, the citizen supplement, and the desk receive', async () => {
    const h = await citizen();
    const r = (await submit(h)).json<Result>();
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');

    const queue = (await officer.get('/api/desk/dossiers?status=1')).json<{ items: { code: string }[] }>();
    expect(queue.items.map((i) => i.code)).toContain(r.code);
    // Found by any part of its code, in any case.
    const byCode = (await officer.get(`/api/desk/dossiers?status=1&q=${encodeURIComponent(r.code.slice(-11).toLowerCase())}`)).json<{ items: { code: string }[] }>();
    expect(byCode.items.map((i) => i.code)).toEqual([r.code]);

    const noReason = await officer.post(`/api/desk/dossiers/${r.id}/request-supplement`, { reason: ' ' });
    expect(noReason.json<Problem>().code).toBe('REASON_REQUIRED');

    const asked = await officer.post(`/api/desk/dossiers/${r.id}/request-supplement`, { reason: 'Giấy chứng sinh bị mờ, đề nghị chụp lại rõ nét.' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json<Result>()).toMatchObject({ status: 5, statusLabel: 'Yêu cầu bổ sung giấy tờ' });
    const sms = (await outbox(h)).find((m) => m.to === '0912345678' && m.body.includes(r.code) && m.body.includes('cần bổ sung giấy tờ'));
    expect(sms?.body).toContain('Giấy chứng sinh bị mờ');

    // Receiving is no longer possible while the citizen supplements.
    expect((await officer.post(`/api/desk/dossiers/${r.id}/receive`, {})).json<Problem>().code).toBe('DOSSIER_STATUS_CONFLICT');

    const mine = (await h.get(`/api/my/dossiers/${r.id}`)).json<{ statusReason: string; formData: Record<string, string> }>();
    expect(mine.statusReason).toBe('Giấy chứng sinh bị mờ, đề nghị chụp lại rõ nét.');
    const supplemented = await h.post(`/api/my/dossiers/${r.id}/supplement`, {
      formData: mine.formData,
      documents: [
        { position: 1, fileId: await paper(h) },
        { position: 2, fileId: await paper(h, uploadMyPaper.url, 'chung-sinh-ro.pdf') },
      ],
    });
    expect(supplemented.statusCode, supplemented.body).toBe(200);
    expect(supplemented.json<Result>().status).toBe(1);

    const received = await officer.post(`/api/desk/dossiers/${r.id}/receive`, {});
    expect(received.json<Result>()).toMatchObject({ status: 2, statusLabel: 'Được tiếp nhận' });
    expect((await officer.post(`/api/desk/dossiers/${r.id}/receive`, {})).json<Problem>().code).toBe('DOSSIER_STATUS_CONFLICT');

    const detail = (await h.get(`/api/my/dossiers/${r.id}`)).json<{ events: { toStatusLabel: string; reason: string | null }[]; documents: { fileName: string }[]; receivedByName: string }>();
    expect(detail.events.map((e) => e.toStatusLabel)).toEqual(['Mới đăng ký', 'Yêu cầu bổ sung giấy tờ', 'Mới đăng ký', 'Được tiếp nhận']);
    expect(detail.documents.map((d) => d.fileName)).toContain('chung-sinh-ro.pdf');
    expect(detail.receivedByName).toBe('Trần Tuấn Hiệp');
    const messages = await outbox(h);
    expect(messages.some((m) => m.to === '0912345678' && m.body.includes(r.code) && m.body.includes('đã được tiếp nhận'))).toBe(true);
  });

  it('refuses with a reason, and keeps dossiers of other units out of reach', async () => {
    const h = await citizen();
    const r = (await submit(h)).json<Result>();
    const db = system().deps.db;
    const now = system().clock.now();
    const otherDesk = await addUnit(db, now, { code: '000.99.15.H48', name: 'Bộ phận Một cửa xã Khác' });
    await addOfficer(db, now, { username: 'motcua.khac', fullName: 'Lê Văn Khác', phone: '0351110000', passwordHash: await hashPassword('Demo@2026'), unitIds: [otherDesk], permissions: ['DESK_RECEIVE'] });
    const stranger = await loggedIn(system().app, 'officer', 'motcua.khac');
    expect((await stranger.get(`/api/desk/dossiers/${r.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/desk/dossiers/${r.id}/refuse`, { reason: 'Không thuộc thẩm quyền' })).statusCode).toBe(404);
    expect((await stranger.get('/api/desk/dossiers?status=1')).json<{ items: { code: string }[] }>().items.map((i) => i.code)).not.toContain(r.code);

    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const refused = await officer.post(`/api/desk/dossiers/${r.id}/refuse`, { reason: 'Người được khai sinh đã được đăng ký khai sinh tại nơi khác.' });
    expect(refused.json<Result>()).toMatchObject({ status: 3, statusLabel: 'Không được tiếp nhận', appointmentDate: null });
    const sms = (await outbox(h)).find((m) => m.to === '0912345678' && m.body.includes(r.code) && m.body.includes('không được tiếp nhận'));
    expect(sms?.body).toContain('đã được đăng ký khai sinh tại nơi khác');
  });
});

describe('desk reception', () => {
  it('finds the citizen by CCCD and says when there is no account', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const found = (await officer.get('/api/desk/citizens?idNumber=001090000001')).json<{ account: { fullName: string }; population: { fullName: string } }>();
    expect(found.account.fullName).toBe('Nguyễn Văn An');
    expect(found.population.fullName).toBe('Nguyễn Văn An');
    const none = (await officer.get('/api/desk/citizens?idNumber=048188002467')).json<{ account: unknown; population: { fullName: string } }>();
    expect(none.account).toBeNull();
    expect(none.population.fullName).toBe('Phạm Thị Thu Hà');
    expect((await officer.get('/api/desk/citizens?idNumber=12345')).json<Problem>().code).toBe('INVALID_ID_NUMBER');
  });

  it('receives an in-person dossier only when every required paper is digitised, and prints the receipt', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const who = (await officer.get('/api/desk/citizens?idNumber=001090000001')).json<{ account: { id: string } }>();
    const start = (await officer.get(`/api/desk/filing/${KHAI_SINH}?citizenId=${who.account.id}`)).json<{ agencies: { id: string; name: string }[]; prefill: { values: Record<string, string> } }>();
    expect(start.agencies.map((a) => a.name)).toEqual(['UBND phường Cẩm Thành']);
    expect(start.prefill.values.motherFullName).toBe('Phạm Thị Hoa');

    const scan = await paper(officer, deskUploadPaper.url, 'to-khai-scan.pdf');
    const body = { citizenId: who.account.id, agencyId: start.agencies[0]!.id, formData: { ...start.prefill.values, ...child }, submissionKey: 'desk-0001-abc' };
    const missing = await officer.post(`/api/desk/filing/${KHAI_SINH}`, { ...body, documents: [{ position: 1, fileId: scan }] });
    expect(missing.json<Problem>().code).toBe('DOSSIER_DOCUMENT_MISSING');

    // A citizen's own upload is not the officer's scan.
    const h = await citizen();
    const citizensFile = await paper(h);
    const notMine = await officer.post(`/api/desk/filing/${KHAI_SINH}`, { ...body, documents: [{ position: 1, fileId: scan }, { position: 2, fileId: citizensFile }] });
    expect(notMine.json<Problem>().code).toBe('FILE_NOT_FOUND');

    const scan2 = await paper(officer, deskUploadPaper.url, 'chung-sinh-scan.pdf');
    const res = await officer.post(`/api/desk/filing/${KHAI_SINH}`, { ...body, documents: [{ position: 1, fileId: scan }, { position: 2, fileId: scan2 }] });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Result>();
    expect(r).toMatchObject({ status: 2, statusLabel: 'Được tiếp nhận' });
    expect(r.code).toMatch(/^000\.01\.15\.H48-\d{6}-\d{4}$/);
    const [row] = await system().deps.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(row).toMatchObject({ channel: 1, submitSeconds: null });

    const pdf = await officer.get(`/api/dossiers/${r.id}/receipt.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(r.code);
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Trần Tuấn Hiệp');
    // The citizen sees the same dossier among theirs.
    expect((await h.get(listMyDossiers.url)).json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain(r.code);
  });

  it('keeps citizens out of the desk and officers out of filing', async () => {
    const h = await citizen();
    expect((await h.get(listQueue.url)).statusCode).toBe(401);
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    expect((await officer.get(`/api/filing/${KHAI_SINH}`)).statusCode).toBe(401);
  });
});
