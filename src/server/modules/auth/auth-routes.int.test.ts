import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { users } from '../users/tables.js';

const system = useTestSystem();

describe('Đăng nhập / Đăng xuất', () => {
  it('logs an officer in with a cookie session, shows who it is, and logs out', async () => {
    const h = new Http(system().app);
    expect((await h.get('/api/auth/me')).json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    const res = await h.login('officer', 'MOTCUA.demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dvc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = (await h.get('/api/auth/me')).json();
    expect(me).toMatchObject({ fullName: 'Trần Tuấn Hiệp', audience: 'officer', permissions: ['CITIZEN_ACCOUNT_CREATE'] });
    expect(me.units.map((u: { name: string }) => u.name)).toEqual(['Bộ phận Một cửa phường Cẩm Thành', 'Phòng Văn hóa - Xã hội phường Cẩm Thành']);
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

  it('rate-limits repeated failures for one login, with Retry-After, across the window', async () => {
    const clock = system().clock as ManualClock;
    let last;
    for (let i = 0; i < 11; i++) last = await new Http(system().app).login('officer', 'chuyenvien.demo', `wrong-${i}`);
    expect(last!.statusCode).toBe(429);
    expect(last!.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits until the window has passed.
    expect((await new Http(system().app).login('officer', 'chuyenvien.demo')).statusCode).toBe(429);
    clock.advance(15 * 60_000);
    expect((await new Http(system().app).login('officer', 'chuyenvien.demo')).statusCode).toBe(200);
  });
});

describe('Đổi mật khẩu', () => {
  it('checks the current password and the policy, then ends the other sessions', async () => {
    const a = await loggedIn(system().app, 'officer', 'admin.demo');
    const b = await loggedIn(system().app, 'officer', 'admin.demo');
    expect((await a.post('/api/auth/change-password', { currentPassword: 'nope', newPassword: 'Moi@2026abc' })).json()).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD' });
    const weak = await a.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'abc' });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_POLICY' });
    expect(weak.json().message).toContain('ít nhất 8 ký tự');
    expect((await a.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'Demo@2026' })).json()).toMatchObject({ code: 'PASSWORD_SAME' });
    expect((await a.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'Moi@2026abc' })).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Http(system().app).login('officer', 'admin.demo', 'Moi@2026abc')).statusCode).toBe(200);
  });
});

describe('account state', () => {
  it('refuses an inactive account, and makes an account with a temporary password change it before anything else', async () => {
    await system().deps.db.update(users).set({ status: 'inactive' }).where(eq(users.username, 'motcua2.demo'));
    const inactive = await new Http(system().app).login('officer', 'motcua2.demo');
    expect(inactive.statusCode).toBe(403);
    expect(inactive.json()).toMatchObject({ code: 'ACCOUNT_INACTIVE' });

    await system().deps.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'motcua.demo'));
    const h = await loggedIn(system().app, 'officer', 'motcua.demo');
    expect((await h.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    const blocked = await h.get('/api/citizen-account-requests');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect((await h.post('/api/auth/change-password', { currentPassword: 'Demo@2026', newPassword: 'Moi@2026xyz' })).statusCode).toBe(204);
    expect((await h.get('/api/citizen-account-requests')).statusCode).toBe(200);
  });
});
