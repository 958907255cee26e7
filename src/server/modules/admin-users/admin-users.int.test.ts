import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { addHanoiOfficer, addOfficerAccount, addUnit, uniqueAgencyCode, uniqueIdNumber, uniquePhone, uniqueUsername } from '../../../../tests/support/fixtures.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import {
  assignUserUnits,
  createUser,
  getUser,
  listAssignableUnits,
  listUsers,
  removeUserUnit,
  setUserPermissions,
  setUserStatus,
} from '../../../common/api/admin-users.js';
import type { Reply } from '../../../common/api/contract.js';
import { readWorkbook } from '../../platform/files/xlsx.js';
import { auditLog } from '../../platform/tables.js';
import { agencies } from '../agencies/tables.js';
import { users } from '../users/tables.js';

const system = useTestSystem();

type List = Reply<typeof listUsers>;

let admin: Http;
let level1: Http;
const ids: Record<string, string> = {};

async function userId(username: string): Promise<string> {
  const [u] = await system().deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

async function agencyId(code: string): Promise<string> {
  const [a] = await system().deps.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return a!.id;
}

/** An officer of this test alone (the demo officers stay as the seed made them). */
const officerOf = (o: Parameters<typeof addOfficerAccount>[2] = {}) => addOfficerAccount(system().deps.db, system().clock.now(), o);

beforeAll(async () => {
  const db = system().deps.db;
  const now = system().clock.now();
  // A unit of another province with one officer: outside the Quảng Ngãi level-1 administrator's reach.
  const outside = await addHanoiOfficer(db, now);
  ids.hanoi = outside.unitId;
  ids.hanoiOfficer = outside.officerId;
  admin = await loggedIn(system().app, 'officer', 'admin.demo');
  level1 = await loggedIn(system().app, 'officer', 'quantri.qngai.demo');
  ids.chuyenvien = await userId('chuyenvien.demo');
  ids.desk = await agencyId('000.15.15.H48');
  ids.dept = await agencyId('000.16.15.H48');
});

describe('Quản lý người dùng — tìm kiếm', () => {
  it('is for administrators only', async () => {
    const officer = await loggedIn(system().app, 'officer', 'chuyenvien.demo');
    const res = await officer.get('/api/admin/users');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    expect((await new Http(system().app).get('/api/admin/users')).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('finds an officer by a name typed without accents, with units and status', async () => {
    const res = await admin.get('/api/admin/users?name=le%20van%20hung');
    expect(res.statusCode).toBe(200);
    const body = res.json<List>();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ username: 'chuyenvien.demo', status: 'active' });
    expect(body.items[0]!.units.map((u) => u.name)).toEqual(['Phòng Văn hóa - Xã hội phường Cẩm Thành']);
  });

  it('filters by phone prefix, unit, status and "Không được gán cơ quan"', async () => {
    const names = async (q: string) => (await admin.get(`/api/admin/users?${q}`)).json<List>().items.map((i) => i.username);
    expect(await names('phone=0358001')).toEqual(['chuyenvien.demo']);
    expect(await names(`agencyId=${ids.desk}`)).toEqual(expect.arrayContaining(['motcua.demo', 'buudien.demo']));
    expect(await names(`agencyId=${ids.desk}`)).not.toContain('chuyenvien.demo');
    // A province's filter takes in every unit below it.
    const province = await agencyId('000.00.00.H48');
    expect(await names(`agencyId=${province}`)).toEqual(expect.arrayContaining(['motcua.demo', 'motcua2.demo', 'chuyenvien.demo', 'admin.demo']));
    const inactive = await officerOf({ fullName: 'Đinh Văn Nghỉ', unitIds: [await agencyId('000.17.15.H48')], status: 'inactive' });
    const inactives = await names('status=inactive');
    expect(inactives).toContain(inactive.username);
    expect(inactives).not.toContain('motcua.demo');
    const username = uniqueUsername('moi.chua.gan');
    const unassigned = await admin.post('/api/admin/users', { fullName: 'Trịnh Văn Mới', username, phone: uniquePhone(), unitIds: [] });
    expect(unassigned.statusCode).toBe(201);
    const none = await names('unassigned=true');
    expect(none).toContain(username);
    expect(none).not.toContain('chuyenvien.demo');
    expect(await names('unassigned=true&name=trinh%20van%20moi')).toEqual([username]);
  });

  it('counts at most 2,000 matches and still pages them in name order', async () => {
    const now = system().clock.now();
    await system().deps.db.execute(sql`
      insert into users (id, kind, username, full_name, full_name_search, phone, created_at, updated_at)
      select gen_random_uuid(), 'officer', 'cap.' || g, 'Cán bộ Giới Hạn ' || lpad(g::text, 4, '0'),
             'can bo gioi han ' || lpad(g::text, 4, '0'), null, ${now}, ${now}
      from generate_series(1, 2001) g`);
    const page1 = (await admin.get('/api/admin/users?name=gioi%20han&pageSize=20')).json<List>();
    expect(page1).toMatchObject({ total: 2000, totalCapped: true });
    expect(page1.items.map((i) => i.fullName).slice(0, 2)).toEqual(['Cán bộ Giới Hạn 0001', 'Cán bộ Giới Hạn 0002']);
    const last = (await admin.get('/api/admin/users?name=gioi%20han&pageSize=20&page=100')).json<List>();
    expect(last.items.at(-1)!.fullName).toBe('Cán bộ Giới Hạn 2000');
    const exact = (await admin.get('/api/admin/users?name=gioi%20han%20000')).json<List>();
    expect(exact).toMatchObject({ total: 9, totalCapped: false });
    await system().deps.db.execute(sql`delete from users where username like 'cap.%'`);
  });

  it('shows a level-1 administrator only their province, and the officers not yet assigned under "Không được gán cơ quan"', async () => {
    const names = async (q: string) => (await level1.get(`/api/admin/users?pageSize=100&${q}`)).json<List>().items.map((i) => i.username);
    const unassigned = await officerOf({ fullName: 'Trịnh Văn Chờ', unitIds: [] });
    const province = await names('');
    expect(province).toEqual(expect.arrayContaining(['motcua.demo', 'chuyenvien.demo', 'motcua2.demo']));
    expect(province).not.toContain('hanoi.officer');
    expect(province).not.toContain(unassigned.username);
    const none = await names('unassigned=true');
    expect(none).toContain(unassigned.username);
    expect(none).not.toContain('hanoi.officer');
    expect(none).not.toContain('chuyenvien.demo');
    // A name inside the province (read unit-first) and the same name nationally (trigram index).
    expect(await names('name=tran%20tuan')).toEqual(['motcua.demo']);
    expect(await names('name=hoang%20van%20ha')).toEqual([]);
    expect((await admin.get('/api/admin/users?name=hoang%20van%20ha')).json<List>().total).toBe(1);
  });

  it('"XUẤT EXCEL" produces an .xlsx of exactly the filtered rows', async () => {
    const list = (await admin.get(`/api/admin/users?agencyId=${ids.desk}&pageSize=100`)).json<List>();
    const res = await admin.get(`/api/admin/users/export.xlsx?agencyId=${ids.desk}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [sheet] = await readWorkbook(res.rawPayload);
    expect(sheet!.rows[0]).toEqual(['STT', 'Tên', 'Tên đăng nhập', 'CMND/CCCD/MST/MCQ', 'Số điện thoại', 'Email', 'Đơn vị', 'Trạng thái', 'Thời gian tạo']);
    const names = sheet!.rows.slice(1).map((r) => r[1]);
    expect(names.sort()).toEqual(list.items.map((i) => i.fullName).sort());
    const motcua = sheet!.rows.find((r) => r[2] === 'motcua.demo')!;
    expect(motcua[6]).toContain('Bộ phận Một cửa phường Cẩm Thành');
    expect(motcua[7]).toBe('Kích hoạt');
    // Other tests export too: this export's row is the one with its filter.
    const audits = await system().deps.db.select().from(auditLog).where(eq(auditLog.action, 'user.export'));
    const audit = audits.find((a) => (a.after as { filters?: { agencyId?: string } } | null)?.filters?.agencyId === ids.desk);
    expect(audit).toMatchObject({ actorName: 'admin.demo', after: { filters: { agencyId: ids.desk } } });
  });
});

/** The workbook of "XUẤT EXCEL" for this query: its rows under the header. */
async function exported(q: string): Promise<string[][]> {
  const res = await admin.get(`/api/admin/users/export.xlsx?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  const [sheet] = await readWorkbook(res.rawPayload);
  expect(sheet!.rows[0]!.slice(0, 3)).toEqual(['STT', 'Tên', 'Tên đăng nhập']);
  return sheet!.rows.slice(1);
}

/** Every page of the list for this query, as the screen numbers them: [STT, Tên, Tên đăng nhập]. */
async function screenRows(q: string, pageSize: number): Promise<string[][]> {
  const rows: string[][] = [];
  for (let page = 1; ; page++) {
    const body = (await admin.get(`/api/admin/users?${q}&page=${page}&pageSize=${pageSize}`)).json<List>();
    expect(body.page).toBe(page);
    // The screen's STT: (page - 1) * pageSize + 1 … on each page.
    body.items.forEach((u, i) => rows.push([String((page - 1) * pageSize + i + 1), u.fullName, u.username ?? '']));
    if (page * pageSize >= body.total) return rows;
  }
}

describe('Quản lý người dùng — thứ tự, XUẤT EXCEL, số điện thoại, trang', () => {
  it('"XUẤT EXCEL" has the screen\'s rows in the screen\'s order: STT n on screen is STT n in the file, across pages', async () => {
    const unit = await addUnit(system().deps.db, system().clock.now(), { code: uniqueAgencyCode(), name: 'Bộ phận Một cửa xã Thứ Tự' });
    // Created in this order (ids grow with time), which is not the order of the names; four share
    // one name (with or without accents), so only the tie-breaker orders them.
    const created: string[] = [];
    for (const fullName of ['Trần Văn Trùng Khớp', 'Nguyễn Văn Trùng Khớp', 'Nguyễn Văn Trùng Khớp', 'Lê Thị Trùng Khớp', 'Nguyen Van Trung Khop', 'Nguyễn Văn Trùng Khớp']) {
      created.push((await officerOf({ fullName, username: uniqueUsername('trung.khop'), unitIds: [unit] })).username);
    }
    for (const q of [`agencyId=${unit}`, `agencyId=${unit}&name=trung%20khop`, 'name=trung%20khop']) {
      const screen = await screenRows(q, 4);
      expect(screen).toHaveLength(6);
      // Name order first; the same name keeps one order (here, the order of creation).
      expect(screen.map((r) => r[2])).toEqual([created[3], created[1], created[2], created[4], created[5], created[0]]);
      expect((await exported(q)).map((r) => r.slice(0, 3))).toEqual(screen);
    }
  });

  it('keeps that order across the export\'s batches when thousands share a few names', async () => {
    const now = system().clock.now();
    // 2,005 officers under 7 names: ties everywhere, ids in no particular order.
    await system().deps.db.execute(sql`
      insert into users (id, kind, username, full_name, full_name_search, phone, created_at, updated_at)
      select gen_random_uuid(), 'officer', 'loat.' || g, 'Cán bộ Hàng Loạt ' || (g % 7),
             'can bo hang loat ' || (g % 7), null, ${now}, ${now}
      from generate_series(1, 2005) g`);
    try {
      const file = await exported('name=hang%20loat');
      expect(file).toHaveLength(2005);
      expect(file.map((r) => r[0])).toEqual(Array.from({ length: 2005 }, (_, i) => String(i + 1)));
      expect(new Set(file.map((r) => r[2])).size).toBe(2005);
      // The screen shows the first 2,000 (then asks to narrow the search): the file's first 2,000.
      const screen = await screenRows('name=hang%20loat', 100);
      expect(screen).toHaveLength(2000);
      expect(file.slice(0, 2000).map((r) => r.slice(0, 3))).toEqual(screen);
    } finally {
      await system().deps.db.execute(sql`delete from users where username like 'loat.%'`);
    }
  });

  it('finds a phone number by any part of it, digits only, "+84" or not', async () => {
    const mine = await officerOf({ fullName: 'Đặng Văn Số', phone: '0912345678', unitIds: [ids.desk!] });
    // Another province's officer with a number alike: the level-1 administrator of Quảng Ngãi never sees them.
    const far = await officerOf({ fullName: 'Đặng Văn Xa', phone: '0912345670', unitIds: [ids.hanoi!] });
    const found = async (who: Http, phone: string) =>
      (await who.get(`/api/admin/users?pageSize=100&phone=${encodeURIComponent(phone)}`)).json<List>().items.map((i) => i.username);
    // A part of the number: both numbers have it, but only one is in Quảng Ngãi.
    for (const typed of ['4567', '0912', '912 345', '91.234.567', '84912', '+8491', '+84 912 345']) {
      const byAdmin = await found(admin, typed);
      expect(byAdmin, typed).toContain(mine.username);
      expect(byAdmin, typed).toContain(far.username);
      const byLevel1 = await found(level1, typed);
      expect(byLevel1, typed).toContain(mine.username);
      expect(byLevel1, typed).not.toContain(far.username);
    }
    // The whole number however written, or a part only it has; citizens (the demo citizen has
    // 0912345678 too) never appear.
    for (const typed of ['0912345678', '0912.345.678', '0912 345 678', '+84912345678', '+84 912 345 678', '84912345678', '0084912345678', '345678']) {
      expect(await found(admin, typed), typed).toEqual([mine.username]);
      expect(await found(level1, typed), typed).toEqual([mine.username]);
    }
    expect(await found(admin, '+84 912 345 670')).toEqual([far.username]);
    expect(await found(level1, '+84 912 345 670')).toEqual([]);
    expect(await found(admin, '5679')).not.toContain(mine.username);
    // "+84" is the start of the number: 0912…, not "…84912…" inside it.
    expect(await found(admin, '+84345678')).toEqual([]);
    expect((await admin.get('/api/admin/users/export.xlsx?phone=912%20345%20678').then((r) => readWorkbook(r.rawPayload)))[0]!.rows.slice(1).map((r) => r[2])).toEqual([mine.username]);
  });

  it('answers a page beyond the last with the last page, and says which', async () => {
    const unit = await addUnit(system().deps.db, system().clock.now(), { code: uniqueAgencyCode(), name: 'Bộ phận Một cửa xã Trang Cuối' });
    for (let i = 0; i < 5; i++) await officerOf({ fullName: `Cán Bộ Trang ${i}`, unitIds: [unit] });
    const beyond = await admin.get(`/api/admin/users?agencyId=${unit}&page=999&pageSize=2`);
    expect(beyond.statusCode).toBe(200);
    expect(beyond.json<List>()).toMatchObject({ total: 5, page: 3, pageSize: 2, items: [{ fullName: 'Cán Bộ Trang 4' }] });
    expect((await admin.get(`/api/admin/users?agencyId=${unit}&page=2&pageSize=2`)).json<List>()).toMatchObject({ page: 2, items: [{ fullName: 'Cán Bộ Trang 2' }, { fullName: 'Cán Bộ Trang 3' }] });
    // Nothing matches: page 1 of nothing.
    expect((await admin.get('/api/admin/users?name=khong%20ai%20ten%20the&page=7')).json<List>()).toMatchObject({ total: 0, page: 1, items: [] });
    // Not a page at all: the contract says so (the web never sends it, it shows page 1).
    expect((await admin.get('/api/admin/users?page=abc')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/users?page=-1')).statusCode).toBe(400);
  });
});

describe('Gán người dùng vào đơn vị / Gán quyền người dùng', () => {
  it('refuses "Quyền tạo tài khoản công dân" to an officer of no one-stop unit, then grants it after assignment', async () => {
    // Like chuyenvien.demo: an officer of Phòng Văn hóa - Xã hội only.
    const o = await officerOf({ fullName: 'Lê Văn Thử', unitIds: [ids.dept!] });
    const refused = await admin.put(`/api/admin/users/${o.id}/permissions`, { permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'PERMISSION_GRANT_REFUSED' });
    expect(refused.json().message).toContain('Bộ phận một cửa');
    const detail = (await admin.get(`/api/admin/users/${o.id}`)).json<Reply<typeof getUser>>();
    expect(detail.grants.find((g) => g.code === 'CITIZEN_ACCOUNT_CREATE')!.problem).toContain('Trung tâm phục vụ hành chính công');

    const candidates = (await admin.get(`/api/admin/users/${o.id}/assignable-units?q=000.15`)).json<Reply<typeof listAssignableUnits>>();
    expect(candidates.items.map((i) => i.code)).toContain('000.15.15.H48');
    const byName = (await admin.get(`/api/admin/users/${o.id}/assignable-units?q=mot%20cua%20cam%20thanh`)).json<Reply<typeof listAssignableUnits>>();
    expect(byName.items.map((i) => i.code)).toEqual(['000.15.15.H48']);

    const assigned = await admin.post(`/api/admin/users/${o.id}/units`, { unitIds: [ids.desk] });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json<Reply<typeof assignUserUnits>>().units.map((u) => u.code).sort()).toEqual(['000.15.15.H48', '000.16.15.H48']);
    const granted = await admin.put(`/api/admin/users/${o.id}/permissions`, { permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    expect(granted.statusCode).toBe(200);
    expect(granted.json<Reply<typeof setUserPermissions>>().permissions).toEqual(['CITIZEN_ACCOUNT_CREATE']);

    // The officer can use it on their next request.
    const officer = await loggedIn(system().app, 'officer', o.username, o.password);
    expect((await officer.get('/api/citizen-account-requests/lookup?idNumber=079190000123')).statusCode).toBe(200);

    const audit = await system()
      .deps.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, o.id), eq(auditLog.entityType, 'user')));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.unit_assign', 'user.permission_grant']));
    expect(audit.find((a) => a.action === 'user.permission_grant')).toMatchObject({ actorName: 'admin.demo', after: { permission: 'CITIZEN_ACCOUNT_CREATE' } });
  });

  it('removes a unit assignment ("Xóa") and records it', async () => {
    const o = await officerOf({ unitIds: [ids.desk!, ids.dept!] });
    const res = await admin.del(`/api/admin/users/${o.id}/units/${ids.dept}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Reply<typeof removeUserUnit>>().units.map((u) => u.code)).toEqual(['000.15.15.H48']);
    const [row] = await system()
      .deps.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'user.unit_remove')));
    expect(row).toMatchObject({ before: { agencyId: ids.dept }, agencyId: ids.dept });
  });

  it('never grants an official permission to an account of Tổng công ty Bưu điện Việt Nam', async () => {
    const postal = await userId('buudien.demo');
    const res = await admin.put(`/api/admin/users/${postal}/permissions`, { permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('Bưu điện Việt Nam');
    const dossiers = await admin.put(`/api/admin/users/${postal}/permissions`, { permissions: ['DOSSIER_MONITOR'] });
    expect(dossiers.json()).toMatchObject({ code: 'PERMISSION_GRANT_REFUSED' });
  });

  it('keeps a level-1 administrator inside their province, even through the API directly', async () => {
    // Reading, assigning, granting and deactivating someone of another province: refused.
    expect((await level1.get(`/api/admin/users/${ids.hanoiOfficer}`)).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await level1.put(`/api/admin/users/${ids.hanoiOfficer}/permissions`, { permissions: ['DOSSIER_MONITOR'] })).json()).toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect((await level1.put(`/api/admin/users/${ids.hanoiOfficer}/status`, { status: 'inactive' })).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    // Putting one of their own officers into another province's unit: refused, nothing written.
    const own = await officerOf({ unitIds: [ids.desk!] });
    const outside = await level1.post(`/api/admin/users/${own.id}/units`, { unitIds: [ids.hanoi] });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await admin.get(`/api/admin/users/${own.id}`)).json<Reply<typeof getUser>>().units.map((u) => u.code)).toEqual(['000.15.15.H48']);
    // Nor may they hand out administrator levels.
    const promote = await level1.put(`/api/admin/users/${own.id}/permissions`, { permissions: ['CITIZEN_ACCOUNT_CREATE', 'LEVEL1_ADMIN'] });
    expect(promote.json()).toMatchObject({ code: 'PERMISSION_GRANT_REFUSED' });
    expect(promote.json().message).toContain('quản trị cấp cao');
    // Inside the province it works, and the API refuses changing one's own permissions.
    const ok = await level1.put(`/api/admin/users/${own.id}/permissions`, { permissions: ['CITIZEN_ACCOUNT_CREATE', 'DOSSIER_MONITOR'] });
    expect(ok.statusCode).toBe(200);
    const self = await level1.put(`/api/admin/users/${await userId('quantri.qngai.demo')}/permissions`, { permissions: ['LEVEL1_ADMIN'] });
    // Their own account is of their own rank: only a high-level administrator may change it.
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'ADMIN_RANK_REFUSED' });
  });

  it('refuses assignment to an inactive unit', async () => {
    const id = await addUnit(system().deps.db, system().clock.now(), { code: '000.99.15.H48', name: 'Bộ phận Một cửa xã đã sáp nhập', status: 'inactive' });
    const res = await admin.post(`/api/admin/users/${ids.chuyenvien}/units`, { unitIds: [id] });
    expect(res.json()).toMatchObject({ code: 'AGENCY_INACTIVE' });
  });
});

describe('+THÊM MỚI và Kích hoạt / Không kích hoạt', () => {
  it('creates an officer whose temporary password arrives by SMS and must be changed at first login', async () => {
    const phone = uniquePhone();
    const res = await level1.post('/api/admin/users', {
      fullName: 'Bùi Thị Thu',
      username: 'Bui.Thu',
      idNumber: uniqueIdNumber({ province: '051', sex: 'female' }),
      phone,
      unitIds: [ids.desk],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Reply<typeof createUser>>()).toMatchObject({ username: 'bui.thu', mustChangePassword: true, units: [{ code: '000.15.15.H48' }] });
    await system().deliver();
    const sms = (await admin.get('/api/dev/outbox')).json<{ to: string; body: string }[]>().find((m) => m.to === phone);
    const password = /Mật khẩu tạm thời: (\S+)$/.exec(sms!.body)![1]!;
    const officer = new Http(system().app, '10.5.0.1');
    expect((await officer.login('officer', 'bui.thu', password)).statusCode).toBe(200);
    expect((await officer.get('/api/admin/users')).json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  });

  it('says what is wrong with a new officer', async () => {
    const existing = await officerOf({ idNumber: uniqueIdNumber({ province: '051' }), unitIds: [ids.desk!] });
    const base = { fullName: 'Bùi Văn Tư', username: 'bui.tu', phone: '0905111333', unitIds: [ids.desk] };
    expect((await admin.post('/api/admin/users', { ...base, username: existing.username })).json()).toMatchObject({ code: 'USERNAME_TAKEN' });
    const badName = await admin.post('/api/admin/users', { ...base, username: 'bùi tư' });
    expect(badName.statusCode).toBe(400);
    expect(badName.json()).toMatchObject({ code: 'USERNAME_INVALID' });
    expect((await admin.post('/api/admin/users', { ...base, phone: '0123' })).json()).toMatchObject({ code: 'INVALID_PHONE' });
    expect((await admin.post('/api/admin/users', { ...base, idNumber: existing.idNumber })).json()).toMatchObject({ code: 'ACCOUNT_ALREADY_EXISTS' });
    expect((await admin.post('/api/admin/users', { ...base, idNumber: '12345' })).json()).toMatchObject({ code: 'INVALID_ID_NUMBER' });
    expect((await level1.post('/api/admin/users', { ...base, unitIds: [ids.hanoi] })).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await level1.post('/api/admin/users', { ...base, unitIds: [] })).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await admin.get('/api/admin/users?name=bui%20van%20tu')).json<List>().total).toBe(0);
  });

  it('deactivating an account ends its sessions at once; reactivating lets it log in again', async () => {
    // Like motcua2.demo: a desk officer of Nghĩa Lộ.
    const o = await officerOf({ fullName: 'Phạm Thị Nghỉ', unitIds: [await agencyId('000.17.15.H48')], permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    const officer = await loggedIn(system().app, 'officer', o.username, o.password);
    const id = o.id;
    const off = await admin.put(`/api/admin/users/${id}/status`, { status: 'inactive' });
    expect(off.json<Reply<typeof setUserStatus>>()).toMatchObject({ status: 'inactive' });
    expect((await officer.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Http(system().app, '10.5.0.2').login('officer', o.username, o.password)).json()).toMatchObject({ code: 'ACCOUNT_INACTIVE' });
    expect((await admin.get('/api/admin/users?status=inactive&name=pham%20thi%20nghi')).json<List>().items.map((i) => i.username)).toEqual([o.username]);
    expect((await admin.put(`/api/admin/users/${id}/status`, { status: 'active' })).json<Reply<typeof setUserStatus>>()).toMatchObject({ status: 'active' });
    expect((await new Http(system().app, '10.5.0.3').login('officer', o.username, o.password)).statusCode).toBe(200);
    const actions = (await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.deactivate', 'user.activate']));
    expect((await admin.put(`/api/admin/users/${await userId('admin.demo')}/status`, { status: 'inactive' })).json()).toMatchObject({
      code: 'SELF_ACTION_REFUSED',
    });
  });
});
