// Steps 2–3 of SPEC §1: OTP rules, account creation, the SMS password, the citizen's first login.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDraft, latestOtp, loggedIn, Http, type DraftInput } from '../../../../tests/support/http.js';
import { startTestSystem, type TestSystem } from '../../../../tests/support/system.js';
import { completeAccountRequest, getAccountRequest, sendAccountOtp, updateAccountRequest } from '../../../common/api/citizen-accounts.js';
import type { Reply } from '../../../common/api/contract.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog, outbox } from '../../platform/tables.js';
import { users } from '../users/tables.js';

let sys: TestSystem;
let clock: ManualClock;
let officer: Http;

beforeAll(async () => {
  sys = await startTestSystem();
  clock = sys.clock as ManualClock;
  officer = await loggedIn(sys.app, 'officer', 'motcua.demo');
});
beforeEach(() => {
  // Every test starts at the same instant, however far another test moved the clock.
  sys.resetClock();
});
afterAll(async () => {
  await sys?.close();
});

let seq = 0;
/** A fresh citizen per test: CCCD 0790 94 nnnnnn (HCM, male, 1994), phone 0909 nnnnnn. */
function citizen(): DraftInput {
  seq += 1;
  const n = String(100000 + seq);
  return { idNumber: `079094${n}`, birthDate: '1994-01-01', phone: `0909${n}` };
}

async function sendOtp(id: string) {
  const res = await officer.post(`/api/citizen-account-requests/${id}/otp`);
  await sys.deliver();
  return res;
}

const complete = (id: string, otp: string, h = officer) => h.post(`/api/citizen-account-requests/${id}/complete`, { otp });

