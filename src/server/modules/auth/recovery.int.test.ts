import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';

const system = useTestSystem();
let ipSeq = 0;
const client = () => new Http(system().app, `10.5.0.${++ipSeq}`);
const clock = () => system().clock as ManualClock;
/** The demo citizen (README): CCCD 001090000001, phone 0912345678. */
const DEMO_PHONE = '0912345678';

async function outbox(h: Http) {
  await system().deliver();
  return (await h.get('/api/dev/outbox')).json<{ to: string; body: string; createdAt: string }[]>();
}

/** Same status, same keys, same kind of values: what a stranger could compare. */
function shape(res: { statusCode: number; json(): Record<string, unknown> }) {
  const body = res.json();
  return { status: res.statusCode, keys: Object.keys(body).sort(), ttl: body.ttlSeconds };
}

describe('Quên mật khẩu', () => {
  it('answers the same for an identifier with and without an account, and texts only the real owner', async () => {
    const h = client();
    const before = (await outbox(h)).length;
    const known = await h.post('/api/auth/password-resets', { login: '001090000001' });
    const unknown = await client().post('/api/auth/password-resets', { login: '079199000555' });
    expect(shape(known)).toEqual(shape(unknown));
    expect(known.statusCode).toBe(201);
    const messages = await outbox(h);
    expect(messages.length - before).toBe(1);
    expect(messages[0]).toMatchObject({ to: DEMO_PHONE });
    expect(messages[0]!.body).toMatch(/lấy lại mật khẩu/);
    // Any code at all is refused the same way for the unknown one, also after 5 tries.
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push((await h.post(`/api/auth/password-resets/${unknown.json().id}/complete`, { otp: '123456', newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' })).json().code);
    }
    expect(answers).toEqual([...Array(5).fill('RESET_INVALID'), 'OTP_ATTEMPTS_EXCEEDED']);
  });

  it('sets the new password with the OTP, signs out every other session, and the old password stops working', async () => {
    const session = await loggedIn(system().app, 'citizen', '001090000001');
    const h = client();
    const started = (await h.post('/api/auth/password-resets', { login: '0912 345 678' })).json<{ id: string }>();
    await system().deliver();
    const code = await latestOtp(h, DEMO_PHONE);
    const wrong = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code === '000000' ? '111111' : '000000', newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' });
    expect(wrong.json()).toMatchObject({ code: 'RESET_INVALID' });
    const mismatch = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2027' });
    expect(mismatch.json()).toMatchObject({ code: 'PASSWORD_MISMATCH' });
    const weak = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'abc', newPasswordConfirm: 'abc' });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_POLICY' });
    const ok = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' });
    expect(ok.statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client().login('citizen', '001090000001')).statusCode).toBe(401);
    expect((await client().login('citizen', '001090000001', 'MoiMoi@2026')).statusCode).toBe(200);
    // Single use.
    const again = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'Khac@2026x', newPasswordConfirm: 'Khac@2026x' });
    expect(again.json()).toMatchObject({ code: 'RESET_EXPIRED' });
    const messages = await outbox(h);
    expect(messages.find((m) => m.to === DEMO_PHONE && m.body.includes('vừa được đặt lại'))).toBeTruthy();
    const audit = await system().deps.db.select().from(auditLog).where(eq(auditLog.action, 'auth.password_reset'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('MoiMoi');
    // Put the demo password back for the other tests.
    const back = (await client().post('/api/auth/password-resets', { login: '001090000001' })).json<{ id: string }>();
    await system().deliver();
    const c2 = await latestOtp(h, DEMO_PHONE);
    expect((await h.post(`/api/auth/password-resets/${back.id}/complete`, { otp: c2, newPassword: 'Demo@2026', newPasswordConfirm: 'Demo@2026' })).statusCode).toBe(204);
  });

  it('refuses an expired code (2 minutes) with the same answer, and "Gửi lại OTP" sends a fresh one after 30 seconds', async () => {
    const h = client();
    const started = (await h.post('/api/auth/password-resets', { login: '001090000001' })).json<{ id: string }>();
    await system().deliver();
    const first = await latestOtp(h, DEMO_PHONE);
    expect((await h.post(`/api/auth/password-resets/${started.id}/otp`)).json()).toMatchObject({ code: 'OTP_RESEND_TOO_SOON' });
    clock().advance(121_000);
    const late = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: first, newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' });
    expect(late.json()).toMatchObject({ code: 'RESET_INVALID' });
    const resent = await h.post(`/api/auth/password-resets/${started.id}/otp`);
    expect(resent.statusCode).toBe(200);
    await system().deliver();
    const second = await latestOtp(h, DEMO_PHONE);
    expect(second).not.toBe(first);
    // The old code no longer works, the new one does.
    expect((await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: first, newPassword: 'Demo@2026', newPasswordConfirm: 'Demo@2026' })).json().code).toBe(
      'RESET_INVALID',
    );
    expect((await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: second, newPassword: 'Demo@2026', newPasswordConfirm: 'Demo@2026' })).statusCode).toBe(204);
  });

  it('ends a lockout: the owner who proved the phone can log in at once', async () => {
    for (let i = 0; i < 5; i++) await client().login('citizen', '001090000001', `sai-${i}`);
    expect((await client().login('citizen', '001090000001')).json().code).toBe('ACCOUNT_LOCKED');
    const h = client();
    const started = (await h.post('/api/auth/password-resets', { login: '001090000001' })).json<{ id: string }>();
    await system().deliver();
    const code = await latestOtp(h, DEMO_PHONE);
    expect((await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'Demo@2026', newPasswordConfirm: 'Demo@2026' })).statusCode).toBe(204);
    expect((await client().login('citizen', '001090000001')).statusCode).toBe(200);
  });

  it('limits reset requests per identifier', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await client().post('/api/auth/password-resets', { login: '079199000666' })).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
