// "Quên mật khẩu" (seed 002 PL2 mục 4(3)): an OTP to the account's registered phone, then a new
// password. Every answer is the same whether or not the identifier matched an account: the same
// response shape, the same limits (kept by request id and address, never by account), the same
// error for any wrong, old, expired or missing code.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { passwordProblems } from '../../../common/password.js';
import { normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { writeAudit } from '../../platform/audit.js';
import { clearFailures } from '../../platform/auth/lockout.js';
import { hashPassword } from '../../platform/auth/password.js';
import { revokeOtherSessions } from '../../platform/auth/sessions.js';
import type { Ctx } from '../../platform/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { sendSms } from '../../platform/notify/jobs.js';
import { checkOtp, consumeOtp, issueOtp, OTP_RULES } from '../../platform/otp.js';
import { enforceRateLimits, formatWait, hitRateLimit } from '../../platform/rate-limit.js';
import { findLoginCandidates, setPassword } from '../users/service.js';
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

/** Normalised identifier and the single account it names (CMND/CCCD, MST or phone), if any. */
async function resolveAccount(ctx: Ctx, rawLogin: string) {
  const raw = rawLogin.trim();
  const login = normalizeIdNumber(raw) || raw;
  const phone = normalizeMobile(raw);
  const candidates = await findLoginCandidates(ctx.deps.db, 'citizen', login, phone);
  const user = candidates.length === 1 && candidates[0]!.status === 'active' && candidates[0]!.phone ? candidates[0]! : null;
  return { login: phone ?? login, user };
}

/**
 * Sends the code when the account exists and the phone's own limit allows; otherwise does nothing
 * visible. The phone limit is shared with every other OTP flow.
 */
async function sendResetCode(ctx: Ctx, resetId: string, userId: string | null, phone: string | null, now: Date): Promise<void> {
  if (!userId || !phone) return;
  const perPhone = await hitRateLimit(ctx.deps.db, { key: `otp:phone:${phone}`, limit: 10, windowSeconds: 3600 }, now);
  if (!perPhone.allowed) return;
  await ctx.deps.db.transaction(async (tx) => {
    const otp = await issueOtp(tx, ctx.deps.secret, now, { purpose: OTP_PURPOSE, subject: resetId, phone });
    await sendSms(
      tx,
      ctx,
      `otp:${otp.challengeId}`,
      phone,
      `Mã OTP lấy lại mật khẩu Cổng Dịch vụ công là ${otp.code}, có hiệu lực trong 2 phút. Không cung cấp mã này cho bất kỳ ai.`,
    );
    await writeAudit(tx, ctx, { action: 'auth.otp_sent', entityType: 'user', entityId: userId, after: { purpose: OTP_PURPOSE, resetId } });
  });
}

export async function startReset(ctx: Ctx, rawLogin: string): Promise<ResetStarted> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  await enforceRateLimits(db, [{ key: `reset:ip:${ctx.ip}`, limit: 10, windowSeconds: 3600 }], now);
  const { login, user } = await resolveAccount(ctx, rawLogin);
  await enforceRateLimits(db, [{ key: `reset:id:${login}`, limit: 5, windowSeconds: 3600 }], now);
  // Random (v4), not time-ordered: the id is what the browser holds for this request.
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      id,
      login,
      userId: user?.id ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_SECONDS * 1000),
      lastSentAt: now,
      ip: ctx.ip,
    });
    await writeAudit(tx, ctx, {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user?.id ?? null,
      actorName: login,
      after: { matched: user !== null },
    });
  });
  await sendResetCode(ctx, id, user?.id ?? null, user?.phone ?? null, now);
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
  const claimed = await db
    .update(passwordResets)
    .set({ lastSentAt: now, sends: sql`${passwordResets.sends} + 1` })
    .where(and(eq(passwordResets.id, id), eq(passwordResets.lastSentAt, row.lastSentAt), lt(passwordResets.sends, OTP_RULES.maxSendsPerHour)))
    .returning({ id: passwordResets.id });
  if (claimed.length === 0) {
    throw new AppError('OTP_SEND_LIMIT', {
      message: `Đã gửi ${OTP_RULES.maxSendsPerHour} mã OTP cho yêu cầu này. Hãy bắt đầu lại từ đầu sau ít phút.`,
    });
  }
  const phone = row.userId ? ((await findLoginCandidates(db, 'citizen', row.login, normalizeMobile(row.login)))[0]?.phone ?? null) : null;
  await sendResetCode(ctx, id, row.userId, phone, now);
  return started(id, now);
}

export async function completeReset(ctx: Ctx, id: string, input: { otp: string; newPassword: string; newPasswordConfirm: string }): Promise<void> {
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  const problems = passwordProblems(input.newPassword);
  if (problems.length) {
    throw new AppError('PASSWORD_POLICY', { message: `Mật khẩu mới chưa đạt: ${problems.join('; ').toLowerCase()}.`, details: { problems } });
  }
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
  const passwordHash = await hashPassword(input.newPassword);
  let owner: { idNumber: string | null; phone: string | null } | null = null;
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
    if (user) owner = user;
    if (user?.phone) {
      await sendSms(
        tx,
        ctx,
        `password-reset-done:${id}`,
        user.phone,
        'Mật khẩu tài khoản Cổng Dịch vụ công của bạn vừa được đặt lại. Nếu không phải bạn thực hiện, hãy gọi ngay tổng đài 1022.',
      );
    }
    await writeAudit(tx, ctx, { action: 'auth.password_reset', entityType: 'user', entityId: userId, actorId: userId, actorName: row.login });
  });
  // The owner proved the phone: a lock from wrong passwords ends too, whichever identifier it was on.
  const o = owner as { idNumber: string | null; phone: string | null } | null;
  for (const k of new Set([row.login, o?.idNumber, o?.phone])) if (k) await clearFailures(db, `login:citizen:${k}`);
}

/** Hourly: reset requests a day past their expiry (the audit log keeps what happened). */
export async function prunePasswordResets(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(passwordResets).where(lt(passwordResets.expiresAt, new Date(now.getTime() - 24 * 3600 * 1000)));
}
