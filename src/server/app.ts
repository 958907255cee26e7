// buildApp(deps): registers the platform plugins and every module. Tests call it directly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Deps } from './platform/context.js';
import { AppError, toProblem } from './platform/errors.js';
import { resolveSession, SESSION_COOKIE, type RideAlong } from './platform/auth/sessions.js';
import type { JobDefinition } from './platform/outbox.js';
import { healthModule } from './modules/health/routes.js';
import { authModule } from './modules/auth/routes.js';
import { citizenAccountsModule } from './modules/citizen-accounts/routes.js';
import { registrationModule } from './modules/registration/routes.js';
import { profileModule } from './modules/profile/routes.js';
import { vneidModule } from './modules/vneid/routes.js';
import { devModule } from './modules/dev/routes.js';
import { adminUsersModule } from './modules/admin-users/routes.js';
import { agenciesModule } from './modules/agencies/routes.js';
import { officerImportModule } from './modules/officer-import/routes.js';
import { reportsModule } from './modules/reports/routes.js';
import { auditViewerModule } from './modules/audit-viewer/routes.js';
import { proceduresModule } from './modules/procedures/routes.js';
import { dossiersModule } from './modules/dossiers/routes.js';
import { notifyModule } from './platform/notify/module.js';

export interface AppModule {
  name: string;
  routes?: FastifyPluginAsync;
  jobs?: JobDefinition<never>[];
  /** Registered only outside production. */
  devOnly?: boolean;
}

/** The whole system in one list. */
export function appModules(deps: Deps): AppModule[] {
  return [
    healthModule,
    notifyModule(deps),
    authModule,
    vneidModule,
    registrationModule,
    profileModule,
    citizenAccountsModule,
    agenciesModule,
    adminUsersModule,
    officerImportModule,
    reportsModule,
    auditViewerModule,
    proceduresModule,
    dossiersModule,
    devModule,
  ];
}

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log,
    genReqId: () => crypto.randomUUID(),
    // Off by default: without a proxy in front, X-Forwarded-For is whatever the client says,
    // and per-address login limits could be dodged.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const production = deps.config.nodeEnv === 'production';
  const modules = appModules(deps).filter((m) => !(m.devOnly && production));
  for (const m of modules) for (const job of m.jobs ?? []) deps.jobs.register(job);

  app.decorate('deps', deps);
  app.decorateRequest('auth', null);
  app.decorateRequest('rideAlong', null);

  app.setErrorHandler((err: unknown, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    const retry = appErr.details?.retryAfterSeconds;
    if (typeof retry === 'number') void reply.header('retry-after', String(retry));
    void reply
      .status(appErr.status)
      .type('application/problem+json; charset=utf-8')
      .send({ ...toProblem(appErr, req.id), instance: req.url.split('?')[0] });
  });
  // Decided once: whether this process serves the built SPA.
  const serveSpa = deps.config.serveWeb && fs.existsSync(path.join(webDist, 'index.html'));
  app.setNotFoundHandler((req, reply) => {
    // The SPA answers for its own client-side routes only: never for the API or the dev tools.
    if (!serveSpa || /^\/(api|dev|docs)(\/|$)/.test(req.url) || req.method !== 'GET') {
      void reply.status(404).type('application/problem+json; charset=utf-8').send(toProblem(new AppError('NOT_FOUND'), req.id));
      return;
    }
    // Client-side routes of the SPA.
    void reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  await app.register(cookie);
  await app.register(csrf, {
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: deps.config.cookieSecure, signed: false },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(multipart, {
    limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 20, parts: 22 },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'dvc API', version: '0.1.0', description: 'Cổng Dịch vụ công, quản trị và Bộ phận Một cửa' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Who is calling: resolved once per /api request from the session cookie. A route may name a
  // read to run in the same statement (config.rideAlong), saving its own round trip.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const ride = req.routeOptions.config.rideAlong;
    const param = ride?.param(req) ?? null;
    const r = await resolveSession(deps.db, token, deps.clock.now(), ride && param !== null ? { read: ride.read, param } : undefined);
    if (!r) return;
    const { rideAlong, ...auth } = r;
    req.auth = auth;
    if (ride && param !== null) req.rideAlong = { param, value: rideAlong };
  });
  // CSRF on every state-changing API call (cookie sessions).
  app.addHook('onRequest', (req, reply, done) => {
    if (!req.url.startsWith('/api/') || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return done();
    app.csrfProtection(req, reply, done);
  });

  for (const m of modules) if (m.routes) await app.register(m.routes);

  if (serveSpa) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  return app as unknown as FastifyInstance;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; statusCode?: number; validation?: unknown[]; message?: string };
  if (e?.validation) {
    return new AppError('VALIDATION_FAILED', { details: { validation: e.validation } });
  }
  switch (e?.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new AppError('CSRF_INVALID');
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('FILE_TOO_LARGE');
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('FILE_TOO_MANY');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('FILE_REQUIRED');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('VALIDATION_FAILED');
  }
  if (e?.statusCode === 415 || (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500 && e.message?.includes('JSON'))) {
    return new AppError('VALIDATION_FAILED');
  }
  return new AppError('INTERNAL');
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    auth: import('./platform/auth/sessions.js').ResolvedSession | null;
    /** The value of the route's ride-along read, for the parameter it was run with. */
    rideAlong: { param: string; value: unknown } | null;
  }
  interface FastifyContextConfig {
    rideAlong?: { read: RideAlong; param: (req: FastifyRequest) => string | null };
  }
}

