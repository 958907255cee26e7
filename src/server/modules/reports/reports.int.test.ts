// "Báo cáo tài khoản theo tháng" (SPEC §1.6): counts per unit and month in Vietnam time, the
// self-registered accounts per province of the CCCD, the administrator's scope, the .xlsx.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDraft, Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { addUnit } from '../../../../tests/support/fixtures.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import { getMonthlyReport, listScopeUnits } from '../../../common/api/reports.js';
import { searchKey } from '../../../common/text.js';
import { readWorkbook } from '../../platform/files/xlsx.js';
import { newId } from '../../platform/ids.js';
import { agencies } from '../agencies/tables.js';
import { citizenAccountRequests } from '../citizen-accounts/tables.js';
import { registrations } from '../registration/tables.js';
import { users } from '../users/tables.js';
import { provinceOfCccd } from './service.js';

const system = useTestSystem();

type Report = Reply<typeof getMonthlyReport>;
type ScopeUnits = Reply<typeof listScopeUnits>;

let admin: Http;
let level1: Http;
const ids: Record<string, string> = {};

async function agencyId(code: string): Promise<string> {
  const [a] = await system().deps.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return a!.id;
}

let seq = 0;
/** A request of the desk as the officer flow leaves it, with the given status and completion time. */
async function request(agencyId: string, at: string, status: 'completed' | 'draft' | 'cancelled' = 'completed') {
  const now = new Date(at);
  seq += 1;
  await system().deps.db.insert(citizenAccountRequests).values({
    id: newId(),
    agencyId,
    officerId: ids.officer!,
    idNumber: `0790940${String(seq).padStart(5, '0')}`,
    fullName: 'Công Dân Thử',
    fullNameSearch: searchKey('Công Dân Thử'),
    birthDate: '1994-01-01',
    phone: '0909000000',
    attachmentId: newId(),
    status,
    createdAt: new Date(now.getTime() - 600_000),
    updatedAt: now,
    completedAt: status === 'completed' ? now : null,
  });
}

async function registration(idNumber: string, at: string, kind: 'citizen' | 'organisation' = 'citizen', status = 'completed') {
  await system().deps.db.insert(registrations).values({
    id: newId(),
    kind,
    idNumber,
    fullName: 'Người Tự Đăng Ký',
    phone: '0988000000',
    status,
    createdAt: new Date(at),
    completedAt: status === 'completed' ? new Date(at) : null,
  });
}

async function citizenUser(idNumber: string, createdAt: string, vneid: { sub: string; verifiedAt: string } | null) {
  await system().deps.db.insert(users).values({
    id: newId(),
    kind: 'citizen',
    idNumber,
    fullName: 'Người Dùng VNeID',
    fullNameSearch: searchKey('Người Dùng VNeID'),
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
    vneidSub: vneid?.sub ?? null,
    identityVerifiedAt: vneid ? new Date(vneid.verifiedAt) : null,
    identityVerifiedBy: vneid ? 'vneid' : null,
  });
}

const monthly = (h: Http, q: string) => h.get(`/api/admin/reports/monthly?${q}`);
const Q1 = 'from=2026-01&to=2026-03';

