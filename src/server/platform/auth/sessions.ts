// Cookie sessions stored in the database: the cookie holds a random token, the table its sha256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { driverStatement, type Db, type DbOrTx } from '../../db/client.js';
import type { Actor, UserKind } from '../context.js';
import { sessions } from '../tables.js';
import { users } from '../../modules/users/tables.js';

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

/** last_seen_at is written at most once a minute per session, not on every request. */
const SEEN_GRANULARITY_MS = 60_000;

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

function buildResolveQuery(db: Db, rideAlong?: RideAlong) {
  const selection = {
    tokenHash: sessions.tokenHash,
    audience: sessions.audience,
    userId: users.id,
    kind: users.kind,
    fullName: users.fullName,
    username: users.username,
    phone: users.phone,
    mustChangePassword: users.mustChangePassword,
    // Copies of user_permissions / user_units kept by triggers: one row, no subqueries.
    permissions: users.permissions,
    unitIds: sql<string[]>`${users.unitIds}::text[]`,
    lastSeenAt: sessions.lastSeenAt,
    rideAlong: rideAlong ? rideAlong.column : sql<null>`null`,
  };
  const query = db
    .select(selection)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        // Idle timeout: the session must have been used within its audience's idle window.
        sql`${sessions.lastSeenAt} > case ${sessions.audience} when 'officer' then ${sql.placeholder('officerSeenAfter')}::timestamptz else ${sql.placeholder('citizenSeenAfter')}::timestamptz end`,
        eq(users.status, 'active'),
      ),
    );
  const run = driverStatement(db, rideAlong ? `resolve_session_${rideAlong.name}` : 'resolve_session', query);
  const keys = Object.keys(selection) as (keyof typeof selection)[];
  type Row = { [K in keyof typeof selection]: (typeof query)['_']['result'][number][K] };
  return async (values: { tokenHash: string; now: Date; officerSeenAfter: Date; citizenSeenAfter: Date; p?: string }): Promise<Row | undefined> => {
    const [r] = await run(values);
    return r ? (Object.fromEntries(keys.map((k, i) => [k, r[i]])) as Row) : undefined;
  };
}

// Runs on every API request: a named statement saves PostgreSQL the parse and plan.
const resolveQueries = new WeakMap<Db, Map<string, ReturnType<typeof buildResolveQuery>>>();

/** One round trip: the session, its user, the user's permissions and units (and a ride-along read). */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  idle: IdleMinutes,
  rideAlong?: { read: RideAlong; param: string },
): Promise<(ResolvedSession & { rideAlong: unknown }) | null> {
  if (!token || token.length > 100) return null;
  let byName = resolveQueries.get(db);
  if (!byName) resolveQueries.set(db, (byName = new Map()));
  const key = rideAlong?.read.name ?? '';
  let q = byName.get(key);
  if (!q) byName.set(key, (q = buildResolveQuery(db, rideAlong?.read)));
  const r = await q({
    tokenHash: hashToken(token),
    now,
    officerSeenAfter: new Date(now.getTime() - idle.officer * 60_000),
    citizenSeenAfter: new Date(now.getTime() - idle.citizen * 60_000),
    p: rideAlong?.param,
  });
  if (!r) return null;
  if (now.getTime() - new Date(r.lastSeenAt).getTime() >= SEEN_GRANULARITY_MS) await touchSession(db, r.tokenHash, now);
  return {
    rideAlong: r.rideAlong,
    tokenHash: r.tokenHash,
    audience: r.audience as Audience,
    actor: {
      userId: r.userId,
      kind: r.kind as UserKind,
      fullName: r.fullName,
      username: r.username,
      phone: r.phone,
      mustChangePassword: r.mustChangePassword,
      permissions: new Set(r.permissions ?? []),
      unitIds: r.unitIds ?? [],
    },
  };
}

/** Marks the session as used now (at most once a minute; see SEEN_GRANULARITY_MS). */
async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
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
