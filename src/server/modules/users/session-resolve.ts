// A session token → the signed-in user, in one round trip (the platform keeps the sessions; who the
// user is, is this module's). app.ts resolves every request's cookie through here.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { driverStatement, type Db } from '../../db/client.js';
import { hashToken, SEEN_GRANULARITY_MS, touchSession, type Audience, type IdleMinutes, type ResolvedSession, type RideAlong } from '../../platform/auth/sessions.js';
import type { UserKind } from '../../platform/context.js';
import { sessions } from '../../platform/tables.js';
import { users } from './tables.js';

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

