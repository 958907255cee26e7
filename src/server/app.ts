// buildApp(deps): registers the platform plugins and every module. Tests call it directly.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from './platform/context.js';
import { AppError, toProblem } from './platform/errors.js';
import { isDatabaseUnavailable, violatedConstraint } from './db/client.js';
import { inputProblem } from './platform/input-check.js';
import { recordRefusal } from './platform/refusals.js';
import { SESSION_COOKIE, type RideAlong } from './platform/auth/sessions.js';
import { resolveSession } from './modules/users/session-resolve.js';
import { healthModule } from './modules/health/routes.js';
import { authModule } from './modules/auth/routes.js';
import { citizenAccountsModule } from './modules/citizen-accounts/routes.js';
import { registrationModule } from './modules/registration/routes.js';
import { profileModule } from './modules/profile/routes.js';
import { vneidModule } from './modules/vneid/routes.js';
import { adminUsersModule } from './modules/admin-users/routes.js';
import { agenciesModule } from './modules/agencies/routes.js';
import { officerImportModule } from './modules/officer-import/routes.js';
import { reportsModule } from './modules/reports/routes.js';
import { auditViewerModule } from './modules/audit-viewer/routes.js';
import { proceduresModule } from './modules/procedures/routes.js';
import { dossiersModule } from './modules/dossiers/routes.js';
import { stepsInProcessing } from './modules/dossiers/processing.js';
import { dossierCountsByProcedure, publicFigures } from './modules/dossiers/service.js';
import { outboxAdminModule } from './modules/outbox-admin/routes.js';
import { notificationsModule } from './modules/notifications/routes.js';
import { feedbackModule } from './modules/feedback/routes.js';
import { notifyModule } from './platform/notify/module.js';
import { platformSchedules } from './platform/housekeeping.js';
import type { AppModule } from './platform/module.js';

export type { AppModule } from './platform/module.js';

/**
 * The whole system in one list, without the development-only modules: those are imported only
 * outside production, by loadModules, so that a production process never loads their code.
 */
export function appModules(deps: Deps): AppModule[] {
  return [
    healthModule,
    { name: 'platform', schedules: platformSchedules },
    notifyModule(deps),
    authModule(deps),
    vneidModule,
    registrationModule,
    profileModule,
    citizenAccountsModule,
    agenciesModule,
    adminUsersModule,
    officerImportModule,
    reportsModule,
    auditViewerModule,
    proceduresModule({ stepsInUse: stepsInProcessing, usageCounts: dossierCountsByProcedure, figureCounts: publicFigures }),
    dossiersModule,
    outboxAdminModule,
    notificationsModule,
    feedbackModule,
  ];
}

