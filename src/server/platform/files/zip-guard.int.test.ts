// Zip bombs on every route that accepts an Office file (an .xlsx or .docx is a zip): the officer
// list import, the CCCD/CMND scan of an officer-created citizen account, a procedure's form
// template. A bomb is answered 413 FILE_ARCHIVE_TOO_LARGE, nothing is stored (no stored_files or
// officer_imports row, no blob), and the refusal is audited; a damaged archive is the route's
// usual file-type error; real files still go through.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Http } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { deflated, docx, zeros, zip, type ZipPart } from '../../../../tests/support/zip.js';
import { officerImports } from '../../modules/officer-import/tables.js';
import { users } from '../../modules/users/tables.js';
import { ERRORS } from '../errors.js';
import { auditLog, storedFiles } from '../tables.js';

const system = useTestSystem();
const MiB = 1024 * 1024;

let ip = 20;
async function login(username: string): Promise<Http> {
  const h = new Http(system().app, `10.9.0.${ip++}`);
  const res = await h.login('officer', username);
  expect(res.statusCode, res.body).toBe(200);
  return h;
}

/** Every file under the blob store's directory. */
function blobs(): string[] {
  const root = path.join(system().dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
}

/** What an upload may leave behind. */
async function footprint() {
  const db = system().deps.db;
  const [files] = await db.select({ n: sql<number>`count(*)::int` }).from(storedFiles);
  const [imports] = await db.select({ n: sql<number>`count(*)::int` }).from(officerImports);
  return { storedFiles: files!.n, officerImports: imports!.n, blobs: blobs().length };
}

async function refusals(username: string) {
  const [u] = await system().deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const rows = await system().deps.db.select().from(auditLog).where(eq(auditLog.action, 'file.upload_refused'));
  return rows.filter((r) => r.actorId === u!.id).map((r) => r.after as Record<string, unknown>);
}

function expectArchiveTooLarge(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, reason: string) {
  expect(res.statusCode).toBe(413);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ code: 'FILE_ARCHIVE_TOO_LARGE', message: ERRORS.FILE_ARCHIVE_TOO_LARGE.message, details: { reason } });
}

const XLSX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

/** 2 GiB of zeros in ≈ 2 MB, under a part name the file's kind has; `declared`: what the headers claim. */
async function bombPart(name: string, declared?: number): Promise<ZipPart> {
  const part = await zeros(name, 2048);
  return declared === undefined ? part : { ...part, declaredSize: declared };
}

/** A .docx whose first parts are real and whose image unpacks to 2 GiB. */
const docxBomb = async (declared?: number) => docx([await bombPart('word/media/image1.png', declared)]);
/** An .xlsx (file-type says so) whose sheet unpacks to 2 GiB. */
const xlsxBomb = async (declared?: number) => zip([deflated('[Content_Types].xml', XLSX_TYPES), await bombPart('xl/worksheets/sheet1.xml', declared)]);
/** Entries that overlap: the central directory lists the document twice. */
const overlapping = () => docx([], { listedTwice: ['word/document.xml'] });

describe('Đính kèm CCCD/CMND (citizen account created at the desk)', () => {
  const URL_ = '/api/citizen-account-requests/attachments';
  let officer: Http;
  beforeAll(async () => {
    officer = await login('motcua.demo');
  });

  it('refuses a .docx that unpacks to 2 GiB, whether its central directory tells the truth or lies, and stores nothing', async () => {
    const before = await footprint();
    const honest = await docxBomb();
    expect(honest.length).toBeLessThan(5 * MiB);
    expectArchiveTooLarge(await officer.upload(URL_, [{ name: 'bom-cccd.docx', data: honest }]), 'entry-size');
    expectArchiveTooLarge(await officer.upload(URL_, [{ name: 'bom-cccd-2.docx', data: await docxBomb(300_000) }]), 'size-mismatch');
    expect(await footprint()).toEqual(before);
    expect((await refusals('motcua.demo')).filter((r) => String(r.originalName).startsWith('bom-'))).toEqual([
      expect.objectContaining({ purpose: 'id-scan', originalName: 'bom-cccd.docx', size: honest.length, code: 'FILE_ARCHIVE_TOO_LARGE', reason: 'entry-size', limit: 30 * MiB }),
      expect.objectContaining({ purpose: 'id-scan', originalName: 'bom-cccd-2.docx', reason: 'size-mismatch', limit: 300_000 }),
    ]);
  });

  it('answers a damaged archive with FILE_TYPE_NOT_ALLOWED, and still accepts a real .docx', async () => {
    const before = await footprint();
    const res = await officer.upload(URL_, [{ name: 'cccd.docx', data: overlapping() }]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: 'File "cccd.docx" là tệp nén bị hỏng hoặc không đọc được, không phải doc, docx hoặc pdf. Hãy đính kèm 1 file doc, docx hoặc pdf gồm 2 mặt CCCD/CMND.',
    });
    expect(await footprint()).toEqual(before);
    const ok = await officer.upload(URL_, [{ name: 'cccd.docx', data: docx() }]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ type: 'docx', fileName: 'cccd.docx' });
    expect(await footprint()).toEqual({ ...before, storedFiles: before.storedFiles + 1, blobs: before.blobs + 1 });
  });
});

