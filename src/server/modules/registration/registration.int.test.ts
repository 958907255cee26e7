import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Http, latestOtp } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { users } from '../users/tables.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listDevOutbox } from '../../../common/api/dev.js';
import type { startRegistration } from '../../../common/api/registration.js';

const system = useTestSystem();
let ipSeq = 0;
/** Each test from its own address, so per-address limits of one test don't reach the next. */
const client = () => new Http(system().app, `10.4.0.${++ipSeq}`);
const clock = () => system().clock as ManualClock;

type Reg = Reply<typeof startRegistration>;

const citizen = (over: Record<string, unknown> = {}) => ({
  kind: 'citizen',
  idNumber: '036195001234',
  fullName: 'Phạm Thu Hà',
  birthDate: '1995-03-08',
  phone: '0988 111 222',
  email: 'ha.pham@example.vn',
  ...over,
});

async function start(h: Http, body: Record<string, unknown>): Promise<Reg> {
  const res = await h.post('/api/registrations', body);
  if (res.statusCode !== 201) throw new Error(`start: ${res.statusCode} ${res.body}`);
  return res.json<Reg>();
}

async function codeFor(h: Http, phone: string): Promise<string> {
  await system().deliver();
  return latestOtp(h, phone);
}

describe('Đăng ký tài khoản công dân', () => {
  it('registers with an OTP to the phone, then logs in with the CCCD or the phone', async () => {
    const h = client();
    const reg = await start(h, citizen());
    expect(reg).toMatchObject({ status: 'pending', otp: { attemptsRemaining: 5 } });
    const code = await codeFor(h, '0988111222');
    const verified = await h.post(`/api/registrations/${reg.id}/verify`, { otp: code });
    expect(verified.json()).toMatchObject({ status: 'verified', otp: null });
    const done = await h.post(`/api/registrations/${reg.id}/complete`, { password: 'Hoa-Sen@2026!', passwordConfirm: 'Hoa-Sen@2026!' });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ status: 'completed' });

    expect((await client().login('citizen', '036195001234', 'Hoa-Sen@2026!')).json()).toEqual({ mustChangePassword: false });
    expect((await client().login('citizen', '0988111222', 'Hoa-Sen@2026!')).statusCode).toBe(200);
    const [account] = await system().deps.db.select().from(users).where(eq(users.idNumber, '036195001234'));
    expect(account).toMatchObject({ kind: 'citizen', fullName: 'Phạm Thu Hà', birthDate: '1995-03-08', email: 'ha.pham@example.vn', identityVerifiedAt: null });
    await system().deliver();
    const outbox = (await h.get('/api/dev/outbox')).json<Reply<typeof listDevOutbox>>();
    expect(outbox.find((m) => m.to === '0988111222' && m.body.includes('đã được tạo'))).toBeTruthy();
    // The same number cannot register again.
    const again = await client().post('/api/registrations', citizen());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ACCOUNT_ALREADY_EXISTS' });
  });

  it('uses the desk\'s identity rules and "already exists" check', async () => {
    const h = client();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ idNumber: '001090000001', fullName: 'Nguyễn Văn A', birthDate: '1990-01-01' }, 409, 'ACCOUNT_ALREADY_EXISTS'],
      [{ idNumber: '999195001234' }, 400, 'INVALID_ID_NUMBER'],
      [{ idNumber: '03619500123' }, 400, 'INVALID_ID_NUMBER'],
      [{ birthDate: '2095-03-08' }, 400, 'INVALID_BIRTH_DATE'],
      [{ phone: '0123456789' }, 400, 'INVALID_PHONE'],
      [{ email: 'khong-phai-email' }, 400, 'INVALID_EMAIL'],
      [{ fullName: '1' }, 400, 'INVALID_NAME'],
    ];
    for (const [over, status, code] of cases) {
      const res = await h.post('/api/registrations', citizen({ idNumber: '079301004321', birthDate: '2001-07-07', ...over }));
      expect([res.statusCode, res.json().code], JSON.stringify(over)).toEqual([status, code]);
    }
    // CCCD 0793 01…: digit 3 = female born in the 2000s, "01" = 2001. A 1995 birth date contradicts it.
    const mismatch = await h.post('/api/registrations', citizen({ idNumber: '079301004321', birthDate: '1995-07-07' }));
    expect(mismatch.json()).toMatchObject({ code: 'INVALID_ID_NUMBER' });
    expect(mismatch.json().message).toMatch(/năm sinh|thế kỷ|Ngày sinh/i);
  });

  it('refuses a wrong and an expired code, counts attempts, and a resend replaces the old code', async () => {
    const h = client();
    const reg = await start(h, citizen({ idNumber: '001186000777', fullName: 'Đỗ Minh Khôi', birthDate: '1986-11-30', phone: '0977000777', email: null }));
    const first = await codeFor(h, '0977000777');
    const wrong = await h.post(`/api/registrations/${reg.id}/verify`, { otp: first === '000000' ? '111111' : '000000' });
    expect(wrong.json()).toMatchObject({ code: 'OTP_INVALID', details: { attemptsRemaining: 4 } });
    // "Gửi lại OTP" too soon.
    const soon = await h.post(`/api/registrations/${reg.id}/otp`);
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({ code: 'OTP_RESEND_TOO_SOON' });
    clock().advance(121_000);
    const expired = await h.post(`/api/registrations/${reg.id}/verify`, { otp: first });
    expect(expired.json()).toMatchObject({ code: 'OTP_EXPIRED' });
    expect(expired.json().message).toContain('"Gửi lại OTP"');
    expect((await h.post(`/api/registrations/${reg.id}/otp`)).statusCode).toBe(200);
    const second = await codeFor(h, '0977000777');
    expect(second).not.toBe(first);
    expect((await h.post(`/api/registrations/${reg.id}/verify`, { otp: first })).json().code).toBe('OTP_SUPERSEDED');
    expect((await h.post(`/api/registrations/${reg.id}/verify`, { otp: second })).json()).toMatchObject({ status: 'verified' });
  });

  it('locks the code after 5 wrong tries', async () => {
    const h = client();
    const reg = await start(h, citizen({ idNumber: '001186000778', fullName: 'Đỗ Minh Khang', birthDate: '1986-11-30', phone: '0977000778' }));
    const code = await codeFor(h, '0977000778');
    const wrongCode = code === '123456' ? '654321' : '123456';
    let last;
    for (let i = 0; i < 5; i++) last = await h.post(`/api/registrations/${reg.id}/verify`, { otp: wrongCode });
    expect(last!.json()).toMatchObject({ code: 'OTP_ATTEMPTS_EXCEEDED' });
    expect((await h.post(`/api/registrations/${reg.id}/verify`, { otp: code })).json()).toMatchObject({ code: 'OTP_ATTEMPTS_EXCEEDED' });
  });

  it('asks for the OTP before the password, checks the password, and expires a verified form after 30 minutes', async () => {
    const h = client();
    const reg = await start(h, citizen({ idNumber: '001186000779', fullName: 'Lê Thị Mai', birthDate: '1986-02-02', phone: '0977000779' }));
    const early = await h.post(`/api/registrations/${reg.id}/complete`, { password: 'Mai@2026!x', passwordConfirm: 'Mai@2026!x' });
    expect(early.json()).toMatchObject({ code: 'REGISTRATION_NOT_VERIFIED' });
    await h.post(`/api/registrations/${reg.id}/verify`, { otp: await codeFor(h, '0977000779') });
    expect((await h.post(`/api/registrations/${reg.id}/complete`, { password: 'yeu', passwordConfirm: 'yeu' })).json().code).toBe('PASSWORD_POLICY');
    expect((await h.post(`/api/registrations/${reg.id}/complete`, { password: 'Mai@2026!x', passwordConfirm: 'Mai@2026!y' })).json().code).toBe(
      'PASSWORD_MISMATCH',
    );
    clock().advance(31 * 60_000);
    expect((await h.post(`/api/registrations/${reg.id}/complete`, { password: 'Mai@2026!x', passwordConfirm: 'Mai@2026!x' })).json().code).toBe(
      'REGISTRATION_EXPIRED',
    );
    expect((await h.get(`/api/registrations/00000000-0000-4000-8000-000000000000`)).json().code).toBe('REGISTRATION_NOT_FOUND');
  });

  it('ends with exactly one account when two registrations of one CCCD finish at the same moment', async () => {
    const a = client();
    const b = client();
    const body = citizen({ idNumber: '001186000780', fullName: 'Vũ Văn Tùng', birthDate: '1986-05-05', phone: '0977000780' });
    const ra = await start(a, body);
    clock().advance(31_000);
    const rb = await start(b, { ...body, phone: '0977000781' });
    await a.post(`/api/registrations/${ra.id}/verify`, { otp: await codeFor(a, '0977000780') });
    await b.post(`/api/registrations/${rb.id}/verify`, { otp: await codeFor(b, '0977000781') });
    const [x, y] = await Promise.all([
      a.post(`/api/registrations/${ra.id}/complete`, { password: 'Nui-Cao@2026!', passwordConfirm: 'Nui-Cao@2026!' }),
      b.post(`/api/registrations/${rb.id}/complete`, { password: 'Nui-Cao@2026!', passwordConfirm: 'Nui-Cao@2026!' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    // The finished one cannot be finished again.
    const winner = x.statusCode === 201 ? { h: a, id: ra.id } : { h: b, id: rb.id };
    const again = await winner.h.post(`/api/registrations/${winner.id}/complete`, { password: 'Nui-Cao@2026!', passwordConfirm: 'Nui-Cao@2026!' });
    expect(again.json()).toMatchObject({ code: 'REGISTRATION_DONE' });
    expect(await system().deps.db.select().from(users).where(eq(users.idNumber, '001186000780'))).toHaveLength(1);
  });
});

describe('Đăng ký tài khoản tổ chức, doanh nghiệp (MST)', () => {
  it('checks the MST check digit, registers the organisation and logs it in with its MST', async () => {
    const h = client();
    const bad = await h.post('/api/registrations', {
      kind: 'organisation',
      idNumber: '0100109107',
      fullName: 'Công ty TNHH Sao Mai',
      representativeName: 'Trần Văn Nam',
      phone: '0905123456',
    });
    expect(bad.json()).toMatchObject({ code: 'INVALID_TAX_CODE' });
    const reg = await start(h, {
      kind: 'organisation',
      idNumber: '0100109106',
      fullName: 'Công ty TNHH Sao Mai',
      representativeName: 'Trần Văn Nam',
      phone: '0905123456',
      email: 'lienhe@saomai.vn',
    });
    await h.post(`/api/registrations/${reg.id}/verify`, { otp: await codeFor(h, '0905123456') });
    expect((await h.post(`/api/registrations/${reg.id}/complete`, { password: 'Song-Hong@2026', passwordConfirm: 'Song-Hong@2026' })).statusCode).toBe(201);
    const [org] = await system().deps.db.select().from(users).where(eq(users.idNumber, '0100109106'));
    expect(org).toMatchObject({ kind: 'organisation', fullName: 'Công ty TNHH Sao Mai', representativeName: 'Trần Văn Nam', phone: '0905123456' });
    expect((await client().login('citizen', '0100109106', 'Song-Hong@2026')).statusCode).toBe(200);
    const audits = await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, reg.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['registration.start', 'auth.otp_sent', 'registration.phone_verified', 'registration.complete']));
  });
});
