// Failed sign-ins, counted in the database so the counts hold across processes (ADR 0012, which
// supersedes the lockout part of 0007). Two kinds of counter live in `login_throttle`:
//
// - Locks with progressive delay, for a client address (`login-ip:<ip>`) and for a known device of
//   an account (`dev:<userId>:<nonce>`): after `free` failures the key is locked, and every further
//   failure doubles the delay up to `max`. A lock here costs only whoever is behind that address or
//   that browser, never the account's owner elsewhere.
// - Plain counts on an account, for attempts from browsers it does not know (`acct:<userId>` over a
//   day; `acct-run:<userId>:<password generation>` until a success or a new password): they never
//   lock; past a threshold the account asks untrusted browsers for a code sent to its phone
//   (step-up), and past the hard ceiling it refuses them (see ACCOUNT_RULES and untrustedState).
//   An identifier that names no account is counted the same way, under what was typed.
//
// A success clears the counters of the bucket it succeeded in, never an address's (one good
// account must not reset an address that is guessing others). Counts older than their rule's
// `forgetAfterSeconds` start again.
import { eq, inArray, like, or, sql } from 'drizzle-orm';
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

const DAY = 24 * 3600;

export const LOCKOUT_RULES = {
  /** A browser the account knows (device cookie): 5 wrong passwords, then 1 min, 2, 4, … up to 1 hour. */
  device: { free: 5, baseSeconds: 60, maxSeconds: 3600, forgetAfterSeconds: DAY },
  /** An address guessing many accounts: 20 failures, then the same doubling. */
  address: { free: 20, baseSeconds: 60, maxSeconds: 3600, forgetAfterSeconds: DAY },
} as const satisfies Record<string, LockoutRule>;

/** Untrusted failures on one account (or one typed identifier that names no account). */
export const ACCOUNT_RULES = {
  /** After this many failures from unknown browsers within a day, they must also give an SMS code. */
  stepUpAfter: 10,
  stepUpForgetAfterSeconds: DAY,
  /** NIST SP 800-63B §5.2.2: at most 100 consecutive failures, then unknown browsers are refused. */
  ceiling: 100,
  /** A run of failures is forgotten after 30 quiet days (and ends at once with a success or a new password). */
  ceilingForgetAfterSeconds: 30 * DAY,
  /** A known device whose own count reaches this is no longer treated as known. */
  deviceTrustCeiling: 100,
} as const;

/** Prefixes of the keys that keep a run of failures (ACCOUNT_RULES.ceilingForgetAfterSeconds). */
const RUN_KEY_PREFIXES = ['acct-run:', 'login-run:'] as const;

export type LockKind = keyof typeof LOCKOUT_RULES;

export interface LockKey {
  kind: LockKind;
  key: string;
}

export interface ThrottleRow {
  key: string;
  failures: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

/** Delay after the n-th consecutive failure (0 while n < free). */
export function lockSeconds(rule: LockoutRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.free));
}

/** Seconds a row is still locked for (0 when not locked). */
export function lockRemaining(row: ThrottleRow | undefined, now: Date): number {
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** The failures a row still counts (0 once its last failure is older than the rule remembers). */
export function liveFailures(row: ThrottleRow | undefined, forgetAfterSeconds: number, now: Date): number {
  if (!row) return 0;
  return row.lastFailureAt.getTime() < now.getTime() - forgetAfterSeconds * 1000 ? 0 : row.failures;
}

export type UntrustedState = 'open' | 'step-up' | 'blocked';

/** What an attempt from a browser the account does not know must go through. */
export function untrustedState(dayFailures: number, runFailures: number): UntrustedState {
  if (runFailures >= ACCOUNT_RULES.ceiling) return 'blocked';
  if (dayFailures >= ACCOUNT_RULES.stepUpAfter) return 'step-up';
  return 'open';
}

export function lockedError(kind: LockKind, seconds: number, audience: 'officer' | 'citizen' = 'citizen'): AppError {
  if (kind === 'address') {
    return new AppError('ADDRESS_LOCKED', {
      message: `Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau ${formatWait(seconds)}.`,
      details: { retryAfterSeconds: seconds },
    });
  }
  const help = audience === 'citizen' ? 'hoặc dùng chức năng Quên mật khẩu' : 'hoặc liên hệ quản trị viên';
  return new AppError('ACCOUNT_LOCKED', {
    message: `Đăng nhập trên thiết bị này tạm thời bị khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${formatWait(seconds)}, ${help}.`,
    details: { retryAfterSeconds: seconds },
  });
}

/** The rows of the given keys, in one query. */
export async function readThrottle(db: Db, keys: string[]): Promise<Map<string, ThrottleRow>> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return new Map(rows.map((r) => [r.key, r]));
}