describe('Mẫu đơn, tờ khai (procedure template)', () => {
  const BASE = '/api/admin/procedures';
  let admin: Http;
  let url: string;
  let procedureId: string;
  beforeAll(async () => {
    admin = await login('admin.demo');
    const res = await admin.post(BASE, {
      code: '9.500001',
      name: 'Thủ tục thử nghiệm tệp nén',
      field: 'Hộ tịch',
      level: 'commune',
      implementingAgency: 'Ủy ban nhân dân cấp xã',
      processingDays: 3,
      fees: [],
      fullyOnline: false,
      effectiveFrom: '2025-07-01',
      documents: [{ name: 'Tờ khai', quantity: '01 bản chính', required: true, templateName: 'Mẫu tờ khai' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<{ id: string; documents: { id: string }[] }>();
    procedureId = d.id;
    url = `${BASE}/${d.id}/documents/${d.documents[0]!.id}/template`;
  });
  const template = async () => (await admin.get(`${BASE}/${procedureId}`)).json<{ documents: { template: unknown }[] }>().documents[0]!.template;

  it('refuses a .docx bomb and leaves the document\'s template as it was', async () => {
    const before = await footprint();
    const kept = await template();
    expectArchiveTooLarge(await admin.upload(url, [{ name: 'bom-1.docx', data: await docxBomb(100_000) }]), 'size-mismatch');
    expectArchiveTooLarge(await admin.upload(url, [{ name: 'bom-2.docx', data: await docxBomb() }]), 'entry-size');
    expect(await footprint()).toEqual(before);
    expect(await template()).toEqual(kept);
    expect((await refusals('admin.demo')).filter((r) => r.purpose === 'procedure-template').map((r) => [r.originalName, r.reason, r.limit])).toEqual([
      ['bom-1.docx', 'size-mismatch', 100_000],
      ['bom-2.docx', 'entry-size', 30 * MiB],
    ]);
  });

  it('answers a damaged archive with FILE_TYPE_NOT_ALLOWED, and still accepts a real .docx', async () => {
    const kept = await template();
    const res = await admin.upload(url, [{ name: 'to-khai.docx', data: overlapping() }]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: 'File "to-khai.docx" là tệp nén bị hỏng hoặc không đọc được, không phải doc, docx hoặc pdf. Mẫu đơn, tờ khai phải là file doc, docx hoặc pdf.',
    });
    expect(await template()).toEqual(kept);
    const ok = await admin.upload(url, [{ name: 'to-khai.docx', data: docx() }]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await template()).toMatchObject({ fileName: 'to-khai.docx', type: 'docx' });
  });
});

describe('Nhập danh sách cán bộ (officer import preview)', () => {
  const BASE = '/api/admin/officer-imports';
  let admin: Http;
  beforeAll(async () => {
    admin = await login('admin.demo');
  });
  const upload = (data: Buffer, name = 'danh-sach.xlsx') => admin.upload(BASE, [{ name, data }]);

  it('refuses an .xlsx that unpacks to 2 GiB before exceljs opens it, and keeps no preview', async () => {
    const before = await footprint();
    const honest = await xlsxBomb();
    expectArchiveTooLarge(await upload(honest, 'bom-1.xlsx'), 'entry-size');
    expectArchiveTooLarge(await upload(await xlsxBomb(5 * MiB), 'bom-2.xlsx'), 'size-mismatch');
    expect(await footprint()).toEqual(before);
    expect((await refusals('admin.demo')).filter((r) => r.purpose === 'officer-import' && String(r.originalName).startsWith('bom-'))).toEqual([
      expect.objectContaining({ originalName: 'bom-1.xlsx', size: honest.length, reason: 'entry-size', limit: 20 * MiB }),
      expect.objectContaining({ originalName: 'bom-2.xlsx', reason: 'size-mismatch', limit: 5 * MiB }),
    ]);
  });

  it('refuses a sheet over 1 MiB compressed more than 200 : 1', async () => {
    const data = zip([deflated('[Content_Types].xml', XLSX_TYPES), await zeros('xl/worksheets/sheet1.xml', 4)]);
    expectArchiveTooLarge(await upload(data, 'ti-le.xlsx'), 'ratio');
  });

  it('answers a damaged archive with IMPORT_FILE_INVALID, and still previews a real list', async () => {
    const before = await footprint();
    const bad = zip([deflated('[Content_Types].xml', XLSX_TYPES), deflated('xl/workbook.xml', '<workbook/>')], { listedTwice: ['xl/workbook.xml'] });
    const res = await upload(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: 'Không đọc được file Excel (file hỏng hoặc không phải .xlsx).' });
    expect(await footprint()).toEqual(before);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']);
    ws.addRow(['1', 'Trần Văn Mới', '000.15.15.H48', '051095000111', '0905000111']);
    const ok = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'preview', rowCount: 1 });
    expect(await footprint()).toEqual({ ...before, officerImports: before.officerImports + 1 });
  });
});
