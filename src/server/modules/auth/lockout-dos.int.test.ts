// "Anyone can lock anyone out" (ADR 0012): wrong passwords typed by a stranger must cost the
// stranger, not the owner. A browser the account knows (device cookie) keeps signing in; a new
// browser of the owner gets through with an SMS code; a stranger learns nothing and texts no one.
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { addOfficer } from '../../../../tests/support/fixtures.js';
import { Http, latestOtp } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { searchKey } from '../../../common/text.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { ManualClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../../platform/tables.js';
import { users } from '../users/tables.js';
import type { startPasswordReset } from '../../../common/api/auth.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listDevOutbox } from '../../../common/api/dev.js';

const system = useTestSystem();
const clock = () => system().clock as ManualClock;
const PASSWORD = 'Demo@2026';
let seq = 0;
/** A fresh address for each new client, unless one is given. */
const browser = (ip = `10.77.${Math.floor(++seq / 200)}.${seq % 200}`) => new Http(system().app, ip);

/** A citizen of this test alone: CCCD and phone nobody else uses. */
async function addCitizen(n: number): Promise<{ id: string; idNumber: string; phone: string }> {
  const idNumber = `0010901${String(n).padStart(5, '0')}`;
  const phone = `098${String(n).padStart(7, '0')}`;
  const id = newId();
  const now = clock().now();
  await system().deps.db.insert(users).values({
    id,
    kind: 'citizen',
    idNumber,
    fullName: 'Trần Thị Thử',
    fullNameSearch: searchKey('Trần Thị Thử'),
    phone,
    passwordHash: await hashPassword(PASSWORD),
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  return { id, idNumber, phone };
}

/** `count` wrong passwords for `login`, from `perAddress` attempts per address (below its lock). */
async function attack(audience: 'citizen' | 'officer', login: string, count: number, perAddress = 10): Promise<LightMyRequestResponse[]> {
  const answers: LightMyRequestResponse[] = [];
  let h = browser();
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % perAddress === 0) h = browser();
    answers.push(await h.login(audience, login, `doan-bua-${i}`));
  }
  return answers;
}

async function smsTo(phone: string): Promise<Reply<typeof listDevOutbox>> {
  await system().deliver();
  const all = (await browser().get('/api/dev/outbox?limit=500')).json<Reply<typeof listDevOutbox>>();
  return all.filter((m) => m.to === phone);
}

/** The code in the newest SMS to that phone, once the outbox has delivered it. */
async function codeFor(phone: string): Promise<string> {
  await system().deliver();
  return latestOtp(browser(), phone);
}

async function actions(userId: string): Promise<string[]> {
  return (await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, userId))).map((r) => r.action);
}

/** What a stranger can compare between two answers (the challenge id is random every time). */
function shape(res: LightMyRequestResponse) {
  const body = res.json();
  return {
    status: res.statusCode,
    keys: Object.keys(body).sort(),
    code: body.code,
    message: body.message,
    detailKeys: Object.keys(body.details ?? {}).sort(),
    phoneHint: body.details?.phoneHint,
    challengeId: typeof body.details?.challengeId === 'string' && /^[0-9a-f-]{36}$/.test(body.details.challengeId),
  };
}

