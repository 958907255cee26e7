import { and, eq, inArray, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Http, loggedIn, tinyPdf } from '../../../../tests/support/http.js';
import { addHanoiOfficer, addOfficerAccount, uniqueIdNumber, uniquePhone } from '../../../../tests/support/fixtures.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import type { confirmOfficerImport, discardOfficerImport, getOfficerImport, listOfficerImports, uploadOfficerList } from '../../../common/api/officer-import.js';
import { searchKey } from '../../../common/text.js';
import { buildWorkbook, readWorkbook } from '../../platform/files/xlsx.js';
import { newId } from '../../platform/ids.js';
import { auditLog, outbox } from '../../platform/tables.js';
import { ManualClock } from '../../platform/clock.js';
import { agencies } from '../agencies/tables.js';
import { userUnits, users } from '../users/tables.js';
import { officerImports } from './tables.js';

const system = useTestSystem();
const BASE = '/api/admin/officer-imports';

let admin: Http;
let level1: Http;
const ids: Record<string, string> = {};

type Cells = (string | number)[];

/** A list as a commune sends it: the two title rows of the template, the header, the rows. */
async function listFile(rows: Cells[], header: string[] = ['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Biểu mẫu cung cấp thông tin công chức, viên chức Bộ phận Một cửa, Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã']);
  ws.addRow(['Đơn vị cung cấp: UBND phường Cẩm Thành']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(h: Http, data: Buffer, name = 'danh-sach.xlsx') {
  return h.upload(BASE, [{ name, data, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]);
}

async function preview(h: Http, rows: Cells[] | Buffer): Promise<Reply<typeof uploadOfficerList>> {
  const res = await upload(h, Buffer.isBuffer(rows) ? rows : await listFile(rows));
  if (res.statusCode !== 201) throw new Error(`preview failed: ${res.statusCode} ${res.body}`);
  return res.json<Reply<typeof uploadOfficerList>>();
}

const byStt = (d: Pick<Reply<typeof getOfficerImport>, 'rows'>, stt: string | number) => d.rows.find((r) => r.stt === String(stt))!;

/** What the import may write: accounts, unit assignments, audit rows, outgoing messages. */
async function footprint() {
  const db = system().deps.db;
  const count = async (t: typeof users | typeof userUnits | typeof auditLog | typeof outbox) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(t))[0]!.n);
  return { users: await count(users), units: await count(userUnits), audit: await count(auditLog), outbox: await count(outbox) };
}

async function userByIdNumber(idNumber: string) {
  const [u] = await system().deps.db.select().from(users).where(eq(users.idNumber, idNumber));
  return u;
}

async function agencyId(code: string): Promise<string> {
  const [a] = await system().deps.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return a!.id;
}

async function addUnit(code: string, name: string, opts: { status?: string; parentCode?: string; provinceCode?: string } = {}) {
  const id = newId();
  await system()
    .deps.db.insert(agencies)
    .values({
      id,
      code,
      name,
      nameSearch: searchKey(name),
      kind: 'one_stop_desk',
      parentId: opts.parentCode ? await agencyId(opts.parentCode) : null,
      provinceCode: opts.provinceCode ?? '51',
      status: opts.status ?? 'active',
      createdAt: system().clock.now(),
    });
  return id;
}

async function setIdNumber(username: string, idNumber: string) {
  await system().deps.db.update(users).set({ idNumber }).where(eq(users.username, username));
}

