// "Quên mật khẩu" (seed 002 PL2 mục 4(3)): an OTP to the account's registered phone, then a new
// password. Every answer is the same whether or not the identifier matched an account: the same
// response shape, the same limits (kept by request id and address, never by account), the same
// error for any wrong, old, expired or missing code — and the same time: starting a request (and
// "Gửi lại OTP") does the same database work for both, a reset row and an outbox job, and the
// account is looked up only when the job runs, after the answer has gone. For an identifier with
// no account the job does nothing. (Looking it up in the request made unknown identifiers answer
// measurably faster, bench/reset-timing.ts.)
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { writeAudit } from '../../platform/audit.js';
import { clearAccountFailures } from '../../platform/auth/lockout.js';
import { hashPassword } from '../../platform/auth/password.js';
import { assertNewPassword, passwordTooCommon } from '../../platform/auth/password-policy.js';
import { revokeOtherSessions } from '../../platform/auth/sessions.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { enqueue, exponentialBackoff, type JobDefinition } from '../../platform/outbox.js';
import { outbox } from '../../platform/tables.js';
import { checkOtp, consumeOtp, issueOtp, OTP_RULES } from '../../platform/otp.js';
import { enforceRateLimits, formatWait, hitRateLimit } from '../../platform/rate-limit.js';
import { findLoginCandidates, getUser, setPassword } from '../users/service.js';
import { passwordResets } from './tables.js';

const OTP_PURPOSE = 'password-reset';
/** How long a reset request stays open (codes inside it still last 2 minutes each). */
const RESET_TTL_SECONDS = 15 * 60;

export interface ResetStarted {
  id: string;
  expiresAt: string;
  resendAvailableAt: string;
  ttlSeconds: number;
}

function started(id: string, now: Date): ResetStarted {
  return {
    id,
    expiresAt: new Date(now.getTime() + OTP_RULES.ttlSeconds * 1000).toISOString(),
    resendAvailableAt: new Date(now.getTime() + OTP_RULES.resendCooldownSeconds * 1000).toISOString(),
    ttlSeconds: OTP_RULES.ttlSeconds,
  };
}

/** The identifier as typed, normalised: a mobile number in its 0… form, else the CMND/CCCD or MST. */
function normalizeLogin(rawLogin: string): string {
  const raw = rawLogin.trim();
  return normalizeMobile(raw) ?? (normalizeIdNumber(raw) || raw);
}

/** The single active account with a phone that the identifier names, if any. */
async function resolveAccount(db: DbOrTx, login: string) {
  const candidates = await findLoginCandidates(db, 'citizen', login, normalizeMobile(login));
  return candidates.length === 1 && candidates[0]!.status === 'active' && candidates[0]!.phone ? candidates[0]! : null;
}

/** The outbox job that looks the account up and texts the code (see the top of this file). */
export const RESET_CODE_JOB = 'auth.password-reset-code';

interface ResetCodePayload {
  resetId: string;
  /** The request that asked for the code, for the audit row the job writes. */
  requestId: string;
  ip: string;
}

/** Queued in the request's transaction, for every request alike; `send` counts 1, 2, … per request. */
async function enqueueResetCode(tx: DbOrTx, ctx: Ctx, resetId: string, send: number, now: Date): Promise<void> {
  const payload: ResetCodePayload = { resetId, requestId: ctx.requestId, ip: ctx.ip };
  await enqueue(tx, ctx.deps.jobs, now, { kind: RESET_CODE_JOB, idempotencyKey: `password-reset:${resetId}:${send}`, payload });
}

/**
 * The job: when the request's identifier names an account and that phone's own limit allows
 * (shared with every other OTP flow), issues the code and queues its SMS; otherwise does nothing.
 */
