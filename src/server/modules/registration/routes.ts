import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import * as c from '../../../common/api/registration.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const tags = ['registration'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  // Public: no session. Every change still carries the CSRF token (app.ts).
  const ctx = (req: Parameters<typeof ctxOf>[0]) => ctxOf(req, deps, null);

  app.post(c.startRegistration.url, routeOptions(c.startRegistration, tags), async (req, reply) =>
    reply.status(201).send(await svc.startRegistration(ctx(req), req.body)),
  );

  app.get(c.getRegistration.url, routeOptions(c.getRegistration, tags), async (req) => svc.getRegistration(ctx(req), req.params.id));

  app.post(c.resendRegistrationOtp.url, routeOptions(c.resendRegistrationOtp, tags), async (req) => svc.resendCode(ctx(req), req.params.id));

  app.post(c.verifyRegistration.url, routeOptions(c.verifyRegistration, tags), async (req) => svc.verifyCode(ctx(req), req.params.id, req.body.otp));

  app.post(c.completeRegistration.url, routeOptions(c.completeRegistration, tags), async (req, reply) =>
    reply.status(201).send(await svc.completeRegistration(ctx(req), req.params.id, req.body)),
  );
};

export const registrationModule: AppModule = {
  name: 'registration',
  routes,
  schedules: [{ name: 'registration.prune', everyMs: 3_600_000, run: (deps, now) => svc.pruneRegistrations(deps.db, now) }],
};
