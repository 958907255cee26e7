import { and, count, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addOfficerAccount, addUnit, uniqueAgencyCode } from '../../../../tests/support/fixtures.js';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { getAgency, listAgencyChildren, listScheduledChanges, listUnitPaths, searchAgencies } from '../../../common/api/agencies.js';
import type { Reply } from '../../../common/api/contract.js';
import { searchKey } from '../../../common/text.js';
import { isAgencyCode } from '../../../common/vn-ids.js';
import type { ManualClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../../platform/tables.js';
import { userUnits, users } from '../users/tables.js';
import { seedReferenceAgencies } from './reference.js';
import { agencies, agencyHistory, agencyScheduledChanges } from './tables.js';
import { vnToday } from './tree.js';

const system = useTestSystem();
const BASE = '/api/admin/agencies';

type Detail = Reply<typeof getAgency>;
type SearchResult = Reply<typeof searchAgencies>;
type Children = Reply<typeof listAgencyChildren>;
type Scheduled = Reply<typeof listScheduledChanges>;
type Paths = Reply<typeof listUnitPaths>;

let admin: Http;
let level1: Http;
/** Today in Vietnam time: a change dated today applies at once (a date before today is refused). */
let TODAY: string;
const ids: Record<string, string> = {};

async function byCode(code: string) {
  const [a] = await system().deps.db.select().from(agencies).where(eq(agencies.code, code));
  if (!a) throw new Error(`no agency ${code}`);
  return a;
}

async function userId(username: string): Promise<string> {
  const [u] = await system().deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

async function unitsOf(user: string): Promise<string[]> {
  const rows = await system().deps.db.select({ agencyId: userUnits.agencyId }).from(userUnits).where(eq(userUnits.userId, user));
  return rows.map((r) => r.agencyId);
}

beforeAll(async () => {
  TODAY = vnToday(system().clock.now());
  admin = await loggedIn(system().app, 'officer', 'admin.demo');
  level1 = await loggedIn(system().app, 'officer', 'quantri.qngai.demo');
  for (const [key, code] of Object.entries({
    qngai: '000.00.00.H48',
    centre: '000.02.03.H48',
    ward: '000.01.15.H48',
    desk: '000.15.15.H48',
    dept: '000.16.15.H48',
    ward2: '000.02.15.H48',
    desk2: '000.17.15.H48',
    hanoi: '000.00.00.Z01',
    baDinh: '000.00.01.Z01',
  })) {
    ids[key] = (await byCode(code)).id;
  }
});

describe('reference agencies from the 2025 administrative units', () => {
  it('has one UBND per province and per commune, reusing the demo units of Quảng Ngãi', async () => {
    const db = system().deps.db;
    const kinds = await db
      .select({ kind: agencies.kind, n: count() })
      .from(agencies)
      .where(sql`${agencies.adminUnitCode} in (select code from admin_units)`)
      .groupBy(agencies.kind);
    const n = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(n.province).toBe(34);
    expect(n.commune).toBe(3321);

    const hanoi = await byCode('000.00.00.Z01');
    expect(hanoi).toMatchObject({ name: 'UBND thành phố Hà Nội', kind: 'province', adminUnitCode: '01', provinceCode: '01', parentId: null, validFrom: '2025-07-01' });
    expect(await byCode('000.00.00.Z04')).toMatchObject({ name: 'UBND tỉnh Cao Bằng' });
    // Communes numbered in the order of their codes; the 100th is 000.01.00.
    expect(await byCode('000.00.01.Z01')).toMatchObject({ name: 'UBND phường Ba Đình', kind: 'commune', parentId: hanoi.id, adminUnitCode: '00004' });
    const [hundredth] = await db.select().from(agencies).where(eq(agencies.code, '000.01.00.Z01'));
    expect(hundredth).toMatchObject({ kind: 'commune', parentId: hanoi.id });
    // Special zones keep their own word.
    const [zone] = await db.select({ name: agencies.name }).from(agencies).where(like(agencies.name, 'UBND đặc khu %')).limit(1);
    expect(zone).toBeDefined();

    // The demo's province and wards were reused, not duplicated.
    expect(await db.select().from(agencies).where(eq(agencies.code, '000.00.00.Z51'))).toEqual([]);
    const qngaiWards = await db.select().from(agencies).where(and(eq(agencies.adminUnitCode, '21025'), eq(agencies.kind, 'commune')));
    expect(qngaiWards.map((w) => w.code)).toEqual(['000.01.15.H48']);
    expect(await byCode('000.00.03.Z51')).toMatchObject({ name: 'UBND xã An Phú', parentId: ids.qngai });

    const [created] = await db.select().from(agencyHistory).where(eq(agencyHistory.agencyId, hanoi.id));
    expect(created).toMatchObject({ change: 'created', effectiveDate: '2025-07-01', actorId: null });
    const codes = await db.select({ code: agencies.code }).from(agencies).where(like(agencies.code, '%.Z%'));
    expect(codes.every((c) => isAgencyCode(c.code))).toBe(true);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const db = system().deps.db;
    const before = await Promise.all([db.select({ n: count() }).from(agencies), db.select({ n: count() }).from(agencyHistory)]);
    expect(await seedReferenceAgencies(db, system().clock)).toBe(0);
    expect(await seedReferenceAgencies(db, system().clock)).toBe(0);
    const after = await Promise.all([db.select({ n: count() }).from(agencies), db.select({ n: count() }).from(agencyHistory)]);
    expect(after).toEqual(before);
  });

  it('does not create a unit again after an administrator changed its kind', async () => {
    const db = system().deps.db;
    const cao = await byCode('000.00.03.Z04');
    const res = await admin.patch(`${BASE}/${cao.id}`, { kind: 'other', effectiveDate: TODAY });
    expect(res.json()).toMatchObject({ kind: 'other' });
    expect(await seedReferenceAgencies(db, system().clock)).toBe(0);
    const same = await db.select().from(agencies).where(eq(agencies.adminUnitCode, cao.adminUnitCode!));
    expect(same.map((a) => a.id)).toEqual([cao.id]);
    await admin.patch(`${BASE}/${cao.id}`, { kind: 'commune', effectiveDate: TODAY });
  });

  it('recreates a missing commune without taking a code already in use', async () => {
    const db = system().deps.db;
    const second = await byCode('000.00.02.Z04'); // UBND phường Nùng Trí Cao
    // Someone removed it and gave its placeholder code to another unit.
    await db.delete(agencyHistory).where(eq(agencyHistory.agencyId, second.id));
    await db.delete(agencies).where(eq(agencies.id, second.id));
    await db.insert(agencies).values({
      id: newId(),
      code: '000.00.02.Z04',
      name: 'Trung tâm Phục vụ hành chính công tỉnh Cao Bằng',
      nameSearch: searchKey('Trung tâm Phục vụ hành chính công tỉnh Cao Bằng'),
      kind: 'service_centre',
      provinceCode: '04',
      createdAt: new Date(),
    });
    expect(await seedReferenceAgencies(db, system().clock)).toBe(1);
    const [again] = await db.select().from(agencies).where(and(eq(agencies.adminUnitCode, second.adminUnitCode!), eq(agencies.kind, 'commune')));
    expect(again!.name).toBe('UBND phường Nùng Trí Cao');
    expect(again!.code).not.toBe('000.00.02.Z04');
    expect(isAgencyCode(again!.code)).toBe(true);
    expect(again!.parentId).toBe((await byCode('000.00.00.Z04')).id);
  });
});

describe('browsing and searching the tree', () => {
  it('is for administrators only', async () => {
    const officer = await loggedIn(system().app, 'officer', 'chuyenvien.demo');
    expect((await officer.get(`${BASE}/children`)).json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    expect((await new Http(system().app, '10.5.0.2').get(`${BASE}/children`)).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('lists the tops of the tree with child counts, then the children of a node', async () => {
    const roots = (await admin.get(`${BASE}/children`)).json<Children>().items;
    expect(roots.filter((r) => r.kind === 'province')).toHaveLength(34);
    expect(roots.find((r) => r.id === ids.hanoi)).toMatchObject({ name: 'UBND thành phố Hà Nội', childCount: 126 });

    const qngai = (await admin.get(`${BASE}/children?parentId=${ids.qngai}`)).json<Children>().items;
    // Offices of the province first, then its 96 communes.
    expect(qngai[0]).toMatchObject({ name: 'Trung tâm Phục vụ hành chính công - tỉnh Quảng Ngãi', childCount: 0 });
    expect(qngai.filter((c) => c.kind === 'commune')).toHaveLength(96);
    expect(qngai.find((c) => c.id === ids.ward)).toMatchObject({ name: 'UBND phường Cẩm Thành', childCount: 2 });
  });

  it('shows a level-1 administrator only their province', async () => {
    const roots = (await level1.get(`${BASE}/children`)).json<Children>().items;
    expect(roots.map((r) => r.name)).toEqual(['UBND tỉnh Quảng Ngãi']);
    const res = await level1.get(`${BASE}/children?parentId=${ids.hanoi}`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await level1.get(`${BASE}/${ids.baDinh}`)).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('finds units by name without accents (every word) or by the start of the Mã định danh, with their path', async () => {
    const res = await admin.get(`${BASE}/search?q=${encodeURIComponent('mot cua cam thanh')}`);
    expect(res.statusCode).toBe(200);
    const hits = res.json<SearchResult>();
    expect(hits.items.map((i) => i.name)).toEqual(['Bộ phận Một cửa phường Cẩm Thành']);
    expect(hits.items[0]!.path.map((p) => p.name)).toEqual(['UBND tỉnh Quảng Ngãi', 'UBND phường Cẩm Thành']);

    const byCodePrefix = (await admin.get(`${BASE}/search?q=000.15.15`)).json<SearchResult>();
    expect(byCodePrefix.items.map((i) => i.code)).toEqual(['000.15.15.H48']);
    const baDinh = (await admin.get(`${BASE}/search?q=${encodeURIComponent('Ba Đình')}`)).json<SearchResult>();
    // Spelt as typed first ("Ba Đình" of Hà Nội and of Thanh Hóa), then "Xã Ba Dinh" of Quảng Ngãi.
    expect(baDinh.items.slice(0, 3).map((i) => i.name)).toEqual(['UBND xã Ba Đình', 'UBND phường Ba Đình', 'UBND xã Ba Dinh']);
    expect(baDinh.items[1]).toMatchObject({ path: [{ name: 'UBND thành phố Hà Nội' }] });
    // The level-1 administrator of Quảng Ngãi does not find Hà Nội's wards.
    expect((await level1.get(`${BASE}/search?q=phuong%20ba%20dinh`)).json<SearchResult>().total).toBe(0);
    expect((await level1.get(`${BASE}/search?q=ba%20dinh`)).json<SearchResult>().items.map((i) => i.name)).toEqual(['UBND xã Ba Dinh']);
    expect((await level1.get(`${BASE}/search?q=cam%20thanh`)).json<SearchResult>().total).toBeGreaterThanOrEqual(3);
  });

  it('pages through many hits', async () => {
    const p1 = (await admin.get(`${BASE}/search?q=ubnd%20xa&pageSize=5`)).json<SearchResult>();
    const p2 = (await admin.get(`${BASE}/search?q=ubnd%20xa&pageSize=5&page=2`)).json<SearchResult>();
    expect(p1.total).toBeGreaterThan(2000);
    expect(p1.items).toHaveLength(5);
    expect(p2.items).toHaveLength(5);
    expect(p2.items.map((i) => i.id)).not.toEqual(expect.arrayContaining([p1.items[0]!.id]));
  });

  it('shows one unit with its parent, officers and history', async () => {
    const desk = (await admin.get(`${BASE}/${ids.desk}`)).json<Detail>();
    expect(desk).toMatchObject({ code: '000.15.15.H48', kind: 'one_stop_desk', status: 'active', parent: { name: 'UBND phường Cẩm Thành' } });
    expect(desk.officerCount).toBe(2); // motcua.demo, buudien.demo
    const hanoi = (await admin.get(`${BASE}/${ids.hanoi}`)).json<Detail>();
    expect(hanoi.history).toEqual([expect.objectContaining({ change: 'created', effectiveDate: '2025-07-01', actorName: null })]);
    expect((await admin.get(`${BASE}/${newId()}`)).json()).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
  });
});

describe('changing the tree', () => {
  // Every test works on units of its own, under UBND phường Nghĩa Lộ (whose children no other
  // test counts) or under a root of its own, so the demo tree the browsing tests read stays as
  // the seed made it.
  /** A unit created through the API by the level-1 administrator (so it has its "created" history). */
  async function createUnit(over: Record<string, unknown> = {}): Promise<Detail> {
    const res = await level1.post(BASE, { code: uniqueAgencyCode(), name: 'Tổ công tác thử nghiệm', kind: 'other', parentId: ids.ward2, validFrom: '2026-01-01', ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Detail>();
  }

  it('creates a unit under one in scope, validating the Mã định danh', async () => {
    const code = uniqueAgencyCode();
    const body = { code: code.toLowerCase(), name: '  Phòng Kinh tế phường Nghĩa Lộ ', kind: 'department', parentId: ids.ward2, validFrom: '2026-01-01' };
    const res = await level1.post(BASE, body);
    expect(res.statusCode).toBe(201);
    const created = res.json<Detail>();
    expect(created).toMatchObject({ code, name: 'Phòng Kinh tế phường Nghĩa Lộ', parent: { id: ids.ward2 }, validFrom: '2026-01-01', officerCount: 0 });
    expect(created.history).toEqual([expect.objectContaining({ change: 'created', effectiveDate: '2026-01-01', actorName: 'Võ Thị Quản Lý' })]);
    const [audit] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'agency.create'), eq(auditLog.entityId, created.id)));
    expect(audit).toMatchObject({ agencyId: created.id, actorName: 'quantri.qngai.demo' });

    const again = await level1.post(BASE, { ...body, name: 'Phòng khác' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'AGENCY_CODE_TAKEN' });
    for (const bad of ['000.18.15', '00.18.15.H48', '000.18.15.H4', '000.18.15.148', 'abc']) {
      expect((await level1.post(BASE, { ...body, code: bad })).json(), bad).toMatchObject({ code: 'AGENCY_CODE_INVALID' });
    }
    const free = uniqueAgencyCode();
    expect((await level1.post(BASE, { ...body, code: free, name: '   ' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Hãy nhập Tên đơn vị.' });
    expect((await level1.post(BASE, { ...body, code: free, validFrom: '2026-02-30' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await level1.post(BASE, { ...body, code: free, parentId: newId() })).json()).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect(await system().deps.db.select().from(agencies).where(eq(agencies.code, free))).toEqual([]);
  });

  it('lets a national administrator create a top-level unit, not a level-1 one', async () => {
    const body = { code: '000.00.00.G01', name: 'Bộ Tư pháp', kind: 'ministry', parentId: null, validFrom: '2025-03-01' };
    expect((await level1.post(BASE, body)).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    const res = await admin.post(BASE, body);
    expect(res.statusCode).toBe(201);
    expect(res.json<Detail>()).toMatchObject({ parent: null, kind: 'ministry' });
  });

  it('renames, recodes and changes the kind, each with an effective date, history and audit row', async () => {
    const unit = await createUnit({ name: 'Phòng Kinh tế phường Nghĩa Lộ', kind: 'department' });
    const newCode = uniqueAgencyCode();
    const res = await level1.patch(`${BASE}/${unit.id}`, {
      name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Nghĩa Lộ',
      code: newCode,
      kind: 'other',
      effectiveDate: TODAY,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json<Detail>();
    expect(d).toMatchObject({ name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Nghĩa Lộ', code: newCode, kind: 'other' });
    expect(d.history.map((h) => h.change)).toEqual(expect.arrayContaining(['renamed', 'recoded', 'kind_changed', 'created']));
    expect(d.history.at(-1)!.change).toBe('created');
    expect(d.history.find((h) => h.change === 'renamed')).toMatchObject({
      effectiveDate: TODAY,
      before: { name: 'Phòng Kinh tế phường Nghĩa Lộ' },
      after: { name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Nghĩa Lộ' },
    });
    expect(d.history.find((h) => h.change === 'recoded')).toMatchObject({ before: { code: unit.code }, after: { code: newCode } });
    const audit = await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['agency.create', 'agency.rename', 'agency.recode', 'agency.kind_change']));
    expect(audit.every((a) => a.agencyId === unit.id)).toBe(true);
    // The new name is found by search.
    expect((await level1.get(`${BASE}/search?q=ha%20tang%20do%20thi`)).json<SearchResult>().items.map((i) => i.id)).toEqual([unit.id]);

    expect((await level1.patch(`${BASE}/${unit.id}`, { code: '000.15.15.H48', effectiveDate: TODAY })).json()).toMatchObject({ code: 'AGENCY_CODE_TAKEN' });
    expect((await level1.patch(`${BASE}/${unit.id}`, { code: '0001915H48', effectiveDate: TODAY })).json()).toMatchObject({ code: 'AGENCY_CODE_INVALID' });
    expect((await level1.patch(`${BASE}/${unit.id}`, { name: '', effectiveDate: TODAY })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    // A refused change leaves everything as it was.
    expect((await level1.get(`${BASE}/${unit.id}`)).json<Detail>().history).toHaveLength(4);
  });

  it('moves a unit to another parent in scope, refusing cycles', async () => {
    const unit = await createUnit({ name: 'Tổ công tác chuyển đơn vị', parentId: ids.ward });
    const moved = await level1.patch(`${BASE}/${unit.id}`, { parentId: ids.ward2, effectiveDate: TODAY });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Detail>()).toMatchObject({ parent: { id: ids.ward2 }, path: [{ id: ids.qngai }, { id: ids.ward2 }] });
    expect(moved.json<Detail>().history[0]).toMatchObject({
      change: 'moved',
      effectiveDate: TODAY,
      before: { parentName: 'UBND phường Cẩm Thành' },
      after: { parentName: 'UBND phường Nghĩa Lộ' },
    });

    // Into itself, or below itself.
    for (const parentId of [ids.ward, ids.desk]) {
      const res = await level1.patch(`${BASE}/${ids.ward}`, { parentId, effectiveDate: TODAY });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
    }
    expect((await admin.patch(`${BASE}/${ids.qngai}`, { parentId: ids.desk2, effectiveDate: TODAY })).json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
  });

  it('keeps a level-1 administrator inside their province, even through the API directly', async () => {
    const eff = { effectiveDate: TODAY };
    const attempts = [
      // Create under, rename, recode, move and merge units of Hà Nội.
      level1.post(BASE, { code: '000.20.01.H26', name: 'Bộ phận Một cửa phường Ba Đình', kind: 'one_stop_desk', parentId: ids.baDinh, validFrom: '2026-04-01' }),
      level1.patch(`${BASE}/${ids.hanoi}`, { name: 'UBND Quảng Ngãi mới', ...eff }),
      level1.patch(`${BASE}/${ids.baDinh}`, { code: '000.01.99.H26', ...eff }),
      level1.patch(`${BASE}/${ids.baDinh}`, { parentId: ids.qngai, ...eff }),
      // Pull one of their own units under Hà Nội.
      level1.patch(`${BASE}/${ids.desk2}`, { parentId: ids.hanoi, ...eff }),
      level1.post(`${BASE}/merge`, { sourceIds: [ids.baDinh], targetId: ids.ward, ...eff }),
      level1.post(`${BASE}/merge`, { sourceIds: [ids.centre], targetId: ids.hanoi, ...eff }),
      level1.post(`${BASE}/${ids.baDinh}/deactivate`, eff),
      // Their own root: its place in the tree is the national administrator's.
      level1.patch(`${BASE}/${ids.qngai}`, { parentId: ids.hanoi, ...eff }),
      level1.post(`${BASE}/${ids.qngai}/deactivate`, eff),
      level1.post(`${BASE}/merge`, { sourceIds: [ids.qngai], targetId: ids.centre, ...eff }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('OUT_OF_SCOPE');
    }
    expect((await level1.get(`${BASE}/${ids.qngai}`)).json<Detail>().canRestructure).toBe(false);
    expect((await admin.get(`${BASE}/${ids.qngai}`)).json<Detail>().canRestructure).toBe(true);
    // Nothing changed in Hà Nội.
    expect(await byCode('000.00.01.Z01')).toMatchObject({ name: 'UBND phường Ba Đình', parentId: ids.hanoi, status: 'active' });
    expect((await byCode('000.00.00.Z01')).name).toBe('UBND thành phố Hà Nội');
    // Renaming their own root is allowed.
    const renamed = await level1.patch(`${BASE}/${ids.qngai}`, { name: 'UBND tỉnh Quảng Ngãi', ...eff });
    expect(renamed.statusCode).toBe(200);
  });

  it('deactivates a unit only without active units below it, and reactivates it', async () => {
    const unit = await createUnit({ name: 'Tổ công tác tạm dừng hoạt động' });
    const blocked = await level1.post(`${BASE}/${ids.ward2}/deactivate`, { effectiveDate: TODAY });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'AGENCY_HAS_ACTIVE_CHILDREN' });
    expect((await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: '2025-12-31' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const res = await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: TODAY });
    expect(res.statusCode).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ status: 'inactive', validTo: TODAY });
    expect(res.json<Detail>().history[0]).toMatchObject({ change: 'deactivated', effectiveDate: TODAY });

    // Hidden from the tree and the search unless asked for.
    const children = (await level1.get(`${BASE}/children?parentId=${ids.ward2}`)).json<Children>().items;
    expect(children.map((c) => c.id)).not.toContain(unit.id);
    const all = (await level1.get(`${BASE}/children?parentId=${ids.ward2}&includeInactive=true`)).json<Children>().items;
    expect(all.find((c) => c.id === unit.id)).toMatchObject({ status: 'inactive' });
    expect((await level1.get(`${BASE}/search?q=tam%20dung%20hoat%20dong`)).json<SearchResult>().total).toBe(0);
    expect((await level1.get(`${BASE}/search?q=tam%20dung%20hoat%20dong&includeInactive=true`)).json<SearchResult>().total).toBe(1);

    // No new officers, and nothing new below it.
    const chuyenvien = await userId('chuyenvien.demo');
    expect((await level1.post(`/api/admin/users/${chuyenvien}/units`, { unitIds: [unit.id] })).json()).toMatchObject({ code: 'AGENCY_INACTIVE' });
    expect(
      (await level1.post(BASE, { code: uniqueAgencyCode(), name: 'Tổ công tác', kind: 'other', parentId: unit.id, validFrom: '2026-05-02' })).json(),
    ).toMatchObject({ code: 'AGENCY_INACTIVE' });

    const back = await level1.post(`${BASE}/${unit.id}/reactivate`, { effectiveDate: TODAY });
    expect(back.json<Detail>()).toMatchObject({ status: 'active', validTo: null });
    expect(back.json<Detail>().history[0]).toMatchObject({ change: 'reactivated', effectiveDate: TODAY });
  });

  it('merges units into another, keeping the old ones, their history, and moving their officers', async () => {
    // Two desks of Nghĩa Lộ, the first with an officer of its own.
    const source = await createUnit({ name: 'Bộ phận Một cửa điểm Nghĩa Lộ 1', kind: 'one_stop_desk' });
    const target = await createUnit({ name: 'Bộ phận Một cửa điểm Nghĩa Lộ 2', kind: 'one_stop_desk' });
    const officer = (await addOfficerAccount(system().deps.db, system().clock.now(), { unitIds: [source.id], permissions: ['CITIZEN_ACCOUNT_CREATE'] })).id;
    expect(await unitsOf(officer)).toEqual([source.id]);
    // Merge refusals first.
    const eff = { effectiveDate: TODAY };
    expect((await level1.post(`${BASE}/merge`, { sourceIds: [source.id], targetId: source.id, ...eff })).json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
    expect((await level1.post(`${BASE}/merge`, { sourceIds: [ids.ward], targetId: ids.desk, ...eff })).json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
    const withChildren = await level1.post(`${BASE}/merge`, { sourceIds: [ids.ward2], targetId: ids.ward, ...eff });
    expect(withChildren.json()).toMatchObject({ code: 'AGENCY_HAS_ACTIVE_CHILDREN' });
    expect(withChildren.json().message).toContain('UBND phường Nghĩa Lộ');

    const res = await level1.post(`${BASE}/merge`, { sourceIds: [source.id], targetId: target.id, moveOfficers: true, ...eff });
    expect(res.statusCode).toBe(200);
    const merged = res.json<Detail>();
    expect(merged).toMatchObject({ id: target.id, status: 'active', mergedFrom: [{ id: source.id, name: 'Bộ phận Một cửa điểm Nghĩa Lộ 1' }], officerCount: 1 });
    expect(merged.history[0]).toMatchObject({ change: 'merged', effectiveDate: TODAY, after: { mergedFrom: [{ id: source.id }], officersMoved: 1 } });

    const old = (await level1.get(`${BASE}/${source.id}`)).json<Detail>();
    expect(old).toMatchObject({ status: 'inactive', validTo: TODAY, successor: { id: target.id, name: 'Bộ phận Một cửa điểm Nghĩa Lộ 2' }, officerCount: 0 });
    expect(old.history[0]).toMatchObject({ change: 'merged', after: { successorId: target.id, officersMoved: 1 } });
    // The officer now works in the target unit; their move is in the audit log.
    expect(await unitsOf(officer)).toEqual([target.id]);
    const audit = await system()
      .deps.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, officer)));
    expect(audit.find((a) => a.action === 'user.unit_remove')).toMatchObject({ agencyId: source.id, before: { agencyId: source.id } });
    expect(audit.find((a) => a.action === 'user.unit_assign')).toMatchObject({ agencyId: target.id, after: { agencyId: target.id, mergedFrom: source.id } });
    const agencyAudit = await system()
      .deps.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'agency.merge'), eq(auditLog.entityId, source.id)));
    expect(agencyAudit).toHaveLength(1);
    // The merged unit stays in the tree (shown when inactive units are included) and takes no one.
    const ward2 = (await level1.get(`${BASE}/children?parentId=${ids.ward2}&includeInactive=true`)).json<Children>().items;
    expect(ward2.find((c) => c.id === source.id)).toMatchObject({ status: 'inactive', successor: { id: target.id } });
    expect((await level1.post(`/api/admin/users/${officer}/units`, { unitIds: [source.id] })).json()).toMatchObject({ code: 'AGENCY_INACTIVE' });
    // It cannot be merged twice, and nothing merges into it.
    expect((await level1.post(`${BASE}/merge`, { sourceIds: [source.id], targetId: ids.centre, ...eff })).json()).toMatchObject({ code: 'AGENCY_INACTIVE' });
    expect((await level1.post(`${BASE}/merge`, { sourceIds: [ids.centre], targetId: source.id, ...eff })).json()).toMatchObject({ code: 'AGENCY_INACTIVE' });
  });

  it('merges several communes at once, as in the 2025 reform, and leaves officers where they were unless asked', async () => {
    // Three communes of a root of this test's own (merging Quảng Ngãi's would change its tree).
    const db = system().deps.db;
    const now = system().clock.now();
    const root = await addUnit(db, now, { code: uniqueAgencyCode('G02'), name: 'Đơn vị thử nghiệm sáp nhập', kind: 'other', provinceCode: '01' });
    const [a, b, c] = await Promise.all(
      ['Xã Thử Nghiệm Một', 'Xã Thử Nghiệm Hai', 'Xã Thử Nghiệm Ba'].map((name) =>
        addUnit(db, now, { code: uniqueAgencyCode(), name, kind: 'commune', parentId: root, provinceCode: '01' }),
      ),
    );
    const officer = (await addOfficerAccount(db, now, { unitIds: [a!] })).id;
    const res = await admin.post(`${BASE}/merge`, { sourceIds: [a!, b!], targetId: c!, effectiveDate: TODAY });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json<Detail>()
        .mergedFrom.map((m) => m.id)
        .sort(),
    ).toEqual([a!, b!].sort());
    expect(await unitsOf(officer)).toContain(a!);
    expect((await admin.get(`${BASE}/${a!}`)).json<Detail>()).toMatchObject({ status: 'inactive', successor: { id: c! }, officerCount: 1 });
    // Reactivating a merged unit clears its successor.
    const back = (await admin.post(`${BASE}/${b!}/reactivate`, { effectiveDate: TODAY })).json<Detail>();
    expect(back).toMatchObject({ status: 'active', successor: null });
  });

  it('refuses to reactivate a unit whose parent is inactive', async () => {
    const parent = await admin.post(BASE, { code: '000.30.15.H48', name: 'Tổ công tác A', kind: 'other', parentId: ids.qngai, validFrom: '2026-01-01' });
    const child = await admin.post(BASE, { code: '000.31.15.H48', name: 'Tổ công tác A1', kind: 'other', parentId: parent.json<Detail>().id, validFrom: '2026-01-01' });
    const eff = { effectiveDate: TODAY };
    expect((await admin.post(`${BASE}/${child.json<Detail>().id}/deactivate`, eff)).statusCode).toBe(200);
    expect((await admin.post(`${BASE}/${parent.json<Detail>().id}/deactivate`, eff)).statusCode).toBe(200);
    const res = await admin.post(`${BASE}/${child.json<Detail>().id}/reactivate`, eff);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'AGENCY_INACTIVE' });
  });
});

describe('effective dates: a change dated later is scheduled and applied on its date (issue 15)', () => {
  const APPLY = 'agencies.scheduled-changes.apply';
  /** 1 January of next year, e.g. 2027-01-01. */
  const nextNewYear = () => `${Number(TODAY.slice(0, 4)) + 1}-01-01`;
  const vn = (iso: string) => iso.split('-').reverse().join('/');
  /** Moves the test clock to a moment of a day in Vietnam time and runs the schedule as its timer would. */
  async function runScheduleAt(isoDate: string, time = '00:05') {
    (system().clock as ManualClock).set(`${isoDate}T${time}:00+07:00`);
    await system().scheduler.run(APPLY);
    // Back to today, so that the sessions signed in today are still alive for what follows.
    system().resetClock();
  }
  async function newUnit(name: string, over: Record<string, unknown> = {}): Promise<Detail> {
    const res = await level1.post(BASE, { code: uniqueAgencyCode(), name, kind: 'other', parentId: ids.ward2, validFrom: '2026-01-01', ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Detail>();
  }
  const scheduledRow = async (id: string) => (await system().deps.db.select().from(agencyScheduledChanges).where(eq(agencyScheduledChanges.id, id)))[0]!;

  it('runs the schedule every 15 minutes in the running system', () => {
    expect(system().scheduler.schedules).toContainEqual({ name: APPLY, everyMs: 15 * 60_000 });
  });

  it('stores a rename dated 01/01 next year as planned, without applying it, and applies it on that date', async () => {
    const date = nextNewYear();
    const unit = await newUnit('Phòng Văn hóa - Thông tin phường Nghĩa Lộ');
    const res = await level1.patch(`${BASE}/${unit.id}`, { name: 'Phòng Văn hóa, Khoa học và Thông tin phường Nghĩa Lộ', effectiveDate: date });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Detail>();
    // Not applied: the unit keeps its name, its history has no rename; the change is planned.
    expect(d.name).toBe('Phòng Văn hóa - Thông tin phường Nghĩa Lộ');
    expect(d.history.map((h) => h.change)).toEqual(['created']);
    expect(d.planned).toMatchObject({ action: 'update', effectiveDate: date, name: 'Phòng Văn hóa, Khoa học và Thông tin phường Nghĩa Lộ' });
    expect(d.scheduledChanges).toEqual([expect.objectContaining({ id: d.planned!.id, status: 'pending', createdByName: 'Võ Thị Quản Lý', failure: null })]);
    // The tree and the search show it as planned; the old name is still the one searched.
    const children = (await level1.get(`${BASE}/children?parentId=${ids.ward2}`)).json<Children>().items;
    expect(children.find((c) => c.id === unit.id)!.planned).toMatchObject({ name: 'Phòng Văn hóa, Khoa học và Thông tin phường Nghĩa Lộ', effectiveDate: date });
    expect((await level1.get(`${BASE}/search?q=khoa%20hoc%20va%20thong%20tin`)).json<SearchResult>().total).toBe(0);
    // Listed among the scheduled changes of the administrator's scope, with the unit's path.
    const list = (await level1.get(`${BASE}/scheduled-changes?pageSize=100`)).json<Scheduled>();
    expect(list.items.find((i) => i.id === d.planned!.id)).toMatchObject({ unit: { id: unit.id }, path: [{ id: ids.qngai }, { id: ids.ward2 }], status: 'pending' });
    const [audit] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'agency.change_schedule'), eq(auditLog.entityId, unit.id)));
    expect(audit).toMatchObject({ actorName: 'quantri.qngai.demo', after: { scheduledChangeId: d.planned!.id, effectiveDate: date } });
    // One planned change at a time.
    const second = await level1.patch(`${BASE}/${unit.id}`, { code: uniqueAgencyCode(), effectiveDate: date });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'AGENCY_CHANGE_PENDING' });
    expect(second.json().message).toContain(vn(date));

    // The evening before (Vietnam time) the schedule leaves it alone…
    const dayBefore = `${Number(date.slice(0, 4)) - 1}-12-31`;
    await runScheduleAt(dayBefore, '23:55');
    expect((await byCode(unit.code)).name).toBe('Phòng Văn hóa - Thông tin phường Nghĩa Lộ');
    // …and just after midnight it applies it, as of its date, by the administrator who planned it.
    await runScheduleAt(date);
    const after = (await level1.get(`${BASE}/${unit.id}`)).json<Detail>();
    expect(after).toMatchObject({ name: 'Phòng Văn hóa, Khoa học và Thông tin phường Nghĩa Lộ', planned: null });
    expect(after.history[0]).toMatchObject({ change: 'renamed', effectiveDate: date, actorName: 'Võ Thị Quản Lý', after: { name: 'Phòng Văn hóa, Khoa học và Thông tin phường Nghĩa Lộ' } });
    expect(after.scheduledChanges[0]).toMatchObject({ status: 'applied' });
    const [renamed] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'agency.rename'), eq(auditLog.entityId, unit.id)));
    expect(renamed).toMatchObject({ actorId: await userId('quantri.qngai.demo'), after: { scheduledChangeId: d.planned!.id, effectiveDate: date } });
    // Running again changes nothing.
    await runScheduleAt(date);
    expect((await level1.get(`${BASE}/${unit.id}`)).json<Detail>().history).toHaveLength(2);
  });

  it('schedules a move and a deactivation too, units below stopping the same day first', async () => {
    const date = nextNewYear();
    const parent = await newUnit('Tổ công tác sẽ giải thể');
    const child = await newUnit('Tổ con sẽ giải thể', { parentId: parent.id });
    const mover = await newUnit('Tổ công tác sẽ chuyển');
    const receiver = await newUnit('Tổ công tác sẽ nhận đơn vị chuyển đến');
    // The parent cannot stop while its child is active and not itself planned to stop by then.
    expect((await level1.post(`${BASE}/${parent.id}/deactivate`, { effectiveDate: date })).json()).toMatchObject({ code: 'AGENCY_HAS_ACTIVE_CHILDREN' });
    expect((await level1.post(`${BASE}/${child.id}/deactivate`, { effectiveDate: date })).statusCode).toBe(200);
    const planned = await level1.post(`${BASE}/${parent.id}/deactivate`, { effectiveDate: date });
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json<Detail>()).toMatchObject({ status: 'active', validTo: null, planned: { action: 'deactivate', effectiveDate: date } });
    const move = await level1.patch(`${BASE}/${mover.id}`, { parentId: receiver.id, effectiveDate: date });
    expect(move.json<Detail>()).toMatchObject({ parent: { id: ids.ward2 }, planned: { action: 'update', parent: { id: receiver.id, name: 'Tổ công tác sẽ nhận đơn vị chuyển đến' } } });

    await runScheduleAt(date);
    expect((await level1.get(`${BASE}/${child.id}`)).json<Detail>()).toMatchObject({ status: 'inactive', validTo: date });
    expect((await level1.get(`${BASE}/${parent.id}`)).json<Detail>()).toMatchObject({ status: 'inactive', validTo: date, planned: null });
    const moved = (await level1.get(`${BASE}/${mover.id}`)).json<Detail>();
    expect(moved).toMatchObject({ parent: { id: receiver.id }, planned: null });
    expect(moved.history[0]).toMatchObject({ change: 'moved', effectiveDate: date });
  });

  it('lets an administrator of the unit cancel a planned change, which then never applies', async () => {
    const date = nextNewYear();
    const unit = await newUnit('Tổ công tác giữ nguyên tên');
    const planned = (await level1.patch(`${BASE}/${unit.id}`, { name: 'Tên sẽ không dùng', effectiveDate: date })).json<Detail>().planned!;
    const url = `${BASE}/${unit.id}/scheduled-changes/${planned.id}/cancel`;
    // Not another province's administrator, nor an officer without the role.
    const officer = await loggedIn(system().app, 'officer', 'chuyenvien.demo');
    expect((await officer.post(url, {})).json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    expect((await level1.post(`${BASE}/${ids.baDinh}/scheduled-changes/${planned.id}/cancel`, {})).json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await level1.post(`${BASE}/${unit.id}/scheduled-changes/${newId()}/cancel`, {})).json()).toMatchObject({ code: 'AGENCY_CHANGE_NOT_FOUND' });

    const res = await level1.post(url, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ planned: null, scheduledChanges: [{ id: planned.id, status: 'cancelled' }] });
    expect((await level1.post(url, {})).json()).toMatchObject({ code: 'AGENCY_CHANGE_NOT_PENDING' });
    const [audit] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'agency.change_cancel'), eq(auditLog.entityId, unit.id)));
    expect(audit).toMatchObject({ actorName: 'quantri.qngai.demo', after: { scheduledChangeId: planned.id, status: 'cancelled' } });
    expect((await level1.get(`${BASE}/scheduled-changes?pageSize=100`)).json<Scheduled>().items.map((i) => i.id)).not.toContain(planned.id);

    await runScheduleAt(date);
    expect((await byCode(unit.code)).name).toBe('Tổ công tác giữ nguyên tên');
    // A new change can be planned once the first is cancelled.
    expect((await level1.patch(`${BASE}/${unit.id}`, { name: 'Tên mới sau khi hủy', effectiveDate: `${date.slice(0, 4)}-02-01` })).json<Detail>().planned).not.toBeNull();
  });

  it('marks a planned change failed, with the reason, when the unit no longer allows it on its date', async () => {
    const date = nextNewYear();
    const unit = await newUnit('Tổ công tác đổi mã');
    const wanted = uniqueAgencyCode();
    const planned = (await level1.patch(`${BASE}/${unit.id}`, { code: wanted, effectiveDate: date })).json<Detail>().planned!;
    // Meanwhile another unit takes that code.
    await newUnit('Tổ công tác lấy mã trước', { code: wanted });
    await runScheduleAt(date);
    const row = await scheduledRow(planned.id);
    expect(row).toMatchObject({ status: 'failed', failure: 'Mã định danh này đã được dùng cho đơn vị khác.' });
    expect((await byCode(unit.code)).id).toBe(unit.id);
    const detail = (await level1.get(`${BASE}/${unit.id}`)).json<Detail>();
    expect(detail).toMatchObject({ planned: null, scheduledChanges: [{ status: 'failed', failure: 'Mã định danh này đã được dùng cho đơn vị khác.' }] });
    const [audit] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'agency.change_apply_failed'), eq(auditLog.entityId, unit.id)));
    expect(audit).toMatchObject({ after: { scheduledChangeId: planned.id, code: 'AGENCY_CODE_TAKEN' } });
  });

  it('marks a planned deactivation failed, not applied, when the unit stopped before its date', async () => {
    const date = nextNewYear();
    const unit = await newUnit('Tổ công tác ngừng sớm');
    const planned = (await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: date })).json<Detail>().planned!;
    expect((await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: TODAY })).json<Detail>()).toMatchObject({ status: 'inactive', validTo: TODAY });
    await runScheduleAt(date);
    expect(await scheduledRow(planned.id)).toMatchObject({ status: 'failed', failure: 'Đơn vị đã ngừng hoạt động trước ngày này; không còn gì để thay đổi.' });
    // The unit keeps the day it really stopped.
    const detail = (await level1.get(`${BASE}/${unit.id}`)).json<Detail>();
    expect(detail).toMatchObject({ status: 'inactive', validTo: TODAY });
    expect(detail.history.filter((h) => h.change === 'deactivated')).toHaveLength(1);
  });

  it('refuses a date before today with a clear message; today applies at once; merges and reactivations only today', async () => {
    const unit = await newUnit('Tổ công tác ngày hiệu lực');
    const yesterday = new Date(Date.parse(`${TODAY}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const past = await level1.patch(`${BASE}/${unit.id}`, { name: 'Tên lùi ngày', effectiveDate: yesterday });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'AGENCY_EFFECTIVE_DATE_PAST' });
    expect(past.json().message).toBe(
      `Ngày hiệu lực ${vn(yesterday)} đã qua. Hãy chọn ngày hôm nay (${vn(TODAY)}) để thay đổi có hiệu lực ngay, hoặc một ngày sau hôm nay để lên lịch thay đổi.`,
    );
    expect((await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: yesterday })).json()).toMatchObject({ code: 'AGENCY_EFFECTIVE_DATE_PAST' });
    expect((await level1.get(`${BASE}/${unit.id}`)).json<Detail>()).toMatchObject({ name: 'Tổ công tác ngày hiệu lực', status: 'active', planned: null });

    const now = await level1.patch(`${BASE}/${unit.id}`, { name: 'Tên có hiệu lực hôm nay', effectiveDate: TODAY });
    expect(now.json<Detail>()).toMatchObject({ name: 'Tên có hiệu lực hôm nay', planned: null, history: [{ change: 'renamed', effectiveDate: TODAY }, { change: 'created' }] });

    const other = await newUnit('Tổ công tác nhận sáp nhập');
    const merge = await level1.post(`${BASE}/merge`, { sourceIds: [unit.id], targetId: other.id, effectiveDate: nextNewYear() });
    expect(merge.statusCode).toBe(400);
    expect(merge.json()).toMatchObject({ code: 'AGENCY_EFFECTIVE_DATE_FUTURE' });
    expect((await byCode(unit.code)).status).toBe('active');
    expect((await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: TODAY })).json<Detail>().status).toBe('inactive');
    expect((await level1.post(`${BASE}/${unit.id}/reactivate`, { effectiveDate: nextNewYear() })).json()).toMatchObject({ code: 'AGENCY_EFFECTIVE_DATE_FUTURE' });
  });
});

describe('units with the same name in two provinces (issue 15)', () => {
  async function laoCaiNghiaLo() {
    const [a] = await system().deps.db.select().from(agencies).where(and(eq(agencies.adminUnitCode, '04288'), eq(agencies.kind, 'commune')));
    return a!;
  }

  it('gives every unit picker the path of each unit, so the two "UBND phường Nghĩa Lộ" differ', async () => {
    const lc = await laoCaiNghiaLo();
    expect(lc.name).toBe('UBND phường Nghĩa Lộ');
    const res = await admin.get(`${BASE}/paths?ids=${ids.ward2},${lc.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<Paths>().items;
    expect(items.find((i) => i.id === ids.ward2)!.path.map((p) => p.name)).toEqual(['UBND tỉnh Quảng Ngãi']);
    expect(items.find((i) => i.id === lc.id)!.path.map((p) => p.name)).toEqual(['UBND tỉnh Lào Cai']);
    // A level-1 administrator gets the paths of their own units only.
    expect((await level1.get(`${BASE}/paths?ids=${ids.ward2},${lc.id}`)).json<Paths>().items.map((i) => i.id)).toEqual([ids.ward2]);
    expect((await admin.get(`${BASE}/paths?ids=abc`)).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const officer = await loggedIn(system().app, 'officer', 'chuyenvien.demo');
    expect((await officer.get(`${BASE}/paths?ids=${ids.ward2}`)).json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
  });

  it('moves a unit to another province only with an explicit confirmation, naming both paths', async () => {
    const lc = await laoCaiNghiaLo();
    const unit = (
      await admin.post(BASE, { code: uniqueAgencyCode(), name: 'Tổ công tác chuyển tỉnh', kind: 'other', parentId: ids.ward2, validFrom: '2026-01-01' })
    ).json<Detail>();
    const refused = await admin.patch(`${BASE}/${unit.id}`, { parentId: lc.id, effectiveDate: TODAY });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'AGENCY_CROSS_PROVINCE_CONFIRM_REQUIRED',
      details: {
        fromPath: 'UBND tỉnh Quảng Ngãi › UBND phường Nghĩa Lộ › Tổ công tác chuyển tỉnh',
        toPath: 'UBND tỉnh Lào Cai › UBND phường Nghĩa Lộ › Tổ công tác chuyển tỉnh',
      },
    });
    expect(refused.json().message).toContain('Chuyển đơn vị sang tỉnh khác?');
    expect((await byCode(unit.code)).parentId).toBe(ids.ward2);
    expect((await admin.patch(`${BASE}/${unit.id}`, { parentId: lc.id, effectiveDate: TODAY, confirmCrossProvince: false })).statusCode).toBe(409);

    const moved = await admin.patch(`${BASE}/${unit.id}`, { parentId: lc.id, effectiveDate: TODAY, confirmCrossProvince: true });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Detail>()).toMatchObject({ parent: { id: lc.id }, provinceCode: lc.provinceCode });
    // Within one province no confirmation is asked (the moves above, by the level-1 administrator).
  });
});

