import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import { listOutbox, retryOutboxJob } from '../../../common/api/outbox-admin.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const tags = ['outbox-admin'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(listOutbox.url, routeOptions(listOutbox, tags), async (req) => svc.listOutbox(ctx(req), req.query));

  app.post(retryOutboxJob.url, routeOptions(retryOutboxJob, tags), async (req) => svc.retryJob(ctx(req), req.params.id));
};

export const outboxAdminModule: AppModule = { name: 'outbox-admin', routes };