beforeAll(async () => {
  const db = system().deps.db;
  const now = system().clock.now();
  // Another province, with an officer of its own: outside the Quảng Ngãi level-1 administrator's reach.
  const outside = await addHanoiOfficer(db, now, { idNumber: '001085000777' });
  ids.hanoi = outside.unitId;
  ids.hanoiOfficer = outside.officerId;
  // Two one-stop desks of the province with the same name, and one that was merged away.
  await addUnit('000.30.15.H48', 'Bộ phận Một cửa xã Trùng Tên', { parentCode: '000.00.00.H48' });
  await addUnit('000.31.15.H48', 'Bộ phận Một cửa xã Trùng Tên', { parentCode: '000.00.00.H48' });
  await addUnit('000.99.15.H48', 'Bộ phận Một cửa xã đã sáp nhập', { parentCode: '000.00.00.H48', status: 'inactive' });
  // The demo officers' CMND/CCCD numbers, as the communes' lists give them.
  await setIdNumber('chuyenvien.demo', '051088000301');
  await setIdNumber('motcua.demo', '051088000302');
  await setIdNumber('motcua2.demo', '051088000303');
  await setIdNumber('buudien.demo', '051088000304');
  admin = await loggedIn(system().app, 'officer', 'admin.demo');
  level1 = new Http(system().app, '10.7.0.2');
  expect((await level1.login('officer', 'quantri.qngai.demo')).statusCode).toBe(200);
  ids.desk = await agencyId('000.15.15.H48');
  ids.desk2 = await agencyId('000.17.15.H48');
});

