import { and, count, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addOfficerAccount, addUnit, uniqueAgencyCode } from '../../../../tests/support/fixtures.js';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { getAgency, listAgencyChildren, searchAgencies } from '../../../common/api/agencies.js';
import type { Reply } from '../../../common/api/contract.js';
import { searchKey } from '../../../common/text.js';
import { isAgencyCode } from '../../../common/vn-ids.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../../platform/tables.js';
import { userUnits, users } from '../users/tables.js';
import { seedReferenceAgencies } from './reference.js';
import { agencies, agencyHistory } from './tables.js';

const system = useTestSystem();
const BASE = '/api/admin/agencies';

type Detail = Reply<typeof getAgency>;
type SearchResult = Reply<typeof searchAgencies>;
type Children = Reply<typeof listAgencyChildren>;

let admin: Http;
let level1: Http;
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
    const res = await admin.patch(`${BASE}/${cao.id}`, { kind: 'other', effectiveDate: '2026-01-01' });
    expect(res.json()).toMatchObject({ kind: 'other' });
    expect(await seedReferenceAgencies(db, system().clock)).toBe(0);
    const same = await db.select().from(agencies).where(eq(agencies.adminUnitCode, cao.adminUnitCode!));
    expect(same.map((a) => a.id)).toEqual([cao.id]);
    await admin.patch(`${BASE}/${cao.id}`, { kind: 'commune', effectiveDate: '2026-01-02' });
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
      effectiveDate: '2026-03-01',
    });
    expect(res.statusCode).toBe(200);
    const d = res.json<Detail>();
    expect(d).toMatchObject({ name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Nghĩa Lộ', code: newCode, kind: 'other' });
    expect(d.history.map((h) => h.change)).toEqual(expect.arrayContaining(['renamed', 'recoded', 'kind_changed', 'created']));
    expect(d.history.at(-1)!.change).toBe('created');
    expect(d.history.find((h) => h.change === 'renamed')).toMatchObject({
      effectiveDate: '2026-03-01',
      before: { name: 'Phòng Kinh tế phường Nghĩa Lộ' },
      after: { name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Nghĩa Lộ' },
    });
    expect(d.history.find((h) => h.change === 'recoded')).toMatchObject({ before: { code: unit.code }, after: { code: newCode } });
    const audit = await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['agency.create', 'agency.rename', 'agency.recode', 'agency.kind_change']));
    expect(audit.every((a) => a.agencyId === unit.id)).toBe(true);
    // The new name is found by search.
    expect((await level1.get(`${BASE}/search?q=ha%20tang%20do%20thi`)).json<SearchResult>().items.map((i) => i.id)).toEqual([unit.id]);

    expect((await level1.patch(`${BASE}/${unit.id}`, { code: '000.15.15.H48', effectiveDate: '2026-03-01' })).json()).toMatchObject({ code: 'AGENCY_CODE_TAKEN' });
    expect((await level1.patch(`${BASE}/${unit.id}`, { code: '0001915H48', effectiveDate: '2026-03-01' })).json()).toMatchObject({ code: 'AGENCY_CODE_INVALID' });
    expect((await level1.patch(`${BASE}/${unit.id}`, { name: '', effectiveDate: '2026-03-01' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    // A refused change leaves everything as it was.
    expect((await level1.get(`${BASE}/${unit.id}`)).json<Detail>().history).toHaveLength(4);
  });

  it('moves a unit to another parent in scope, refusing cycles', async () => {
    const unit = await createUnit({ name: 'Tổ công tác chuyển đơn vị', parentId: ids.ward });
    const moved = await level1.patch(`${BASE}/${unit.id}`, { parentId: ids.ward2, effectiveDate: '2026-04-01' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Detail>()).toMatchObject({ parent: { id: ids.ward2 }, path: [{ id: ids.qngai }, { id: ids.ward2 }] });
    expect(moved.json<Detail>().history[0]).toMatchObject({
      change: 'moved',
      effectiveDate: '2026-04-01',
      before: { parentName: 'UBND phường Cẩm Thành' },
      after: { parentName: 'UBND phường Nghĩa Lộ' },
    });

    // Into itself, or below itself.
    for (const parentId of [ids.ward, ids.desk]) {
      const res = await level1.patch(`${BASE}/${ids.ward}`, { parentId, effectiveDate: '2026-04-01' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
    }
    expect((await admin.patch(`${BASE}/${ids.qngai}`, { parentId: ids.desk2, effectiveDate: '2026-04-01' })).json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
  });

  it('keeps a level-1 administrator inside their province, even through the API directly', async () => {
    const eff = { effectiveDate: '2026-04-01' };
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
    const blocked = await level1.post(`${BASE}/${ids.ward2}/deactivate`, { effectiveDate: '2026-05-01' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'AGENCY_HAS_ACTIVE_CHILDREN' });
    expect((await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: '2025-12-31' })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const res = await level1.post(`${BASE}/${unit.id}/deactivate`, { effectiveDate: '2026-05-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ status: 'inactive', validTo: '2026-05-01' });
    expect(res.json<Detail>().history[0]).toMatchObject({ change: 'deactivated', effectiveDate: '2026-05-01' });

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

    const back = await level1.post(`${BASE}/${unit.id}/reactivate`, { effectiveDate: '2026-06-01' });
    expect(back.json<Detail>()).toMatchObject({ status: 'active', validTo: null });
    expect(back.json<Detail>().history[0]).toMatchObject({ change: 'reactivated', effectiveDate: '2026-06-01' });
  });

  it('merges units into another, keeping the old ones, their history, and moving their officers', async () => {
    // Two desks of Nghĩa Lộ, the first with an officer of its own.
    const source = await createUnit({ name: 'Bộ phận Một cửa điểm Nghĩa Lộ 1', kind: 'one_stop_desk' });
    const target = await createUnit({ name: 'Bộ phận Một cửa điểm Nghĩa Lộ 2', kind: 'one_stop_desk' });
    const officer = (await addOfficerAccount(system().deps.db, system().clock.now(), { unitIds: [source.id], permissions: ['CITIZEN_ACCOUNT_CREATE'] })).id;
    expect(await unitsOf(officer)).toEqual([source.id]);
    // Merge refusals first.
    const eff = { effectiveDate: '2026-07-01' };
    expect((await level1.post(`${BASE}/merge`, { sourceIds: [source.id], targetId: source.id, ...eff })).json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
    expect((await level1.post(`${BASE}/merge`, { sourceIds: [ids.ward], targetId: ids.desk, ...eff })).json()).toMatchObject({ code: 'AGENCY_MOVE_INVALID' });
    const withChildren = await level1.post(`${BASE}/merge`, { sourceIds: [ids.ward2], targetId: ids.ward, ...eff });
    expect(withChildren.json()).toMatchObject({ code: 'AGENCY_HAS_ACTIVE_CHILDREN' });
    expect(withChildren.json().message).toContain('UBND phường Nghĩa Lộ');

    const res = await level1.post(`${BASE}/merge`, { sourceIds: [source.id], targetId: target.id, moveOfficers: true, ...eff });
    expect(res.statusCode).toBe(200);
    const merged = res.json<Detail>();
    expect(merged).toMatchObject({ id: target.id, status: 'active', mergedFrom: [{ id: source.id, name: 'Bộ phận Một cửa điểm Nghĩa Lộ 1' }], officerCount: 1 });
    expect(merged.history[0]).toMatchObject({ change: 'merged', effectiveDate: '2026-07-01', after: { mergedFrom: [{ id: source.id }], officersMoved: 1 } });

    const old = (await level1.get(`${BASE}/${source.id}`)).json<Detail>();
    expect(old).toMatchObject({ status: 'inactive', validTo: '2026-07-01', successor: { id: target.id, name: 'Bộ phận Một cửa điểm Nghĩa Lộ 2' }, officerCount: 0 });
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
    const res = await admin.post(`${BASE}/merge`, { sourceIds: [a!, b!], targetId: c!, effectiveDate: '2026-07-01' });
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
    const back = (await admin.post(`${BASE}/${b!}/reactivate`, { effectiveDate: '2026-08-01' })).json<Detail>();
    expect(back).toMatchObject({ status: 'active', successor: null });
  });

  it('refuses to reactivate a unit whose parent is inactive', async () => {
    const parent = await admin.post(BASE, { code: '000.30.15.H48', name: 'Tổ công tác A', kind: 'other', parentId: ids.qngai, validFrom: '2026-01-01' });
    const child = await admin.post(BASE, { code: '000.31.15.H48', name: 'Tổ công tác A1', kind: 'other', parentId: parent.json<Detail>().id, validFrom: '2026-01-01' });
    const eff = { effectiveDate: '2026-02-01' };
    expect((await admin.post(`${BASE}/${child.json<Detail>().id}/deactivate`, eff)).statusCode).toBe(200);
    expect((await admin.post(`${BASE}/${parent.json<Detail>().id}/deactivate`, eff)).statusCode).toBe(200);
    const res = await admin.post(`${BASE}/${child.json<Detail>().id}/reactivate`, eff);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'AGENCY_INACTIVE' });
  });
});