describe('a stranger typing wrong passwords does not keep the owner out', () => {
  it('lets the demo citizen in at once on a known browser, from another address and from the attacked one, after 30 wrong passwords', async () => {
    const ATTACKER = '10.66.0.1';
    // The owner's browsers signed in before: one at home (B), one behind the attacker's NAT (A).
    const home = browser('10.66.0.2');
    const office = browser(ATTACKER);
    expect((await home.login('citizen', '001090000001')).statusCode).toBe(200);
    expect((await office.login('citizen', '001090000001')).statusCode).toBe(200);
    const sent = (await smsTo('0912345678')).length;

    const attacker = browser(ATTACKER);
    const answers: LightMyRequestResponse[] = [];
    for (let i = 0; i < 15; i++) answers.push(await attacker.login('citizen', '001090000001', `sai-${i}`));
    for (let i = 0; i < 15; i++) answers.push(await attacker.login('citizen', '0912 345 678', `sai-${15 + i}`));
    const codes = answers.map((r) => r.json().code);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('INVALID_CREDENTIALS'));
    // The account now asks unknown browsers for a code, whichever identifier is typed…
    expect(codes.slice(10, 19)).toEqual(Array(9).fill('LOGIN_CODE_REQUIRED'));
    // …and the attacker's address is locked after its 20th failure.
    expect(codes.slice(19)).toEqual(Array(11).fill('ADDRESS_LOCKED'));
    expect(answers[19]!.headers['retry-after']).toBe('60');

    expect((await home.login('citizen', '001090000001')).statusCode).toBe(200);
    expect((await home.login('citizen', '0912 345 678')).statusCode).toBe(200);
    expect((await office.login('citizen', '001090000001')).statusCode).toBe(200);
    expect((await office.get('/api/auth/me')).json()).toMatchObject({ fullName: 'Nguyễn Văn An' });
    // Nothing was texted: every one of the attacker's passwords was wrong.
    expect((await smsTo('0912345678')).length).toBe(sent);
  });

  it('lets the owner in on a new browser with the SMS code, and that browser is known from then on', async () => {
    const c = await addCitizen(2);
    await attack('citizen', c.idNumber, 12);
    const laptop = browser();
    const asked = await laptop.login('citizen', c.idNumber);
    expect(asked.statusCode).toBe(401);
    expect(asked.json()).toMatchObject({ code: 'LOGIN_CODE_REQUIRED', details: { phoneHint: `***${c.phone.slice(-2)}` } });
    expect(asked.json().message).toContain(`***${c.phone.slice(-2)}`);
    expect(asked.cookies.some((k) => k.name === 'dvc_session')).toBe(false);
    const messages = await smsTo(c.phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toMatch(/^Mã OTP đăng nhập Cổng Dịch vụ công là \d{6}, có hiệu lực trong 2 phút\./);
    const code = await codeFor(c.phone);
    const challengeId = asked.json().details.challengeId as string;

    // A wrong code first: the same challenge stays open.
    const wrong = await laptop.post('/api/auth/login', { audience: 'citizen', login: c.idNumber, password: PASSWORD, challengeId, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'LOGIN_CODE_INVALID', details: { challengeId, phoneHint: `***${c.phone.slice(-2)}` } });
    const ok = await laptop.post('/api/auth/login', { audience: 'citizen', login: c.idNumber, password: PASSWORD, challengeId, code });
    expect(ok.statusCode).toBe(200);
    const device = ok.cookies.find((k) => k.name === 'dvc_device')!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect((await laptop.get('/api/auth/me')).json()).toMatchObject({ fullName: 'Trần Thị Thử' });

    // A second attack: the laptop is a known browser now and is not asked for a code.
    await attack('citizen', c.phone, 12);
    expect((await laptop.login('citizen', c.phone)).statusCode).toBe(200);
    expect((await browser().login('citizen', c.phone)).json().code).toBe('LOGIN_CODE_REQUIRED');
    const done = await actions(c.id);
    expect(done.filter((a) => a === 'auth.login_step_up')).toHaveLength(2);
    expect(done).toContain('auth.otp_sent');
    const logins = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'auth.login')));
    expect(logins).toHaveLength(2);
    expect(logins.map((r) => r.after)).toEqual(
      expect.arrayContaining([
        { audience: 'citizen', device: 'new', stepUp: true },
        { audience: 'citizen', device: 'known' },
      ]),
    );
    expect(JSON.stringify(await system().deps.db.select().from(auditLog).where(eq(auditLog.entityId, c.id)))).not.toContain(code);
  });

  it('answers a new browser of the owner again after the code expired, with a fresh code', async () => {
    const c = await addCitizen(3);
    await attack('citizen', c.idNumber, 10);
    const laptop = browser();
    const first = (await laptop.login('citizen', c.idNumber)).json().details.challengeId as string;
    const code = await codeFor(c.phone);
    clock().advance(121_000);
    const late = await laptop.post('/api/auth/login', { audience: 'citizen', login: c.idNumber, password: PASSWORD, challengeId: first, code });
    expect(late.json().code).toBe('LOGIN_CODE_INVALID');
    // "Gửi lại mã": the password again, without a code.
    const again = await laptop.login('citizen', c.idNumber);
    expect(again.json().code).toBe('LOGIN_CODE_REQUIRED');
    const second = again.json().details.challengeId as string;
    expect(second).not.toBe(first);
    const code2 = await codeFor(c.phone);
    expect(await smsTo(c.phone)).toHaveLength(2);
    expect((await laptop.post('/api/auth/login', { audience: 'citizen', login: c.idNumber, password: PASSWORD, challengeId: second, code: code2 })).statusCode).toBe(200);
  });

  it('in step-up, gives a wrong password the same answer as the right one, and texts only for the right one', async () => {
    const c = await addCitizen(4);
    await attack('citizen', c.idNumber, 10);
    const wrong = await browser().login('citizen', c.idNumber, 'doan-sai');
    expect((await smsTo(c.phone)).length).toBe(0);
    const right = await browser().login('citizen', c.idNumber);
    expect((await smsTo(c.phone)).length).toBe(1);
    expect(shape(wrong)).toEqual(shape(right));
    expect(shape(right)).toMatchObject({ status: 401, code: 'LOGIN_CODE_REQUIRED', challengeId: true });
    expect(wrong.json().details.challengeId).not.toBe(right.json().details.challengeId);

    // The right code does not help a wrong password; the answer is the one a wrong code gets.
    const code = await codeFor(c.phone);
    const challengeId = right.json().details.challengeId as string;
    const h = browser();
    const codeNoPassword = await h.post('/api/auth/login', { audience: 'citizen', login: c.idNumber, password: 'doan-sai', challengeId, code });
    const passwordWrongCode = await h.post('/api/auth/login', { audience: 'citizen', login: c.idNumber, password: PASSWORD, challengeId, code: code === '000000' ? '111111' : '000000' });
    expect(shape(codeNoPassword)).toEqual(shape(passwordWrongCode));
    expect(shape(codeNoPassword)).toMatchObject({ status: 401, code: 'LOGIN_CODE_INVALID' });
    // Still one SMS: a wrong password never sends one.
    expect((await smsTo(c.phone)).length).toBe(1);
  });

  it('counts the CCCD and the phone of one account together', async () => {
    const c = await addCitizen(5);
    const spaced = `${c.phone.slice(0, 4)} ${c.phone.slice(4, 7)} ${c.phone.slice(7)}`;
    const byId = await attack('citizen', c.idNumber, 5);
    const byPhone = await attack('citizen', spaced, 5);
    expect([...byId, ...byPhone].map((r) => r.json().code)).toEqual(Array(10).fill('INVALID_CREDENTIALS'));
    expect((await browser().login('citizen', c.idNumber)).json().code).toBe('LOGIN_CODE_REQUIRED');
    expect((await browser().login('citizen', c.phone)).json().code).toBe('LOGIN_CODE_REQUIRED');
  });

  it('answers an identifier that names no account exactly like one that does, by CCCD and by phone', async () => {
    const STEP_UP = [...Array(10).fill('INVALID_CREDENTIALS'), 'LOGIN_CODE_REQUIRED', 'LOGIN_CODE_REQUIRED'];
    // By CCCD: the hint of a CCCD without an account is made up (two digits), so only its digits differ.
    const a = await addCitizen(6);
    const knownId = await attack('citizen', a.idNumber, 12);
    const unknownId = await attack('citizen', '001090199999', 12);
    expect(knownId.map((r) => r.json().code)).toEqual(STEP_UP);
    const masked = (r: LightMyRequestResponse) => {
      const s = shape(r);
      return { ...s, message: s.message.replace(/\*\*\*\d\d/, '***NN'), phoneHint: typeof s.phoneHint };
    };
    expect(unknownId.map(masked)).toEqual(knownId.map(masked));
    expect(unknownId[11]!.json().details.phoneHint).toMatch(/^\*\*\*\d\d$/);
    // By phone: a number without an account shows its own last digits, as the owner's does.
    const b = await addCitizen(8);
    const strangerPhone = `097${b.phone.slice(3)}`;
    const knownPhone = await attack('citizen', b.phone, 12);
    const unknownPhone = await attack('citizen', strangerPhone, 12);
    expect(knownPhone.map((r) => r.json().code)).toEqual(STEP_UP);
    expect(unknownPhone.map(shape)).toEqual(knownPhone.map(shape));
    expect(await smsTo(strangerPhone)).toHaveLength(0);
  });

  it('refuses unknown browsers after 100 failures in a row until the password is reset, while a known one still signs in', { timeout: 90_000 }, async () => {
    const c = await addCitizen(7);
    const known = browser();
    expect((await known.login('citizen', c.idNumber)).statusCode).toBe(200);
    const answers = await attack('citizen', c.idNumber, 100, 19);
    expect(answers.at(-1)!.json().code).toBe('LOGIN_CODE_REQUIRED');
    const refused = await browser().login('citizen', c.idNumber);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('LOGIN_UNTRUSTED_BLOCKED');
    expect(refused.json().message).toContain('Quên mật khẩu');
    // By phone too, and with no SMS: the right password is not even checked.
    expect((await browser().login('citizen', c.phone)).json().code).toBe('LOGIN_UNTRUSTED_BLOCKED');
    expect((await smsTo(c.phone)).length).toBe(0);
    // An identifier without an account reaches the same wall.
    const stranger = await attack('citizen', '001090188888', 101, 19);
    expect(shape(stranger.at(-1)!)).toEqual(shape(refused));

    expect((await known.login('citizen', c.idNumber)).statusCode).toBe(200);
    const done = await actions(c.id);
    expect(done.filter((a) => a === 'auth.login_ceiling')).toHaveLength(1);
    expect(done.filter((a) => a === 'auth.login_refused_ceiling')).toHaveLength(2);

    // Quên mật khẩu: the owner proves the phone and sets a new password; new browsers work again.
    const h = browser();
    const reset = (await h.post('/api/auth/password-resets', { login: c.idNumber })).json<Reply<typeof startPasswordReset>>();
    await system().deliver();
    const otp = await codeFor(c.phone);
    expect((await h.post(`/api/auth/password-resets/${reset.id}/complete`, { otp, newPassword: 'Moi@2026abc', newPasswordConfirm: 'Moi@2026abc' })).statusCode).toBe(204);
    expect((await browser().login('citizen', c.idNumber, 'Moi@2026abc')).statusCode).toBe(200);
  });

  it('treats officers the same: the known office PC signs in, a new PC gets a code on the officer phone', async () => {
    const db = system().deps.db;
    const officerId = await addOfficer(db, clock().now(), { username: 'thu.nghiem.khoa', fullName: 'Phan Văn Khóa', phone: '0358111299', passwordHash: await hashPassword(PASSWORD) });
    const office = browser();
    expect((await office.login('officer', 'thu.nghiem.khoa')).statusCode).toBe(200);
    const answers = await attack('officer', 'Thu.Nghiem.Khoa', 25, 25);
    expect(answers.map((r) => r.json().code)).toEqual([...Array(10).fill('INVALID_CREDENTIALS'), ...Array(9).fill('LOGIN_CODE_REQUIRED'), ...Array(6).fill('ADDRESS_LOCKED')]);
    expect(answers[0]!.json().message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect((await office.login('officer', 'thu.nghiem.khoa')).statusCode).toBe(200);

    const laptop = browser();
    const asked = await laptop.login('officer', 'thu.nghiem.khoa');
    expect(asked.json()).toMatchObject({ code: 'LOGIN_CODE_REQUIRED', details: { phoneHint: '***99' } });
    const code = await codeFor('0358111299');
    const ok = await laptop.post('/api/auth/login', { audience: 'officer', login: 'thu.nghiem.khoa', password: PASSWORD, challengeId: asked.json().details.challengeId, code });
    expect(ok.statusCode).toBe(200);
    expect((await laptop.get('/api/auth/me')).json()).toMatchObject({ fullName: 'Phan Văn Khóa', audience: 'officer' });
    const done = await actions(officerId);
    expect(done).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.lockout', 'auth.login_step_up', 'auth.otp_sent', 'auth.login']));
  });
});