async function sendResetCode(ctx: Ctx, resetId: string, jobKey: string): Promise<void> {
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.id, resetId), isNull(passwordResets.completedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  if (!row) return;
  const user = await resolveAccount(db, row.login);
  if (!user?.phone) return;
  const phone = user.phone;
  const smsKey = `otp:${jobKey}`;
  // A retry of a run that committed but was not marked done: its code is already on the way.
  const [queued] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.idempotencyKey, smsKey)).limit(1);
  if (queued) return;
  const perPhone = await hitRateLimit(db, { key: `otp:phone:${phone}`, limit: 10, windowSeconds: 3600 }, now);
  if (!perPhone.allowed) return;
  await db.transaction(async (tx) => {
    await tx.update(passwordResets).set({ userId: user.id }).where(eq(passwordResets.id, resetId));
    const otp = await issueOtp(tx, secret, now, { purpose: OTP_PURPOSE, subject: resetId, phone });
    await sendSms(
      tx,
      ctx,
      smsKey,
      phone,
      SMS_TEXTS.passwordResetOtp({ code: otp.code }),
      // A citizen's "Thông báo" keeps a note of it, never the code (platform/notify/inbox.ts).
      user.kind === 'officer' ? undefined : { accountId: user.id },
    );
    await writeAudit(tx, ctx, { action: 'auth.otp_sent', entityType: 'user', entityId: user.id, after: { purpose: OTP_PURPOSE, resetId } });
  });
}

/** The job kinds this file declares (registered by authModule). */
export function passwordResetJobs(deps: Deps): JobDefinition<never>[] {
  const job: JobDefinition<ResetCodePayload> = {
    kind: RESET_CODE_JOB,
    // A code issued too soon after the previous one (two jobs delivered out of order) waits for
    // the 30-second cooldown: 2 + 4 + 8 + 15 + 15 s of retries cover it.
    maxAttempts: 6,
    backoffMs: exponentialBackoff(2_000, 15_000),
    handler: (p, j) => sendResetCode({ deps, actor: null, requestId: p.requestId, ip: p.ip }, p.resetId, j.idempotencyKey),
  };
  return [job as JobDefinition<never>];
}

export async function startReset(ctx: Ctx, rawLogin: string): Promise<ResetStarted> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  await enforceRateLimits(db, [{ key: `reset:ip:${ctx.ip}`, limit: 10, windowSeconds: 3600 }], now);
  const login = normalizeLogin(rawLogin);
  await enforceRateLimits(db, [{ key: `reset:id:${login}`, limit: 5, windowSeconds: 3600 }], now);
  // Random (v4), not time-ordered: the id is what the browser holds for this request.
  const id = randomUUID();
  // The same statements whether or not `login` names an account: the account is looked up by
  // the outbox job, after this answer has gone.
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      id,
      login,
      userId: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_SECONDS * 1000),
      lastSentAt: now,
      ip: ctx.ip,
    });
    await enqueueResetCode(tx, ctx, id, 1, now);
    await writeAudit(tx, ctx, { action: 'auth.password_reset_requested', entityType: 'user', entityId: null, actorName: login, after: { resetId: id } });
  });
  return started(id, now);
}

async function openReset(ctx: Ctx, id: string, now: Date) {
  const [row] = await ctx.deps.db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.completedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  if (!row) throw new AppError('RESET_EXPIRED');
  return row;
}

export async function resendReset(ctx: Ctx, id: string): Promise<ResetStarted> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const row = await openReset(ctx, id, now);
  // The same cooldown and cap for a request that matched nothing: kept on the request row.
  const wait = Math.ceil((row.lastSentAt.getTime() + OTP_RULES.resendCooldownSeconds * 1000 - now.getTime()) / 1000);
  if (wait > 0) {
    throw new AppError('OTP_RESEND_TOO_SOON', {
      message: `Mã OTP vừa được gửi. Vui lòng chờ ${formatWait(wait)} rồi mới gửi lại.`,
      details: { retryAfterSeconds: wait },
    });
  }
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(passwordResets)
      .set({ lastSentAt: now, sends: sql`${passwordResets.sends} + 1` })
      .where(and(eq(passwordResets.id, id), eq(passwordResets.lastSentAt, row.lastSentAt), lt(passwordResets.sends, OTP_RULES.maxSendsPerHour)))
      .returning({ sends: passwordResets.sends });
    if (claimed.length === 0) {
      throw new AppError('OTP_SEND_LIMIT', {
        message: `Đã gửi ${OTP_RULES.maxSendsPerHour} mã OTP cho yêu cầu này. Hãy bắt đầu lại từ đầu sau ít phút.`,
      });
    }
    // Again the same work for every request; the job finds out whether there is anyone to text.
    await enqueueResetCode(tx, ctx, id, claimed[0]!.sends, now);
  });
  return started(id, now);
}

