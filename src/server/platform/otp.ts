// One-time codes: 6 digits, stored only as an HMAC, valid OTP_TTL, single use, only the latest
// code of a subject works, bounded wrong attempts, bounded sends with a cooldown.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { AppError } from './errors.js';
import { newId } from './ids.js';
import { formatWait } from './rate-limit.js';
import { otpChallenges } from './tables.js';

export const OTP_RULES = {
  length: 6,
  ttlSeconds: 120,
  resendCooldownSeconds: 30,
  maxSendsPerHour: 5,
  maxAttempts: 5,
} as const;

export interface OtpIssue {
  code: string;
  challengeId: string;
  expiresAt: Date;
  resendAvailableAt: Date;
  sendsRemaining: number;
}

function hmac(secret: string, purpose: string, subject: string, code: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${subject}\u0000${code}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Issues a new code for (purpose, subject), closing every older open one. Call inside the
 * transaction that also enqueues the SMS, so a code exists only if its message will be sent.
 */
export async function issueOtp(
  tx: DbOrTx,
  secret: string,
  now: Date,
  args: { purpose: string; subject: string } & ({ phone: string; email?: undefined } | { email: string; phone?: undefined }),
): Promise<OtpIssue> {
  const hourAgo = new Date(now.getTime() - 3600 * 1000);
  const recent = await tx
    .select({ createdAt: otpChallenges.createdAt })
    .from(otpChallenges)
    .where(and(eq(otpChallenges.purpose, args.purpose), eq(otpChallenges.subject, args.subject), gte(otpChallenges.createdAt, hourAgo)))
    .orderBy(desc(otpChallenges.createdAt));
  const last = recent[0];
  if (last) {
    const wait = Math.ceil((last.createdAt.getTime() + OTP_RULES.resendCooldownSeconds * 1000 - now.getTime()) / 1000);
    if (wait > 0) {
      throw new AppError('OTP_RESEND_TOO_SOON', {
        message: `Mã OTP vừa được gửi. Vui lòng chờ ${formatWait(wait)} rồi mới gửi lại.`,
        details: { retryAfterSeconds: wait },
      });
    }
  }
  if (recent.length >= OTP_RULES.maxSendsPerHour) {
    const oldest = recent[recent.length - 1]!;
    const wait = Math.ceil((oldest.createdAt.getTime() + 3600 * 1000 - now.getTime()) / 1000);
    throw new AppError('OTP_SEND_LIMIT', {
      message: `Đã gửi ${OTP_RULES.maxSendsPerHour} mã OTP trong 1 giờ cho yêu cầu này. Kiểm tra lại số điện thoại, hoặc thử lại sau ${formatWait(wait)}.`,
      details: { retryAfterSeconds: wait },
    });
  }
  await tx
    .update(otpChallenges)
    .set({ closedAt: now, closedReason: 'superseded' })
    .where(and(eq(otpChallenges.purpose, args.purpose), eq(otpChallenges.subject, args.subject), isNull(otpChallenges.closedAt)));

  const code = String(randomInt(0, 10 ** OTP_RULES.length)).padStart(OTP_RULES.length, '0');
  const id = newId();
  const expiresAt = new Date(now.getTime() + OTP_RULES.ttlSeconds * 1000);
  await tx.insert(otpChallenges).values({
    id,
    purpose: args.purpose,
    subject: args.subject,
    phone: args.phone ?? null,
    email: args.email ?? null,
    codeHmac: hmac(secret, args.purpose, args.subject, code),
    createdAt: now,
    expiresAt,
  });
  return {
    code,
    challengeId: id,
    expiresAt,
    resendAvailableAt: new Date(now.getTime() + OTP_RULES.resendCooldownSeconds * 1000),
    sendsRemaining: OTP_RULES.maxSendsPerHour - recent.length - 1,
  };
}

export interface OtpStatus {
  expiresAt: Date;
  resendAvailableAt: Date;
  attemptsRemaining: number;
}

/** The latest code of a subject, for showing the countdown again after a reload. */
export async function latestOtp(db: DbOrTx, purpose: string, subject: string): Promise<OtpStatus | null> {
  const [row] = await db
    .select()
    .from(otpChallenges)
    .where(and(eq(otpChallenges.purpose, purpose), eq(otpChallenges.subject, subject)))
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
  if (!row) return null;
  return {
    expiresAt: row.expiresAt,
    resendAvailableAt: new Date(row.createdAt.getTime() + OTP_RULES.resendCooldownSeconds * 1000),
    attemptsRemaining: row.closedAt ? 0 : Math.max(0, OTP_RULES.maxAttempts - row.attempts),
  };
}

/**
 * Checks a typed code against the latest one. A wrong code is counted on the global handle, so
 * the count survives the failed request. Returns the challenge id; the caller consumes it with
 * consumeOtp inside its own transaction.
 */
export async function checkOtp(
  db: Db,
  secret: string,
  now: Date,
  args: { purpose: string; subject: string; code: string },
): Promise<string> {
  const rows = await db
    .select()
    .from(otpChallenges)
    .where(and(eq(otpChallenges.purpose, args.purpose), eq(otpChallenges.subject, args.subject)))
    .orderBy(desc(otpChallenges.createdAt))
    .limit(OTP_RULES.maxSendsPerHour * 2);
  const latest = rows[0];
  if (!latest) throw new AppError('OTP_NOT_SENT');
  if (latest.closedReason === 'attempts') throw new AppError('OTP_ATTEMPTS_EXCEEDED');
  // Used, or closed because the draft's phone/number changed: no code is pending.
  if (latest.closedReason === 'used' || latest.closedReason === 'superseded') throw new AppError('OTP_NOT_SENT');

  const code = args.code.trim();
  const typed = /^\d{6}$/.test(code) ? hmac(secret, args.purpose, args.subject, code) : '';
  if (typed && sameHex(typed, latest.codeHmac)) {
    if (latest.expiresAt.getTime() <= now.getTime()) throw new AppError('OTP_EXPIRED');
    return latest.id;
  }
  // Wrong code: count the attempt atomically, never past the limit.
  const res = await db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(and(eq(otpChallenges.id, latest.id), isNull(otpChallenges.closedAt), sql`${otpChallenges.attempts} < ${OTP_RULES.maxAttempts}`))
    .returning({ attempts: otpChallenges.attempts });
  const attempts = res[0]?.attempts ?? OTP_RULES.maxAttempts;
  if (attempts >= OTP_RULES.maxAttempts) {
    await db
      .update(otpChallenges)
      .set({ closedAt: now, closedReason: 'attempts' })
      .where(and(eq(otpChallenges.id, latest.id), isNull(otpChallenges.closedAt)));
    throw new AppError('OTP_ATTEMPTS_EXCEEDED');
  }
  const remaining = OTP_RULES.maxAttempts - attempts;
  if (typed && rows.slice(1).some((r) => sameHex(typed, r.codeHmac))) {
    throw new AppError('OTP_SUPERSEDED', {
      message: `Đây là mã OTP cũ, đã bị thay bằng mã gửi sau. Hãy nhập mã OTP mới nhất vừa nhận được (còn ${remaining} lần thử).`,
      details: { attemptsRemaining: remaining },
    });
  }
  if (latest.expiresAt.getTime() <= now.getTime()) throw new AppError('OTP_EXPIRED');
  throw new AppError('OTP_INVALID', {
    message: `Mã OTP không đúng. Còn ${remaining} lần thử.`,
    details: { attemptsRemaining: remaining },
  });
}

/** Marks the code used; false when another request used it first. */
export async function consumeOtp(tx: DbOrTx, challengeId: string, now: Date): Promise<boolean> {
  const res = await tx
    .update(otpChallenges)
    .set({ closedAt: now, closedReason: 'used' })
    .where(and(eq(otpChallenges.id, challengeId), isNull(otpChallenges.closedAt)))
    .returning({ id: otpChallenges.id });
  return res.length === 1;
}
