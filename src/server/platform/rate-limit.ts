// Fixed-window counters in the database, so every process sees the same count.
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/client.js';
import { AppError, ERRORS, type ErrorCode } from './errors.js';
import { rateLimits } from './tables.js';

export interface RateRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateResult {
  count: number;
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Counts one hit. Runs on the global handle so a failed request's hit is still kept. */
export async function hitRateLimit(db: Db, rule: RateRule, now: Date): Promise<RateResult> {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const res = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${rule.key}, ${start.toISOString()}, 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count`);
  const count = Number(rowsOf<{ count: number }>(res)[0]?.count ?? 1);
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
  return { count, allowed: count <= rule.limit, retryAfterSeconds };
}

/** The count of the rule's current window, without counting a hit. */
export async function peekRateLimit(db: Db, rule: RateRule, now: Date): Promise<RateResult> {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const res = await db.execute(sql`select count from rate_limits where key = ${rule.key} and window_start = ${start.toISOString()}`);
  const count = Number(rowsOf<{ count: number }>(res)[0]?.count ?? 0);
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
  return { count, allowed: count < rule.limit, retryAfterSeconds };
}

/** Hits every rule; throws RATE_LIMITED (or the given code) when any is over its limit. */
export async function enforceRateLimits(db: Db, rules: RateRule[], now: Date, code: ErrorCode = 'RATE_LIMITED'): Promise<void> {
  for (const rule of rules) {
    const r = await hitRateLimit(db, rule, now);
    if (!r.allowed) {
      throw new AppError(code, {
        message:
          code === 'RATE_LIMITED'
            ? `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${formatWait(r.retryAfterSeconds)}.`
            : `${ERRORS[code].message} Có thể thử lại sau ${formatWait(r.retryAfterSeconds)}.`,
        details: { retryAfterSeconds: r.retryAfterSeconds },
      });
    }
  }
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} giây`;
  return `${Math.ceil(seconds / 60)} phút`;
}

export async function pruneRateLimits(db: Db, now: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600 * 1000)));
}