describe('top-level units: ministries, banks, payment intermediaries (issue 15)', () => {
  const tops = [
    { kind: 'ministry', name: 'Bộ Công Thương' },
    { kind: 'bank', name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam' },
    { kind: 'payment_intermediary', name: 'Công ty Cổ phần Thanh toán Quốc gia Việt Nam' },
  ] as const;

  it('are created by a national administrator and appear at the top of the tree', async () => {
    for (const [i, t] of tops.entries()) {
      const code = `000.00.0${i + 1}.G9${i}`;
      const res = await admin.post(BASE, { code, name: t.name, kind: t.kind, parentId: null, validFrom: TODAY });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<Detail>()).toMatchObject({ kind: t.kind, parent: null, path: [], history: [{ change: 'created', actorName: 'Nguyễn Quản Trị' }] });
    }
    const roots = (await admin.get(`${BASE}/children`)).json<Children>().items;
    for (const t of tops) expect(roots.find((r) => r.name === t.name)).toMatchObject({ kind: t.kind, parentId: null });
    // A commune or a desk has a parent.
    expect((await admin.post(BASE, { code: '000.00.09.G99', name: 'UBND xã không có tỉnh', kind: 'commune', parentId: null, validFrom: TODAY })).json()).toMatchObject({
      code: 'AGENCY_TOP_LEVEL_KIND',
    });
  });

  it('are refused to a level-1 administrator and to officers who are not administrators, each refusal audited', async () => {
    const officer = await loggedIn(system().app, 'officer', 'chuyenvien.demo');
    for (const [i, t] of tops.entries()) {
      const body = { code: `000.00.1${i}.G8${i}`, name: t.name, kind: t.kind, parentId: null, validFrom: TODAY };
      const byLevel1 = await level1.post(BASE, body);
      expect(byLevel1.statusCode).toBe(403);
      expect(byLevel1.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
      expect((await officer.post(BASE, body)).json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
      expect(await system().deps.db.select().from(agencies).where(eq(agencies.code, body.code))).toEqual([]);
    }
    const denied = await system()
      .deps.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.actorId, await userId('quantri.qngai.demo'))));
    expect(denied.filter((d) => (d.after as { route?: string; code?: string }).route === BASE && (d.after as { code?: string }).code === 'OUT_OF_SCOPE').length).toBeGreaterThanOrEqual(3);
  });
});
