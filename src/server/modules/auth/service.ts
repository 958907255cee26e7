// Login, logout and password change for officers and citizens. The rules for failed attempts
// (device cookies, per-address locks, step-up with an SMS code, the hard ceiling) are in ADR 0012.
import { randomUUID } from 'node:crypto';
import { normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { passwordProblems } from '../../../common/password.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { passwordTooCommon } from '../../platform/auth/password-policy.js';
import { createSession, revokeOtherSessions, revokeSession, type Audience } from '../../platform/auth/sessions.js';
import { sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { checkOtp, consumeOtp, issueOtp } from '../../platform/otp.js';
import { enforceRateLimits, hitRateLimit } from '../../platform/rate-limit.js';
import { parseDeviceCookie, rememberDevice, type DeviceEntry } from '../../platform/auth/device-cookie.js';
import {
  ACCOUNT_RULES,
  LOCKOUT_RULES,
  assertNotLocked,
  clearFailures,
  countFailure,
  liveFailures,
  lockRemaining,
  lockedError,
  readThrottle,
  recordFailure,
  untrustedState,
  type LockKey,
} from '../../platform/auth/lockout.js';
import { findLoginCandidates, getUser, setPassword, type UserRow } from '../users/service.js';
import { attemptKeys, deviceKey, phoneHint, type AttemptKeys } from './login-policy.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
  mustChangePassword: boolean;
  /** The new value of the device cookie: this browser is now known to the account. */
  deviceCookie: string;
}

export interface LoginInput {
  audience: Audience;
  login: string;
  password: string;
  userAgent?: string;
  /** The browser's device cookie, as sent. */
  deviceCookie?: string;
  /** The answer to a step-up (LOGIN_CODE_REQUIRED): its challenge id and the code from the SMS. */
  challengeId?: string;
  code?: string;
}

/** OTP purpose of the step-up code; the subject is `<userId>:<challengeId>`. */
const STEP_UP_PURPOSE = 'login';
/** SMS codes one account can be sent per hour (only a correct password triggers one). */
const STEP_UP_CODES_PER_HOUR = 5;

interface Attempt {
  ctx: Ctx;
  input: LoginInput;
  /** The identifier as typed, normalised (CMND/CCCD, MST or username), for the audit row. */
  login: string;
  user: UserRow | undefined;
  now: Date;
}

function invalidCredentials(audience: Audience): AppError {
  return new AppError('INVALID_CREDENTIALS', {
    message: audience === 'citizen' ? 'Số CMND/CCCD (hoặc số điện thoại) hoặc mật khẩu không đúng.' : 'Tên đăng nhập hoặc mật khẩu không đúng.',
  });
}

function codeRequired(challengeId: string, hint: string): AppError {
  return new AppError('LOGIN_CODE_REQUIRED', {
    message: `Để bảo vệ tài khoản, đăng nhập từ thiết bị này cần thêm mã xác thực. Nếu mật khẩu đúng, mã xác thực đã được gửi tới số điện thoại ${hint} (có hiệu lực trong 2 phút).`,
    details: { challengeId, phoneHint: hint },
  });
}

function codeInvalid(challengeId: string, hint: string): AppError {
  return new AppError('LOGIN_CODE_INVALID', { details: { challengeId, phoneHint: hint } });
}

function untrustedBlocked(audience: Audience): AppError {
  return new AppError('LOGIN_UNTRUSTED_BLOCKED', {
    message:
      audience === 'citizen'
        ? 'Tài khoản đã bị nhập sai mật khẩu quá nhiều lần nên tạm ngừng đăng nhập từ thiết bị lạ. Hãy đăng nhập trên thiết bị đã dùng trước đây, hoặc dùng chức năng Quên mật khẩu để đặt lại mật khẩu.'
        : 'Tài khoản đã bị nhập sai mật khẩu quá nhiều lần nên tạm ngừng đăng nhập từ thiết bị lạ. Hãy đăng nhập trên máy đã dùng trước đây và đổi mật khẩu, hoặc liên hệ quản trị viên.',
  });
}

export async function login(ctx: Ctx, input: LoginInput): Promise<LoginResult> {
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  const raw = input.login.trim();
  const login = input.audience === 'citizen' ? normalizeIdNumber(raw) : raw.toLowerCase();
  const phone = input.audience === 'citizen' ? normalizeMobile(raw) : undefined;
  // The account first: CMND/CCCD, phone and MST of one account share its counters. A phone shared
  // by several accounts names none of them (the CMND/CCCD must be typed instead).
  const candidates = await findLoginCandidates(db, input.audience, login, phone);
  const user = candidates.length === 1 ? candidates[0]! : undefined;
  const attempt: Attempt = { ctx, input, login, user, now };
  const device = user ? parseDeviceCookie(secret, input.deviceCookie).find((d) => d.userId === user.id) : undefined;
  if (user && device) {
    const key = deviceKey(user.id, device.nonce);
    const row = (await readThrottle(db, [key])).get(key);
    // A device that has failed this often is treated as any other browser.
    if (liveFailures(row, LOCKOUT_RULES.device.forgetAfterSeconds, now) < ACCOUNT_RULES.deviceTrustCeiling) {
      return loginOnKnownDevice(attempt, user, device);
    }
  }
  return loginOnNewDevice(attempt, phone ?? login, phone);
}

/** A browser that signed in to this account before: only its own small bucket applies. */
async function loginOnKnownDevice(a: Attempt, user: UserRow, device: DeviceEntry): Promise<LoginResult> {
  const { ctx, input, now } = a;
  const db = ctx.deps.db;
  const key: LockKey = { kind: 'device', key: deviceKey(user.id, device.nonce) };
  try {
    await assertNotLocked(db, [key], now, input.audience);
  } catch (err) {
    await writeAudit(db, ctx, {
      action: 'auth.login_refused_locked',
      entityType: 'user',
      entityId: user.id,
      actorName: a.login,
      after: { audience: input.audience, by: 'device' },
    });
    throw err;
  }
  const ok = await verifyPassword(user.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!ok) {
    const locked = await recordFailure(db, [key], now);
    await auditFailure(a, { device: 'known' });
    for (const l of locked) await auditLockout(a, 'device', l.seconds);
    const first = locked[0];
    if (first) throw lockedError('device', first.seconds, input.audience);
    throw invalidCredentials(input.audience);
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_INACTIVE');
  await clearFailures(db, key.key);
  return startSession(a, user, { device: 'known' });
}

/**
 * A browser the account does not know (or an identifier that names no account): the address's
 * limits, then the account's untrusted counts decide between a plain password check, a password
 * and an SMS code (step-up), and a refusal (the ceiling). Every answer is the same whether or not
 * an account exists, and, in step-up, whether or not the password was right.
 */
async function loginOnNewDevice(a: Attempt, typed: string, typedPhone: string | undefined): Promise<LoginResult> {
  const { ctx, input, user, now } = a;
  const { db, secret } = ctx.deps;
  // A general ceiling per address (a busy centre behind one NAT still fits), then its lock.
  await enforceRateLimits(db, [{ key: `login:ip:${ctx.ip}`, limit: 120, windowSeconds: 300 }], now);
  const addressKey = `login-ip:${ctx.ip}`;
  const keys = attemptKeys(input.audience, typed, user);
  const rows = await readThrottle(db, [addressKey, keys.day, keys.run]);
  const addressWait = lockRemaining(rows.get(addressKey), now);
  if (addressWait > 0) {
    await writeAudit(db, ctx, {
      action: 'auth.login_refused_locked',
      entityType: 'user',
      entityId: user?.id ?? null,
      actorName: a.login,
      after: { audience: input.audience, by: 'address' },
    });
    throw lockedError('address', addressWait, input.audience);
  }
  const state = untrustedState(
    liveFailures(rows.get(keys.day), ACCOUNT_RULES.stepUpForgetAfterSeconds, now),
    liveFailures(rows.get(keys.run), ACCOUNT_RULES.ceilingForgetAfterSeconds, now),
  );
  if (state === 'blocked') {
    await writeAudit(db, ctx, {
      action: 'auth.login_refused_ceiling',
      entityType: 'user',
      entityId: user?.id ?? null,
      actorName: a.login,
      after: { audience: input.audience },
    });
    throw untrustedBlocked(input.audience);
  }
  const verified = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const ok = verified && user !== undefined;
  if (ok && user.status !== 'active') throw new AppError('ACCOUNT_INACTIVE');

  if (state === 'open') {
    if (ok) {
      await clearFailures(db, [keys.day, keys.run]);
      return startSession(a, user, { device: 'new' });
    }
    const addressLock = await failUntrusted(a, keys, false);
    if (addressLock) throw lockedError('address', addressLock, input.audience);
    throw invalidCredentials(input.audience);
  }

  // Step-up: a password alone is not enough from this browser.
  const hint = phoneHint(secret, user ? user.phone : typedPhone, typed);
  const answering = input.challengeId !== undefined && input.code !== undefined && input.code.trim() !== '';
  if (answering && ok) {
    let otpId: string | null = null;
    try {
      otpId = await checkOtp(db, secret, now, { purpose: STEP_UP_PURPOSE, subject: `${user.id}:${input.challengeId}`, code: input.code! });
    } catch (err) {
      if (!(err instanceof AppError) || !err.code.startsWith('OTP_')) throw err;
    }
    if (otpId) {
      const result = await startSession(a, user, { device: 'new', otpId, onRace: () => codeInvalid(input.challengeId!, hint) });
      await clearFailures(db, [keys.day, keys.run]);
      return result;
    }
  }
  // Anything else counts as a failure, a right password without a code included: the counts, and
  // so every later answer, must not depend on whether the password was right.
  const addressLock = await failUntrusted(a, keys, true);
  if (addressLock) throw lockedError('address', addressLock, input.audience);
  if (answering) throw codeInvalid(input.challengeId!, hint);
  const challengeId = randomUUID();
  // The code goes out only when the password was right: a stranger can neither learn that from
  // the answer nor make the owner's phone ring.
  if (ok) await sendStepUpCode(a, user, challengeId);
  throw codeRequired(challengeId, hint);
}

/**
 * Counts a failure from an unknown browser on the address (which may lock it), the account's day
 * and its run, and audits it with any threshold it crossed. Returns the address lock it started.
 */
async function failUntrusted(a: Attempt, keys: AttemptKeys, stepUp: boolean): Promise<number | null> {
  const db = a.ctx.deps.db;
  const [addressLock] = await recordFailure(db, [{ kind: 'address', key: `login-ip:${a.ctx.ip}` }], a.now);
  const day = await countFailure(db, keys.day, ACCOUNT_RULES.stepUpForgetAfterSeconds, a.now);
  const run = await countFailure(db, keys.run, ACCOUNT_RULES.ceilingForgetAfterSeconds, a.now);
  await auditFailure(a, { device: 'new', stepUp });
  if (addressLock) await auditLockout(a, 'address', addressLock.seconds);
  const base = { entityType: 'user', entityId: a.user?.id ?? null, actorName: a.login };
  if (day === ACCOUNT_RULES.stepUpAfter) {
    await writeAudit(db, a.ctx, { ...base, action: 'auth.login_step_up', after: { audience: a.input.audience, failures: day } });
  }
  if (run === ACCOUNT_RULES.ceiling) {
    await writeAudit(db, a.ctx, { ...base, action: 'auth.login_ceiling', after: { audience: a.input.audience, failures: run } });
  }
  return addressLock?.seconds ?? null;
}

async function auditFailure(a: Attempt, after: Record<string, unknown>): Promise<void> {
  await writeAudit(a.ctx.deps.db, a.ctx, {
    action: 'auth.login_failed',
    entityType: 'user',
    entityId: a.user?.id ?? null,
    actorId: a.user?.id ?? null,
    actorName: a.login,
    after: { audience: a.input.audience, ...after },
  });
}

async function auditLockout(a: Attempt, by: 'device' | 'address', seconds: number): Promise<void> {
  await writeAudit(a.ctx.deps.db, a.ctx, {
    action: 'auth.lockout',
    entityType: 'user',
    entityId: a.user?.id ?? null,
    actorName: a.login,
    after: { audience: a.input.audience, by, seconds },
  });
}

/** The step-up SMS, within the account's hourly budget; skipped silently (but audited) past it. */
async function sendStepUpCode(a: Attempt, user: UserRow, challengeId: string): Promise<void> {
  const { ctx, now } = a;
  const { db, secret } = ctx.deps;
  const skipped = (reason: string) =>
    writeAudit(db, ctx, { action: 'auth.login_code_skipped', entityType: 'user', entityId: user.id, actorName: a.login, after: { reason } });
  const phone = user.phone;
  if (!phone) return skipped('no_phone');
  const budget = await hitRateLimit(db, { key: `login-code:${user.id}`, limit: STEP_UP_CODES_PER_HOUR, windowSeconds: 3600 }, now);
  if (!budget.allowed) return skipped('limit');
  await db.transaction(async (tx) => {
    const otp = await issueOtp(tx, secret, now, { purpose: STEP_UP_PURPOSE, subject: `${user.id}:${challengeId}`, phone });
    await sendSms(
      tx,
      ctx,
      `otp:${otp.challengeId}`,
      phone,
      SMS_TEXTS.loginStepUpOtp({ code: otp.code }),
      // A citizen's "Thông báo" keeps a note of it, never the code (platform/notify/inbox.ts).
      user.kind === 'officer' ? undefined : { accountId: user.id },
    );
    await writeAudit(tx, ctx, { action: 'auth.otp_sent', entityType: 'user', entityId: user.id, actorName: a.login, after: { purpose: STEP_UP_PURPOSE } });
  });
}

async function startSession(
  a: Attempt,
  user: UserRow,
  opts: { device: 'known' | 'new'; otpId?: string; onRace?: () => AppError },
): Promise<LoginResult> {
  const { ctx, input, now } = a;
  const s = await ctx.deps.db.transaction(async (tx) => {
    if (opts.otpId && !(await consumeOtp(tx, opts.otpId, now))) throw opts.onRace?.() ?? new AppError('LOGIN_CODE_INVALID');
    const session = await createSession(tx, { userId: user.id, audience: input.audience, now, ip: ctx.ip, userAgent: input.userAgent });
    await writeAudit(tx, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorName: user.username ?? user.fullName,
      after: { audience: input.audience, device: opts.device, ...(opts.otpId ? { stepUp: true } : {}) },
    });
    return session;
  });
  return {
    token: s.token,
    expiresAt: s.expiresAt,
    userId: user.id,
    mustChangePassword: user.mustChangePassword,
    deviceCookie: rememberDevice(ctx.deps.secret, input.deviceCookie, user.id),
  };
}

export async function logout(ctx: Ctx, tokenHash: string): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    await revokeSession(tx, tokenHash, ctx.deps.clock.now());
    await writeAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor?.userId });
  });
}

