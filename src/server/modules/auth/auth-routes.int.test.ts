import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addCitizen, addOfficerAccount } from '../../../../tests/support/fixtures.js';
import { agencyId } from '../../../../tests/support/dossiers.js';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { userPermissions, userUnits, users } from '../users/tables.js';
import type { getMe } from '../../../common/api/auth.js';
import type { Reply } from '../../../common/api/contract.js';

const system = useTestSystem();
/** An officer of this test alone: lockouts, password changes and status changes stay in the test. */
const officerOf = async (o: Parameters<typeof addOfficerAccount>[2] = {}) => addOfficerAccount(system().deps.db, system().clock.now(), o);

describe('Đăng nhập / Đăng xuất', () => {
  it('logs an officer in with a cookie session, shows who it is, and logs out', async () => {
    const h = new Http(system().app);
    expect((await h.get('/api/auth/me')).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    const res = await h.login('officer', 'MOTCUA.demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dvc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = (await h.get('/api/auth/me')).json<Reply<typeof getMe>>();
    expect(me).toMatchObject({ fullName: 'Trần Tuấn Hiệp', audience: 'officer', permissions: ['CITIZEN_ACCOUNT_CREATE', 'DESK_RECEIVE'] });
    expect(me.units.map((u) => u.name)).toEqual(['Bộ phận Một cửa phường Cẩm Thành', 'Phòng Văn hóa - Xã hội phường Cẩm Thành']);
    expect((await h.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await h.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logs a citizen in with the CCCD or the phone number, but not on the officer page', async () => {
    expect((await new Http(system().app).login('citizen', '001090000001')).statusCode).toBe(200);
    expect((await new Http(system().app).login('citizen', '0912 345 678')).statusCode).toBe(200);
    const wrongPage = await new Http(system().app).login('officer', '001090000001');
    expect(wrongPage.statusCode).toBe(401);
  });

  it('refuses a wrong password with the same message whether or not the account exists, and audits it', async () => {
    const a = await new Http(system().app).login('officer', 'motcua.demo', 'sai-mat-khau');
    const b = await new Http(system().app).login('officer', 'khong.ton.tai', 'sai-mat-khau');
    expect(a.statusCode).toBe(401);
    expect(a.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    expect(b.json().message).toBe(a.json().message);
    const rows = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.actorName, 'motcua.demo')));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('sai-mat-khau');
  });

  it('requires the CSRF token on every change', async () => {
    const h = new Http(system().app);
    const res = await h.post('/api/auth/login', { audience: 'officer', login: 'motcua.demo', password: 'Demo@2026' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF_INVALID' });
  });

  it('locks a known device after 5 wrong passwords, even against the right one, and doubles the delay on the next failure', async () => {
    const clock = system().clock as ManualClock;
    const { username } = await officerOf();
    // This browser signed in before, so it carries the account's device cookie.
    const device = new Http(system().app, '10.9.0.1');
    expect((await device.login('officer', username)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await device.login('officer', username, `wrong-${i}`)).json().code).toBe('INVALID_CREDENTIALS');
    const fifth = await device.login('officer', username, 'wrong-4');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 60 } });
    expect(fifth.json().message).toContain('1 phút');
    expect(fifth.headers['retry-after']).toBe('60');
    // The right password does not get through the lock on this browser…
    expect((await device.login('officer', username)).json().code).toBe('ACCOUNT_LOCKED');
    // …but the lock is this browser's alone: it does not keep the owner out elsewhere (ADR 0012).
    expect((await new Http(system().app, '10.9.0.2').login('officer', username)).statusCode).toBe(200);
    clock.advance(61_000);
    const sixth = await device.login('officer', username, 'wrong-5');
    expect(sixth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 120 } });
    clock.advance(121_000);
    expect((await device.login('officer', username)).statusCode).toBe(200);
    // A success starts the count again.
    expect((await device.login('officer', username, 'wrong-6')).json().code).toBe('INVALID_CREDENTIALS');
    const actions = (await system().deps.db.select().from(auditLog).where(eq(auditLog.actorName, username))).map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.lockout')).toHaveLength(2);
    expect(actions).toContain('auth.login_refused_locked');
    expect(actions).toContain('auth.login');
  });

  it('treats an identifier that has no account exactly like one that has (no hint that it exists)', async () => {
    const tries = async (login: string, ip: string) => {
      const answers = [];
      for (let i = 0; i < 11; i++) answers.push(await new Http(system().app, ip).login('officer', login, `wrong-${i}`));
      return answers;
    };
    const unknown = await tries('khong.co.ai', '10.9.1.1');
    const known = await tries('lanhdao.demo', '10.9.1.2');
    const codes = ['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS'];
    expect(unknown.map((r) => r.json().code)).toEqual([...codes, ...codes, 'LOGIN_CODE_REQUIRED']);
    expect(known.map((r) => r.json().code)).toEqual(unknown.map((r) => r.json().code));
    for (const r of [unknown[10]!, known[10]!]) {
      expect(r.statusCode).toBe(401);
      expect(Object.keys(r.json().details).sort()).toEqual(['challengeId', 'phoneHint']);
      expect(r.json().details.phoneHint).toMatch(/^\*\*\*\d{2}$/);
    }
  });

  it('locks an address that guesses many accounts, while other addresses still log in', async () => {
    const clock = system().clock as ManualClock;
    const from = (ip: string) => new Http(system().app, ip);
    let last;
    for (let i = 0; i < 20; i++) last = await from('10.9.2.1').login('citizen', `0791880${String(i).padStart(5, '0')}`, 'doan-bua');
    expect(last!.json()).toMatchObject({ code: 'ADDRESS_LOCKED', details: { retryAfterSeconds: 60 } });
    expect((await from('10.9.2.1').login('citizen', '001090000001')).json().code).toBe('ADDRESS_LOCKED');
    expect((await from('10.9.2.2').login('citizen', '001090000001')).statusCode).toBe(200);
    clock.advance(61_000);
    expect((await from('10.9.2.1').login('citizen', '001090000001')).statusCode).toBe(200);
  });

  it('applies a withdrawn permission or unit to the very next request of a live session', async () => {
    const db = system().deps.db;
    // Like motcua2.demo: "Quyền tạo tài khoản công dân" at the desk of Nghĩa Lộ.
    const desk = await officerOf({ unitIds: [await agencyId(db, '000.17.15.H48')], permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    const officer = await loggedIn(system().app, 'officer', desk.username, desk.password);
    const lookup = () => officer.get('/api/citizen-account-requests/lookup?idNumber=079190000123');
    expect((await lookup()).statusCode).toBe(200);
    const [u] = await db.select().from(users).where(eq(users.username, desk.username));
    const [grant] = await db.select().from(userPermissions).where(eq(userPermissions.userId, u!.id));
    const [unit] = await db.select().from(userUnits).where(eq(userUnits.userId, u!.id));
    await db.delete(userPermissions).where(eq(userPermissions.userId, u!.id));
    await db.delete(userUnits).where(eq(userUnits.userId, u!.id));
    expect((await lookup()).json()).toMatchObject({ code: 'PERMISSION_REQUIRED' });
    expect((await officer.get('/api/auth/me')).json()).toMatchObject({ permissions: [], units: [] });
    await db.insert(userPermissions).values(grant!);
    await db.insert(userUnits).values(unit!);
    expect((await lookup()).statusCode).toBe(200);
    expect((await officer.get('/api/auth/me')).json().units).toHaveLength(1);
  });

  it('"Đăng xuất khỏi mọi thiết bị" ends every session of the account', async () => {
    const c = await addCitizen(system().deps.db, system().clock.now());
    const phone = await loggedIn(system().app, 'citizen', c.idNumber, c.password);
    const laptop = await loggedIn(system().app, 'citizen', c.idNumber, c.password);
    expect((await laptop.post('/api/auth/logout-all')).statusCode).toBe(204);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(401);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    const rows = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.logout_all'), eq(auditLog.entityId, c.id)));
    expect(rows).toHaveLength(1);
  });
});

describe('Đổi mật khẩu', () => {
  it('checks the current password and the policy, then ends the other sessions', async () => {
    const { username } = await officerOf();
    const a = await loggedIn(system().app, 'officer', username);
    const b = await loggedIn(system().app, 'officer', username);
    expect((await a.post('/api/auth/change-password', { currentPassword: 'nope', newPassword: 'Moi@2026abc' })).json()).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD' });
    const weak = await a.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'abc' });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_POLICY' });
    expect(weak.json().message).toContain('ít nhất 8 ký tự');
    expect((await a.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'Demo@2026' })).json()).toMatchObject({ code: 'PASSWORD_SAME' });
    expect((await a.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'Moi@2026abc' })).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Http(system().app).login('officer', username, 'Moi@2026abc')).statusCode).toBe(200);
  });
});

describe('account state', () => {
  it('refuses an inactive account, and makes an account with a temporary password change it before anything else', async () => {
    const db = system().deps.db;
    const desk = await agencyId(db, '000.15.15.H48');
    const gone = await officerOf({ unitIds: [desk], permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    await db.update(users).set({ status: 'inactive' }).where(eq(users.id, gone.id));
    const inactive = await new Http(system().app).login('officer', gone.username);
    expect(inactive.statusCode).toBe(403);
    expect(inactive.json()).toMatchObject({ code: 'ACCOUNT_INACTIVE' });

    const temporary = await officerOf({ unitIds: [desk], permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, temporary.id));
    const h = await loggedIn(system().app, 'officer', temporary.username);
    expect((await h.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    const blocked = await h.get('/api/citizen-account-requests');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect((await h.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'Moi@2026xyz' })).statusCode).toBe(204);
    expect((await h.get('/api/citizen-account-requests')).statusCode).toBe(200);
  });
});