beforeAll(async () => {
  const db = system().deps.db;
  const now = system().clock.now();
  admin = await loggedIn(system().app, 'officer', 'admin.demo');
  level1 = await loggedIn(system().app, 'officer', 'quantri.qngai.demo');
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'motcua.demo'));
  ids.officer = officer!.id;
  ids.province = await agencyId('000.00.00.H48');
  ids.desk = await agencyId('000.15.15.H48');
  ids.desk2 = await agencyId('000.17.15.H48');
  // A desk of Hà Nội, outside the Quảng Ngãi level-1 administrator's subtree.
  ids.hanoiDesk = await addUnit(db, now, { code: '000.15.15.H26', name: 'Bộ phận Một cửa phường Ba Đình', provinceCode: '01' });
  // A desk of Quảng Ngãi merged into Nghĩa Lộ's: its accounts stay counted under its own name.
  ids.merged = newId();
  await db.insert(agencies).values({
    id: ids.merged,
    code: '000.18.15.H48',
    name: 'Bộ phận Một cửa xã Nghĩa Dõng',
    nameSearch: searchKey('Bộ phận Một cửa xã Nghĩa Dõng'),
    kind: 'one_stop_desk',
    parentId: ids.province,
    provinceCode: '51',
    status: 'inactive',
    successorId: ids.desk2,
    createdAt: now,
  });

  // Cẩm Thành: two in January, one at 23:30 on 31/01 Vietnam time (16:30 UTC, still January),
  // one at 00:00 on 01/02 Vietnam time (17:00 UTC on 31/01), one in March. Around the range: the
  // last minute of December and the first of April (Vietnam time) are outside it. A draft and a
  // cancelled request count nothing.
  await request(ids.desk, '2026-01-10T03:00:00Z');
  await request(ids.desk, '2026-01-20T09:00:00Z');
  await request(ids.desk, '2026-01-31T16:30:00Z');
  await request(ids.desk, '2026-01-31T17:00:00Z');
  await request(ids.desk, '2026-03-05T02:00:00Z');
  await request(ids.desk, '2025-12-31T16:59:59Z');
  await request(ids.desk, '2026-03-31T17:00:00Z');
  await request(ids.desk, '2026-01-11T03:00:00Z', 'draft');
  await request(ids.desk, '2026-01-12T03:00:00Z', 'cancelled');
  await request(ids.desk2, '2026-02-02T03:00:00Z');
  await request(ids.desk2, '2026-02-03T03:00:00Z');
  await request(ids.merged, '2026-01-15T03:00:00Z');
  for (let i = 0; i < 4; i++) await request(ids.hanoiDesk, `2026-01-0${i + 2}T03:00:00Z`);

  // Self-registered: Kon Tum's CCCD (062, now part of Quảng Ngãi) in January, Hà Nội's in
  // January, a 9-digit CMND in February. An organisation (MST) and an unfinished registration
  // are not citizen accounts opened by themselves.
  await registration('062090000111', '2026-01-08T03:00:00Z');
  await registration('001090000222', '2026-01-09T03:00:00Z');
  await registration('212345678', '2026-02-09T03:00:00Z');
  await registration('0101245678', '2026-01-09T03:00:00Z', 'organisation');
  await registration('051090000999', '2026-01-09T03:00:00Z', 'citizen', 'pending');
  // First VNeID sign-in of a Quảng Ngãi CCCD with no account: created in February. An older
  // account linked to VNeID later is not self-registered by VNeID.
  await citizenUser('051090000777', '2026-02-20T03:00:00Z', { sub: 'vneid-sub-777', verifiedAt: '2026-02-20T03:00:00Z' });
  await citizenUser('051090000888', '2026-01-05T03:00:00Z', { sub: 'vneid-sub-888', verifiedAt: '2026-02-25T03:00:00Z' });
});

describe('provinceOfCccd', () => {
  it('maps the CCCD prefix to the 2025 province', () => {
    expect(provinceOfCccd('051090000001')).toBe('51'); // Quảng Ngãi
    expect(provinceOfCccd('062090000001')).toBe('51'); // Kon Tum → Quảng Ngãi
    expect(provinceOfCccd('001090000001')).toBe('01');
    expect(provinceOfCccd('077090000001')).toBe('79'); // Bà Rịa - Vũng Tàu → Hồ Chí Minh
    expect(provinceOfCccd('212345678')).toBeNull();
    expect(provinceOfCccd('003090000001')).toBeNull();
  });
});

