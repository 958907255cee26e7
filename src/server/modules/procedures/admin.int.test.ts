// "Danh mục thủ tục" (administration): who may manage the catalogue, drafts, publishing and
// withdrawing, the 10-working-day publication rule across Tết 2026, e-form checks, templates, and
// procedures that leave the public catalogue by themselves when they expire.
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addOfficer } from '../../../../tests/support/fixtures.js';
import { Http, PNG_1PX, tinyPdf } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import {
  getAdminProcedure,
  getProcedure,
  listAdminProcedures,
  listProcedures,
  resetProcedureWorkflow,
  setProcedureForm,
  setProcedureWorkflow,
  uploadProcedureTemplate,
} from '../../../common/api/procedures.js';
import type { EForm } from '../../../common/eform.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { userPermissions, users } from '../users/tables.js';

const system = useTestSystem();
const BASE = '/api/admin/procedures';

type Page = Reply<typeof listAdminProcedures>;
type Detail = Reply<typeof getAdminProcedure>;

const demoForms = (JSON.parse(readFileSync(new URL('../../../../data/procedures-demo.json', import.meta.url), 'utf8')) as { procedures: { code: string; form: EForm }[] })
  .procedures;
const birthForm = () => structuredClone(demoForms.find((p) => p.code === '1.001193')!.form);

let ip = 10;
const client = () => new Http(system().app, `10.7.0.${ip++}`);
async function login(username: string): Promise<Http> {
  const h = client();
  const res = await h.login('officer', username);
  expect(res.statusCode, res.body).toBe(200);
  return h;
}

function input(over: Record<string, unknown> = {}) {
  return {
    code: '9.100001',
    name: 'Thủ tục thử nghiệm quản trị',
    field: 'Hộ tịch',
    level: 'commune',
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    processingDays: 3,
    fees: [{ label: 'Lệ phí', amountVnd: 8000 }],
    fullyOnline: false,
    effectiveFrom: '2025-07-01',
    documents: [
      { name: 'Tờ khai thử nghiệm', quantity: '01 bản chính', required: true, templateName: 'Mẫu tờ khai thử nghiệm' },
      { name: 'Giấy tờ chứng minh nơi cư trú', quantity: '01 bản sao', required: false },
    ],
    ...over,
  };
}

async function create(h: Http, over: Record<string, unknown> = {}): Promise<Detail> {
  const res = await h.post(BASE, input(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}

async function list(h: Http, q = ''): Promise<Page> {
  const res = await h.get(`${BASE}?pageSize=100&${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

const publicNames = async (q: string) =>
  (await client().get(`/api/procedures?q=${encodeURIComponent(q)}`)).json<Reply<typeof listProcedures>>().items.map((i) => i.name);

/** The procedure's audit rows in the order they were written (the test clock may give them one instant; ids are time-ordered). */
async function audits(entityId: string) {
  return system()
    .deps.db.select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'procedure'), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

async function demoId(h: Http, code: string): Promise<string> {
  return (await list(h, `q=${code}`)).items.find((i) => i.code === code)!.id;
}

let admin: Http;

beforeAll(async () => {
  admin = await login('admin.demo');
});

describe('who may manage the catalogue', () => {
  it('refuses anyone but a high-level administrator or ADMIN CỤC KSTTHC, in the API itself', async () => {
    expect((await client().get(BASE)).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    const id = await demoId(admin, '1.000656');
    for (const username of ['motcua.demo', 'quantri.qngai.demo']) {
      const h = await login(username);
      for (const res of [
        await h.get(BASE),
        await h.get(`${BASE}/${id}`),
        await h.post(BASE, input({ code: '9.100099' })),
        await h.post(`${BASE}/${id}/unpublish`),
        await h.put(`${BASE}/${id}/form`, birthForm()),
        await h.upload(`${BASE}/${id}/documents/${id}/template`, [{ name: 'mau.pdf', data: tinyPdf() }]),
      ]) {
        expect(res.statusCode, `${username} ${res.body}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'CATALOGUE_ADMIN_REQUIRED' });
      }
    }
    // Nothing changed for citizens.
    expect(await publicNames('khai tu')).toEqual(['Đăng ký khai tử']);
  });

  it('lets an officer holding ADMIN CỤC KSTTHC in', async () => {
    const db = system().deps.db;
    const now = system().clock.now();
    const [a] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.username, 'admin.demo'));
    const id = await addOfficer(db, now, { username: 'kstthc.test', fullName: 'Đỗ Kiểm Soát', phone: '0911000222', passwordHash: a!.h });
    await db.insert(userPermissions).values({ userId: id, permission: 'ADMIN_CUC_KSTTHC', grantedAt: now });
    const h = await login('kstthc.test');
    expect((await list(h)).total).toBeGreaterThanOrEqual(5);
  });
});

