// Cookie sessions stored in the database: the cookie holds a random token, the table its sha256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import type { Actor, UserKind } from '../context.js';
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

interface SessionRow {
  token_hash: string;
  audience: Audience;
  user_id: string;
  kind: UserKind;
  full_name: string;
  username: string | null;
  phone: string | null;
  must_change_password: boolean;
  permissions: string[] | null;
  unit_ids: string[] | null;
}

/** One round trip: the session, its user, the user's permissions and units. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const rows = rowsOf<SessionRow>(
    await db.execute(sql`
      select s.token_hash, s.audience, u.id as user_id, u.kind, u.full_name, u.username, u.phone, u.must_change_password,
        array(select permission from user_permissions p where p.user_id = u.id) as permissions,
        array(select agency_id::text from user_units uu where uu.user_id = u.id) as unit_ids
      from sessions s join users u on u.id = s.user_id
      where s.token_hash = ${hashToken(token)} and s.revoked_at is null and s.expires_at > ${now.toISOString()}
        and u.status = 'active'`),
  );
  const r = rows[0];
  if (!r) return null;
  return {
    tokenHash: r.token_hash,
    audience: r.audience,
    actor: {
      userId: r.user_id,
      kind: r.kind,
      fullName: r.full_name,
      username: r.username,
      phone: r.phone,
      mustChangePassword: r.must_change_password,
      permissions: new Set(r.permissions ?? []),
      unitIds: r.unit_ids ?? [],
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
