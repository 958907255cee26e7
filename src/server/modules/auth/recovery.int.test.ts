import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addCitizen } from '../../../../tests/support/fixtures.js';
import { Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import type { startPasswordReset } from '../../../common/api/auth.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listDevOutbox } from '../../../common/api/dev.js';

const system = useTestSystem();
let ipSeq = 0;
const client = () => new Http(system().app, `10.5.0.${++ipSeq}`);
const clock = () => system().clock as ManualClock;
/** A citizen of this test alone: resets, lockouts and new passwords stay in the test. */
const citizenOf = () => addCitizen(system().deps.db, system().clock.now());
/** A password the policy accepts (Demo@2026, the demo accounts' own, is on its list of common ones). */
const NEW_PASSWORD = 'Sen.Vang@2026';

async function outbox(h: Http) {
  await system().deliver();
  return (await h.get('/api/dev/outbox')).json<Reply<typeof listDevOutbox>>();
}

/** Same status, same keys, same kind of values: what a stranger could compare. */
function shape(res: { statusCode: number; json(): Record<string, unknown> }) {
  const body = res.json();
  return { status: res.statusCode, keys: Object.keys(body).sort(), ttl: body.ttlSeconds };
}

describe('Quên mật khẩu', () => {
  it('answers the same for an identifier with and without an account, and texts only the real owner', async () => {
    const c = await citizenOf();
    const h = client();
    const before = (await outbox(h)).length;
    const known = await h.post('/api/auth/password-resets', { login: c.idNumber });
    const unknown = await client().post('/api/auth/password-resets', { login: '079199000555' });
    expect(shape(known)).toEqual(shape(unknown));
    expect(known.statusCode).toBe(201);
    const messages = await outbox(h);
    expect(messages.length - before).toBe(1);
    const texted = messages.filter((m) => m.to === c.phone);
    expect(texted).toHaveLength(1);
    expect(texted[0]!.body).toMatch(/lấy lại mật khẩu/);
    // Any code at all is refused the same way for the unknown one, also after 5 tries.
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push((await h.post(`/api/auth/password-resets/${unknown.json<Reply<typeof startPasswordReset>>().id}/complete`, { otp: '123456', newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' })).json().code);
    }
    expect(answers).toEqual([...Array(5).fill('RESET_INVALID'), 'OTP_ATTEMPTS_EXCEEDED']);
  });

  it('sets the new password with the OTP, signs out every other session, and the old password stops working', async () => {
    const c = await citizenOf();
    const session = await loggedIn(system().app, 'citizen', c.idNumber);
    const h = client();
    // The phone as people type it, with spaces.
    const spaced = `${c.phone.slice(0, 4)} ${c.phone.slice(4, 7)} ${c.phone.slice(7)}`;
    const started = (await h.post('/api/auth/password-resets', { login: spaced })).json<Reply<typeof startPasswordReset>>();
    await system().deliver();
    const code = await latestOtp(h, c.phone);
    const wrong = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code === '000000' ? '111111' : '000000', newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' });
    expect(wrong.json()).toMatchObject({ code: 'RESET_INVALID' });
    const mismatch = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2027' });
    expect(mismatch.json()).toMatchObject({ code: 'PASSWORD_MISMATCH' });
    const weak = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'abc', newPasswordConfirm: 'abc' });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_POLICY' });
    const ok = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' });
    expect(ok.statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client().login('citizen', c.idNumber)).statusCode).toBe(401);
    expect((await client().login('citizen', c.idNumber, 'MoiMoi@2026')).statusCode).toBe(200);
    // Single use.
    const again = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: 'Khac@2026x', newPasswordConfirm: 'Khac@2026x' });
    expect(again.json()).toMatchObject({ code: 'RESET_EXPIRED' });
    const messages = await outbox(h);
    expect(messages.find((m) => m.to === c.phone && m.body.includes('vừa được đặt lại'))).toBeTruthy();
    const audit = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.password_reset'), eq(auditLog.entityId, c.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('MoiMoi');
  });

  it('refuses an expired code (2 minutes) with the same answer, and "Gửi lại OTP" sends a fresh one after 30 seconds', async () => {
    const c = await citizenOf();
    const h = client();
    const started = (await h.post('/api/auth/password-resets', { login: c.idNumber })).json<Reply<typeof startPasswordReset>>();
    await system().deliver();
    const first = await latestOtp(h, c.phone);
    expect((await h.post(`/api/auth/password-resets/${started.id}/otp`)).json()).toMatchObject({ code: 'OTP_RESEND_TOO_SOON' });
    clock().advance(121_000);
    const late = await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: first, newPassword: 'MoiMoi@2026', newPasswordConfirm: 'MoiMoi@2026' });
    expect(late.json()).toMatchObject({ code: 'RESET_INVALID' });
    const resent = await h.post(`/api/auth/password-resets/${started.id}/otp`);
    expect(resent.statusCode).toBe(200);
    await system().deliver();
    const second = await latestOtp(h, c.phone);
    expect(second).not.toBe(first);
    // The old code no longer works, the new one does.
    expect((await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: first, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD })).json().code).toBe(
      'RESET_INVALID',
    );
    expect((await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: second, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD })).statusCode).toBe(204);
  });

  it('ends a step-up: the owner who proved the phone can log in at once, from a new browser too', async () => {
    const c = await citizenOf();
    for (let i = 0; i < 10; i++) await client().login('citizen', c.idNumber, `sai-${i}`);
    expect((await client().login('citizen', c.idNumber)).json().code).toBe('LOGIN_CODE_REQUIRED');
    // That answer texted a sign-in code; the reset code below comes later.
    await system().deliver();
    clock().advance(1_000);
    const h = client();
    const started = (await h.post('/api/auth/password-resets', { login: c.idNumber })).json<Reply<typeof startPasswordReset>>();
    await system().deliver();
    const code = await latestOtp(h, c.phone);
    expect((await h.post(`/api/auth/password-resets/${started.id}/complete`, { otp: code, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await client().login('citizen', c.idNumber, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('limits reset requests per identifier', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await client().post('/api/auth/password-resets', { login: '079199000666' })).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
