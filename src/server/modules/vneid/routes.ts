// "Đăng nhập bằng VNeID": two browser navigations, not JSON calls. Every outcome is a redirect —
// to the account page when signed in, to the login page with ?loi=<error code> otherwise.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../platform/module.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { CALLBACK_PATH, FLOW_TTL_MS, finishVneidLogin, pruneLoginFlows, startVneidLogin } from './service.js';

/** Binds a sign-in to the browser that started it (checked against `state` at the callback). */
export const FLOW_COOKIE = 'dvc_vneid_flow';
const FLOW_COOKIE_PATH = '/api/auth/vneid';
export const SIGNED_IN_PATH = '/tai-khoan';

export function loginErrorPath(code: string): string {
  return `/dang-nhap?loi=${encodeURIComponent(code)}`;
}

const Redirect = Type.Null({ description: 'Redirect (Location header)' });
const OptionalParam = Type.Optional(Type.String({ maxLength: 4096 }));

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const secure = deps.config.cookieSecure;

  app.get(
    '/api/auth/vneid/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng VNeID: chuyển tới VNeID (OpenID Connect, PKCE)',
        querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500, description: 'Trang của cổng để quay về sau khi đăng nhập' })) }),
        response: { 302: Redirect },
      },
    },
    async (req, reply) => {
      try {
        const flow = await startVneidLogin(ctxOf(req, deps, null), req.query.next ?? null);
        void reply.setCookie(FLOW_COOKIE, flow.state, {
          path: FLOW_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: FLOW_TTL_MS / 1000,
        });
        return reply.redirect(flow.url, 302);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return reply.redirect(loginErrorPath(err.code), 302);
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng VNeID: VNeID chuyển về đây (redirect_uri)',
        querystring: Type.Object({
          code: OptionalParam,
          state: OptionalParam,
          iss: OptionalParam,
          error: OptionalParam,
          error_description: OptionalParam,
        }),
        response: { 302: Redirect },
      },
    },
    async (req, reply) => {
      const cookieState = req.cookies[FLOW_COOKIE];
      void reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
      try {
        const r = await finishVneidLogin(ctxOf(req, deps, null), { url: req.url, cookieState, userAgent: req.headers['user-agent'] });
        void reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: r.expiresAt });
        return reply.redirect(r.returnTo ?? SIGNED_IN_PATH, 302);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return reply.redirect(loginErrorPath(err.code), 302);
      }
    },
  );
};

export const vneidModule: AppModule = {
  name: 'vneid',
  routes,
  // Hourly: login flows nobody finished (./service.js is already loaded).
  schedules: [{ name: 'vneid.login-flows.prune', everyMs: 3_600_000, run: async (deps, now) => void (await pruneLoginFlows(deps.db, now)) }],
};
