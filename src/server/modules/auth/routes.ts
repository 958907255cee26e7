import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as c from '../../../common/api/auth.js';
import { routeOptions } from '../../../common/api/contract.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_PATH } from '../../platform/auth/device-cookie.js';
import { AppError } from '../../platform/errors.js';
import { listUnits } from '../agencies/service.js';
import { changePassword, login, logout, logoutEverywhere } from './service.js';
import { completeReset, passwordResetJobs, prunePasswordResets, resendReset, startReset } from './recovery.js';
import type { Deps } from '../../platform/context.js';

const tags = ['auth'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.cookieSecure };

  app.get(c.getCsrfToken.url, routeOptions(c.getCsrfToken, tags), async (_req, reply) => ({ token: reply.generateCsrf() }));

  app.post(c.login.url, routeOptions(c.login, tags), async (req, reply) => {
    const r = await login(ctxOf(req, deps, null), { ...req.body, userAgent: req.headers['user-agent'], deviceCookie: req.cookies[DEVICE_COOKIE] });
    void reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOpts, expires: r.expiresAt });
    // Marks this browser as known to the account (a failure budget of its own, ADR 0012).
    void reply.setCookie(DEVICE_COOKIE, r.deviceCookie, {
      path: DEVICE_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.cookieSecure,
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    });
    return { mustChangePassword: r.mustChangePassword };
  });

  app.post(c.logout.url, routeOptions(c.logout, tags), async (req, reply) => {
    if (req.auth) await logout(ctxOf(req, deps), req.auth.tokenHash);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post(c.logoutEverywhere.url, routeOptions(c.logoutEverywhere, tags), async (req, reply) => {
    requireActor(req, { allowPasswordChange: true });
    await logoutEverywhere(ctxOf(req, deps));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post(c.startPasswordReset.url, routeOptions(c.startPasswordReset, tags), async (req, reply) =>
    reply.status(201).send(await startReset(ctxOf(req, deps, null), req.body.login)),
  );

  app.post(c.resendPasswordResetOtp.url, routeOptions(c.resendPasswordResetOtp, tags), async (req) => resendReset(ctxOf(req, deps, null), req.params.id));

  app.post(c.completePasswordReset.url, routeOptions(c.completePasswordReset, tags), async (req, reply) => {
    await completeReset(ctxOf(req, deps, null), req.params.id, req.body);
    return reply.status(204).send(null);
  });

  app.get(c.getMe.url, routeOptions(c.getMe, tags), async (req) => {
    const actor = requireActor(req, { allowPasswordChange: true });
    const units = await listUnits(deps.db, actor.unitIds);
    return {
      id: actor.userId,
      kind: actor.kind,
      audience: req.auth!.audience,
      fullName: actor.fullName,
      username: actor.username,
      phone: actor.phone,
      mustChangePassword: actor.mustChangePassword,
      permissions: [...actor.permissions],
      units: units.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    };
  });

  app.post(c.changePassword.url, routeOptions(c.changePassword, tags), async (req, reply) => {
    requireActor(req, { allowPasswordChange: true });
    if (!req.auth) throw new AppError('NOT_AUTHENTICATED');
    await changePassword(ctxOf(req, deps), req.auth.tokenHash, req.body);
    return reply.status(204).send(null);
  });
};

/** A function of deps: the password-reset job (recovery.ts) looks accounts up and texts codes. */
export function authModule(deps: Deps): AppModule {
  return {
    name: 'auth',
    routes,
    jobs: passwordResetJobs(deps),
    // Hourly: reset requests a day past their expiry (./recovery.js is already loaded).
    schedules: [{ name: 'auth.password-resets.prune', everyMs: 3_600_000, run: async (d, now) => void (await prunePasswordResets(d.db, now)) }],
  };
}
