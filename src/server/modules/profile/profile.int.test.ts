import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addCitizen, type TestCitizen } from '../../../../tests/support/fixtures.js';
import { Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { users } from '../users/tables.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listDevOutbox } from '../../../common/api/dev.js';
import type { getProfile, startContactChange } from '../../../common/api/profile.js';

const system = useTestSystem();
/** A citizen of this test alone, born in 1990 (as the CCCD says), and a session of theirs. */
async function citizen(): Promise<{ c: TestCitizen; h: Http }> {
  const c = await addCitizen(system().deps.db, system().clock.now(), { fullName: 'Nguyễn Văn Thử', birthDate: '1990-05-15' });
  return { c, h: await loggedIn(system().app, 'citizen', c.idNumber, c.password) };
}

describe('Thông tin tài khoản', () => {
  it('shows the citizen what the portal holds, and only to a citizen session', async () => {
    const { c, h } = await citizen();
    const p = (await h.get('/api/profile')).json<Reply<typeof getProfile>>();
    expect(p).toMatchObject({ idNumber: c.idNumber, phone: c.phone, identityVerified: false, verifiedFields: [], hasPassword: true });
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    expect((await officer.get('/api/profile')).statusCode).toBe(401);
    expect((await new Http(system().app).get('/api/profile')).statusCode).toBe(401);
  });

  it('edits name, sex and address, and keeps Ngày sinh consistent with the CCCD', async () => {
    const { c, h } = await citizen();
    const res = await h.put('/api/profile', { fullName: '  Nguyễn   Văn An ', sex: 'male', permanentAddress: 'Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội' });
    expect(res.json()).toMatchObject({ fullName: 'Nguyễn Văn An', sex: 'male', permanentAddress: 'Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội' });
    // CCCD 001 0 90…: born in 1990; 1985 contradicts it.
    expect(c.idNumber.slice(3, 6)).toBe('090');
    const wrongYear = await h.put('/api/profile', { birthDate: '1985-01-01' });
    expect(wrongYear.json()).toMatchObject({ code: 'INVALID_BIRTH_DATE' });
    const [row] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.profile_update'), eq(auditLog.entityId, c.id)));
    expect(row).toMatchObject({ before: expect.objectContaining({ sex: null }), after: expect.objectContaining({ sex: 'male' }) });
  });

  it('changes the phone only after the OTP sent to the new number, and tells the old number', async () => {
    const { c, h } = await citizen();
    const start = await h.post('/api/profile/contact-changes', { channel: 'phone', value: '0933 444 555' });
    expect(start.statusCode).toBe(201);
    expect((await h.get('/api/profile')).json<Reply<typeof getProfile>>().phone).toBe(c.phone);
    await system().deliver();
    const code = await latestOtp(h, '0933444555');
    const wrong = await h.post(`/api/profile/contact-changes/${start.json<Reply<typeof startContactChange>>().id}/confirm`, { otp: code === '000000' ? '111111' : '000000' });
    expect(wrong.json()).toMatchObject({ code: 'OTP_INVALID' });
    const ok = await h.post(`/api/profile/contact-changes/${start.json<Reply<typeof startContactChange>>().id}/confirm`, { otp: code });
    expect(ok.json()).toMatchObject({ phone: '0933444555' });
    await system().deliver();
    const outbox = (await h.get('/api/dev/outbox')).json<Reply<typeof listDevOutbox>>();
    expect(outbox.find((m) => m.to === c.phone && m.body.includes('kết thúc bằng 555'))).toBeTruthy();
    // The audit log says a code was sent, not to which number in full (the number was not yet the citizen's).
    const [sent] = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.otp_sent'), eq(auditLog.entityId, c.id)));
    expect(JSON.stringify(sent?.after)).not.toContain('0933444555');
    expect(sent?.after).toMatchObject({ channel: 'phone', to: '09•••••555' });
    expect((await new Http(system().app).login('citizen', '0933444555', c.password)).statusCode).toBe(200);
  });

  it('changes the e-mail with a code sent by e-mail; an expired code does not count', async () => {
    const { c, h } = await citizen();
    const start = (await h.post('/api/profile/contact-changes', { channel: 'email', value: 'An.Nguyen@Example.vn' })).json<Reply<typeof startContactChange>>();
    expect(start.value).toBe('an.nguyen@example.vn');
    await system().deliver();
    const code = await latestOtp(h, 'an.nguyen@example.vn');
    (system().clock as ManualClock).advance(121_000);
    expect((await h.post(`/api/profile/contact-changes/${start.id}/confirm`, { otp: code })).json()).toMatchObject({ code: 'OTP_EXPIRED' });
    expect((await h.get('/api/profile')).json<Reply<typeof getProfile>>().email).not.toBe('an.nguyen@example.vn');
    expect((await h.post('/api/profile/contact-changes', { channel: 'email', value: 'khong-hop-le' })).json().code).toBe('INVALID_EMAIL');
    expect((await h.post('/api/profile/contact-changes', { channel: 'phone', value: c.phone })).json().code).toBe('CONTACT_UNCHANGED');
    // A change left for more than 15 minutes, or one that does not exist, is gone.
    const later = (await h.post('/api/profile/contact-changes', { channel: 'email', value: 'an2@example.vn' })).json<Reply<typeof startContactChange>>();
    await system().deliver();
    const code2 = await latestOtp(h, 'an2@example.vn');
    (system().clock as ManualClock).advance(16 * 60_000);
    expect((await h.post(`/api/profile/contact-changes/${later.id}/confirm`, { otp: code2 })).json().code).toBe('CONTACT_CHANGE_NOT_FOUND');
    expect((await h.post(`/api/profile/contact-changes/00000000-0000-4000-8000-000000000000/confirm`, { otp: code2 })).json().code).toBe(
      'CONTACT_CHANGE_NOT_FOUND',
    );
  });

  it('does not let the owner edit identity fields VNeID vouched for, and lets a VNeID-only account set a password', async () => {
    const db = system().deps.db;
    // An account VNeID vouched for, without a password of its own.
    const c = await addCitizen(db, system().clock.now(), { password: null });
    await db.update(users).set({ identityVerifiedAt: system().clock.now(), identityVerifiedBy: 'vneid' }).where(eq(users.id, c.id));
    const h = await sessionWithoutPassword(c.id);
    const p = (await h.get('/api/profile')).json<Reply<typeof getProfile>>();
    expect(p).toMatchObject({ identityVerified: true, hasPassword: false });
    expect(p.verifiedFields).toEqual(expect.arrayContaining(['fullName', 'birthDate']));
    const res = await h.put('/api/profile', { fullName: 'Tên Khác' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'IDENTITY_VERIFIED', details: { fields: ['fullName'] } });
    expect((await h.post('/api/auth/change-password', { currentPassword: 'x', newPassword: 'Sen.Vang@2026' })).json().code).toBe('NO_PASSWORD_SET');
    expect((await h.post('/api/profile/password', { newPassword: 'Sen.Vang@2026', newPasswordConfirm: 'Sen.Vang@2026' })).json()).toMatchObject({ hasPassword: true });
    // A second "first password" is a conflict, not a refused access: change it with the current one.
    const again = await h.post('/api/profile/password', { newPassword: 'Sen.Vang@2027', newPasswordConfirm: 'Sen.Vang@2027' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PASSWORD_ALREADY_SET' });
    expect((await new Http(system().app).login('citizen', c.idNumber, 'Sen.Vang@2026')).statusCode).toBe(200);
  });
});

/** A session for that account without going through the password (as VNeID sign-in would). */
async function sessionWithoutPassword(userId: string): Promise<Http> {
  const { createSession } = await import('../../platform/auth/sessions.js');
  const db = system().deps.db;
  const s = await createSession(db, { userId, audience: 'citizen', now: system().clock.now(), ip: '127.0.0.1' });
  const h = new Http(system().app);
  (h as unknown as { cookies: Map<string, string> }).cookies.set('dvc_session', s.token);
  return h;
}
