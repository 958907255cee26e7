// Fuzz tier (issue 13): every route of the OpenAPI document the app publishes gets, seeded and so the
// same every run, bad values in each path parameter, query parameter and body field (wrong types,
// out-of-range numbers, NUL bytes, lone surrogates, NFD Vietnamese, 100 kB strings, injections),
// wrong bodies and content types, and on writes broken multipart; anonymously and as a signed-in
// role that gets past the route's authentication. No answer may be a 5xx, every error must be a
// problem (application/problem+json, a code from errors.ts) and no body may show stack traces, SQL
// or the server's paths. All failures are reported together. A new route is fuzzed without
// touching this file: the count of fuzzed routes is checked against the document.
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { addCitizen } from '../../tests/support/fixtures.js';
import { BODY_KINDS, MULTIPART_KINDS, routeCases, type FuzzCase, type FuzzRequest } from '../../tests/support/fuzz/cases.js';
import { operations, type Operation } from '../../tests/support/fuzz/openapi.js';
import { FIELD_KINDS, Gen } from '../../tests/support/fuzz/values.js';
import { verdict } from '../../tests/support/fuzz/verdict.js';
import { Http, loggedIn } from '../../tests/support/http.js';
import { useTestSystem } from '../../tests/support/system.js';
import { users } from './modules/users/tables.js';

const SEED = 20_260_513;
/** Requests in flight at once (the app and PostgreSQL share two cores). */
const WIDTH = 3;

const ROLES: { audience: 'citizen' | 'officer'; login: string }[] = [
  { audience: 'citizen', login: '001090000001' },
  { audience: 'officer', login: 'motcua.demo' },
  { audience: 'officer', login: 'xuly.demo' },
  { audience: 'officer', login: 'lanhdao.demo' },
  { audience: 'officer', login: 'admin.demo' },
  { audience: 'officer', login: 'quantri.qngai.demo' },
  { audience: 'officer', login: 'buudien.demo' },
];

/** Routes that end the caller's session: fuzzed with an account of their own, signed in again as needed. */
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all']);
const OWN_SESSION = { audience: 'officer' as const, login: 'motcua2.demo', ip: '10.13.0.3' };

/** Not fuzzed: the development tools and the API documentation itself. */
function excluded(op: Operation): boolean {
  return /^\/(?:api\/)?dev(?:\/|$)/.test(op.path) || /^\/docs(?:\/|$)/.test(op.path);
}

/** Answers meaning "not you": the caller did not get past the route's authentication. */
const AUTH_REFUSALS = new Set([
  'NOT_AUTHENTICATED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'PERMISSION_REQUIRED',
  'ADMIN_REQUIRED',
  'CATALOGUE_ADMIN_REQUIRED',
  'NO_ELIGIBLE_UNIT',
  'NO_RECEIVING_UNIT',
  'CSRF_INVALID',
]);

interface Identity {
  name: string;
  anonymous: boolean;
  http: () => Promise<Http>;
}