/** "Đăng xuất khỏi mọi thiết bị": every session of the account ends, this one included. */
export async function logoutEverywhere(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  await ctx.deps.db.transaction(async (tx) => {
    await revokeOtherSessions(tx, actor.userId, null, ctx.deps.clock.now());
    await writeAudit(tx, ctx, { action: 'auth.logout_all', entityType: 'user', entityId: actor.userId });
  });
}

export async function changePassword(ctx: Ctx, tokenHash: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  const { db, clock } = ctx.deps;
  await enforceRateLimits(db, [{ key: `pwchange:${actor.userId}`, limit: 10, windowSeconds: 900 }], clock.now());
  const user = await getUser(db, actor.userId);
  if (user && !user.passwordHash) throw new AppError('NO_PASSWORD_SET');
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('WRONG_CURRENT_PASSWORD');
  const problems = passwordProblems(input.newPassword);
  if (problems.length) {
    throw new AppError('PASSWORD_POLICY', { message: `Mật khẩu mới chưa đạt: ${problems.join('; ').toLowerCase()}.`, details: { problems } });
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_SAME');
  const own = { fullName: user.fullName, idNumber: user.idNumber, phone: user.phone, email: user.email, birthDate: user.birthDate, username: user.username, other: [user.representativeName] };
  if (passwordTooCommon(input.newPassword, own)) throw new AppError('PASSWORD_TOO_COMMON');
  const hashed = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, ctx, actor.userId, hashed, false);
    // Every other device must log in again with the new password.
    await revokeOtherSessions(tx, actor.userId, tokenHash, clock.now());
  });
}
