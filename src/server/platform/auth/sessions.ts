// Cookie sessions stored in the database: the cookie holds a random token, the table its sha256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../context.js';
import { sessions } from '../tables.js';

export const SESSION_COOKIE = 'dvc_session';
export const SESSION_TTL_MS = 12 * 3600 * 1000;

export type Audience = 'officer' | 'citizen';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  tx: DbOrTx,
  args: { userId: string; audience: Audience; now: Date; ip: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(args.now.getTime() + SESSION_TTL_MS);
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: args.userId,
    audience: args.audience,
    createdAt: args.now,
    lastSeenAt: args.now,
    expiresAt,
    ip: args.ip,
    userAgent: args.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export interface ResolvedSession {
  tokenHash: string;
  audience: Audience;
  actor: Actor;
}

/** Minutes of inactivity after which a session ends, per audience (config.sessionIdleMinutes). */
export type IdleMinutes = Readonly<Record<Audience, number>>;

/**
 * A read that rides along with the session statement, so the request costs one round trip instead
 * of two (docs/decisions/0005-session-ride-along-read.md). `column` is evaluated only when the
 * session is valid, with the placeholder `p` bound to `param`; the service still authorises the
 * actor before it uses the value, and falls back to its own query when there is none.
 */
export interface RideAlong {
  /** Names the prepared statement: one per kind of ride-along read. */
  name: string;
  column: SQL;
}

/** last_seen_at is written at most once a minute per session, not on every request. */
export const SEEN_GRANULARITY_MS = 60_000;

/** Marks the session as used now (at most once a minute; see SEEN_GRANULARITY_MS). */
export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, now)));
}

export async function revokeSession(tx: DbOrTx, tokenHash: string, now: Date): Promise<void> {
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Every other session of the user ends (after a password change). */
export async function revokeOtherSessions(tx: DbOrTx, userId: string, keepTokenHash: string | null, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepTokenHash ? sql`${sessions.tokenHash} <> ${keepTokenHash}` : sql`true`,
      ),
    );
}
