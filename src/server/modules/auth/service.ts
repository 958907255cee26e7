// Login, logout and password change for officers and citizens.
import { normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { passwordProblems } from '../../../common/password.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { createSession, revokeOtherSessions, revokeSession, type Audience } from '../../platform/auth/sessions.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { assertNotLocked, clearFailures, lockedError, recordFailure, type LockKey } from '../../platform/auth/lockout.js';
import { findLoginCandidates, getUser, setPassword } from '../users/service.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
  mustChangePassword: boolean;
}

export async function login(ctx: Ctx, input: { audience: Audience; login: string; password: string; userAgent?: string }): Promise<LoginResult> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const raw = input.login.trim();
  const login = input.audience === 'citizen' ? normalizeIdNumber(raw) : raw.toLowerCase();
  const phone = input.audience === 'citizen' ? normalizeMobile(raw) : undefined;
  // A general ceiling per address (a busy centre behind one NAT still fits), then the lockout:
  // keyed by what was typed, so a lock says nothing about whether the account exists.
  await enforceRateLimits(db, [{ key: `login:ip:${ctx.ip}`, limit: 120, windowSeconds: 300 }], now);
  const identifierKey = `login:${input.audience}:${phone ?? login}`;
  const keys: LockKey[] = [
    { kind: 'identifier', key: identifierKey },
    { kind: 'address', key: `login-ip:${ctx.ip}` },
  ];
  try {
    await assertNotLocked(db, keys, now);
  } catch (err) {
    await writeAudit(db, ctx, { action: 'auth.login_refused_locked', entityType: 'user', actorName: login, after: { audience: input.audience } });
    throw err;
  }
  const candidates = await findLoginCandidates(db, input.audience, login, phone);
  // A phone shared by several accounts cannot identify one: ask for the CMND/CCCD instead.
  const user = candidates.length === 1 ? candidates[0]! : undefined;
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    const locked = await recordFailure(db, keys, now);
    await writeAudit(db, ctx, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      actorId: user?.id ?? null,
      actorName: login,
      after: { audience: input.audience },
    });
    for (const l of locked) {
      await writeAudit(db, ctx, {
        action: 'auth.lockout',
        entityType: 'user',
        entityId: user?.id ?? null,
        actorName: login,
        after: { audience: input.audience, by: l.kind, seconds: l.seconds },
      });
    }
    // The failure that starts a lock says so at once, rather than on the next try.
    const first = locked[0];
    if (first) throw lockedError(first.kind, first.seconds);
    throw new AppError('INVALID_CREDENTIALS', {
      message:
        input.audience === 'citizen'
          ? 'Số CMND/CCCD (hoặc số điện thoại) hoặc mật khẩu không đúng.'
          : 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_INACTIVE');
  await clearFailures(db, identifierKey);
  return db.transaction(async (tx) => {
    const s = await createSession(tx, { userId: user.id, audience: input.audience, now, ip: ctx.ip, userAgent: input.userAgent });
    await writeAudit(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id, actorId: user.id, actorName: user.username ?? user.fullName, after: { audience: input.audience } });
    return { token: s.token, expiresAt: s.expiresAt, userId: user.id, mustChangePassword: user.mustChangePassword };
  });
}

export async function logout(ctx: Ctx, tokenHash: string): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    await revokeSession(tx, tokenHash, ctx.deps.clock.now());
    await writeAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor?.userId });
  });
}

/** "Đăng xuất khỏi mọi thiết bị": every session of the account ends, this one included. */
export async function logoutEverywhere(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  await ctx.deps.db.transaction(async (tx) => {
    await revokeOtherSessions(tx, actor.userId, null, ctx.deps.clock.now());
    await writeAudit(tx, ctx, { action: 'auth.logout_all', entityType: 'user', entityId: actor.userId });
  });
}

export async function changePassword(ctx: Ctx, tokenHash: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  const { db, clock } = ctx.deps;
  await enforceRateLimits(db, [{ key: `pwchange:${actor.userId}`, limit: 10, windowSeconds: 900 }], clock.now());
  const user = await getUser(db, actor.userId);
  if (user && !user.passwordHash) throw new AppError('NO_PASSWORD_SET');
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('WRONG_CURRENT_PASSWORD');
  const problems = passwordProblems(input.newPassword);
  if (problems.length) {
    throw new AppError('PASSWORD_POLICY', { message: `Mật khẩu mới chưa đạt: ${problems.join('; ').toLowerCase()}.`, details: { problems } });
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_SAME');
  const hashed = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, ctx, actor.userId, hashed, false);
    // Every other device must log in again with the new password.
    await revokeOtherSessions(tx, actor.userId, tokenHash, clock.now());
  });
}
