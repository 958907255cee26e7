// Issue 13, defect 3: a level-1 administrator never changes the account of an administrator of the
// same or a higher level — the national one included, whether assigned to a unit of the province or
// to none; only a high-level administrator does. And (defect 13) refused and out-of-scope attempts
// leave an audit row.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addOfficerAccount, addUnit, uniqueAgencyCode, type TestOfficer } from '../../../../tests/support/fixtures.js';
import { loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { getUser, setUserPermissions, setUserStatus } from '../../../common/api/admin-users.js';
import type { Reply } from '../../../common/api/contract.js';
import { auditLog } from '../../platform/tables.js';
import { agencies } from '../agencies/tables.js';
import { users } from '../users/tables.js';

const system = useTestSystem();

interface Problem {
  code: string;
  message: string;
  requestId: string;
}

const admin = () => loggedIn(system().app, 'officer', 'admin.demo');
const level1 = () => loggedIn(system().app, 'officer', 'quantri.qngai.demo');

async function userId(username: string): Promise<string> {
  const [u] = await system().deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

async function agencyId(code: string): Promise<string> {
  const [a] = await system().deps.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return a!.id;
}

const PROVINCE = '000.00.00.H48'; // UBND tỉnh Quảng Ngãi
const WARD = '000.01.15.H48'; // UBND phường Cẩm Thành, inside the province
const DEPT = '000.16.15.H48';

/** An officer of this test alone, with the given units (by code) and permissions. */
async function account(unitCodes: string[], permissions: string[]): Promise<TestOfficer> {
  const unitIds = await Promise.all(unitCodes.map(agencyId));
  return addOfficerAccount(system().deps.db, system().clock.now(), { unitIds, permissions });
}

/** What a high-level administrator sees of the account (the level-1 one may not even read some). */
async function detail(id: string): Promise<Reply<typeof getUser>> {
  const res = await (await admin()).get(`/api/admin/users/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Reply<typeof getUser>>();
}

/** The access.denied row written for the refused request. */
async function refusalRow(problem: Problem) {
  const rows = await system()
    .deps.db.select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.requestId, problem.requestId)));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Every change a level-1 administrator might try on `target`: each refused with ADMIN_RANK_REFUSED and audited. */
async function expectRankRefused(targetId: string, unitId: string) {
  const h = await level1();
  const before = await detail(targetId);
  expect(before.permissions).toContain('USER_CREATE');
  const attempts = [
    () => h.put(`/api/admin/users/${targetId}/status`, { status: 'inactive' }),
    // Taking a permission away ("Quyền cho thêm mới người dùng"), keeping the administrator level.
    () => h.put(`/api/admin/users/${targetId}/permissions`, { permissions: before.permissions.filter((p) => p !== 'USER_CREATE') }),
    () => h.post(`/api/admin/users/${targetId}/units`, { unitIds: [unitId] }),
  ];
  for (const attempt of attempts) {
    const res = await attempt();
    expect(res.statusCode, res.body).toBe(403);
    const p = res.json<Problem>();
    expect(p.code).toBe('ADMIN_RANK_REFUSED');
    expect(p.message).toContain('quản trị cấp cao');
    expect(await refusalRow(p)).toMatchObject({
      actorId: await userId('quantri.qngai.demo'),
      entityId: targetId,
      after: { code: 'ADMIN_RANK_REFUSED' },
    });
  }
  // Nothing changed: still active, same permissions, same units.
  const after = await detail(targetId);
  expect(after.status).toBe('active');
  expect([...after.permissions].sort()).toEqual([...before.permissions].sort());
  expect(after.units.map((u) => u.id).sort()).toEqual(before.units.map((u) => u.id).sort());
}

describe('a level-1 administrator and higher administrators', () => {
  it('cannot deactivate admin.demo (high-level) nor take its permissions or change its units', async () => {
    await expectRankRefused(await userId('admin.demo'), await agencyId(WARD));
    // admin.demo still signs in.
    expect((await admin()).hasSession()).toBe(true);
  });

  it('cannot change another level-1 administrator of the same province; a high-level administrator can', async () => {
    const other = await account([PROVINCE], ['LEVEL1_ADMIN', 'USER_CREATE']);
    await expectRankRefused(other.id, await agencyId(DEPT));
    const h = await admin();
    const perms = await h.put(`/api/admin/users/${other.id}/permissions`, { permissions: ['LEVEL1_ADMIN'] });
    expect(perms.statusCode, perms.body).toBe(200);
    expect(perms.json<Reply<typeof setUserPermissions>>().permissions).toEqual(['LEVEL1_ADMIN']);
    const off = await h.put(`/api/admin/users/${other.id}/status`, { status: 'inactive' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<Reply<typeof setUserStatus>>().status).toBe('inactive');
  });

  it('cannot change a high-level administrator assigned to no unit; a high-level administrator can', async () => {
    const national = await account([], ['HIGH_ADMIN', 'USER_CREATE']);
    await expectRankRefused(national.id, await agencyId(DEPT));
    const off = await (await admin()).put(`/api/admin/users/${national.id}/status`, { status: 'inactive' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<Reply<typeof setUserStatus>>().status).toBe('inactive');
  });

  it('cannot change a high-level administrator assigned to a unit inside the province, while it still manages the officers there', async () => {
    const national = await account([WARD], ['HIGH_ADMIN', 'USER_CREATE']);
    await expectRankRefused(national.id, await agencyId(DEPT));
    const plain = await account([WARD], ['USER_CREATE']);
    const res = await (await level1()).put(`/api/admin/users/${plain.id}/status`, { status: 'inactive' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Reply<typeof setUserStatus>>().status).toBe('inactive');
  });
});

describe('refused and out-of-scope attempts are audited', () => {
  it('records a refused grant, naming the permission, and grants nothing', async () => {
    const o = await account([DEPT], []);
    // Only a high-level administrator hands out administrator levels.
    const res = await (await level1()).put(`/api/admin/users/${o.id}/permissions`, { permissions: ['LEVEL1_ADMIN'] });
    expect(res.statusCode).toBe(403);
    const p = res.json<Problem>();
    expect(p.code).toBe('PERMISSION_GRANT_REFUSED');
    expect(await refusalRow(p)).toMatchObject({
      actorName: 'quantri.qngai.demo',
      entityId: o.id,
      after: { code: 'PERMISSION_GRANT_REFUSED', permission: 'LEVEL1_ADMIN', method: 'PUT', route: '/api/admin/users/:id/permissions' },
    });
    expect((await detail(o.id)).permissions).toEqual([]);
  });

  it("records a level-1 administrator's attempts on a user of another province", async () => {
    const sys = system();
    const hanoiDesk = await addUnit(sys.deps.db, sys.clock.now(), { code: uniqueAgencyCode('H26'), name: 'Bộ phận Một cửa phường Hoàn Kiếm', provinceCode: '01' });
    const outsider = await addOfficerAccount(sys.deps.db, sys.clock.now(), { unitIds: [hanoiDesk] });
    const h = await level1();
    const read = await h.get(`/api/admin/users/${outsider.id}`);
    const deactivate = await h.put(`/api/admin/users/${outsider.id}/status`, { status: 'inactive' });
    for (const [res, route] of [
      [read, '/api/admin/users/:id'],
      [deactivate, '/api/admin/users/:id/status'],
    ] as const) {
      expect(res.statusCode).toBe(403);
      const p = res.json<Problem>();
      expect(p.code).toBe('OUT_OF_SCOPE');
      expect(await refusalRow(p)).toMatchObject({ actorName: 'quantri.qngai.demo', entityType: 'request', entityId: outsider.id, after: { code: 'OUT_OF_SCOPE', route } });
    }
    expect((await detail(outsider.id)).status).toBe('active');
  });
});