describe('Báo cáo tài khoản theo tháng', () => {
  it('counts through the real flows: an account created at the desk and one registered by the citizen', async () => {
    // Now (the test clock), in this month of Vietnam time: before and after the two flows.
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(system().clock.now()).slice(0, 7);
    const now = async () => (await monthly(admin, `from=${month}&to=${month}`)).json<Report>();
    const before = await now();

    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const draft = await createDraft(officer, { idNumber: '051094000321', birthDate: '1994-06-15', phone: '0351230001', email: null, unitId: ids.desk });
    expect((await officer.post(`/api/citizen-account-requests/${draft.id}/otp`)).statusCode).toBe(200);
    await system().deliver();
    const done = await officer.post(`/api/citizen-account-requests/${draft.id}/complete`, { otp: await latestOtp(officer, '0351230001') });
    expect(done.statusCode).toBe(200);

    const citizen = new Http(system().app, '10.51.0.1');
    const reg = await citizen.post('/api/registrations', {
      kind: 'citizen',
      idNumber: '051195004321',
      fullName: 'Trần Thị Mai',
      birthDate: '1995-04-04',
      phone: '0988510001',
    });
    expect(reg.statusCode).toBe(201);
    await system().deliver();
    const regId = reg.json<{ id: string }>().id;
    expect((await citizen.post(`/api/registrations/${regId}/verify`, { otp: await latestOtp(citizen, '0988510001') })).statusCode).toBe(200);
    expect((await citizen.post(`/api/registrations/${regId}/complete`, { password: 'Mai@2026!x', passwordConfirm: 'Mai@2026!x' })).statusCode).toBe(201);

    const after = await now();
    const desk = (r: Report) => r.units.find((u) => u.code === '000.15.15.H48')!.total;
    const qngai = (r: Report) => r.selfRegistered.find((p) => p.provinceCode === '51')!.total;
    expect(desk(after) - desk(before)).toBe(1);
    expect(qngai(after) - qngai(before)).toBe(1);
    expect(after.totals.total - before.totals.total).toBe(2);
  });

  it('gives a national administrator every unit and province, per month in Vietnam time', async () => {
    const res = await monthly(admin, Q1);
    expect(res.statusCode).toBe(200);
    const r = res.json<Report>();
    expect(r.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.title).toBe('Báo cáo số tài khoản tạo theo tháng từ 01/2026 đến 03/2026 — Toàn quốc');
    const unit = (code: string) => r.units.find((u) => u.code === code);
    // 31/01 23:30 belongs to January, 01/02 00:00 to February.
    expect(unit('000.15.15.H48')).toMatchObject({ name: 'Bộ phận Một cửa phường Cẩm Thành', counts: [3, 1, 1], total: 5, mergedInto: null });
    expect(unit('000.17.15.H48')).toMatchObject({ counts: [0, 2, 0], total: 2 });
    expect(unit('000.18.15.H48')).toMatchObject({
      status: 'inactive',
      mergedInto: { code: '000.17.15.H48', name: 'Bộ phận Một cửa phường Nghĩa Lộ' },
      counts: [1, 0, 0],
    });
    expect(unit('000.15.15.H26')).toMatchObject({ counts: [4, 0, 0], total: 4 });
    // The provincial centre created nothing, and is listed with zeros.
    expect(unit('000.02.03.H48')).toMatchObject({ counts: [0, 0, 0], total: 0 });
    // Units that do not create accounts (a department) are not listed.
    expect(unit('000.16.15.H48')).toBeUndefined();
    expect(r.totals.officer).toEqual([8, 3, 1]);

    const province = (code: string | null) => r.selfRegistered.find((p) => p.provinceCode === code);
    expect(r.selfRegistered.filter((p) => p.provinceCode !== null)).toHaveLength(34);
    // Kon Tum's CCCD (January), the VNeID account (February).
    expect(province('51')).toMatchObject({ name: 'Tỉnh Quảng Ngãi', counts: [1, 1, 0], total: 2 });
    expect(province('01')).toMatchObject({ counts: [1, 0, 0] });
    expect(province(null)).toMatchObject({ name: 'Không xác định tỉnh (CMND 9 số)', counts: [0, 1, 0] });
    expect(province('79')).toMatchObject({ counts: [0, 0, 0], total: 0 });
    expect(r.totals).toMatchObject({ self: [2, 2, 0], all: [10, 5, 1], officerTotal: 12, selfTotal: 4, total: 16 });
  });

  it('keeps the month boundaries of Vietnam time at the edges of the range', async () => {
    const dec = (await monthly(admin, 'from=2025-12&to=2025-12')).json<Report>();
    expect(dec.units.find((u) => u.code === '000.15.15.H48')?.counts).toEqual([1]);
    const apr = (await monthly(admin, 'from=2026-04&to=2026-04')).json<Report>();
    expect(apr.units.find((u) => u.code === '000.15.15.H48')?.counts).toEqual([1]);
    const feb = (await monthly(admin, 'from=2026-02&to=2026-02')).json<Report>();
    expect(feb.units.find((u) => u.code === '000.15.15.H48')?.counts).toEqual([1]);
  });

  it("shows a level-1 administrator only their province's units and self-registrations", async () => {
    const res = await monthly(level1, Q1);
    expect(res.statusCode).toBe(200);
    const r = res.json<Report>();
    expect(r.title).toBe('Báo cáo số tài khoản tạo theo tháng từ 01/2026 đến 03/2026 — UBND tỉnh Quảng Ngãi');
    const codes = r.units.map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['000.02.03.H48', '000.15.15.H48', '000.17.15.H48', '000.18.15.H48']));
    expect(codes).not.toContain('000.15.15.H26');
    expect(r.totals.officer).toEqual([4, 3, 1]);
    expect(r.selfRegistered).toEqual([{ provinceCode: '51', name: 'Tỉnh Quảng Ngãi', counts: [1, 1, 0], total: 2 }]);
    expect(r.totals).toMatchObject({ officerTotal: 8, selfTotal: 2, total: 10 });
  });

  it('filters by a unit of the scope, and refuses one outside it', async () => {
    const desk = (await monthly(level1, `${Q1}&unitId=${ids.desk}`)).json<Report>();
    expect(desk.units.map((u) => [u.code, u.total])).toEqual([['000.15.15.H48', 5]]);
    expect(desk.title).toContain('— Bộ phận Một cửa phường Cẩm Thành');
    // Self-registered accounts have no unit: shown for a province unit only, with a note otherwise.
    expect(desk.selfRegistered).toEqual([]);
    expect(desk.selfRegisteredNote).toContain('chỉ được thống kê theo tỉnh');
    const province = (await monthly(level1, `${Q1}&unitId=${ids.province}`)).json<Report>();
    expect(province.selfRegistered.map((p) => [p.provinceCode, p.total])).toEqual([['51', 2]]);
    expect(province.totals.officerTotal).toBe(8);

    const outside = await monthly(level1, `${Q1}&unitId=${ids.hanoiDesk}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await level1.get(`/api/admin/reports/monthly.xlsx?${Q1}&unitId=${ids.hanoiDesk}`)).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await admin.get(`/api/admin/reports/monthly?${Q1}&unitId=${ids.hanoiDesk}`)).json<Report>().totals.officer).toEqual([4, 0, 0]);
  });

  it('validates the months: format, order, at most 24 months', async () => {
    const problem = async (q: string) => {
      const res = await monthly(admin, q);
      expect(res.statusCode, q).toBe(400);
      const body = res.json<{ code: string; message: string }>();
      expect(body.code).toBe('VALIDATION_FAILED');
      return body.message;
    };
    expect(await problem('from=2026-13&to=2026-12')).toBe('Tháng phải có dạng YYYY-MM (ví dụ 2026-01).');
    expect(await problem('from=01/2026&to=2026-02')).toBe('Tháng phải có dạng YYYY-MM (ví dụ 2026-01).');
    expect(await problem('from=2026-03&to=2026-01')).toBe('"Từ tháng" phải trước hoặc trùng "Đến tháng".');
    expect(await problem('from=2024-01&to=2026-01')).toBe('Báo cáo tối đa 24 tháng; hãy chọn khoảng thời gian ngắn hơn.');
    const max = await monthly(admin, 'from=2024-02&to=2026-01');
    expect(max.statusCode).toBe(200);
    expect(max.json<Report>().months).toHaveLength(24);
  });

  it('is for administrators only', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua2.demo');
    const res = await monthly(officer, Q1);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    expect((await officer.get(`/api/admin/reports/monthly.xlsx?${Q1}`)).json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    expect((await new Http(system().app).get(`/api/admin/reports/monthly?${Q1}`)).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('"Xuất Excel" is exactly the table of the report', async () => {
    const res = await level1.get(`/api/admin/reports/monthly.xlsx?${Q1}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('bao-cao-tai-khoan-2026-01-2026-03.xlsx');
    const [sheet] = await readWorkbook(res.rawPayload);
    const rows = sheet!.rows;
    expect(rows[0]![0]).toBe('Báo cáo số tài khoản tạo theo tháng từ 01/2026 đến 03/2026 — UBND tỉnh Quảng Ngãi');
    expect(rows[1]).toEqual(['Mã định danh', 'Đơn vị', '01/2026', '02/2026', '03/2026', 'Tổng']);
    const row = (first: string) => rows.find((r) => r[0] === first || r[1] === first);
    expect(row('000.15.15.H48')).toEqual(['000.15.15.H48', 'Bộ phận Một cửa phường Cẩm Thành', '3', '1', '1', '5']);
    expect(row('000.18.15.H48')![1]).toBe('Bộ phận Một cửa xã Nghĩa Dõng (đã sáp nhập vào Bộ phận Một cửa phường Nghĩa Lộ)');
    expect(row('000.02.03.H48')!.slice(2)).toEqual(['0', '0', '0', '0']);
    expect(row('Cộng cán bộ tạo tại Một cửa')!.slice(2)).toEqual(['4', '3', '1', '8']);
    expect(row('51')).toEqual(['51', 'Tỉnh Quảng Ngãi', '1', '1', '0', '2']);
    expect(row('Cộng tự đăng ký')!.slice(2)).toEqual(['1', '1', '0', '2']);
    expect(row('Tổng cộng')!.slice(2)).toEqual(['5', '4', '1', '10']);
    expect(rows.some((r) => r.includes('000.15.15.H26'))).toBe(false);
    // As many unit rows as the page shows.
    const page = (await monthly(level1, Q1)).json<Report>();
    expect(rows.filter((r) => /^\d{3}\.\d{2}\.\d{2}\./.test(r[0] ?? '')).map((r) => r[0])).toEqual(page.units.map((u) => u.code));
  });

  it('offers the units of the scope, merged ones included, for the filter', async () => {
    const l1 = (await level1.get('/api/admin/reports/units?q=mot%20cua')).json<ScopeUnits>().map((u) => u.code);
    expect(l1).toEqual(expect.arrayContaining(['000.15.15.H48', '000.17.15.H48', '000.18.15.H48']));
    expect(l1).not.toContain('000.15.15.H26');
    const byCode = (await admin.get('/api/admin/reports/units?q=000.15.15')).json<ScopeUnits>().map((u) => u.code);
    expect(byCode.sort()).toEqual(['000.15.15.H26', '000.15.15.H48']);
  });
});
