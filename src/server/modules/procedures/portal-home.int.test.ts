// What a visitor of the portal's home page and a procedure's page gets (issue 15): the catalogue by
// lĩnh vực and nhóm sự kiện, "Thủ tục được sử dụng nhiều nhất" counted from real filings, the
// year's public figures (aggregates only, counted at most every 5 minutes), the national database's
// sections of a procedure, and the tờ khai to download as a PDF that reads like the e-form.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyId, citizenClient, submitKhaiSinh } from '../../../../tests/support/dossiers.js';
import { Http } from '../../../../tests/support/http.js';
import { pdfText } from '../../../../tests/support/pdf.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import { getAdminProcedure, getProcedure, getPublicFigures, listMostUsedProcedures, listProcedureGroups, listProcedures } from '../../../common/api/procedures.js';
import type { ManualClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../../platform/tables.js';
import { dossierRatings, dossiers } from '../dossiers/tables.js';
import { procedures } from './tables.js';

const system = useTestSystem();
let ip = 1;
const anyone = () => new Http(system().app, `10.8.0.${ip++}`);
const clock = () => system().clock as ManualClock;
const FIVE_MINUTES = 5 * 60_000;

type Page = Reply<typeof listProcedures>;
const names = async (q: string) => {
  const res = await anyone().get(`/api/procedures?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>().items.map((i) => i.name).sort();
};

describe('the catalogue by lĩnh vực and nhóm sự kiện', () => {
  it('counts the procedures in force of each field and each life event', async () => {
    const res = await anyone().get('/api/procedures/groups');
    expect(res.statusCode).toBe(200);
    const body = res.json<Reply<typeof listProcedureGroups>>();
    expect(body.fields).toEqual([
      { field: 'Chứng thực', count: 1 },
      { field: 'Hộ tịch', count: 4 },
    ]);
    expect(Object.fromEntries(body.lifeEvents.map((e) => [e.key, e.count]))).toEqual({
      'khai-sinh': 2,
      'ket-hon': 2,
      'khai-tu': 2,
      'cu-tru': 0,
      'dat-dai': 0,
      'hoc-tap-viec-lam': 1,
      'giay-to-chung-thuc': 2,
    });
  });

  it('filters the list by field and by life event, with or without words typed without accents', async () => {
    expect(await names(`field=${encodeURIComponent('Chứng thực')}`)).toEqual([
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    ]);
    expect(await names('lifeEvent=khai-sinh')).toEqual(['Cấp bản sao trích lục hộ tịch', 'Đăng ký khai sinh']);
    expect(await names('lifeEvent=khai-tu&q=dang%20ky')).toEqual(['Đăng ký khai tử']);
    expect(await names(`lifeEvent=giay-to-chung-thuc&field=${encodeURIComponent('Hộ tịch')}`)).toEqual(['Cấp bản sao trích lục hộ tịch']);
    expect(await names('lifeEvent=cu-tru')).toEqual([]);
    const bad = await anyone().get('/api/procedures?lifeEvent=du-lich');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('Thủ tục được sử dụng nhiều nhất', () => {
  it('ranks procedures by the dossiers filed in the last 90 days, recounting at most every 5 minutes', async () => {
    const url = '/api/procedures/most-used?limit=5';
    const first = await anyone().get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const before = first.json<Reply<typeof listMostUsedProcedures>>();
    expect(before.days).toBe(90);
    expect(before.items).toHaveLength(5);
    const count = (r: Reply<typeof listMostUsedProcedures>, code: string) => r.items.find((i) => i.code === code)!.dossiers;

    // Two real filings of "Đăng ký khai sinh" today; one of "Đăng ký kết hôn" 100 days ago.
    const citizen = await citizenClient(system().app);
    const ward = await agencyId(system().deps.db, '000.01.15.H48');
    for (let i = 0; i < 2; i++) expect((await submitKhaiSinh(citizen, ward)).statusCode).toBe(201);
    await insertDossier({ procedureCode: '1.000894', submittedAt: new Date(clock().now().getTime() - 100 * 86_400_000) });

    expect((await anyone().get(url)).json()).toEqual(before);
    clock().advance(FIVE_MINUTES);
    const after = (await anyone().get(url)).json<Reply<typeof listMostUsedProcedures>>();
    expect(count(after, '1.001193')).toBe(count(before, '1.001193') + 2);
    expect(count(after, '1.000894')).toBe(count(before, '1.000894'));
    const ranked = after.items.map((i) => i.dossiers);
    expect(ranked).toEqual([...ranked].sort((x, y) => y - x));
    expect(after.items.find((i) => i.code === '1.001193')).toMatchObject({ name: 'Đăng ký khai sinh', field: 'Hộ tịch', fullyOnline: true, onlineFiling: true });
    // The answer names procedures and counts, nothing about who filed.
    expect(Object.keys(after.items[0]!).sort()).toEqual(['code', 'dossiers', 'field', 'fullyOnline', 'name', 'onlineFiling']);
  });
});

async function insertDossier(o: { procedureCode: string; submittedAt: Date; receivedAt?: Date | null; channel?: 1 | 2; finishedAt?: Date | null; onTime?: boolean | null }) {
  const db = system().deps.db;
  const [p] = await db.select().from(procedures).where(eq(procedures.code, o.procedureCode));
  const id = newId();
  await db.insert(dossiers).values({
    id,
    code: `TEST-${id.slice(-12)}`,
    agencyId: await agencyId(db, '000.01.15.H48'),
    procedureId: p!.id,
    procedureCode: p!.code,
    procedureName: p!.name,
    processingDays: 0,
    applicantId: newId(),
    applicantName: 'Người thử nghiệm',
    channel: o.channel ?? 1,
    status: o.finishedAt ? 9 : o.receivedAt ? 4 : 1,
    formData: {},
    provenance: {},
    submittedAt: o.submittedAt,
    receivedAt: o.receivedAt ?? null,
    finishedAt: o.finishedAt ?? null,
    onTime: o.onTime ?? null,
    submissionKey: id,
    createdBy: newId(),
    updatedAt: o.submittedAt,
  });
  return id;
}

describe('Số liệu công khai', () => {
  it('answers the year’s aggregates to anyone: received, resolved, on time, online, satisfied', async () => {
    const now = clock().now(); // 24/11/2026
    const lastYear = new Date('2025-12-20T03:00:00Z');
    const a = await insertDossier({ procedureCode: '1.000656', channel: 2, submittedAt: now, receivedAt: now, finishedAt: now, onTime: true });
    const b = await insertDossier({ procedureCode: '1.000656', channel: 1, submittedAt: now, receivedAt: now, finishedAt: now, onTime: false });
    await insertDossier({ procedureCode: '1.000656', channel: 1, submittedAt: now, receivedAt: now });
    await insertDossier({ procedureCode: '1.000656', channel: 2, submittedAt: lastYear, receivedAt: lastYear, finishedAt: lastYear, onTime: true });
    const ward = await agencyId(system().deps.db, '000.01.15.H48');
    await system().deps.db.insert(dossierRatings).values([
      { dossierId: a, agencyId: ward, applicantId: newId(), rating: 3, at: now },
      { dossierId: b, agencyId: ward, applicantId: newId(), rating: 1, at: now },
    ]);

    const res = await anyone().get('/api/portal/figures');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const f = res.json<Reply<typeof getPublicFigures>>();
    // The earlier test's online filings are not received yet: they count nowhere here.
    expect(f).toEqual({
      year: 2026,
      from: '2026-01-01',
      countedAt: now.toISOString(),
      received: 3,
      receivedOnline: 1,
      resolved: 2,
      resolvedOnTime: 1,
      onTimeShare: 0.5,
      onlineShare: 1 / 3,
      ratings: 2,
      satisfiedShare: 0.5,
      proceduresInForce: 5,
      proceduresOnline: 5,
    });

    // Counted again only after 5 minutes.
    await insertDossier({ procedureCode: '1.000656', channel: 2, submittedAt: now, receivedAt: now });
    expect((await anyone().get('/api/portal/figures')).json<Reply<typeof getPublicFigures>>().received).toBe(3);
    clock().advance(FIVE_MINUTES);
    expect((await anyone().get('/api/portal/figures')).json<Reply<typeof getPublicFigures>>()).toMatchObject({ received: 4, receivedOnline: 2, onlineShare: 0.5 });
  });
});

describe('a procedure’s page: the sections of the national database', () => {
  it('shows the steps, each way of filing with its time and fees, who, conditions, result and legal basis', async () => {
    const p = (await anyone().get('/api/procedures/1.001193')).json<Reply<typeof getProcedure>>();
    expect(p.steps).toHaveLength(4);
    expect(p.steps[3]).toContain('Chủ tịch Ủy ban nhân dân cấp xã cấp Giấy khai sinh');
    expect(p.channels.map((c) => [c.kind, c.processingDays, c.fees.map((x) => x.amountVnd)])).toEqual([
      ['direct', 0, [0]],
      ['online', 0, [0]],
      ['post', 0, [0]],
    ]);
    expect(p.applicants).toContain('Cha hoặc mẹ');
    expect(p.conditions).toContain('60 ngày kể từ ngày sinh');
    expect(p.result).toContain('Giấy khai sinh');
    expect(p.legalBasis?.split('\n')).toEqual([
      'Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014',
      expect.stringMatching(/^Nghị định số 123\/2015\/NĐ-CP ngày 15\/11\/2015/),
      expect.stringMatching(/^Thông tư số 04\/2020\/TT-BTP ngày 28\/5\/2020/),
    ]);
    expect(p.lifeEvents).toEqual(['khai-sinh']);
    expect(p.documents.map((d) => [d.hasTemplate, d.templateType])).toEqual([
      [true, 'pdf'],
      [false, null],
    ]);
    const copy = (await anyone().get('/api/procedures/2.000908')).json<Reply<typeof getProcedure>>();
    expect(copy.channels.map((c) => c.kind)).toEqual(['direct', 'online']);
    expect(copy.fees[0]).toMatchObject({ amountVnd: 2000, unit: 'trang' });
  });

  it('hands out the tờ khai as a PDF with every field of the e-form, and no template where there is none', async () => {
    const res = await anyone().get('/api/procedures/1.001193/documents/1/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''T%E1%BB%9D%20khai%20%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh.pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf, 'raw');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
      'Kính gửi: Ủy ban nhân dân cấp xã',
      'Người được khai sinh',
      'Họ, chữ đệm, tên người yêu cầu:',
      'Ngày, tháng, năm sinh (ngày/tháng/năm):',
      'Nam',
      'Nữ',
      'Tôi cam đoan',
      'NGƯỜI YÊU CẦU',
    ]) {
      expect(text).toContain(s);
    }
    expect((await anyone().get('/api/procedures/1.001193/documents/2/template')).json()).toMatchObject({ code: 'PROCEDURE_TEMPLATE_NOT_FOUND' });
    expect((await anyone().get('/api/procedures/1.001193/documents/9/template')).json()).toMatchObject({ code: 'PROCEDURE_TEMPLATE_NOT_FOUND' });
    expect((await anyone().get('/api/procedures/9.999999/documents/1/template')).json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
  });
});

describe('the sections in the catalogue’s administration', () => {
  it('edits them, keeps them when an edit leaves them out, refuses a way of filing twice, and audits the change', async () => {
    const admin = anyone();
    expect((await admin.login('officer', 'admin.demo')).statusCode).toBe(200);
    const body = {
      code: '9.100050',
      name: 'Thủ tục thử nghiệm các mục công khai',
      field: 'Cư trú',
      level: 'commune',
      implementingAgency: 'Ủy ban nhân dân cấp xã',
      processingDays: 2,
      fees: [],
      fullyOnline: false,
      effectiveFrom: '2025-07-01',
      documents: [{ name: 'Tờ khai thử nghiệm', quantity: '01 bản chính', required: true, templateName: 'Mẫu tờ khai' }],
    };
    const created = await admin.post('/api/admin/procedures', {
      ...body,
      steps: ['  Bước một  ', 'Bước hai'],
      channels: [{ kind: 'direct', processingDays: 1, timeNote: '', fees: [{ label: 'Lệ phí', amountVnd: 1378500 }], note: null }],
      applicants: 'Công dân Việt Nam',
      conditions: 'Điều kiện thử nghiệm',
      lifeEvents: ['cu-tru'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json<Reply<typeof getAdminProcedure>>();
    expect(d).toMatchObject({
      steps: ['Bước một', 'Bước hai'],
      channels: [{ kind: 'direct', processingDays: 1, timeNote: null, fees: [{ label: 'Lệ phí', amountVnd: 1378500 }], note: null }],
      applicants: 'Công dân Việt Nam',
      lifeEvents: ['cu-tru'],
    });
    const url = `/api/admin/procedures/${d.id}`;
    const docs = d.documents.map((x) => ({ id: x.id, name: x.name, quantity: x.quantity, required: x.required, templateName: x.templateName }));

    // Left out: kept (an editor that knows nothing of the sections sends none of them).
    expect((await admin.put(url, { ...body, processingDays: 3, documents: docs })).statusCode).toBe(200);
    expect((await admin.get(url)).json<Reply<typeof getAdminProcedure>>()).toMatchObject({ processingDays: 3, steps: ['Bước một', 'Bước hai'], lifeEvents: ['cu-tru'] });

    const res = await admin.put(url, { ...body, documents: docs.map((x) => ({ ...x, printableForm: true })), conditions: null, lifeEvents: ['cu-tru', 'dat-dai'] });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    const change = rows.find((r) => r.action === 'procedure.update' && (r.after as Record<string, unknown>).lifeEvents);
    expect(change?.before).toMatchObject({ lifeEvents: ['cu-tru'], conditions: 'Điều kiện thử nghiệm' });
    expect(change?.after).toMatchObject({ lifeEvents: ['cu-tru', 'dat-dai'], conditions: null, documents: ['Tờ khai thử nghiệm'] });

    // Published, citizens find it by its life event; without an e-form the tờ khai has nothing to print.
    expect((await admin.post(`${url}/publish`)).statusCode).toBe(200);
    try {
      expect(await names('lifeEvent=dat-dai')).toEqual(['Thủ tục thử nghiệm các mục công khai']);
      const pub = (await anyone().get('/api/procedures/9.100050')).json<Reply<typeof getProcedure>>();
      expect(pub).toMatchObject({ conditions: null, lifeEvents: ['cu-tru', 'dat-dai'], documents: [{ hasTemplate: false, templateType: null }] });
    } finally {
      expect((await admin.post(`${url}/unpublish`)).statusCode).toBe(200);
    }

    const twice = await admin.put(url, {
      ...body,
      documents: docs,
      channels: [
        { kind: 'online', processingDays: 0, fees: [] },
        { kind: 'online', processingDays: 1, fees: [] },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'PROCEDURE_CHANNEL_REPEATED' });
  });
});
