// Refused and out-of-scope attempts leave an audit row (issue 13): a 403 of any kind, and the
// 404s that services answer when a resource exists but is outside the caller's scope (they say
// "not found" so as not to reveal it). Written outside the request's transaction, which has
// already rolled back; a failure to write is logged and never changes the answer.
import type { FastifyRequest } from 'fastify';
import { writeAudit } from './audit.js';
import type { Deps } from './context.js';
import type { AppError, ErrorCode } from './errors.js';

/** 404 codes that services use to hide a resource outside the caller's scope. */
const SCOPE_NOT_FOUND: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'DOSSIER_NOT_FOUND',
  'FILE_NOT_FOUND',
  'USER_NOT_FOUND',
  'CITIZEN_NOT_FOUND',
  'REQUEST_NOT_FOUND',
  'AGENCY_NOT_FOUND',
  'NOTIFICATION_NOT_FOUND',
  'FEEDBACK_NOT_FOUND',
]);

export function isRefusal(err: AppError): boolean {
  return err.status === 403 ? err.code !== 'CSRF_INVALID' && err.code !== 'PASSWORD_CHANGE_REQUIRED' : SCOPE_NOT_FOUND.has(err.code);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function recordRefusal(deps: Deps, req: FastifyRequest, err: AppError): Promise<void> {
  if (!req.auth || !isRefusal(err)) return;
  const params = (req.params ?? {}) as Record<string, unknown>;
  // Only identifiers go into the row: a route parameter that is not a uuid may be personal data.
  const ids = Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' && UUID.test(v)));
  const entityId = (Object.values(ids)[0] as string | undefined) ?? null;
  try {
    await writeAudit(
      deps.db,
      { deps, actor: req.auth.actor, requestId: req.id, ip: req.ip },
      {
        action: 'access.denied',
        entityType: 'request',
        entityId,
        after: {
          method: req.method,
          route: req.routeOptions.url ?? null,
          code: err.code,
          ...(Object.keys(ids).length ? { params: ids } : {}),
          ...(typeof err.details?.permission === 'string' ? { permission: err.details.permission } : {}),
        },
      },
    );
  } catch (e) {
    req.log.warn({ err: e }, 'could not write the refusal audit row');
  }
}