/** The modules this process runs: appModules, plus the development-only ones outside production. */
export async function loadModules(deps: Deps): Promise<AppModule[]> {
  const production = deps.config.nodeEnv === 'production';
  const devModules: AppModule[] = production ? [] : [(await import('./modules/dev/routes.js')).devModule];
  return [...appModules(deps), ...devModules].filter((m) => !(m.devOnly && production));
}

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** The HTTP app of the given modules (by default those loadModules picks for the config). */
export async function buildApp(deps: Deps, modules?: AppModule[]): Promise<FastifyInstance> {
  modules ??= await loadModules(deps);
  const app = Fastify({
    loggerInstance: deps.log,
    genReqId: () => crypto.randomUUID(),
    // Off by default: without a proxy in front, X-Forwarded-For is whatever the client says,
    // and per-address login limits could be dodged.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Path parameters longer than this match no route (404), before any handler runs.
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: true } },
    // Malformed URLs and content types the router refuses: the same problem bodies as every error.
    frameworkErrors: (err, req, res) => {
      const appErr = toAppError(err);
      const reply = res as unknown as import('fastify').FastifyReply;
      // The router answers these before any hook runs, so helmet's headers are set here (issue 13).
      void reply
        .headers(bareSecurityHeaders(deps.config.nodeEnv === 'production'))
        .status(appErr.status)
        .type('application/problem+json; charset=utf-8')
        .send({ ...toProblem(appErr, req.id), instance: safePath(req.url) });
    },
    // Errors Node's HTTP parser raises before Fastify has a request (oversized headers, a broken
    // request line): still a problem body, never a bare socket reset when the socket can be written.
    clientErrorHandler: (err, socket) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const appErr =
        code === 'HPE_HEADER_OVERFLOW'
          ? new AppError('HEADERS_TOO_LARGE')
          : code === 'HPE_URI_TOO_LONG'
            ? new AppError('URI_TOO_LONG')
            : code === 'ERR_HTTP_REQUEST_TIMEOUT'
              ? new AppError('REQUEST_TIMEOUT')
              : new AppError('BAD_REQUEST');
      const body = JSON.stringify(toProblem(appErr));
      const headers = Object.entries(bareSecurityHeaders(deps.config.nodeEnv === 'production'))
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.end(
        `HTTP/1.1 ${appErr.status} ${appErr.code}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}Connection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const production = deps.config.nodeEnv === 'production';
  for (const m of modules) for (const job of m.jobs ?? []) deps.jobs.register(job);

  app.decorate('deps', deps);
  app.decorateRequest('auth', null);
  app.decorateRequest('rideAlong', null);

  app.setErrorHandler(async (err: unknown, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.code === 'DATABASE_UNAVAILABLE') req.log.warn({ err }, 'database unavailable');
    else if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    // Refused and out-of-scope attempts leave an audit row, like every change (issue 13).
    if ((appErr.status === 403 || appErr.status === 404) && req.auth) await recordRefusal(deps, req, appErr);
    const retry = appErr.details?.retryAfterSeconds ?? (appErr.code === 'DATABASE_UNAVAILABLE' ? 5 : undefined);
    if (typeof retry === 'number') void reply.header('retry-after', String(retry));
    return reply
      .status(appErr.status)
      .type('application/problem+json; charset=utf-8')
      .send({ ...toProblem(appErr, req.id), instance: safePath(req.url) });
  });
  // Decided once: whether this process serves the built SPA.
  const webDist = deps.config.webDist ? path.resolve(deps.config.webDist) : defaultWebDist;
  const serveSpa = deps.config.serveWeb && fs.existsSync(path.join(webDist, 'index.html'));
  app.setNotFoundHandler((req, reply) => {
    // The SPA answers for its own client-side routes only: never for the API or the dev tools, and
    // never for a missing asset (a chunk of an older build must fail as a 404, not parse as HTML).
    if (!serveSpa || /^\/(api|dev|docs|assets)(\/|$)/.test(req.url) || req.method !== 'GET') {
      void reply
        .status(404)
        .type('application/problem+json; charset=utf-8')
        .send({ ...toProblem(new AppError('NOT_FOUND'), req.id), instance: safePath(req.url) });
      return;
    }
    // Client-side routes of the SPA: index.html names the current hashed assets, so it is never cached.
    void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
  });

  // Text answers (JSON, problem bodies, the docs) are compressed when the client accepts it: brotli
  // at a quality cheap enough per request, else gzip. The SPA's files are compressed once, at build
  // time (scripts/precompress.mjs), and served as they are (preCompressed below).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
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
  if (deps.config.apiDocs) {
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      // swagger-ui's own policy lets the page be framed by the site itself; nothing frames any page here.
      transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    });
  }

  // Security headers on every response (issue 13). The SPA is built by Vite into files, so no
  // inline script is needed; antd writes its CSS-in-JS into <style> elements, hence style-src.
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // PDFs (receipt, result) open in the browser's viewer inside the page.
        objectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...(deps.vneidIssuer ? [new URL(deps.vneidIssuer).origin] : [])],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only where the site is served over HTTPS (production); a laptop on http must not pin it.
    strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('permissions-policy')) {
      void reply.header('permissions-policy', PERMISSIONS_POLICY);
    }
    return payload;
  });

  // Who is calling: resolved once per /api request from the session cookie. A route may name a
  // read to run in the same statement (config.rideAlong), saving its own round trip.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const ride = req.routeOptions.config.rideAlong;
    const param = ride?.param(req) ?? null;
    const r = await resolveSession(deps.db, token, deps.clock.now(), deps.config.sessionIdleMinutes, ride && param !== null ? { read: ride.read, param } : undefined);
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
  // NUL bytes, lone surrogates and non-finite numbers are refused before any handler sees them:
  // PostgreSQL rejects the first, node-postgres silently replaces the second (corrupting the text),
  // and "1e400" or Infinity would pass a bare number schema. Runs after schema validation and coercion.
  app.addHook('preHandler', async (req) => {
    const problem = inputProblem(req.params) ?? inputProblem(req.query) ?? (req.isMultipart() ? null : inputProblem(req.body));
    if (problem) throw new AppError(problem);
  });

  for (const m of modules) if (m.routes) await app.register(m.routes);

  if (serveSpa) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      // Vite names every file under assets/ by its content hash: a year, never revalidated. The rest
      // (index.html, the favicon) may change under the same name: revalidated every time.
      setHeaders: (reply, filePath) => {
        const hashed = filePath.startsWith(path.join(webDist, 'assets') + path.sep);
        void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app as unknown as FastifyInstance;
}

/** The desk scans papers with the camera; nothing else needs a device. */
const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/**
 * The security headers of a response sent before any hook runs (a malformed URL, an over-long
 * parameter): a problem body, which needs nothing from anywhere.
 */
function bareSecurityHeaders(production: boolean): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** The path of a request URL, never its query string (which may carry personal data); bounded. */
function safePath(url: string): string {
  return url.split('?')[0]!.slice(0, 200);
}

/** PostgreSQL errors caused by the values a client sent (a NUL byte, a value out of range). */
const PG_BAD_INPUT: Record<string, 'INVALID_CHARACTERS' | 'NUMBER_OUT_OF_RANGE' | 'VALIDATION_FAILED'> = {
  '22021': 'INVALID_CHARACTERS', // character_not_in_repertoire (NUL in text)
  '22P05': 'INVALID_CHARACTERS', // untranslatable_character
  '22003': 'NUMBER_OUT_OF_RANGE', // numeric_value_out_of_range
  '22001': 'VALIDATION_FAILED', // string_data_right_truncation
  '22007': 'VALIDATION_FAILED', // invalid_datetime_format
  '22008': 'VALIDATION_FAILED', // datetime_field_overflow
  '22P02': 'VALIDATION_FAILED', // invalid_text_representation (e.g. a malformed uuid)
  '2201B': 'VALIDATION_FAILED', // invalid_regular_expression
  '54000': 'VALIDATION_FAILED', // program_limit_exceeded (e.g. an index row too large)
  '23502': 'VALIDATION_FAILED', // not_null_violation
  '23503': 'VALIDATION_FAILED', // foreign_key_violation (a reference to nothing)
  '23514': 'VALIDATION_FAILED', // check_violation
};

/** Unique constraints → the code a service gives for the same situation. */
const UNIQUE_CONFLICTS: Record<string, import('./platform/errors.js').ErrorCode> = {
  users_id_number_uq: 'ACCOUNT_ALREADY_EXISTS',
  users_username_uq: 'USERNAME_TAKEN',
  agencies_code_uq: 'AGENCY_CODE_TAKEN',
  procedures_code_uq: 'PROCEDURE_CODE_TAKEN',
  dossier_ratings_pkey: 'RATING_EXISTS',
};

/** A framework or driver 4xx keeps its status, under a stable code. */
const STATUS_CODES: Record<number, import('./platform/errors.js').ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'NOT_AUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

function pgCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; statusCode?: number; validation?: unknown[]; message?: string };
  if (e?.validation) {
    return new AppError('VALIDATION_FAILED', { details: { validation: e.validation } });
  }
  if (isDatabaseUnavailable(err)) return new AppError('DATABASE_UNAVAILABLE');
  const pg = pgCode(err);
  if (pg && PG_BAD_INPUT[pg]) return new AppError(PG_BAD_INPUT[pg]);
  // Two concurrent requests racing for the same unique value: the loser gets the 409 the
  // service would have given had it run second (services re-read keyed writes themselves).
  if (pg === '23505') return new AppError(UNIQUE_CONFLICTS[violatedConstraint(err) ?? ''] ?? 'CONFLICT');
  if (pg === '40001' || pg === '40P01') return new AppError('CONFLICT');
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
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_NO_FORM_DATA':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('MULTIPART_INVALID');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    // The body parser's refusals: never its English text ("Unexpected end of JSON input", "Body
    // cannot be empty when content-type is set to 'application/json'"). They run after the CSRF
    // check (onRequest), so a browser without its token gets CSRF_INVALID first.
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('JSON_BODY_EMPTY');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('JSON_BODY_INVALID');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', { message: 'Độ dài dữ liệu gửi lên không khớp với phần đầu Content-Length của yêu cầu.' });
    // @fastify/compress decompressing a request body.
    case 'FST_CP_ERR_INVALID_CONTENT_ENCODING':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', {
        message: 'Kiểu nén dữ liệu gửi lên (Content-Encoding) không được hỗ trợ; hãy gửi dữ liệu không nén, hoặc nén gzip, deflate hay br.',
      });
    case 'FST_CP_ERR_INVALID_CONTENT':
      return new AppError('BAD_REQUEST', { message: 'Không giải nén được dữ liệu gửi lên theo kiểu nén đã khai báo (Content-Encoding).' });
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return new AppError('BAD_REQUEST');
  }
  // busboy's own errors (a multipart body cut short, a missing or over-long boundary).
  if (/^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Unexpected end of (multipart )?data|Part terminated early|Malformed urlencoded form)/i.test(e?.message ?? '')) {
    return new AppError('MULTIPART_INVALID');
  }
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError(STATUS_CODES[e.statusCode] ?? 'BAD_REQUEST');
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

