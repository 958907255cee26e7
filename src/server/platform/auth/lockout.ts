// Account lockout with progressive delay (issue 4). Failed sign-ins are counted per key — the
// identifier typed (CMND/CCCD, phone, MST or username, so a lock says nothing about whether the
// account exists) and the client address — in the database, so the count holds across processes.
// After `free` failures a key is locked; every further failure doubles the delay up to `max`.
// A success clears the identifier's count, never the address's (one good account must not reset
// an address that is guessing others). Counts older than `forgetAfterSeconds` start again.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { AppError } from '../errors.js';
import { formatWait } from '../rate-limit.js';
import { loginThrottle } from '../tables.js';

export interface LockoutRule {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  forgetAfterSeconds: number;
}

export const LOCKOUT_RULES = {
  /** 5 wrong passwords, then 1 min, 2, 4, … up to 1 hour per further failure. */
  identifier: { free: 5, baseSeconds: 60, maxSeconds: 3600, forgetAfterSeconds: 24 * 3600 },
  /** An address guessing many accounts: 20 failures, then the same doubling. */
  address: { free: 20, baseSeconds: 60, maxSeconds: 3600, forgetAfterSeconds: 24 * 3600 },
} as const satisfies Record<string, LockoutRule>;

export type LockKind = keyof typeof LOCKOUT_RULES;

export interface LockKey {
  kind: LockKind;
  key: string;
}

/** Delay after the n-th consecutive failure (0 while n ≤ free). */
export function lockSeconds(rule: LockoutRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.free));
}

function lockedError(kind: LockKind, seconds: number): AppError {
  return kind === 'identifier'
    ? new AppError('ACCOUNT_LOCKED', {
        message: `Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${formatWait(seconds)}, hoặc dùng chức năng Quên mật khẩu.`,
        details: { retryAfterSeconds: seconds },
      })
    : new AppError('ADDRESS_LOCKED', {
        message: `Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau ${formatWait(seconds)}.`,
        details: { retryAfterSeconds: seconds },
      });
}

/** Throws ACCOUNT_LOCKED / ADDRESS_LOCKED while any key is locked. Checked before the password. */
export async function assertNotLocked(db: Db, keys: LockKey[], now: Date): Promise<void> {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys.map((k) => k.key)));
  for (const k of keys) {
    const row = rows.find((r) => r.key === k.key);
    if (row?.lockedUntil && row.lockedUntil > now) {
      throw lockedError(k.kind, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
    }
  }
}

/**
 * Counts a failure on every key (atomically, one upsert each). Returns the keys this failure
 * locked, with their delay, so the caller can audit the lockout and say so.
 */
export async function recordFailure(db: Db, keys: LockKey[], now: Date): Promise<{ kind: LockKind; key: string; seconds: number }[]> {
  const locked: { kind: LockKind; key: string; seconds: number }[] = [];
  for (const k of keys) {
    const rule = LOCKOUT_RULES[k.kind];
    const forgetBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000).toISOString();
    const res = await db.execute(sql`
      insert into login_throttle (key, failures, last_failure_at) values (${k.key}, 1, ${now.toISOString()})
      on conflict (key) do update set
        failures = case when login_throttle.last_failure_at < ${forgetBefore} then 1 else login_throttle.failures + 1 end,
        last_failure_at = excluded.last_failure_at
      returning failures`);
    const failures = Number(rowsOf<{ failures: number }>(res)[0]?.failures ?? 1);
    const seconds = lockSeconds(rule, failures);
    if (seconds > 0) {
      await db
        .update(loginThrottle)
        .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
        .where(eq(loginThrottle.key, k.key));
      locked.push({ ...k, seconds });
    }
  }
  return locked;
}

export { lockedError };

/** A correct password: the identifier starts again from zero. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Hourly: counts that are no longer locked and older than the rules remember them. */
export async function pruneLoginThrottle(db: Db, now: Date): Promise<void> {
  const forget = Math.max(LOCKOUT_RULES.identifier.forgetAfterSeconds, LOCKOUT_RULES.address.forgetAfterSeconds);
  await db.execute(sql`
    delete from login_throttle
    where last_failure_at < ${new Date(now.getTime() - forget * 1000).toISOString()}
      and (locked_until is null or locked_until < ${now.toISOString()})`);
}
