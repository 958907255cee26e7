// Cookie sessions stored in the database: the cookie holds a random token, the table its sha256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
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

function buildResolveQuery(db: Db) {
  return db
    .select({
      tokenHash: sessions.tokenHash,
      audience: sessions.audience,
      userId: users.id,
      kind: users.kind,
      fullName: users.fullName,
      username: users.username,
      phone: users.phone,
      mustChangePassword: users.mustChangePassword,
      permissions: sql<string[]>`array(select p.permission from user_permissions p where p.user_id = ${users.id})`,
      unitIds: sql<string[]>`array(select uu.agency_id::text from user_units uu where uu.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.status, 'active'),
      ),
    )
    .prepare('resolve_session');
}

// Runs on every API request: a named prepared statement saves PostgreSQL the parse and plan.
const resolveQueries = new WeakMap<Db, ReturnType<typeof buildResolveQuery>>();

/** One round trip: the session, its user, the user's permissions and units. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  let q = resolveQueries.get(db);
  if (!q) resolveQueries.set(db, (q = buildResolveQuery(db)));
  const [r] = await q.execute({ tokenHash: hashToken(token), now: now.toISOString() });
  if (!r) return null;
  return {
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