interface Failure {
  route: string;
  who: string;
  input: string;
  status: number;
  problems: string[];
  body: string;
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

function excerpt(res: LightMyRequestResponse): string {
  return res.body.replace(/\s+/g, ' ').slice(0, 240);
}

function problemCode(res: LightMyRequestResponse): string {
  try {
    return String(res.json<{ code?: unknown }>().code ?? '');
  } catch {
    return '';
  }
}

const system = useTestSystem();

describe('fuzz tier', () => {
  it('answers every bad input on every route with a 4xx problem that shows nothing of the inside', { timeout: 180_000 }, async () => {
    const { app, deps, clock } = system();
    const docRes = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(docRes.statusCode).toBe(200);
    const all = operations(docRes.json());
    const ops = all.filter((op) => !excluded(op));
    const skipped = all.filter(excluded);
    expect(ops.length).toBeGreaterThan(100);

    const anonymousHttp = new Http(app, '10.13.0.1');
    // Its CSRF secret first: fuzzing GET /api/auth/csrf with no secret yet would race it for the cookie.
    await anonymousHttp.token();
    const anonymous: Identity = { name: 'anonymous', anonymous: true, http: async () => anonymousHttp };
    const roles: Identity[] = [];
    for (const r of ROLES) {
      const h = await loggedIn(app, r.audience, r.login);
      roles.push({ name: r.login, anonymous: false, http: async () => h });
    }
    // A citizen whose account was opened with VNeID and has no password yet ("Đặt mật khẩu").
    const vneidOnly = await addCitizen(deps.db, clock.now(), { fullName: 'Lê Thị Định Danh' });
    const vneidHttp = await loggedIn(app, 'citizen', vneidOnly.idNumber);
    await deps.db.update(users).set({ passwordHash: null }).where(eq(users.id, vneidOnly.id));
    roles.push({ name: `${vneidOnly.idNumber} (VNeID, no password)`, anonymous: false, http: async () => vneidHttp });
    const ownHttp = new Http(app, OWN_SESSION.ip);
    const own: Identity = {
      name: OWN_SESSION.login,
      anonymous: false,
      http: async () => {
        if (!ownHttp.hasSession()) {
          const res = await ownHttp.login(OWN_SESSION.audience, OWN_SESSION.login);
          if (res.statusCode !== 200) throw new Error(`login ${OWN_SESSION.login} failed: ${res.statusCode} ${res.body}`);
        }
        return ownHttp;
      },
    };

    // A real procedure code: the filing and catalogue routes then get as far as their body checks.
    const list = (await anonymousHttp.get('/api/procedures?pageSize=100')).json<{ items: { code: string }[] }>();
    const procedureCode = list.items[0]?.code;
    expect(procedureCode).toBeTruthy();

    const failures: Failure[] = [];
    const fuzzed = new Set<string>();
    const covered = new Map<string, { anonymous: Set<string>; signedIn: Set<string> }>();
    const noRolePasses: string[] = [];
    let requests = 0;

    const send = async (op: Operation, who: Identity, req: FuzzRequest, input: string): Promise<LightMyRequestResponse> => {
      const http = await who.http();
      const res = await http.raw({ method: req.method, url: req.url, headers: req.headers, ...(req.payload === undefined ? {} : { payload: req.payload }) });
      requests++;
      fuzzed.add(op.id);
      const problems = verdict(res);
      if (problems.length) failures.push({ route: op.id, who: who.name, input, status: res.statusCode, problems, body: excerpt(res) });
      return res;
    };

    const gen = new Gen(SEED);
    // Every case is drawn, in document order, before anything is sent: the same inputs every run.
    const plans = ops.map((op) => ({ op, ...routeCases(op, gen, { code: encodeURIComponent(procedureCode!) }) }));

    const fuzzRoute = async ({ op, baseline, cases }: (typeof plans)[number]) => {
      const cover = { anonymous: new Set<string>(), signedIn: new Set<string>() };
      covered.set(op.id, cover);
      const note = (who: Identity, c: FuzzCase) => (who.anonymous ? cover.anonymous : cover.signedIn).add(c.kind);

      // Who gets past authentication: the schema-valid baseline, as each identity.
      const passers: Identity[] = [];
      for (const who of SESSION_ENDING.has(op.id) ? [anonymous, own] : [anonymous, ...roles]) {
        const res = await send(op, who, baseline, 'baseline');
        if (!AUTH_REFUSALS.has(problemCode(res))) passers.push(who);
        // The baseline must pass the route's schema, or no single bad value would get past it.
        if (res.statusCode === 400 && res.json<{ details?: { validation?: unknown } }>().details?.validation) {
          failures.push({ route: op.id, who: who.name, input: 'baseline', status: 400, problems: ['harness: the baseline fails the schema'], body: excerpt(res) });
        }
      }
      const signedIn = passers.filter((p) => !p.anonymous);
      if (signedIn.length === 0) noRolePasses.push(op.id);

      // One bad field at a time, to each identity that gets past authentication in turn.
      const fields = cases.filter((c) => c.scope === 'field');
      for (const [i, c] of fields.entries()) {
        const who = passers[i % passers.length];
        if (!who) continue;
        await send(op, who, c.request, `${c.target} ← ${c.kind}`);
        note(who, c);
      }
      // Whole-request cases anonymously and signed in; the unknown query parameter only for the
      // kinds an identity has not had on this route yet (routes without parameters get them all).
      let turn = 0;
      for (const c of cases.filter((x) => x.scope === 'request')) {
        const extra = c.target.startsWith('query ');
        const role = signedIn[turn++ % Math.max(signedIn.length, 1)];
        for (const who of [anonymous, ...(role ? [role] : [])]) {
          if (extra && (who.anonymous ? cover.anonymous : cover.signedIn).has(c.kind)) continue;
          await send(op, who, c.request, `${c.target} ← ${c.kind}`);
          note(who, c);
        }
      }
    };
    await pool(plans.filter((p) => !SESSION_ENDING.has(p.op.id)), WIDTH, fuzzRoute);
    // One after the other: signing out everywhere would end the session the other one is fuzzed with.
    await pool(plans.filter((p) => SESSION_ENDING.has(p.op.id)), 1, fuzzRoute);

    // The shared sessions survived (the fuzz signed nobody out, so it really fuzzed as them).
    for (const r of roles) {
      const me = await (await r.http()).get('/api/auth/me');
      if (me.statusCode !== 200) failures.push({ route: 'GET /api/auth/me', who: r.name, input: 'after the fuzz', status: me.statusCode, problems: ['session lost during the fuzz'], body: excerpt(me) });
    }

    const uncovered: string[] = [];
    for (const op of ops) {
      const want = [...FIELD_KINDS, ...(op.method === 'GET' ? [] : [...BODY_KINDS, ...MULTIPART_KINDS])];
      const got = covered.get(op.id);
      for (const who of ['anonymous', 'signedIn'] as const) {
        const missing = want.filter((k) => !got?.[who].has(k));
        if (missing.length) uncovered.push(`${op.id} ${who}: ${missing.join(', ')}`);
      }
    }

    const lines = failures.map((f) => `${f.route} [${f.who}] ${f.input} → ${f.status}: ${f.problems.join('; ')} | ${f.body}`);
    const report = [
      `${failures.length} failures in ${requests} requests over ${fuzzed.size} routes:`,
      ...lines.slice(0, 400),
      ...(lines.length > 400 ? [`… and ${lines.length - 400} more`] : []),
    ].join('\n');
    expect(failures.length, report).toBe(0);
    expect(noRolePasses, 'routes no signed-in role gets past the authentication of').toEqual([]);
    expect(uncovered, 'input kinds a route did not get').toEqual([]);
    // Every route of the document but the exclusions: a new route is fuzzed with no change here.
    expect(fuzzed.size).toBe(all.length - skipped.length);
  });
});