export async function completeReset(ctx: Ctx, id: string, input: { otp: string; newPassword: string; newPasswordConfirm: string }): Promise<void> {
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  // Composition and common passwords only: the answer before the code is checked must not depend
  // on whose account it is.
  assertNewPassword(input.newPassword, {}, 'Mật khẩu mới');
  if (input.newPassword !== input.newPasswordConfirm) throw new AppError('PASSWORD_MISMATCH');
  const row = await openReset(ctx, id, now);
  await enforceRateLimits(db, [{ key: `reset-attempts:${id}`, limit: OTP_RULES.maxAttempts, windowSeconds: 3600 }], now, 'OTP_ATTEMPTS_EXCEEDED');
  let challengeId: string | null = null;
  if (row.userId) {
    try {
      challengeId = await checkOtp(db, secret, now, { purpose: OTP_PURPOSE, subject: id, code: input.otp });
    } catch (err) {
      if (!(err instanceof AppError) || !err.code.startsWith('OTP_')) throw err;
    }
  }
  if (!row.userId || !challengeId) {
    await writeAudit(db, ctx, { action: 'auth.password_reset_failed', entityType: 'user', entityId: row.userId, actorName: row.login });
    throw new AppError('RESET_INVALID');
  }
  const userId = row.userId;
  // The code proved the phone: now the account's own words count too (the code stays usable).
  const owner = await getUser(db, userId);
  const own = owner
    ? { fullName: owner.fullName, idNumber: owner.idNumber, phone: owner.phone, email: owner.email, birthDate: owner.birthDate, other: [owner.representativeName, row.login] }
    : { other: [row.login] };
  if (passwordTooCommon(input.newPassword, own)) throw new AppError('PASSWORD_TOO_COMMON');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    if (!(await consumeOtp(tx, challengeId, now))) throw new AppError('RESET_INVALID');
    const done = await tx
      .update(passwordResets)
      .set({ completedAt: now })
      .where(and(eq(passwordResets.id, id), isNull(passwordResets.completedAt)))
      .returning({ id: passwordResets.id });
    if (done.length === 0) throw new AppError('RESET_EXPIRED');
    await setPassword(tx, { ...ctx, actor: null }, userId, passwordHash, false);
    // Whoever knew the old password is signed out everywhere.
    await revokeOtherSessions(tx, userId, null, now);
    const [user] = await findLoginCandidates(tx, 'citizen', row.login, normalizeMobile(row.login));
    if (user?.phone) {
      await sendSms(
        tx,
        ctx,
        `password-reset-done:${id}`,
        user.phone,
        SMS_TEXTS.passwordResetDone(),
        user.kind === 'officer' ? undefined : { accountId: user.id },
      );
    }
    await writeAudit(tx, ctx, { action: 'auth.password_reset', entityType: 'user', entityId: userId, actorId: userId, actorName: row.login });
  });
  // The owner proved the phone: the account's step-up and ceiling end too (ADR 0012); the new
  // password starts a new run of failures anyway.
  await clearAccountFailures(db, userId);
}

/** Hourly: reset requests a day past their expiry (the audit log keeps what happened). */
export async function prunePasswordResets(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(passwordResets).where(lt(passwordResets.expiresAt, new Date(now.getTime() - 24 * 3600 * 1000)));
}