describe('who may import', () => {
  it('is for administrators only', async () => {
    const officer = new Http(system().app, '10.7.0.1');
    await officer.login('officer', 'chuyenvien.demo');
    for (const res of [
      await officer.get(BASE),
      await officer.get(`${BASE}/template.xlsx`),
      await upload(officer, await listFile([['1', 'Trần Văn Mới', '000.15.15.H48', '051095000111', '0905000111']])),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    }
    expect((await new Http(system().app, '10.7.0.9').get(BASE)).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });
});

describe('Tải biểu mẫu', () => {
  it('is the form of SPEC §1.7 for the province and its communes, with two example rows, and reads back as a list', async () => {
    const res = await admin.get(`${BASE}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const [sheet, help] = await readWorkbook(res.rawPayload);
    // The title rows are merged across the five columns.
    expect(new Set(sheet!.rows[0])).toEqual(new Set(['Biểu mẫu cung cấp thông tin công chức, viên chức Bộ phận Một cửa, Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã']));
    expect(new Set(sheet!.rows[1])).toEqual(new Set(['Đơn vị cung cấp: UBND xã, phường, đặc khu …… (hoặc Trung tâm Phục vụ hành chính công tỉnh ……)']));
    expect(sheet!.rows[2]).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại']);
    // Examples at real wards and communes of the 2025 reform.
    expect(sheet!.rows.slice(3).map((r) => [r[1], r[2]])).toEqual([
      ['Nguyễn Văn A', 'Bộ phận Một cửa phường Cẩm Thành'],
      ['Trần Thị B', 'Bộ phận Một cửa xã Tịnh Khê'],
    ]);
    expect(help!.name).toBe('Hướng dẫn');
    // Districts were abolished in 2025 (tỉnh › xã): neither sheet names a district-level unit.
    const cells = [...sheet!.rows, ...help!.rows].flat().join('\n');
    expect(cells).not.toMatch(/huyện|quận|thị xã/i);
    expect(cells).toContain('30 phút');
    // Sent back unchanged, the examples are read and refused as examples, even the one whose unit exists.
    const before = await footprint();
    const up = await upload(admin, res.rawPayload, 'bieu-mau.xlsx');
    expect(up.statusCode).toBe(201);
    const d = up.json<Reply<typeof uploadOfficerList>>();
    expect(d.rows.map((r) => [r.fullName, r.action])).toEqual([
      ['Nguyễn Văn A', 'skip'],
      ['Trần Thị B', 'skip'],
    ]);
    expect(d.rows[0]!.unitCode).toBe('000.15.15.H48');
    expect(d.rows[0]!.problems).toEqual([expect.stringContaining('Đây là dòng ví dụ của biểu mẫu')]);
    expect(d.rows[1]!.problems).toEqual([expect.stringContaining('Đây là dòng ví dụ của biểu mẫu'), expect.stringContaining('Không tìm thấy đơn vị "Bộ phận Một cửa xã Tịnh Khê"')]);
    expect(d.counts).toEqual({ create: 0, update: 0, unchanged: 0, skip: 2 });
    await admin.del(`${BASE}/${d.id}`);
    expect(await footprint()).toEqual(before);
  });
});

describe('upload checks', () => {
  it('refuses what is not a real .xlsx list, and writes nothing', async () => {
    const before = await footprint();
    const imports = (await admin.get(BASE)).json<Reply<typeof listOfficerImports>>().total;
    const notWorkbook = await (async () => {
      // A zip whose parts are no longer those of a workbook.
      const zip = Buffer.from(await buildWorkbook([{ name: 'x', columns: [{ header: 'a', key: 'a' }], rows: [] }]));
      return Buffer.from(zip.toString('latin1').replaceAll('xl/', 'wd/').replaceAll('workbook', 'document'), 'latin1');
    })();
    for (const [data, name] of [
      [tinyPdf(), 'danh-sach.xlsx'],
      [Buffer.from('STT,Họ và tên,Đơn vị,CMND/CCCD,Số điện thoại\n1,A,B,C,D\n'), 'danh-sach.xlsx'],
      [notWorkbook, 'danh-sach.xlsx'],
      [Buffer.from('PK\u0003\u0004 not really a zip'), 'danh-sach.xlsx'],
      [Buffer.alloc(0), 'danh-sach.xlsx'],
    ] as const) {
      const res = await upload(admin, data, name);
      expect(res.statusCode, name).toBe(400);
      expect(res.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    }
    const noHeader = await upload(admin, await listFile([['1', 'Trần Văn Mới', '000.15.15.H48', '051095000111', '0905000111']], ['TT', 'Tên', 'Nơi làm việc', 'Số giấy tờ', 'Điện thoại bàn']));
    expect(noHeader.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: expect.stringContaining('hàng tiêu đề') });
    const empty = await upload(admin, await listFile([['1'], ['2']]));
    expect(empty.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: expect.stringContaining('không có dòng nào') });
    const none = await admin.upload(BASE, []);
    expect(none.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    const two = await admin.upload(BASE, [
      { name: 'a.xlsx', data: await listFile([]) },
      { name: 'b.xlsx', data: await listFile([]) },
    ]);
    expect(two.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: 'Mỗi lần chỉ tải lên 1 file danh sách.' });
    const huge = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(5 * 1024 * 1024 + 10, 1)]);
    const tooBig = await upload(admin, huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(await footprint()).toEqual(before);
    expect((await admin.get(BASE)).json<Reply<typeof listOfficerImports>>().total).toBe(imports);
  });

  it('refuses more than 5,000 rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => [i + 1, 'Trần Văn Mới', '000.15.15.H48', `0510950${String(i).padStart(5, '0')}`, '0905000111']);
    const res = await upload(admin, await listFile(rows));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  });
});

/**
 * One row for each way a line can be right or wrong. The two new officers (rows 1 and 2, and row
 * 11 repeating row 1) and the existing officer who gets the unit and the permission (row 3, as
 * chuyenvien.demo of Phòng Văn hóa - Xã hội) are this test's own, so every test can import its
 * list; the rows that are refused, and motcua.demo who already has everything (row 4), change
 * nothing.
 */
async function freshList() {
  const db = system().deps.db;
  const first = { idNumber: uniqueIdNumber({ province: '051', birthYear: 1995 }), phone: uniquePhone() };
  const second = { idNumber: uniqueIdNumber({ province: '051', birthYear: 1996, sex: 'female' }), phone: uniquePhone() };
  const hung = await addOfficerAccount(db, system().clock.now(), {
    fullName: 'Lê Văn Hùng Thử',
    idNumber: uniqueIdNumber({ province: '051', birthYear: 1988 }),
    unitIds: [await agencyId('000.16.15.H48')],
  });
  // As people type them: spaces in the CCCD, dots in the phone.
  const spacedId = `${second.idNumber.slice(0, 3)} ${second.idNumber.slice(3, 6)} ${second.idNumber.slice(6, 9)} ${second.idNumber.slice(9)}`;
  const dottedPhone = `${second.phone.slice(0, 4)}.${second.phone.slice(4, 7)}.${second.phone.slice(7)}`;
  const rows: Cells[] = [
    [1, 'Trần Văn Mới', '000.15.15.H48', first.idNumber, first.phone],
    [2, 'Lê Thị Hoa', 'bo phan mot cua phuong nghia lo', spacedId, dottedPhone],
    [3, 'Lê Văn Hùng Thử', 'Bộ phận Một cửa phường Cẩm Thành', hung.idNumber!, hung.phone],
    [4, 'Trần Tuấn Hiệp', '000.15.15.H48 - Bộ phận Một cửa phường Cẩm Thành', '051088000302', '0357438888'], // motcua.demo
    [5, '', '000.15.15.H48', '051095000555', '0905000555'],
    [6, 'Phan Văn Sáu', 'Bộ phận Một cửa xã Không Có', '051095000666', '0905000666'],
    [7, 'Phan Văn Bảy', 'Bộ phận Một cửa xã Trùng Tên', '051095000777', '0905000777'],
    [8, 'Phan Văn Tám', 'Phòng Văn hóa - Xã hội phường Cẩm Thành', '051095000888', '0905000888'],
    [9, 'Phan Văn Chín', '000.15.15.H48', '05109500', '0905000999'],
    [10, 'Phan Văn Mười', '000.15.15.H48', '051095001010', '0123'],
    [11, 'Trần Văn Mới', '000.15.15.H48', first.idNumber, first.phone], // row 1 again
    [12, 'Nguyễn Văn An', '000.15.15.H48', '001090000001', '0912345678'], // a citizen's account
    [13, 'Đỗ Văn Bưu', '000.15.15.H48', '051088000304', '0358003344'], // buudien.demo (VNPOST)
    [14, 'Phan Văn Mười Bốn', '000.99.15.H48', '051095001414', '0905001414'], // unit merged away
    [15, 'Nguyễn Thị Khác', '000.17.15.H48', '051088000303', '0357439999'], // motcua2.demo's number, another name
    [16, 'Phan Văn Mười Sáu', '000.15.15.H48', 51095001616, 905001616], // number cells: the leading zeros are gone
  ];
  return { rows, file: await listFile(rows), first, second, hung };
}

/** A fresh list, previewed by the national administrator. */
async function previewed() {
  const list = await freshList();
  return { ...list, d: await preview(admin, list.file) };
}

/** A fresh list, previewed and confirmed. */
async function imported() {
  const list = await previewed();
  const res = await admin.post(`${BASE}/${list.d.id}/confirm`);
  expect(res.statusCode, res.body).toBe(200);
  return { ...list, done: res.json<Reply<typeof confirmOfficerImport>>() };
}

describe('preview', () => {
  it('shows each row with its planned action and problems, and writes nothing else', async () => {
    const list = await freshList();
    const before = await footprint();
    const d = await preview(admin, list.file);
    expect(d).toMatchObject({ status: 'preview', rowCount: 16, fileName: 'danh-sach.xlsx', sameFileImportedAt: null });
    expect(d.counts).toEqual({ create: 2, update: 1, unchanged: 1, skip: 12 });
    expect(byStt(d, 1)).toMatchObject({ action: 'create', unitCode: '000.15.15.H48', changes: ['assign_unit', 'grant_permission'], problems: [] });
    expect(byStt(d, 2)).toMatchObject({ action: 'create', unitCode: '000.17.15.H48', idNumber: list.second.idNumber, phone: list.second.phone, problems: [] });
    expect(byStt(d, 3)).toMatchObject({ action: 'update', changes: ['assign_unit', 'grant_permission'], unitName: 'Bộ phận Một cửa phường Cẩm Thành' });
    expect(byStt(d, 4)).toMatchObject({ action: 'unchanged', changes: [], problems: [] });
    const problem = (stt: number) => byStt(d, stt).problems.join(' | ');
    expect(byStt(d, 5).problems).toEqual(['Thiếu Họ và tên.']);
    expect(problem(6)).toContain('Không tìm thấy đơn vị "Bộ phận Một cửa xã Không Có"');
    expect(problem(7)).toContain('Có 2 đơn vị cùng tên "Bộ phận Một cửa xã Trùng Tên" (000.30.15.H48, 000.31.15.H48); hãy ghi Mã định danh');
    expect(problem(8)).toContain('không phải Trung tâm phục vụ hành chính công hoặc Bộ phận một cửa');
    expect(problem(9)).toContain('9 chữ số (CMND) hoặc 12 chữ số (CCCD)');
    expect(problem(10)).toContain('Số điện thoại phải là số di động Việt Nam');
    expect(problem(11)).toBe('Trùng số CMND/CCCD với dòng 1 (STT 1) ở phía trên; mỗi cán bộ chỉ ghi một dòng.');
    expect(problem(12)).toContain('tài khoản công dân/tổ chức');
    expect(problem(13)).toContain('Tổng công ty Bưu điện Việt Nam');
    expect(problem(14)).toContain('Không tìm thấy đơn vị "000.99.15.H48"');
    expect(problem(15)).toContain('Họ và tên không khớp với tài khoản đã có của số CMND/CCCD này ("Phạm Thị Lan")');
    expect(byStt(d, 16).problems).toEqual([expect.stringContaining('Excel đã bỏ số 0 ở đầu'), expect.stringContaining('Excel đã bỏ số 0 ở đầu')]);
    const refused = d.rows.filter((x) => x.problems.length);
    expect(refused.map((r) => r.stt)).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16']);
    for (const r of refused) expect(r.action).toBe('skip');
    expect(await footprint()).toEqual(before);
    expect(await userByIdNumber(list.first.idNumber)).toBeUndefined();
  });

  it('can be read again, by its author only', async () => {
    const { d } = await previewed();
    const again = await admin.get(`${BASE}/${d.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json<Reply<typeof getOfficerImport>>().rows).toEqual(d.rows);
    const other = await level1.get(`${BASE}/${d.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect((await level1.post(`${BASE}/${d.id}/confirm`)).json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect((await level1.del(`${BASE}/${d.id}`)).json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect((await admin.get(`${BASE}/${newId()}`)).json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect((await admin.post(`${BASE}/${newId()}/confirm`)).json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    // Other tests' imports are in the list too (made at the same instant of the test clock).
    const list = (await admin.get(BASE)).json<Reply<typeof listOfficerImports>>();
    expect(list.items.filter((i) => i.id === d.id)).toEqual([expect.objectContaining({ id: d.id, status: 'preview', rowCount: 16 })]);
    expect((await level1.get(BASE)).json<Reply<typeof listOfficerImports>>().items.map((i) => i.id)).not.toContain(d.id);
  });

  it('confirms: creates and updates the valid rows, skips the others, audits each change', async () => {
    const { d, first, second, hung: existing } = await previewed();
    const before = await footprint();
    const res = await admin.post(`${BASE}/${d.id}/confirm`);
    expect(res.statusCode).toBe(200);
    const done = res.json<Reply<typeof confirmOfficerImport>>();
    expect(done).toMatchObject({ status: 'imported', result: { create: 2, update: 1, unchanged: 1, skip: 12 } });
    expect(done.importedAt).not.toBeNull();

    const created = (await userByIdNumber(first.idNumber))!;
    expect(created).toMatchObject({ kind: 'officer', username: first.idNumber, fullName: 'Trần Văn Mới', phone: first.phone, mustChangePassword: true, issuer: 'PORTAL' });
    expect(created.unitIds).toEqual([ids.desk]);
    expect(created.permissions).toEqual(['CITIZEN_ACCOUNT_CREATE']);
    expect((await userByIdNumber(second.idNumber))!.unitIds).toEqual([ids.desk2]);
    const hung = (await userByIdNumber(existing.idNumber!))!;
    expect(hung.unitIds.sort()).toEqual([ids.desk, await agencyId('000.16.15.H48')].sort());
    expect(hung.permissions).toEqual(['CITIZEN_ACCOUNT_CREATE']);
    // Nothing for the refused rows.
    for (const id of ['051095000555', '051095000666', '051095000777', '051095000888', '051095001414', '051095001616']) expect(await userByIdNumber(id)).toBeUndefined();
    // The postal account keeps only what the seed gave it (POSTAL_DESK): the refused row added nothing.
    expect((await userByIdNumber('051088000304'))!.permissions).toEqual(['POSTAL_DESK']);
    expect((await userByIdNumber('051088000303'))!.unitIds).toEqual([ids.desk2]);

    const after = await footprint();
    expect(after.users - before.users).toBe(2);
    expect(after.outbox - before.outbox).toBe(2); // one SMS per new account
    // Only the two officers whose accounts were created get one: not the updated, unchanged or skipped rows.
    const sms = await system().deps.db.select({ payload: outbox.payload }).from(outbox).where(like(outbox.idempotencyKey, `officer-import:${d.id}:%`));
    expect(sms.map((m) => (m.payload as { to: string }).to).sort()).toEqual([first.phone, second.phone].sort());
    // Everything recorded about these accounts and the import, but their sign-ins.
    const audit = (await system().deps.db.select().from(auditLog).where(inArray(auditLog.entityId, [created.id, hung.id, d.id]))).filter(
      (a) => !a.action.startsWith('auth.'),
    );
    const summary = audit.map((a) => `${a.action}:${a.entityId === d.id ? 'import' : a.entityId === hung.id ? 'hung' : 'new'}:${a.agencyId === ids.desk ? 'desk' : a.agencyId}`).sort();
    expect(summary).toEqual(
      [
        'user.create:new:desk',
        'user.unit_assign:new:desk',
        'user.permission_grant:new:desk',
        'user.unit_assign:hung:desk',
        'user.permission_grant:hung:desk',
        `officer_import.confirm:import:${(await userUnitsOf('admin.demo'))[0]}`,
      ].sort(),
    );
    expect(audit.every((a) => a.actorName === 'admin.demo')).toBe(true);
    expect(audit.find((a) => a.action === 'officer_import.confirm')!.after).toMatchObject({ create: 2, update: 1, unchanged: 1, skip: 12, rowCount: 16 });
    // 2 new accounts × (create, unit, permission) + Hùng × (unit, permission) + the import.
    expect(after.audit - before.audit).toBe(9);
  });

  it('the new officer logs in with the password from the SMS and must change it first', async () => {
    const { first } = await imported();
    await system().deliver();
    const sms = (await admin.get('/api/dev/outbox')).json<{ to: string; body: string }[]>().find((m) => m.to === first.phone);
    // Vietnamese with diacritics, as every SMS (ADR 0017); the login and the password end their lines.
    expect(sms!.body).toMatch(new RegExp(`^Tài khoản cán bộ trên hệ thống Một cửa đã được tạo\\. .*\nTên đăng nhập: ${first.idNumber}\nMật khẩu tạm thời: \\S+$`));
    const password = /Mật khẩu tạm thời: (\S+)$/.exec(sms!.body)![1]!;
    const officer = new Http(system().app, '10.7.0.3');
    expect((await officer.login('officer', first.idNumber, password)).statusCode).toBe(200);
    expect((await officer.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    expect((await officer.get('/api/citizen-account-requests/lookup?idNumber=079190000123')).json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  });

  it('cannot be confirmed or discarded twice', async () => {
    const { d } = await imported();
    for (const res of [await admin.post(`${BASE}/${d.id}/confirm`), await admin.del(`${BASE}/${d.id}`)]) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'IMPORT_ALREADY_DONE' });
    }
  });

  it('re-importing the same file changes nothing: no SMS, one audit row for the import', async () => {
    const { file } = await imported();
    const again = await preview(admin, file);
    expect(again.sameFileImportedAt).not.toBeNull();
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 4, skip: 12 });
    const before = await footprint();
    const usersBefore = await system().deps.db.select().from(users);
    const res = await admin.post(`${BASE}/${again.id}/confirm`);
    expect(res.json()).toMatchObject({ status: 'imported', result: { create: 0, update: 0, unchanged: 4, skip: 12 } });
    const after = await footprint();
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    expect(await system().deps.db.select().from(users)).toEqual(usersBefore);
    const [last] = await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, again.id));
    expect(last).toMatchObject({ action: 'officer_import.confirm', entityType: 'officer_import' });
  });
});

async function userUnitsOf(username: string): Promise<string[]> {
  const [u] = await system().deps.db.select({ unitIds: users.unitIds }).from(users).where(eq(users.username, username));
  return u!.unitIds;
}

describe('a level-1 administrator', () => {
  it('imports inside the province only: a unit or an officer of another province is refused and nothing is written for it', async () => {
    const d = await preview(level1, [
      [1, 'Đặng Văn Ngoài', '000.00.00.H26', '051095002001', '0905002001'], // unit in Hà Nội
      [2, 'Đặng Văn Ngoài Hai', 'Bộ phận Một cửa phường Ba Đình', '051095002002', '0905002002'],
      [3, 'Hoàng Văn Hà', '000.15.15.H48', '001085000777', '0987000111'], // an officer of Hà Nội
      [4, 'Đặng Thị Trong', '000.17.15.H48', '051095002004', '0905002004'],
    ]);
    expect(byStt(d, 1).problems).toEqual(['Đơn vị "Bộ phận Một cửa phường Ba Đình" (000.00.00.H26) nằm ngoài phạm vi quản lý của bạn.']);
    expect(byStt(d, 2).problems).toEqual(['Đơn vị "Bộ phận Một cửa phường Ba Đình" (000.00.00.H26) nằm ngoài phạm vi quản lý của bạn.']);
    expect(byStt(d, 3).problems).toEqual(['Số CMND/CCCD này là của một cán bộ thuộc đơn vị ngoài phạm vi quản lý của bạn.']);
    expect(byStt(d, 4)).toMatchObject({ action: 'create', problems: [] });
    const done = (await level1.post(`${BASE}/${d.id}/confirm`)).json<Reply<typeof confirmOfficerImport>>();
    expect(done.result).toEqual({ create: 1, update: 0, unchanged: 0, skip: 3 });
    expect(await userByIdNumber('051095002001')).toBeUndefined();
    expect(await userByIdNumber('051095002002')).toBeUndefined();
    const ha = (await userByIdNumber('001085000777'))!;
    expect(ha.unitIds).toEqual([ids.hanoi]);
    expect(ha.permissions).toEqual([]);
    expect((await userByIdNumber('051095002004'))!.unitIds).toEqual([ids.desk2]);
    const touched = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.hanoiOfficer!), eq(auditLog.actorName, 'quantri.qngai.demo')));
    expect(touched).toEqual([]);
  });

  it('for the national administrator the same Hà Nội officer is in scope', async () => {
    const d = await preview(admin, [[1, 'Hoàng Văn Hà', '000.00.00.H26', '001085000777', '0987000111']]);
    expect(byStt(d, 1)).toMatchObject({ action: 'update', changes: ['grant_permission'], problems: [] });
    await admin.del(`${BASE}/${d.id}`);
  });
});

describe('confirm re-checks; discard', () => {
  it('skips a row whose unit closed after the preview', async () => {
    const unit = await addUnit('000.40.15.H48', 'Bộ phận Một cửa xã Sắp Đóng', { parentCode: '000.00.00.H48' });
    const d = await preview(admin, [
      [1, 'Vũ Văn Một', '000.40.15.H48', '051095003001', '0905003001'],
      [2, 'Vũ Văn Hai', '000.17.15.H48', '051095003002', '0905003002'],
    ]);
    expect(d.counts).toMatchObject({ create: 2, skip: 0 });
    await system().deps.db.update(agencies).set({ status: 'inactive' }).where(eq(agencies.id, unit));
    const done = (await admin.post(`${BASE}/${d.id}/confirm`)).json<Reply<typeof confirmOfficerImport>>();
    expect(done.result).toEqual({ create: 1, update: 0, unchanged: 0, skip: 1 });
    expect(byStt(done, 1)).toMatchObject({ action: 'skip', problems: [expect.stringContaining('Không tìm thấy đơn vị "000.40.15.H48"')] });
    expect(await userByIdNumber('051095003001')).toBeUndefined();
    expect(await userByIdNumber('051095003002')).toBeDefined();
    expect((await admin.get(`${BASE}/${d.id}`)).json<Reply<typeof getOfficerImport>>()).toMatchObject({ status: 'imported', result: done.result });
  });

  it('"Hủy" drops a preview without writing anything; it cannot be confirmed afterwards', async () => {
    const d = await preview(admin, [[1, 'Vũ Văn Ba', '000.17.15.H48', '051095003003', '0905003003']]);
    const before = await footprint();
    const res = await admin.del(`${BASE}/${d.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'discarded', rows: [] });
    expect((await admin.post(`${BASE}/${d.id}/confirm`)).json()).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect(await footprint()).toEqual(before);
    expect(await userByIdNumber('051095003003')).toBeUndefined();
  });
});

describe('an abandoned preview expires', () => {
  const MINUTE = 60_000;
  const clock = () => system().clock as ManualClock;

  it('can be imported for 30 minutes after the upload, and says until when', async () => {
    const d = await preview(admin, [[1, 'Vũ Văn Hạn', '000.17.15.H48', '051095004001', '0905004001']]);
    expect(d.expiresAt).toBe(new Date(new Date(d.createdAt).getTime() + 30 * MINUTE).toISOString());
    clock().advance(30 * MINUTE - 1000);
    const done = await admin.post(`${BASE}/${d.id}/confirm`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Reply<typeof confirmOfficerImport>>()).toMatchObject({ status: 'imported', expiresAt: null, result: { create: 1 } });
  });

  it('confirming it after 30 minutes answers 410 IMPORT_PREVIEW_EXPIRED, in Vietnamese, and writes nothing', async () => {
    const d = await preview(admin, [[1, 'Vũ Văn Muộn', '000.17.15.H48', '051095004002', '0905004002']]);
    const before = await footprint();
    clock().advance(30 * MINUTE);
    const res = await admin.post(`${BASE}/${d.id}/confirm`);
    expect(res.statusCode).toBe(410);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'IMPORT_PREVIEW_EXPIRED', message: expect.stringMatching(/^Bản xem trước đã hết hạn, vui lòng tải lại tệp\./) });
    expect(await footprint()).toEqual(before);
    expect(await userByIdNumber('051095004002')).toBeUndefined();
    // Read again (before the schedule has run), it is expired and shows none of its rows.
    const again = (await admin.get(`${BASE}/${d.id}`)).json<Reply<typeof getOfficerImport>>();
    expect(again).toMatchObject({ status: 'expired', expiresAt: null, rows: [], counts: { create: 0, update: 0, unchanged: 0, skip: 0 } });
    const listed = (await admin.get(`${BASE}?pageSize=100`)).json<Reply<typeof listOfficerImports>>().items.find((i) => i.id === d.id);
    expect(listed).toMatchObject({ status: 'expired', result: null });
    // "Hủy" has nothing left to drop.
    const discarded = await admin.del(`${BASE}/${d.id}`);
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json<Reply<typeof discardOfficerImport>>()).toMatchObject({ status: 'expired' });
  });

  it('the schedule removes the rows of expired previews only, and they stay expired', async () => {
    expect(system().scheduler.schedules).toContainEqual({ name: 'officer-import.previews.expire', everyMs: 10 * MINUTE });
    const old = await preview(admin, [[1, 'Vũ Văn Cũ', '000.17.15.H48', '051095004003', '0905004003']]);
    clock().advance(31 * MINUTE);
    const fresh = await preview(admin, [[1, 'Vũ Văn Mới Tải', '000.17.15.H48', '051095004004', '0905004004']]);
    const done = await imported();
    await system().scheduler.run('officer-import.previews.expire');
    const stored = async (id: string) => (await system().deps.db.select().from(officerImports).where(eq(officerImports.id, id)))[0]!;
    // The abandoned preview's names and numbers are gone; the record says it expired.
    expect(await stored(old.id)).toMatchObject({ status: 'expired', rows: [], rowCount: 1, importedAt: null });
    expect(JSON.stringify(await stored(old.id))).not.toContain('051095004003');
    // A preview uploaded since, and an import done, are untouched.
    expect(await stored(fresh.id)).toMatchObject({ status: 'preview', rowCount: 1 });
    expect((await stored(fresh.id)).rows).toHaveLength(1);
    expect(await stored(done.d.id)).toMatchObject({ status: 'imported' });
    expect(((await stored(done.d.id)).rows as unknown[]).length).toBe(16);
    // Confirming the removed preview still answers that it expired.
    expect((await admin.post(`${BASE}/${old.id}/confirm`)).json()).toMatchObject({ code: 'IMPORT_PREVIEW_EXPIRED' });
    expect(await userByIdNumber('051095004003')).toBeUndefined();
    await admin.del(`${BASE}/${fresh.id}`);
  });
});