describe('Gửi mã OTP and Tạo tài khoản', () => {
  it('creates the account with the latest code, sends the password by SMS, and forces a change at first login', async () => {
    const c = citizen();
    const draft = await createDraft(officer, c);
    expect((await complete(draft.id, '123456')).json()).toMatchObject({ code: 'OTP_NOT_SENT' });

    const sent = await sendOtp(draft.id);
    expect(sent.statusCode).toBe(200);
    const body = sent.json<Reply<typeof sendAccountOtp>>();
    expect(new Date(body.expiresAt).getTime() - clock.now().getTime()).toBe(120_000);
    expect(body.sendsRemaining).toBe(4);

    const code = await latestOtp(officer, c.phone!);
    const done = await complete(draft.id, code);
    expect(done.statusCode).toBe(200);
    expect(done.json<Reply<typeof completeAccountRequest>>()).toMatchObject({ status: 'completed', idNumber: c.idNumber });
    await sys.deliver();

    const sms = (await officer.get('/api/dev/outbox')).json<{ to: string; body: string }[]>();
    const passwordSms = sms.find((m) => m.to === c.phone && m.body.includes('Mật khẩu:'));
    expect(passwordSms?.body).toContain(`Tên đăng nhập: ${c.idNumber}`);
    const password = /Mật khẩu: (\S+)/.exec(passwordSms!.body)![1]!;

    // The delivered SMS bodies (OTP and password) do not stay in the outbox table.
    const rows = (await sys.deps.db.select().from(outbox)).filter((x) => x.status === 'done');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(JSON.stringify(r.payload)).not.toContain(password);

    // The citizen logs in with the CCCD, and also with the phone number.
    const citizenHttp = new Http(sys.app);
    const login = await citizenHttp.login('citizen', c.idNumber!, password);
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ mustChangePassword: true });
    expect((await new Http(sys.app).login('citizen', c.phone!, password)).statusCode).toBe(200);
    const me = await citizenHttp.get('/api/auth/me');
    expect(me.json()).toMatchObject({ kind: 'citizen', mustChangePassword: true, fullName: 'Nguyễn Thị Bình' });

    const changed = await citizenHttp.post('/api/auth/change-password', { currentPassword: password, newPassword: 'Moi@2026abc' });
    expect(changed.statusCode).toBe(204);
    expect((await citizenHttp.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: false });

    // Officer-side: completed, listed, audited; a second completion is refused.
    expect((await complete(draft.id, code)).json()).toMatchObject({ code: 'REQUEST_NOT_DRAFT' });
    const audit = await sys.deps.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['citizen_account_request.create', 'citizen_account_request.otp_sent', 'citizen_account_request.complete']),
    );
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('counts wrong codes down and closes the code after 5 wrong tries', async () => {
    const c = citizen();
    const draft = await createDraft(officer, c);
    await sendOtp(draft.id);
    const code = await latestOtp(officer, c.phone!);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const res = await complete(draft.id, wrong);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'OTP_INVALID', message: `Mã OTP không đúng. Còn ${left} lần thử.` });
    }
    const fifth = await complete(draft.id, wrong);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'OTP_ATTEMPTS_EXCEEDED' });
    // Even the right code no longer works; a new code must be sent.
    expect((await complete(draft.id, code)).json()).toMatchObject({ code: 'OTP_ATTEMPTS_EXCEEDED' });
  });

  it('refuses a code after 2 minutes', async () => {
    const c = citizen();
    const draft = await createDraft(officer, c);
    await sendOtp(draft.id);
    const code = await latestOtp(officer, c.phone!);
    clock.advance(120_000);
    const res = await complete(draft.id, code);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'OTP_EXPIRED' });
  });

  it('a resend makes the old code stop working, with a cooldown and an hourly limit', async () => {
    const c = citizen();
    const draft = await createDraft(officer, c);
    await sendOtp(draft.id);
    const first = await latestOtp(officer, c.phone!);

    const tooSoon = await sendOtp(draft.id);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json()).toMatchObject({ code: 'OTP_RESEND_TOO_SOON' });
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);

    // Resent until the new code differs from the first (the same six digits come back once in a
    // million sends): only then can the first one be told apart as the old code.
    let sends = 1;
    let second = first;
    while (second === first) {
      clock.advance(31_000);
      expect((await sendOtp(draft.id)).statusCode).toBe(200);
      sends += 1;
      second = await latestOtp(officer, c.phone!);
    }
    expect((await complete(draft.id, first)).json()).toMatchObject({ code: 'OTP_SUPERSEDED' });
    // Up to 5 sends an hour.
    for (; sends < 5; sends++) {
      clock.advance(31_000);
      expect((await sendOtp(draft.id)).statusCode).toBe(200);
    }
    clock.advance(31_000);
    const limited = await sendOtp(draft.id);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'OTP_SEND_LIMIT' });
    const latest = await latestOtp(officer, c.phone!);
    expect((await complete(draft.id, latest)).statusCode).toBe(200);
  });

  it('limits codes to one phone number across several drafts', async () => {
    // The per-phone counter is a fixed hourly window: start just after an hour begins so the
    // ten sends below (five minutes of clock) stay inside one window whenever the test runs.
    const hour = 3600_000;
    clock.set(new Date((Math.floor(clock.now().getTime() / hour) + 1) * hour + 1000));
    const phone = '0966000111';
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await createDraft(officer, { ...citizen(), phone }));
    for (const d of drafts.slice(0, 2)) {
      for (let i = 0; i < 5; i++) {
        expect((await sendOtp(d.id)).statusCode).toBe(200);
        clock.advance(31_000);
      }
    }
    const third = await sendOtp(drafts[2]!.id);
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'OTP_SEND_LIMIT' });
    expect(third.json().message).toContain('Có thể thử lại sau');
  });

  it('changing the phone of a draft closes the code sent to the old phone', async () => {
    const c = citizen();
    const draft = await createDraft(officer, c);
    await sendOtp(draft.id);
    const code = await latestOtp(officer, c.phone!);
    const detail = (await officer.get(`/api/citizen-account-requests/${draft.id}`)).json<Reply<typeof getAccountRequest>>();
    const upd = await officer.put(`/api/citizen-account-requests/${draft.id}`, {
      idNumber: c.idNumber,
      fullName: 'Nguyễn Thị Bình',
      birthDate: c.birthDate,
      phone: '0911000111',
      email: null,
      unitId: draft.unit.id,
      attachmentId: detail.attachment!.id,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json<Reply<typeof updateAccountRequest>>()).toMatchObject({ phone: '0911000111' });
    const res = await complete(draft.id, code);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'OTP_NOT_SENT' });
  });

  it('two officers finishing the same CMND/CCCD at the same moment end with exactly one account', async () => {
    const c = citizen();
    const a = await createDraft(officer, c);
    const b = await createDraft(officer, c);
    await sendOtp(a.id);
    await sendOtp(b.id);
    const messages = (await officer.get('/api/dev/outbox')).json<{ to: string; body: string }[]>();
    const codes = messages.filter((m) => m.to === c.phone && m.body.includes('OTP')).map((m) => /\b(\d{6})\b/.exec(m.body)![1]!);
    // Newest first: b's code, then a's.
    const [codeB, codeA] = codes;
    const results = await Promise.all([complete(a.id, codeA!), complete(b.id, codeB!)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'ACCOUNT_ALREADY_EXISTS' });
    const accounts = await sys.deps.db.select().from(users).where(eq(users.idNumber, c.idNumber!));
    expect(accounts).toHaveLength(1);
  });

  it('cannot send a code once the number got an account elsewhere', async () => {
    const c = citizen();
    const a = await createDraft(officer, c);
    const b = await createDraft(officer, c);
    await sendOtp(a.id);
    expect((await complete(a.id, await latestOtp(officer, c.phone!))).statusCode).toBe(200);
    const res = await sendOtp(b.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_ALREADY_EXISTS' });
  });
});
