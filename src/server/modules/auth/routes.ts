import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_PATH } from '../../platform/auth/device-cookie.js';
import { AppError } from '../../platform/errors.js';
import { listUnits } from '../agencies/service.js';
import { changePassword, login, logout, logoutEverywhere } from './service.js';
import { completeReset, passwordResetJobs, resendReset, startReset } from './recovery.js';
import type { Deps } from '../../platform/context.js';

const ResetStarted = Type.Object({
  id: Type.String(),
  expiresAt: Type.String(),
  resendAvailableAt: Type.String(),
  ttlSeconds: Type.Number(),
});
const ResetParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Me = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  audience: Type.String(),
  fullName: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  permissions: Type.Array(Type.String()),
  units: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.cookieSecure };

  app.get(
    '/api/auth/csrf',
    { schema: { tags: ['auth'], summary: 'CSRF token for the x-csrf-token header', response: { 200: Type.Object({ token: Type.String() }) } } },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập (officer: username; citizen: CMND/CCCD or phone)',
        description:
          'After many wrong passwords, a browser without the account\'s device cookie gets 401 LOGIN_CODE_REQUIRED ' +
          '(details: challengeId, phoneHint) and must send the same login and password again with challengeId and ' +
          'the code from the SMS; a wrong password or code then gets 401 LOGIN_CODE_INVALID. ADR 0012.',
        body: Type.Object({
          audience: Type.Union([Type.Literal('officer'), Type.Literal('citizen')]),
          login: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
          challengeId: Type.Optional(Type.String({ format: 'uuid' })),
          code: Type.Optional(Type.String({ maxLength: 10 })),
        }),
        response: { 200: Type.Object({ mustChangePassword: Type.Boolean() }) },
      },
    },
    async (req, reply) => {
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
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (req, reply) => {
    if (req.auth) await logout(ctxOf(req, deps), req.auth.tokenHash);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post('/api/auth/logout-all', { schema: { tags: ['auth'], summary: 'Đăng xuất khỏi mọi thiết bị' } }, async (req, reply) => {
    requireActor(req, { allowPasswordChange: true });
    await logoutEverywhere(ctxOf(req, deps));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post(
    '/api/auth/password-resets',
    {
      schema: {
        tags: ['auth'],
        summary: 'Quên mật khẩu: gửi OTP tới số điện thoại đã đăng ký (không cho biết tài khoản có tồn tại hay không)',
        body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: ResetStarted },
      },
    },
    async (req, reply) => reply.status(201).send(await startReset(ctxOf(req, deps, null), req.body.login)),
  );

  app.post(
    '/api/auth/password-resets/:id/otp',
    { schema: { tags: ['auth'], summary: 'Quên mật khẩu: Gửi lại OTP', params: ResetParams, response: { 200: ResetStarted } } },
    async (req) => resendReset(ctxOf(req, deps, null), req.params.id),
  );

  app.post(
    '/api/auth/password-resets/:id/complete',
    {
      schema: {
        tags: ['auth'],
        summary: 'Quên mật khẩu: OTP và mật khẩu mới',
        params: ResetParams,
        body: Type.Object({
          otp: Type.String({ maxLength: 10 }),
          newPassword: Type.String({ maxLength: 200 }),
          newPasswordConfirm: Type.String({ maxLength: 200 }),
        }),
      },
    },
    async (req, reply) => {
      await completeReset(ctxOf(req, deps, null), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in account', response: { 200: Me } } }, async (req) => {
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

  app.post(
    '/api/auth/change-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) }),
      },
    },
    async (req, reply) => {
      requireActor(req, { allowPasswordChange: true });
      if (!req.auth) throw new AppError('NOT_AUTHENTICATED');
      await changePassword(ctxOf(req, deps), req.auth.tokenHash, req.body);
      return reply.status(204).send();
    },
  );
};

/** A function of deps: the password-reset job (recovery.ts) looks accounts up and texts codes. */
export function authModule(deps: Deps): AppModule {
  return { name: 'auth', routes, jobs: passwordResetJobs(deps) };
}