/** Throws ACCOUNT_LOCKED / ADDRESS_LOCKED while any key is locked. Checked before the password. */
export async function assertNotLocked(db: Db, keys: LockKey[], now: Date, audience?: 'officer' | 'citizen'): Promise<void> {
  const rows = await readThrottle(
    db,
    keys.map((k) => k.key),
  );
  for (const k of keys) {
    const wait = lockRemaining(rows.get(k.key), now);
    if (wait > 0) throw lockedError(k.kind, wait, audience);
  }
}

/** Counts one failure on a key (atomically, one upsert) and returns its count. */
export async function countFailure(db: Db, key: string, forgetAfterSeconds: number, now: Date): Promise<number> {
  const forgetBefore = new Date(now.getTime() - forgetAfterSeconds * 1000).toISOString();
  const res = await db.execute(sql`
    insert into login_throttle (key, failures, last_failure_at) values (${key}, 1, ${now.toISOString()})
    on conflict (key) do update set
      failures = case when login_throttle.last_failure_at < ${forgetBefore} then 1 else login_throttle.failures + 1 end,
      last_failure_at = excluded.last_failure_at
    returning failures`);
  return Number(rowsOf<{ failures: number }>(res)[0]?.failures ?? 1);
}

/**
 * Counts a failure on every lock key. Returns the keys this failure locked, with their delay, so
 * the caller can audit the lockout and say so.
 */
export async function recordFailure(db: Db, keys: LockKey[], now: Date): Promise<{ kind: LockKind; key: string; seconds: number }[]> {
  const locked: { kind: LockKind; key: string; seconds: number }[] = [];
  for (const k of keys) {
    const rule = LOCKOUT_RULES[k.kind];
    const failures = await countFailure(db, k.key, rule.forgetAfterSeconds, now);
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

/** A success: these counters start again from zero. */
export async function clearFailures(db: Db, keys: string | string[]): Promise<void> {
  const list = typeof keys === 'string' ? [keys] : keys;
  if (list.length) await db.delete(loginThrottle).where(inArray(loginThrottle.key, list));
}

/** Every account-wide count of an account (after a completed "Quên mật khẩu": the owner proved the phone). */
export async function clearAccountFailures(db: Db, userId: string): Promise<void> {
  await db.delete(loginThrottle).where(or(eq(loginThrottle.key, `acct:${userId}`), like(loginThrottle.key, `acct-run:${userId}:%`)));
}

/** Hourly: counts that are no longer locked and older than their rules remember them. */
export async function pruneLoginThrottle(db: Db, now: Date): Promise<void> {
  const forget = Math.max(LOCKOUT_RULES.device.forgetAfterSeconds, LOCKOUT_RULES.address.forgetAfterSeconds, ACCOUNT_RULES.stepUpForgetAfterSeconds);
  const isRun = sql.join(
    RUN_KEY_PREFIXES.map((p) => sql`key like ${`${p}%`}`),
    sql` or `,
  );
  await db.execute(sql`
    delete from login_throttle
    where (locked_until is null or locked_until < ${now.toISOString()})
      and (
        (not (${isRun}) and last_failure_at < ${new Date(now.getTime() - forget * 1000).toISOString()})
        or ((${isRun}) and last_failure_at < ${new Date(now.getTime() - ACCOUNT_RULES.ceilingForgetAfterSeconds * 1000).toISOString()})
      )`);
}
