// "Nhật ký hệ thống": filters, newest first, the administrator's scope (a level-1 administrator
// never reads another province's rows, even through the API directly), no secrets.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { addHanoiOfficer } from '../../../../tests/support/fixtures.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { listAuditLog } from '../../../common/api/audit-viewer.js';
import type { Reply } from '../../../common/api/contract.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../../platform/tables.js';
import { agencies } from '../agencies/tables.js';
import { users } from '../users/tables.js';

const system = useTestSystem();

type Page = Reply<typeof listAuditLog>;
type Item = Page['items'][number];

let admin: Http;
let level1: Http;
const ids: Record<string, string> = {};

const list = async (h: Http, q = '') => {
  const res = await h.get(`${listAuditLog.url}?pageSize=100&${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};

/** Every row the client can read, all pages. */
async function everything(h: Http, q = ''): Promise<Item[]> {
  const out: Item[] = [];
  for (let page = 1; ; page++) {
    const p = await list(h, `${q}&page=${page}`);
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) return out;
  }
}

async function userId(username: string): Promise<string> {
  const [u] = await system().deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

async function agencyId(code: string): Promise<string> {
  const [a] = await system().deps.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return a!.id;
}

async function auditRow(values: Partial<typeof auditLog.$inferInsert> & { action: string; entityType: string; at: Date }) {
  const id = newId();
  await system().deps.db.insert(auditLog).values({ id, ...values });
  return id;
}

beforeAll(async () => {
  const db = system().deps.db;
  const now = system().clock.now();
  ids.desk = await agencyId('000.15.15.H48');
  ids.chuyenvien = await userId('chuyenvien.demo');
  ids.motcua = await userId('motcua.demo');
  // Hà Nội: a desk and its officer, outside the Quảng Ngãi level-1 administrator's subtree.
  const passwordHash = (await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, ids.motcua!)))[0]!.h;
  const outside = await addHanoiOfficer(db, now, { code: '000.15.15.H26', passwordHash, assign: false });
  ids.hanoi = outside.unitId;
  ids.hanoiOfficer = outside.officerId;

  admin = await loggedIn(system().app, 'officer', 'admin.demo');
  level1 = await loggedIn(system().app, 'officer', 'quantri.qngai.demo');
  // Rows written by the real flows: assignments in each province, sign-ins of their officers.
  expect((await admin.post(`/api/admin/users/${ids.hanoiOfficer}/units`, { unitIds: [ids.hanoi] })).statusCode).toBe(200);
  expect((await admin.post(`/api/admin/users/${ids.chuyenvien}/units`, { unitIds: [ids.desk] })).statusCode).toBe(200);
  await loggedIn(system().app, 'officer', 'hanoi.officer');
  await loggedIn(system().app, 'officer', 'motcua.demo');
  await loggedIn(system().app, 'citizen', '001090000001');
  const failed = await new Http(system().app, '10.77.0.1').login('officer', 'hanoi.officer', 'Sai@mat-khau1');
  expect(failed.statusCode).toBe(401);

  // A row about a Quảng Ngãi officer tagged with a Hà Nội unit: Hà Nội's history, hidden from Quảng Ngãi.
  ids.crossRow = await auditRow({ at: now, action: 'user.unit_remove', entityType: 'user', entityId: ids.motcua, before: { agencyId: ids.hanoi }, agencyId: ids.hanoi });
  // A careless module's row with secrets in it.
  ids.secretRow = await auditRow({
    at: now,
    actorId: ids.motcua,
    actorName: 'motcua.demo',
    action: 'citizen_account_request.otp_sent',
    entityType: 'citizen_account_request',
    entityId: newId(),
    agencyId: ids.desk,
    after: { phone: '0351239999', code: '482913', otp: '482913', codeHmac: 'c0ffee', passwordHash: '$argon2id$v=19$x', nested: { token: 'tok', password: 'Demo@2026', keep: 'ok' }, mustChangePassword: true },
  });
  // Around midnight of 01/03/2026 → 02/03/2026, Vietnam time.
  ids.lateFirst = await auditRow({ at: new Date('2026-03-01T16:59:00Z'), action: 'user.activate', entityType: 'user', entityId: ids.chuyenvien, agencyId: ids.desk });
  ids.earlySecond = await auditRow({ at: new Date('2026-03-01T17:00:00Z'), action: 'user.deactivate', entityType: 'user', entityId: ids.chuyenvien, agencyId: ids.desk });
});

describe('Nhật ký hệ thống', () => {
  it('is for administrators only', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua2.demo');
    const res = await officer.get('/api/admin/audit-log');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'ADMIN_REQUIRED' });
    expect((await new Http(system().app).get('/api/admin/audit-log')).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    const citizen = await loggedIn(system().app, 'citizen', '001090000001');
    expect((await citizen.get('/api/admin/audit-log')).statusCode).toBe(401);
  });

  it('lists every row for a national administrator, newest first, with readable labels', async () => {
    const all = await everything(admin);
    const times = all.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const assign = all.find((i) => i.action === 'user.unit_assign' && i.entityId === ids.chuyenvien)!;
    expect(assign).toMatchObject({
      actionLabel: 'Gán người dùng vào đơn vị',
      actorLabel: 'Nguyễn Quản Trị (admin.demo)',
      entityLabel: 'Lê Văn Hùng (chuyenvien.demo)',
      unit: { code: '000.15.15.H48', name: 'Bộ phận Một cửa phường Cẩm Thành' },
      after: { agencyId: ids.desk },
      ip: '127.0.0.1',
    });
    expect(assign.refs[ids.desk!]).toBe('000.15.15.H48 Bộ phận Một cửa phường Cẩm Thành');
    expect(all.some((i) => i.entityId === ids.hanoiOfficer && i.action === 'auth.login')).toBe(true);
    expect(all.some((i) => i.id === ids.crossRow)).toBe(true);
    const failed = all.find((i) => i.action === 'auth.login_failed')!;
    expect(failed).toMatchObject({ actionLabel: 'Đăng nhập không thành công', entityLabel: 'Hoàng Văn Hà (hanoi.officer)', ip: '10.77.0.1' });
  });

  it("never shows a level-1 administrator another province's rows", async () => {
    const mine = await everything(level1);
    expect(mine.length).toBeGreaterThan(0);
    // Their own officers' rows are there: an assignment in the province, a sign-in.
    expect(mine.some((i) => i.action === 'user.unit_assign' && i.entityId === ids.chuyenvien)).toBe(true);
    expect(mine.some((i) => i.action === 'auth.login' && i.entityId === ids.motcua)).toBe(true);
    // Nothing of Hà Nội: no row of its unit, none about its officer, not the Hà Nội row about a
    // Quảng Ngãi officer, and no citizen sign-in (citizens belong to no unit).
    for (const i of mine) {
      expect(i.unit?.id, i.action).not.toBe(ids.hanoi);
      expect(i.entityId, i.action).not.toBe(ids.hanoiOfficer);
      expect(i.actorId, i.action).not.toBe(ids.hanoiOfficer);
      expect(JSON.stringify(i)).not.toContain('Ba Đình');
    }
    expect(mine.some((i) => i.id === ids.crossRow)).toBe(false);
    expect(mine.some((i) => i.entityLabel?.includes('001090000001'))).toBe(false);

    // Asking for them directly does not help.
    expect((await list(level1, 'subject=hoang%20van%20ha')).total).toBe(0);
    expect((await list(level1, `subject=${ids.hanoiOfficer}`)).total).toBe(0);
    expect((await list(level1, 'actor=hanoi.officer')).total).toBe(0);
    const outside = await level1.get(`/api/admin/audit-log?unitId=${ids.hanoi}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await list(admin, `subject=${ids.hanoiOfficer}`)).total).toBeGreaterThanOrEqual(3);
  });

  it('filters by action, actor (accent-insensitive, or username), user concerned and unit', async () => {
    const logins = await list(admin, 'action=auth.login&actor=nguyen%20quan%20tri');
    expect(logins.total).toBeGreaterThanOrEqual(1);
    expect(logins.items.every((i) => i.action === 'auth.login' && i.actorLabel === 'Nguyễn Quản Trị (admin.demo)')).toBe(true);
    expect((await list(admin, 'action=auth.login&actor=admin.demo')).total).toBe(logins.total);

    const aboutHung = await list(admin, 'subject=L%C3%AA%20V%C4%83n%20H%C3%B9ng');
    expect(new Set(aboutHung.items.map((i) => i.entityId))).toEqual(new Set([ids.chuyenvien]));
    expect(aboutHung.items.map((i) => i.action)).toEqual(expect.arrayContaining(['user.unit_assign', 'user.activate', 'user.deactivate']));
    // By CMND/CCCD: the demo citizen's sign-ins.
    const citizen = await list(admin, 'subject=001090000001');
    expect(citizen.total).toBeGreaterThanOrEqual(1);
    expect(new Set(citizen.items.map((i) => `${i.action} ${i.entityLabel}`))).toEqual(new Set(['auth.login Nguyễn Văn An (001090000001)']));

    const desk = await everything(level1, `unitId=${ids.desk}`);
    expect(desk.some((i) => i.id === ids.secretRow)).toBe(true);
    expect(desk.some((i) => i.action === 'auth.login' && i.entityId === ids.motcua)).toBe(true);
    // quantri's own sign-in is about an officer of the province unit, not of the desk.
    expect(desk.some((i) => i.action === 'auth.login' && i.actorLabel?.includes('quantri.qngai.demo'))).toBe(false);
    expect((await list(admin, 'actor=khong%20co%20ai%20ten%20nay')).total).toBe(0);
  });

  it('filters by calendar days of Vietnam time', async () => {
    const first = await list(admin, 'from=2026-03-01&to=2026-03-01');
    expect(first.items.map((i) => i.id)).toEqual([ids.lateFirst]);
    const second = await list(admin, 'from=2026-03-02&to=2026-03-02');
    expect(second.items.map((i) => i.id)).toEqual([ids.earlySecond]);
    expect((await list(level1, 'from=2026-03-01&to=2026-03-02')).items.map((i) => i.id)).toEqual([ids.earlySecond, ids.lateFirst]);
    const bad = await admin.get('/api/admin/audit-log?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '"Từ ngày" phải là một ngày có dạng YYYY-MM-DD.' });
    expect((await admin.get('/api/admin/audit-log?from=2026-03-02&to=2026-03-01')).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '"Từ ngày" phải trước hoặc trùng "Đến ngày".',
    });
  });

  it('pages through the rows without overlap, up to a cap', async () => {
    const p1 = (await admin.get('/api/admin/audit-log?pageSize=3&page=1')).json<Page>();
    const p2 = (await admin.get('/api/admin/audit-log?pageSize=3&page=2')).json<Page>();
    expect(p1.items).toHaveLength(3);
    expect(p2.total).toBe(p1.total);
    expect(p1.items.map((i) => i.id).filter((id) => p2.items.some((j) => j.id === id))).toEqual([]);
    expect(p1.items[2]!.at >= p2.items[0]!.at).toBe(true);
    const beyond = await admin.get('/api/admin/audit-log?pageSize=100&page=101');
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json<{ message: string }>().message).toContain('10.000 dòng đầu tiên');
  });

  it('never shows passwords, hashes, tokens or OTP codes', async () => {
    const row = (await everything(admin)).find((i) => i.id === ids.secretRow)!;
    expect(row.after).toEqual({ phone: '0351239999', nested: { keep: 'ok' }, mustChangePassword: true });
    const created = (await list(admin, 'action=user.create')).items;
    for (const i of [...created, ...(await everything(admin))]) {
      const text = JSON.stringify(i);
      expect(text).not.toMatch(/argon2|passwordHash|codeHmac|tokenHash|Demo@2026|482913/);
    }
  });
});
