// Route-level: who is calling. Service-level: may they do this (assertPermission, scope checks).
import type { FastifyRequest } from 'fastify';
import { PERMISSION_GROUPS } from '../../../common/permissions.js';
import type { Actor, Ctx, Deps } from '../context.js';
import { AppError } from '../errors.js';
import type { Audience } from './sessions.js';

export function requireActor(req: FastifyRequest, opts: { audience?: Audience; allowPasswordChange?: boolean } = {}): Actor {
  const auth = req.auth;
  if (!auth) throw new AppError('NOT_AUTHENTICATED');
  if (opts.audience && auth.audience !== opts.audience) throw new AppError('NOT_AUTHENTICATED');
  if (auth.actor.mustChangePassword && !opts.allowPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  return auth.actor;
}

export function ctxOf(req: FastifyRequest, deps: Deps, actor: Actor | null = req.auth?.actor ?? null): Ctx {
  return { deps, actor, requestId: req.id, ip: req.ip };
}

const LABELS = new Map<string, string>(PERMISSION_GROUPS.flatMap((g) => g.permissions.map((p) => [p.code, p.label] as const)));

export function assertPermission(actor: Actor | null, permission: string): asserts actor is Actor {
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (!actor.permissions.has(permission)) {
    throw new AppError('PERMISSION_REQUIRED', {
      message: `Tài khoản của bạn chưa được cấp "${LABELS.get(permission) ?? permission}". Đề nghị quản trị viên cấp quyền.`,
      details: { permission },
    });
  }
}