describe('the list', () => {
  it('shows every demo procedure as published and in force, searchable without accents or by code prefix', async () => {
    const all = await list(admin);
    const death = all.items.find((i) => i.name === 'Đăng ký khai tử')!;
    expect(death).toMatchObject({ code: '1.000656', status: 'published', effective: 'current', inForce: true, hasForm: true, publication: null });
    expect((await list(admin, 'q=DANG%20KY%20KHAI%20TU')).items.map((i) => i.name)).toEqual(['Đăng ký khai tử']);
    expect((await list(admin, 'q=2.000')).items.map((i) => i.code)).toEqual(['2.000635', '2.000908']);
  });

  it('pages through the catalogue', async () => {
    const first = (await admin.get(`${BASE}?pageSize=2&page=1`)).json<Page>();
    const second = (await admin.get(`${BASE}?pageSize=2&page=2`)).json<Page>();
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(2);
    expect(second.total).toBe(first.total);
    expect(second.items.map((i) => i.code)).not.toContain(first.items[0]!.code);
  });
});

describe('drafts and edits', () => {
  it('creates a draft that citizens do not see, with its documents in order, and audits it', async () => {
    // A name of its own: other tests publish procedures with the default name of input().
    const d = await create(admin, { name: 'Thủ tục nháp chưa công bố' });
    expect(d).toMatchObject({ code: '9.100001', status: 'draft', inForce: false, hasForm: false, publishedAt: null });
    expect(d.documents.map((x) => [x.position, x.name, x.required])).toEqual([
      [1, 'Tờ khai thử nghiệm', true],
      [2, 'Giấy tờ chứng minh nơi cư trú', false],
    ]);
    expect(await publicNames('nhap chua cong bo')).toEqual([]);
    expect((await client().get('/api/procedures/9.100001')).json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    expect((await list(admin, 'status=draft')).items.map((i) => i.code)).toContain('9.100001');
    expect((await list(admin, 'status=published')).items.map((i) => i.code)).not.toContain('9.100001');
    expect((await audits(d.id)).map((a) => a.action)).toEqual(['procedure.create']);
  });

  it('refuses a taken or malformed code, an effective period that ends before it starts, an uncountable decision date', async () => {
    const expectCode = async (over: Record<string, unknown>, status: number, code: string) => {
      const res = await admin.post(BASE, input(over));
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toMatchObject({ code });
    };
    await expectCode({ code: '1.001193' }, 409, 'PROCEDURE_CODE_TAKEN');
    await expectCode({ code: '1001193' }, 400, 'PROCEDURE_CODE_INVALID');
    await expectCode({ code: '9.100002', effectiveFrom: '2026-07-01', effectiveTo: '2026-06-30' }, 400, 'PROCEDURE_EFFECTIVE_RANGE_INVALID');
    await expectCode({ code: '9.100002', decisionDate: '2019-05-02' }, 400, 'PROCEDURE_DECISION_DATE_INVALID');
    await expectCode({ code: '9.100002', name: '   ' }, 400, 'VALIDATION_FAILED');
    await expectCode({ code: '9.100002', effectiveFrom: '2026-02-30' }, 400, 'VALIDATION_FAILED');
    // The same day is a valid one-day period.
    await create(admin, { code: '9.100002', effectiveFrom: '2026-07-01', effectiveTo: '2026-07-01' });
  });

  it('edits metadata and documents; a kept document keeps its template, and the change is audited', async () => {
    const d = await create(admin, { code: '9.100003', name: 'Thủ tục sửa thử' });
    const [tokhai, cutru] = d.documents;
    expect((await admin.upload(`${BASE}/${d.id}/documents/${tokhai!.id}/template`, [{ name: 'to-khai.pdf', data: tinyPdf() }])).statusCode).toBe(201);
    const res = await admin.put(
      `${BASE}/${d.id}`,
      input({
        code: '9.100004',
        name: 'Thủ tục  đã   sửa',
        processingDays: 5,
        effectiveTo: '2030-12-31',
        decisionRef: '123/QĐ-BTP',
        decisionDate: '2026-11-20',
        documents: [
          { name: 'Bản sao giấy khai sinh', quantity: '01 bản sao', required: true },
          { id: tokhai!.id, name: 'Tờ khai (mẫu mới)', quantity: '01 bản chính', required: true },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json<Reply<typeof getAdminProcedure>>();
    expect(e).toMatchObject({ code: '9.100004', name: 'Thủ tục đã sửa', processingDays: 5, effectiveTo: '2030-12-31', decisionDate: '2026-11-20' });
    expect(e.documents.map((x) => [x.position, x.name, x.template?.fileName ?? null])).toEqual([
      [1, 'Bản sao giấy khai sinh', null],
      [2, 'Tờ khai (mẫu mới)', 'to-khai.pdf'],
    ]);
    expect(e.documents.map((x) => x.id)).not.toContain(cutru!.id);
    const update = (await audits(d.id)).find((a) => a.action === 'procedure.update')!;
    expect(update.after).toMatchObject({ code: '9.100004', name: 'Thủ tục đã sửa', processingDays: 5, documents: ['Bản sao giấy khai sinh', 'Tờ khai (mẫu mới)'] });
    expect(update.before).toMatchObject({ code: '9.100003', processingDays: 3 });
    // Searchable under its new name, without accents.
    expect((await list(admin, 'q=thu%20tuc%20da%20sua')).items.map((i) => i.code)).toEqual(['9.100004']);
  });

  it('refuses a document of another procedure, an unknown procedure, and a new code once published', async () => {
    const d = await create(admin, { code: '9.100005' });
    const other = await demoId(admin, '1.001193');
    const otherDoc = (await admin.get(`${BASE}/${other}`)).json<Detail>().documents[0]!;
    let res = await admin.put(`${BASE}/${d.id}`, input({ code: '9.100005', documents: [{ id: otherDoc.id, name: 'Lấy nhầm', quantity: '01', required: true }] }));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_DOCUMENT_NOT_FOUND' });
    // The other procedure's document is untouched.
    expect((await admin.get(`${BASE}/${other}`)).json<Detail>().documents[0]!.name).toBe(otherDoc.name);
    res = await admin.get(`${BASE}/00000000-0000-7000-8000-000000000000`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    expect((await admin.post(`${BASE}/${d.id}/publish`)).statusCode).toBe(200);
    res = await admin.put(`${BASE}/${d.id}`, input({ code: '9.100006' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_CODE_LOCKED' });
    res = await admin.put(`${BASE}/${other}`, input({ code: '9.100005' }));
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_CODE_LOCKED' });
  });
});

describe('publishing', () => {
  it('publishes a draft without an e-form (readable, not yet fileable) and withdraws it again, audited both ways', async () => {
    // A name no other test's procedure shares a word with ("Công bố chậm thử …" of the Tết test).
    const d = await create(admin, { code: '9.100010', name: 'Thủ tục công bố rồi ngừng' });
    let res = await admin.post(`${BASE}/${d.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', inForce: true, hasForm: false });
    expect(await publicNames('cong bo roi ngung')).toEqual(['Thủ tục công bố rồi ngừng']);
    res = await admin.post(`${BASE}/${d.id}/publish`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_ALREADY_PUBLISHED' });

    res = await admin.post(`${BASE}/${d.id}/unpublish`);
    expect(res.json()).toMatchObject({ status: 'unpublished', inForce: false });
    expect(await publicNames('cong bo roi ngung')).toEqual([]);
    expect((await client().get('/api/procedures/9.100010')).statusCode).toBe(404);
    res = await admin.post(`${BASE}/${d.id}/unpublish`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_NOT_PUBLISHED' });
    // Other tests withdraw procedures of their own: the filter is checked on this one.
    expect((await list(admin, 'status=unpublished&q=9.100010')).items.map((i) => i.code)).toEqual(['9.100010']);
    expect((await list(admin, 'status=published&q=9.100010')).items).toEqual([]);

    const rows = await audits(d.id);
    expect(rows.map((a) => a.action)).toEqual(['procedure.create', 'procedure.publish', 'procedure.unpublish']);
    expect(rows[1]!.after).toMatchObject({ status: 'published', hasForm: false });
    expect(rows[2]!.before).toMatchObject({ code: '9.100010', status: 'published' });
  });

  it('unpublishes and republishes a demo procedure: it leaves and returns to the portal', async () => {
    const id = await demoId(admin, '1.000656');
    expect((await admin.post(`${BASE}/${id}/unpublish`)).statusCode).toBe(200);
    expect(await publicNames('khai tu')).toEqual([]);
    expect((await client().get('/api/procedures/1.000656')).json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    expect((await admin.post(`${BASE}/${id}/publish`)).statusCode).toBe(200);
    expect(await publicNames('khai tu')).toEqual(['Đăng ký khai tử']);
  });
});

describe('the 10-working-day publication rule, across Tết 2026', () => {
  // Tết Bính Ngọ: Mon 16/02 – Fri 20/02/2026 are days off.
  it('counts working days from the decision to publication, or to today while unpublished', async () => {
    const clock = system().clock as ManualClock;
    const realNow = clock.now();
    try {
      // (Signed in at today's date: a cookie that expired in February would be dropped by the client.)
      const h = admin;
      clock.set('2026-02-25T02:00:00Z'); // Wed 25/02/2026, 09:00 in Vietnam
      const a = await create(h, { code: '9.200001', name: 'Công bố chậm thử A', decisionRef: '01/QĐ-BTP', decisionDate: '2026-02-02' });
      const b = await create(h, { code: '9.200002', name: 'Công bố chậm thử B', decisionRef: '02/QĐ-BTP', decisionDate: '2026-02-06' });
      const c = await create(h, { code: '9.200003', name: 'Công bố chậm thử C', decisionRef: '03/QĐ-BTP', decisionDate: '2026-02-06' });
      // Unpublished: 3–13/02 (9) + 23–25/02 (3) = 12 > 10.
      expect(a.publication).toEqual({ workingDays: 12, late: true });
      // 9–13/02 (5) + 23–25/02 (3) = 8.
      expect(b.publication).toEqual({ workingDays: 8, late: false });

      clock.set('2026-02-27T03:00:00Z'); // Fri 27/02: 21 calendar days, 15 weekdays, but only 10 working days
      expect((await h.post(`${BASE}/${b.id}/publish`)).json()).toMatchObject({ publication: { workingDays: 10, late: false } });
      clock.set('2026-03-02T03:00:00Z'); // Mon 02/03: 11 working days
      expect((await h.post(`${BASE}/${c.id}/publish`)).json()).toMatchObject({ publication: { workingDays: 11, late: true } });

      const late = await list(h, 'late=true&q=cong%20bo%20cham%20thu');
      expect(late.items.map((i) => [i.code, i.status, i.publication])).toEqual([
        ['9.200001', 'draft', { workingDays: 15, late: true }],
        ['9.200003', 'published', { workingDays: 11, late: true }],
      ]);
      expect((await list(h, 'q=cong%20bo%20cham%20thu')).total).toBe(3);
      expect((await list(h, 'late=true&status=published&q=cong%20bo%20cham%20thu')).items.map((i) => i.code)).toEqual(['9.200003']);
      const second = (await h.get(`${BASE}?late=true&q=cong%20bo%20cham%20thu&pageSize=1&page=2`)).json<Page>();
      expect([second.total, second.items.map((i) => i.code)]).toEqual([2, ['9.200003']]);

      // Withdrawn and published again: still counted to the first publication.
      await h.post(`${BASE}/${b.id}/unpublish`);
      clock.set('2026-03-10T03:00:00Z');
      expect((await h.post(`${BASE}/${b.id}/publish`)).json()).toMatchObject({ publication: { workingDays: 10, late: false } });
      // A new decision restarts the count: published now, 1 working day after 09/03.
      const bd = (await h.get(`${BASE}/${b.id}`)).json<Detail>();
      const res = await h.put(
        `${BASE}/${b.id}`,
        input({ code: bd.code, name: bd.name, decisionRef: '04/QĐ-BTP', decisionDate: '2026-03-09', documents: bd.documents.map((d) => ({ id: d.id, name: d.name, quantity: '01 bản chính', required: d.required })) }),
      );
      expect(res.json()).toMatchObject({ publication: { workingDays: 1, late: false } });
    } finally {
      clock.set(realNow);
    }
  });
});

describe('the e-form', () => {
  it('stores a valid form and says how many fields it has', async () => {
    const d = await create(admin, { code: '9.300001' });
    const form = birthForm();
    const res = await admin.put(`${BASE}/${d.id}/form`, form);
    expect(res.statusCode, res.body).toBe(200);
    const fields = form.layout.flatMap((s) => s.fields).length;
    expect(res.json<Reply<typeof setProcedureForm>>()).toEqual({ title: 'Tờ khai đăng ký khai sinh', fieldCount: fields, sectionCount: form.layout.length });
    const detail = (await admin.get(`${BASE}/${d.id}`)).json<Detail>();
    expect(detail.form).toEqual(form);
    expect([detail.hasForm, detail.formFieldCount]).toEqual([true, fields]);
    expect((await audits(d.id)).find((a) => a.action === 'procedure.form_set')!.after).toEqual({ form: `Tờ khai đăng ký khai sinh (${fields} trường)` });
  });

  it('refuses a broken form with the problems in Vietnamese, keeping the stored one', async () => {
    const d = await create(admin, { code: '9.300002' });
    expect((await admin.put(`${BASE}/${d.id}/form`, birthForm())).statusCode).toBe(200);
    const problems = async (body: unknown) => {
      const res = await admin.put(`${BASE}/${d.id}/form`, body);
      expect(res.statusCode, res.body).toBe(400);
      const json = res.json<{ code: string; details: { problems: string[] } }>();
      expect(json.code).toBe('FORM_DEFINITION_INVALID');
      return json.details.problems;
    };

    const extraField = birthForm();
    extraField.layout[0]!.fields.push({ name: 'religion', label: 'Tôn giáo', widget: 'text' });
    expect(await problems(extraField)).toEqual(['Trường "religion" có trong layout nhưng không có trong schema.']);

    const noTitle = { ...birthForm(), title: '' };
    expect(await problems(noTitle)).toEqual(['Thiếu tên biểu mẫu (title).']);

    const badWidget = birthForm();
    badWidget.layout[0]!.fields[0]!.widget = 'slider' as never;
    badWidget.layout[0]!.fields[1]!.prefill = 'applicant.shoeSize';
    const named = badWidget.layout[0]!.fields;
    expect(await problems(badWidget)).toEqual([
      `Trường "${named[0]!.name}" có kiểu nhập (widget) "slider" không hợp lệ; dùng một trong: text, textarea, date, select, radio, idNumber, phone, email.`,
      `Trường "${named[1]!.name}" lấy dữ liệu từ nguồn (prefill) "applicant.shoeSize" không được hỗ trợ.`,
    ]);

    const wrongOptions = birthForm();
    const sex = wrongOptions.layout.flatMap((s) => s.fields).find((f) => f.name === 'childSex')!;
    sex.options = [{ value: 'Nam', label: 'Nam' }];
    expect(await problems(wrongOptions)).toEqual(['Trường "childSex": các lựa chọn (options) phải trùng với danh sách enum trong schema.']);

    // Agrees with itself but is not JSON Schema: ajv (draft 2020-12) cannot compile it.
    const badSchema = birthForm();
    badSchema.schema.properties.childFullName = { type: 'chuỗi' };
    const [compile] = await problems(badSchema);
    expect(compile).toMatch(/^schema không phải là JSON Schema \(draft 2020-12\) hợp lệ: /);

    expect(await problems([1, 2])).toEqual(['Biểu mẫu phải là một đối tượng JSON gồm "title", "schema" và "layout".']);
    expect(await problems({ title: 'X', schema: { type: 'object', properties: {} }, layout: [{ title: 'Phần 1' }] })).toEqual([
      'Phần thứ 1 của layout phải có ít nhất một trường (fields).',
    ]);

    const detail = (await admin.get(`${BASE}/${d.id}`)).json<Detail>();
    expect(detail.form).toEqual(birthForm());
  });
});

describe('the processing workflow', () => {
  it('stores a workflow, refuses a broken one with its problems, and returns to the default', async () => {
    const d = await create(admin, { code: '9.350001' });
    const oneStep = { steps: [{ key: 'approve', label: 'Lãnh đạo phê duyệt, ký', role: 'DOSSIER_APPROVE', days: 2, signs: 'sign' }] };
    const ok = await admin.put(`${BASE}/${d.id}/workflow`, oneStep);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Reply<typeof setProcedureWorkflow>>()).toEqual({ steps: 1, custom: true });
    const bad = await admin.put(`${BASE}/${d.id}/workflow`, { steps: [{ key: 'x', label: 'X', role: 'GIAM_DOC', days: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'WORKFLOW_DEFINITION_INVALID', details: { problems: ['Bước "x": vai trò "GIAM_DOC" không hợp lệ.'] } });
    expect((await admin.del(`${BASE}/${d.id}/workflow`)).json<Reply<typeof resetProcedureWorkflow>>()).toEqual({ steps: 2, custom: false });
    expect((await audits(d.id)).filter((a) => a.action === 'procedure.workflow_set')).toHaveLength(2);
    const officer = await login('motcua.demo');
    expect((await officer.put(`${BASE}/${d.id}/workflow`, oneStep)).statusCode).toBe(403);
  });
});

describe('templates (mẫu đơn, tờ khai)', () => {
  it('uploads a PDF template that citizens download byte for byte under its own name', async () => {
    const id = await demoId(admin, '1.000894');
    const doc = (await admin.get(`${BASE}/${id}`)).json<Detail>().documents[0]!;
    const pdf = tinyPdf();
    const res = await admin.upload(`${BASE}/${id}/documents/${doc.id}/template`, [{ name: 'Tờ khai đăng ký kết hôn.pdf', data: pdf, type: 'image/png' }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Reply<typeof uploadProcedureTemplate>>()).toEqual({ fileName: 'Tờ khai đăng ký kết hôn.pdf', size: pdf.length, type: 'pdf' });

    const detail = (await client().get('/api/procedures/1.000894')).json<Reply<typeof getProcedure>>();
    expect(detail.documents.map((d) => [d.position, d.hasTemplate])).toEqual([
      [1, true],
      [2, false],
    ]);
    const dl = await client().get('/api/procedures/1.000894/documents/1/template');
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="To khai dang ky ket hon.pdf"; filename*=UTF-8''${encodeURIComponent('Tờ khai đăng ký kết hôn.pdf')}`,
    );
    expect(Buffer.compare(dl.rawPayload, pdf)).toBe(0);
    const rows = await audits(id);
    expect(rows.find((a) => a.action === 'procedure.template_upload')!.after).toMatchObject({ originalName: 'Tờ khai đăng ký kết hôn.pdf', size: pdf.length });
  });

  it('answers PROCEDURE_TEMPLATE_NOT_FOUND for a document without a template or a position that does not exist', async () => {
    for (const url of ['/api/procedures/1.000894/documents/2/template', '/api/procedures/1.000894/documents/9/template']) {
      const res = await client().get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'PROCEDURE_TEMPLATE_NOT_FOUND' });
    }
    expect((await client().get('/api/procedures/9.999999/documents/1/template')).json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
  });

  it('refuses a PNG named .pdf, an empty file, two files, no file, a file over 5 MB, a document of another procedure', async () => {
    const d = await create(admin, { code: '9.400001' });
    const url = `${BASE}/${d.id}/documents/${d.documents[0]!.id}/template`;
    let res = await admin.upload(url, [{ name: 'to-khai.pdf', data: PNG_1PX, type: 'application/pdf' }]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: 'File "to-khai.pdf" là ảnh PNG, không phải doc, docx hoặc pdf. Mẫu đơn, tờ khai phải là file doc, docx hoặc pdf.',
    });
    res = await admin.upload(url, [{ name: 'rong.pdf', data: Buffer.alloc(0) }]);
    expect(res.json()).toMatchObject({ code: 'FILE_EMPTY' });
    res = await admin.upload(url, [
      { name: 'a.pdf', data: tinyPdf() },
      { name: 'b.pdf', data: tinyPdf() },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_MANY', message: 'Chỉ được tải lên 1 file mẫu cho mỗi thành phần hồ sơ.' });
    res = await admin.post(url, { file: 'x' });
    expect(res.json()).toMatchObject({ code: 'FILE_REQUIRED', message: 'Phải đính kèm 1 file mẫu đơn, tờ khai (doc, docx hoặc pdf).' });
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(5 * 1024 * 1024)]);
    res = await admin.upload(url, [{ name: 'lon.pdf', data: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const other = await demoId(admin, '1.001193');
    res = await admin.upload(`${BASE}/${other}/documents/${d.documents[0]!.id}/template`, [{ name: 'mau.pdf', data: tinyPdf() }]);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_DOCUMENT_NOT_FOUND' });
    // None of it stuck.
    expect((await admin.get(`${BASE}/${d.id}`)).json<Detail>().documents.map((x) => x.template)).toEqual([null, null]);
  });

  it('lets the administrator preview a draft\'s template (not the public) and remove it', async () => {
    const d = await create(admin, { code: '9.400002' });
    const url = `${BASE}/${d.id}/documents/${d.documents[1]!.id}/template`;
    expect((await admin.upload(url, [{ name: 'cu-tru.pdf', data: tinyPdf() }])).statusCode).toBe(201);
    const dl = await admin.get(url);
    expect([dl.statusCode, dl.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await client().get('/api/procedures/9.400002/documents/2/template')).json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    expect((await admin.del(url)).statusCode).toBe(204);
    expect((await admin.get(url)).json()).toMatchObject({ code: 'PROCEDURE_TEMPLATE_NOT_FOUND' });
    expect((await admin.del(url)).json()).toMatchObject({ code: 'PROCEDURE_TEMPLATE_NOT_FOUND' });
    expect((await audits(d.id)).map((a) => a.action)).toEqual(['procedure.create', 'procedure.template_upload', 'procedure.template_remove']);
  });
});

describe('expiry', () => {
  it('drops an expired procedure from the public catalogue by itself, and refuses to publish it again', async () => {
    const clock = system().clock as ManualClock;
    clock.set('2026-12-01T03:00:00Z'); // Tue 01/12/2026 in Vietnam
    let h = await login('admin.demo');
    const d = await create(h, { code: '9.500001', name: 'Thủ tục sắp hết hiệu lực', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-02' });
    expect((await h.post(`${BASE}/${d.id}/publish`)).json()).toMatchObject({ inForce: true, effective: 'current' });
    expect(await publicNames('sap het hieu luc')).toEqual(['Thủ tục sắp hết hiệu lực']);

    clock.set('2026-12-02T17:30:00Z'); // 03/12 in Vietnam: the day after effective_to
    expect(await publicNames('sap het hieu luc')).toEqual([]);
    expect((await client().get('/api/procedures/9.500001')).json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    h = await login('admin.demo');
    const item = (await list(h, 'q=9.500001')).items[0]!;
    expect(item).toMatchObject({ status: 'published', effective: 'expired', inForce: false });

    expect((await h.post(`${BASE}/${d.id}/unpublish`)).statusCode).toBe(200);
    const res = await h.post(`${BASE}/${d.id}/publish`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_EXPIRED' });
  });
});
