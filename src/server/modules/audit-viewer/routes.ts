import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAuditLog } from '../../../common/api/audit-viewer.js';
import { routeOptions } from '../../../common/api/contract.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const tags = ['audit-viewer'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(listAuditLog.url, routeOptions(listAuditLog, tags), async (req) => svc.listAudit(ctx(req), req.query));
};

export const auditViewerModule: AppModule = { name: 'audit-viewer', routes };
