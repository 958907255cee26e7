import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import * as c from '../../../common/api/profile.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const tags = ['profile'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  // Citizens and organisations, on the portal's own session.
  const ctx = (req: Parameters<typeof ctxOf>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'citizen' }));

  app.get(c.getProfile.url, routeOptions(c.getProfile, tags), async (req) => svc.getProfile(ctx(req)));

  app.put(c.editProfile.url, routeOptions(c.editProfile, tags), async (req) => svc.editProfile(ctx(req), req.body));

  app.post(c.startContactChange.url, routeOptions(c.startContactChange, tags), async (req, reply) =>
    reply.status(201).send(await svc.startContactChange(ctx(req), req.body)),
  );

  app.post(c.confirmContactChange.url, routeOptions(c.confirmContactChange, tags), async (req) => svc.confirmContactChange(ctx(req), req.params.id, req.body.otp));

  app.post(c.setFirstPassword.url, routeOptions(c.setFirstPassword, tags), async (req) => svc.setFirstPassword(ctx(req), req.body));
};

export const profileModule: AppModule = {
  name: 'profile',
  routes,
  schedules: [{ name: 'profile.contact-changes.prune', everyMs: 3_600_000, run: (deps, now) => svc.pruneContactChanges(deps.db, now) }],
};
