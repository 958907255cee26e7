// Step 1 of SPEC §1 and the list: look-up, upload checks, drafts, unit rule, scope, search, PDF.
import { eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDraft, Http, loggedIn, PNG_1PX, tinyPdf } from '../../../../tests/support/http.js';
import { startTestSystem, type TestSystem } from '../../../../tests/support/system.js';
import {
  cancelAccountRequest,
  createAccountRequest,
  getAccountFormContext,
  listAccountRequests,
  lookupAccount,
  updateAccountRequest,
  uploadAccountAttachment,
} from '../../../common/api/citizen-accounts.js';
import type { Reply } from '../../../common/api/contract.js';
import { searchKey } from '../../../common/text.js';
import type { ManualClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../../platform/tables.js';
import { agencies } from '../agencies/tables.js';
import { userPermissions, userUnits, users } from '../users/tables.js';

let sys: TestSystem;
let officer: Http;
let deskId: string;
let otherUnitId: string;

const BASE = '/api/citizen-account-requests';

type FormContext = Reply<typeof getAccountFormContext>;
type List = Reply<typeof listAccountRequests>;

beforeAll(async () => {
  sys = await startTestSystem();
  officer = await loggedIn(sys.app, 'officer', 'motcua.demo');
  const ctx = (await officer.get(`${BASE}/form-context`)).json<FormContext>();
  deskId = ctx.units[0]!.id;
  otherUnitId = ctx.allUnits.find((u) => u.name.startsWith('Phòng Văn hóa'))!.id;
});
beforeEach(() => {
  // Every test starts at the same instant, however far another test moved the clock.
  sys.resetClock();
});
afterAll(async () => {
  await sys?.close();
});

async function attachment(h = officer): Promise<string> {
  const res = await h.upload(`${BASE}/attachments`, [{ name: 'CCCD.pdf', data: tinyPdf() }]);
  return res.json<Reply<typeof uploadAccountAttachment>>().id;
}

const valid = (attachmentId: string, over: Record<string, unknown> = {}) => ({
  idNumber: '038190001234',
  fullName: 'Lê Thị Hoa',
  birthDate: '1990-02-03',
  phone: '0912000111',
  email: '',
  unitId: deskId,
  attachmentId,
  ...over,
});

describe('form context and look-up', () => {
  it('offers only the units whose name qualifies, with the officer shown', async () => {
    const ctx = (await officer.get(`${BASE}/form-context`)).json<FormContext>();
    expect(ctx.officer).toEqual({ fullName: 'Trần Tuấn Hiệp', phone: '0357438888' });
    expect(ctx.units.map((u) => u.name)).toEqual(['Bộ phận Một cửa phường Cẩm Thành']);
    expect(ctx.allUnits).toHaveLength(2);
  });

  it('says whether a CMND/CCCD already has an account', async () => {
    expect((await officer.get(`${BASE}/lookup?idNumber=001090000001`)).json<Reply<typeof lookupAccount>>()).toEqual({ idNumber: '001090000001', kind: 'CCCD', exists: true });
    expect((await officer.get(`${BASE}/lookup?idNumber=145888888`)).json<Reply<typeof lookupAccount>>()).toEqual({ idNumber: '145888888', kind: 'CMND', exists: false });
  });

  it.each([
    ['12345', 'phải gồm 9 chữ số'],
    ['003090000001', 'Mã tỉnh "003"'],
    ['abcdefghijkl', 'phải gồm 9 chữ số'],
  ])('refuses %s with INVALID_ID_NUMBER', async (id, text) => {
    const res = await officer.get(`${BASE}/lookup?idNumber=${id}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('INVALID_ID_NUMBER');
    expect(res.json().message).toContain(text);
  });
});

describe('Đính kèm CCCD/CMND', () => {
  it('accepts a real PDF, DOCX and DOC by content', async () => {
    const pdf = await officer.upload(`${BASE}/attachments`, [{ name: 'CCCD.pdf', data: tinyPdf() }]);
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json<Reply<typeof uploadAccountAttachment>>()).toMatchObject({ fileName: 'CCCD.pdf', type: 'pdf' });
    const docx = await officer.upload(`${BASE}/attachments`, [{ name: 'cccd.docx', data: minimalDocx() }]);
    expect(docx.json<Reply<typeof uploadAccountAttachment>>()).toMatchObject({ type: 'docx' });
    const doc = await officer.upload(`${BASE}/attachments`, [{ name: 'cccd.doc', data: minimalDoc() }]);
    expect(doc.json<Reply<typeof uploadAccountAttachment>>()).toMatchObject({ type: 'doc' });
  });

  it('refuses an image, a disguised text file, an empty file, 6 MB, two files and no file', async () => {
    const png = await officer.upload(`${BASE}/attachments`, [{ name: 'cccd.pdf', data: PNG_1PX, type: 'application/pdf' }]);
    expect(png.statusCode).toBe(415);
    expect(png.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(png.json().message).toContain('ảnh PNG');
    const txt = await officer.upload(`${BASE}/attachments`, [{ name: 'cccd.pdf', data: Buffer.from('không phải pdf') }]);
    expect(txt.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect((await officer.upload(`${BASE}/attachments`, [{ name: 'a.pdf', data: Buffer.alloc(0) }])).json()).toMatchObject({ code: 'FILE_EMPTY' });
    const big = await officer.upload(`${BASE}/attachments`, [{ name: 'big.pdf', data: Buffer.concat([tinyPdf(), Buffer.alloc(6 * 1024 * 1024)]) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const two = await officer.upload(`${BASE}/attachments`, [
      { name: 'a.pdf', data: tinyPdf() },
      { name: 'b.pdf', data: tinyPdf() },
    ]);
    expect(two.json()).toMatchObject({ code: 'FILE_TOO_MANY' });
    expect((await officer.post(`${BASE}/attachments`, {})).json()).toMatchObject({ code: 'FILE_REQUIRED' });
  });
});

describe('Bước 1: saving a draft', () => {
  it('saves a draft that the list shows and the officer can resume, edit and cancel', async () => {
    const att = await attachment();
    const res = await officer.post(BASE, valid(att, { fullName: '  Lê   Thị Hoa ', phone: '+84 912 000 111' }));
    expect(res.statusCode).toBe(201);
    const d = res.json<Reply<typeof createAccountRequest>>();
    expect(d).toMatchObject({ status: 'draft', fullName: 'Lê Thị Hoa', phone: '0912000111', unit: { name: 'Bộ phận Một cửa phường Cẩm Thành' }, otp: null });

    const list = (await officer.get(`${BASE}?idNumber=038190001234`)).json<List>();
    expect(list.items.map((i) => i.id)).toContain(d.id);

    const upd = await officer.put(`${BASE}/${d.id}`, valid(att, { fullName: 'Lê Thị Hoa Mai' }));
    expect(upd.json<Reply<typeof updateAccountRequest>>()).toMatchObject({ fullName: 'Lê Thị Hoa Mai' });
    const cancelled = await officer.post(`${BASE}/${d.id}/cancel`);
    expect(cancelled.json<Reply<typeof cancelAccountRequest>>()).toMatchObject({ status: 'cancelled' });
    expect((await officer.put(`${BASE}/${d.id}`, valid(att))).json()).toMatchObject({ code: 'REQUEST_NOT_DRAFT' });
    expect((await officer.post(`${BASE}/${d.id}/otp`)).json()).toMatchObject({ code: 'REQUEST_NOT_DRAFT' });
    const audit = await sys.deps.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['citizen_account_request.cancel', 'citizen_account_request.create', 'citizen_account_request.update']);
  });

  it.each([
    [{ idNumber: '001090000001', birthDate: '1990-05-15' }, 409, 'ACCOUNT_ALREADY_EXISTS'],
    [{ idNumber: '038299001234' }, 400, 'INVALID_ID_NUMBER'],
    [{ idNumber: '038185001234' }, 400, 'INVALID_ID_NUMBER'],
    [{ birthDate: '1990-02-30' }, 400, 'INVALID_BIRTH_DATE'],
    [{ birthDate: '2990-01-01' }, 400, 'INVALID_BIRTH_DATE'],
    [{ phone: '0241234567' }, 400, 'INVALID_PHONE'],
    [{ email: 'not-an-email' }, 400, 'INVALID_EMAIL'],
    [{ fullName: 'A' }, 400, 'INVALID_NAME'],
    [{ fullName: 'Nguyễn <script>' }, 400, 'INVALID_NAME'],
    [{ unitId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %j with %i %s', async (over, status, code) => {
    const res = await officer.post(BASE, valid(await attachment(), over));
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toMatch(/[àáảãạăâđêôơưữ]/);
  });

  it('refuses the non-qualifying unit, another desk, and a scan uploaded by someone else', async () => {
    const att = await attachment();
    expect((await officer.post(BASE, valid(att, { unitId: otherUnitId }))).json()).toMatchObject({ code: 'UNIT_NOT_ALLOWED' });
    const [desk2] = await sys.deps.db.select().from(agencies).where(eq(agencies.code, '000.17.15.H48'));
    expect((await officer.post(BASE, valid(att, { unitId: desk2!.id }))).json()).toMatchObject({ code: 'UNIT_NOT_ALLOWED' });
    const other = await loggedIn(sys.app, 'officer', 'motcua2.demo');
    const foreign = await attachment(other);
    expect((await officer.post(BASE, valid(foreign))).json()).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('tells an officer with no qualifying unit what to ask the administrator', async () => {
    const id = newId();
    const now = new Date();
    await sys.deps.db.insert(users).values({
      id,
      kind: 'officer',
      username: 'bpmc.only',
      fullName: 'Cán bộ BPMC',
      fullNameSearch: searchKey('Cán bộ BPMC'),
      passwordHash: (await sys.deps.db.select().from(users).where(eq(users.username, 'motcua.demo')))[0]!.passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    const [dept] = await sys.deps.db.select().from(agencies).where(eq(agencies.code, '000.16.15.H48'));
    await sys.deps.db.insert(userUnits).values({ userId: id, agencyId: dept!.id, assignedAt: now });
    await sys.deps.db.insert(userPermissions).values({ userId: id, permission: 'CITIZEN_ACCOUNT_CREATE', grantedAt: now });
    const h = await loggedIn(sys.app, 'officer', 'bpmc.only');
    const ctx = (await h.get(`${BASE}/form-context`)).json<FormContext>();
    expect(ctx.units).toEqual([]);
    expect(ctx.noEligibleUnitMessage).toContain('Đề nghị quản trị viên gán bạn');
    const res = await h.post(BASE, valid(await attachment(h), { unitId: dept!.id }));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('NO_ELIGIBLE_UNIT');
  });
});

describe('permissions and scope', () => {
  it('refuses every route to an officer without "Quyền tạo tài khoản công dân" and to anonymous callers', async () => {
    const d = await createDraft(officer, { idNumber: '036190000777', birthDate: '1990-01-01', phone: '0977000777' });
    const noPerm = await loggedIn(sys.app, 'officer', 'chuyenvien.demo');
    const anon = new Http(sys.app);
    const calls = (h: Http) => [
      h.get(BASE),
      h.get(`${BASE}/form-context`),
      h.get(`${BASE}/lookup?idNumber=001090000001`),
      h.upload(`${BASE}/attachments`, [{ name: 'a.pdf', data: tinyPdf() }]),
      h.post(BASE, valid(newId())),
      h.get(`${BASE}/${d.id}`),
      h.put(`${BASE}/${d.id}`, valid(newId())),
      h.post(`${BASE}/${d.id}/cancel`),
      h.get(`${BASE}/${d.id}/form.pdf`),
      h.get(`${BASE}/${d.id}/attachment`),
      h.post(`${BASE}/${d.id}/otp`),
      h.post(`${BASE}/${d.id}/complete`, { otp: '123456' }),
    ];
    for (const res of await Promise.all(calls(noPerm))) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'PERMISSION_REQUIRED' });
      expect(res.json().message).toContain('Quyền tạo tài khoản công dân');
    }
    for (const res of await Promise.all(calls(anon))) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    }
  });

  it("does not show or touch another desk's requests", async () => {
    const d = await createDraft(officer, { idNumber: '036190000888', birthDate: '1990-01-01', phone: '0977000888' });
    const other = await loggedIn(sys.app, 'officer', 'motcua2.demo');
    for (const res of [
      await other.get(`${BASE}/${d.id}`),
      await other.post(`${BASE}/${d.id}/otp`),
      await other.get(`${BASE}/${d.id}/form.pdf`),
      await other.post(`${BASE}/${d.id}/complete`, { otp: '123456' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('REQUEST_NOT_FOUND');
    }
    const list = (await other.get(`${BASE}?idNumber=036190000888`)).json<List>();
    expect(list.total).toBe(0);
  });
});

describe('list search', () => {
  it('finds by name without accents, phone, CCCD, officer, unit and dates, newest first, with pagination', async () => {
    const clock = sys.clock as ManualClock;
    clock.set('2026-03-10T03:00:00Z');
    await createDraft(officer, { idNumber: '040185000101', fullName: 'Đặng Thị Ánh', birthDate: '1985-01-01', phone: '0388000101' });
    clock.set('2026-03-11T16:30:00Z'); // 11/3 23:30 in Vietnam
    await createDraft(officer, { idNumber: '040185000102', fullName: 'Đặng Văn Bình', birthDate: '1985-01-01', phone: '0388000102' });
    sys.resetClock();

    const names = (await officer.get(`${BASE}?name=${encodeURIComponent('DANG thi anh')}`)).json<List>();
    expect(names.items.map((i) => i.fullName)).toEqual(['Đặng Thị Ánh']);
    expect(names.items[0]!.createdAt).toBe('2026-03-10T03:00:00.000Z');
    const both = (await officer.get(`${BASE}?name=dang&pageSize=1`)).json<List>();
    expect(both).toMatchObject({ total: 2, totalCapped: false });
    expect(both.items.map((i) => i.fullName)).toEqual(['Đặng Văn Bình']);
    const page2 = (await officer.get(`${BASE}?name=dang&pageSize=1&page=2`)).json<List>();
    expect(page2.items.map((i) => i.fullName)).toEqual(['Đặng Thị Ánh']);
    expect((await officer.get(`${BASE}?phone=038800010`)).json<List>().total).toBe(2);
    expect((await officer.get(`${BASE}?phone=%2B84388000101`)).json<List>().total).toBe(1);
    expect((await officer.get(`${BASE}?idNumber=040185000102`)).json<List>().total).toBe(1);
    expect((await officer.get(`${BASE}?name=dang&officer=${encodeURIComponent('tuấn hiệp')}`)).json<List>().total).toBe(2);
    expect((await officer.get(`${BASE}?name=dang&officer=lan`)).json<List>().total).toBe(0);
    expect((await officer.get(`${BASE}?name=dang&unitId=${otherUnitId}`)).json<List>().total).toBe(0);
    // Dates are Vietnam calendar days: 11/3 23:30 belongs to 11/3.
    const day = (await officer.get(`${BASE}?from=2026-03-11&to=2026-03-11`)).json<List>();
    expect(day.items.map((i) => i.fullName)).toEqual(['Đặng Văn Bình']);
    expect((await officer.get(`${BASE}?from=2026-03-09&to=2026-03-10`)).json<List>().total).toBe(1);
    const none = (await officer.get(`${BASE}?name=khong%20ai%20ten%20nay`)).json<List>();
    expect(none).toMatchObject({ items: [], total: 0 });
    expect((await officer.get(`${BASE}?from=11/03/2026`)).json().code).toBe('VALIDATION_FAILED');
  });
});

describe('Tải xuống and the ID scan', () => {
  it('gives a real PDF request form with the data, officer, unit and signature lines', async () => {
    const d = await createDraft(officer, { idNumber: '036190000999', fullName: 'Phạm Thị Thùy Dương', birthDate: '1990-01-01', phone: '0977000999' });
    const res = await officer.get(`${BASE}/${d.id}/form.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await new PDFParse({ data: res.rawPayload }).getText();
    for (const s of ['GIẤY ĐỀ NGHỊ TẠO TÀI KHOẢN CÔNG DÂN', 'Phạm Thị Thùy Dương', '036190000999', '01/01/1990', '0977000999', 'Trần Tuấn Hiệp', 'Bộ phận Một cửa phường Cẩm Thành', 'Thời gian tạo', 'Ký, ghi rõ họ tên']) {
      expect(text).toContain(s);
    }
  });

  it('serves the scan to the desk and records every view', async () => {
    const d = await createDraft(officer, { idNumber: '036190000555', birthDate: '1990-01-01', phone: '0977000555' });
    const res = await officer.get(`${BASE}/${d.id}/attachment`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(tinyPdf())).toBe(true);
    const views = await sys.deps.db.select().from(auditLog).where(eq(auditLog.action, 'file.view'));
    expect(views.some((v) => JSON.stringify(v.after).includes(d.id))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Minimal real Office files, built here so the test needs no fixtures.

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A stored (uncompressed) zip with the parts that make Word (and file-type) see a .docx. */
function minimalDocx(): Buffer {
  const files: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>CCCD</w:t></w:r></w:p></w:body></w:document>'],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** An OLE compound file header followed by a directory entry named "WordDocument" (a .doc). */
function minimalDoc(): Buffer {
  const buf = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24);
  buf.writeUInt16LE(0x0003, 26);
  buf.writeUInt16LE(0xfffe, 28);
  buf.writeUInt16LE(9, 30);
  Buffer.from('WordDocument', 'utf16le').copy(buf, 512 + 128);
  return buf;
}
