// Login, logout and password change for officers and citizens.
import { normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { passwordProblems } from '../../../common/password.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { createSession, revokeOtherSessions, revokeSession, type Audience } from '../../platform/auth/sessions.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
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
  // Throttle by address and by account name, before any password work.
  await enforceRateLimits(
    db,
    [
      { key: `login:ip:${ctx.ip}`, limit: 30, windowSeconds: 300 },
      { key: `login:id:${input.audience}:${phone ?? login}`, limit: 10, windowSeconds: 900 },
    ],
    now,
  );
  const candidates = await findLoginCandidates(db, input.audience, login, phone);
  // A phone shared by several accounts cannot identify one: ask for the CMND/CCCD instead.
  const user = candidates.length === 1 ? candidates[0]! : undefined;
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await writeAudit(db, ctx, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      actorId: user?.id ?? null,
      actorName: login,
      after: { audience: input.audience },
    });
    throw new AppError('INVALID_CREDENTIALS', {
      message:
        input.audience === 'citizen'
          ? 'Số CMND/CCCD (hoặc số điện thoại) hoặc mật khẩu không đúng.'
          : 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_INACTIVE');
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

export async function changePassword(ctx: Ctx, tokenHash: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  const { db, clock } = ctx.deps;
  await enforceRateLimits(db, [{ key: `pwchange:${actor.userId}`, limit: 10, windowSeconds: 900 }], clock.now());
  const user = await getUser(db, actor.userId);
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
