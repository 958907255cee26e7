// Issue 13, defect 9: security headers on every response — pages, API JSON, problem bodies, static
// files — and, in production only, HSTS; the API documentation is off in production unless asked for.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http } from '../../tests/support/http.js';
import { startTestSystem, useTestSystem, type TestSystem } from '../../tests/support/system.js';
import { createCa, issueSigningCert } from './platform/signing/ca.js';

const system = useTestSystem();

/** The directives of a Content-Security-Policy header, by name. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header, `no CSP on ${res.statusCode} ${res.headers['content-type']}`).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const policy = csp(res);
  const script = policy.get('script-src') ?? policy.get('default-src');
  expect(script, `${what}: script-src`).toBeDefined();
  expect(script, `${what}: script-src`).not.toContain("'unsafe-inline'");
  expect(script, `${what}: script-src`).not.toContain("'unsafe-eval'");
  expect(policy.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(res.headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(res.headers['referrer-policy'], `${what}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
  expect(res.headers['permissions-policy'], `${what}: Permissions-Policy`).toEqual(expect.stringContaining('geolocation=()'));
}

/** One request of each kind the server answers. */
async function everyKind(sys: TestSystem): Promise<[string, LightMyRequestResponse][]> {
  const app = sys.app;
  const get = (url: string) => app.inject({ method: 'GET', url });
  return [
    ['API JSON', await get('/api/procedures')],
    ['health', await get('/healthz')],
    ['problem 404', await get('/api/khong-co')],
    ['problem 401', await get('/api/auth/me')],
    ['problem 403 (no CSRF token)', await app.inject({ method: 'POST', url: '/api/auth/logout' })],
    ['problem 400 (bad body)', await new Http(app).post('/api/auth/login', { audience: 'officer' })],
    ['problem 400 (bad URL encoding)', await get('/api/procedures/%E0%A4%A')],
    ['problem 414 (over-long parameter)', await get(`/api/procedures/${'x'.repeat(300)}`)],
    ['client-side page', await get('/ho-so-cua-toi')],
    ['home page', await get('/')],
  ];
}

describe('security headers', () => {
  it('are on every response: API JSON, problems, pages, static files', async () => {
    const sys = system();
    const responses = await everyKind(sys);
    const outbox = await sys.app.inject({ method: 'GET', url: '/dev/outbox' });
    expect(outbox.headers['content-type']).toContain('text/html');
    responses.push(['HTML page', outbox]);
    const asset = await sys.app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('text/css');
    responses.push(['static file', asset]);
    expect(responses.find(([w]) => w === 'problem 400 (bad URL encoding)')![1].statusCode).toBe(400);
    expect(responses.find(([w]) => w === 'problem 414 (over-long parameter)')![1].statusCode).toBe(414);
    for (const [what, res] of responses) {
      expect(res.statusCode, what).toBeLessThan(500);
      expectSecurityHeaders(res, what);
      // Outside production the site may run on plain http: no HSTS pinning a laptop to https.
      expect(res.headers['strict-transport-security'], what).toBeUndefined();
    }
  });
});

describe('in production', () => {
  let dir: string;
  let prodEnv: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-headers-'));
    // A province's own CA and signing key: production refuses the demo CA.
    const ca = createCa('CA tỉnh thử nghiệm');
    fs.writeFileSync(path.join(dir, 'ky.p12'), issueSigningCert(ca, { commonName: 'UBND tỉnh thử nghiệm', organization: 'dvc' }, 'mat-khau-p12'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
    prodEnv = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      SMS_TRANSPORT: 'http',
      SMS_HTTP_URL: 'http://127.0.0.1:9/sms',
      EMAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:9',
      VNEID_ISSUER: 'https://vneid.invalid',
      VNEID_CLIENT_SECRET: 'x'.repeat(32),
      POPULATION_URL: 'https://dancu.invalid',
      POPULATION_TOKEN: 'x'.repeat(32),
      SIGNING_P12_PATH: path.join(dir, 'ky.p12'),
      SIGNING_P12_PASSWORD: 'mat-khau-p12',
      SIGNING_CA_PEM_PATH: path.join(dir, 'ca.pem'),
    };
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function withProduction(extra: Record<string, string>, run: (sys: TestSystem) => Promise<void>) {
    const sys = await startTestSystem({ env: { ...prodEnv, ...extra } });
    try {
      await run(sys);
    } finally {
      await sys.close();
    }
  }

  it('are on the answers Node gives before Fastify has a request (oversized headers, broken HTTP)', async () => {
    const sys = system();
    const address = await sys.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const send = (raw: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(raw));
        let text = '';
        socket.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve(text)).on('error', reject);
      });
    const answers = [
      ['431 (oversized headers)', await send(`GET /api/procedures HTTP/1.1\r\nHost: x\r\nX-Lon: ${'a'.repeat(40_000)}\r\n\r\n`)],
      ['400 (not HTTP)', await send('KHÔNG PHẢI HTTP\r\n\r\n')],
    ] as const;
    for (const [what, text] of answers) {
      const [head, body] = text.split('\r\n\r\n');
      const lines = head!.split('\r\n');
      const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      expect(lines[0], what).toMatch(new RegExp(`^HTTP/1.1 ${what.slice(0, 3)} `));
      expect(headers['content-type'], what).toContain('application/problem+json');
      expect(JSON.parse(body!), what).toMatchObject({ status: Number(what.slice(0, 3)) });
      expectSecurityHeaders({ headers } as unknown as LightMyRequestResponse, what);
    }
  });

  it('adds HSTS to every response and keeps /docs off', async () => {
    await withProduction({}, async (sys) => {
      for (const [what, res] of await everyKind(sys)) {
        expectSecurityHeaders(res, what);
        expect(res.headers['strict-transport-security'], what).toMatch(/max-age=\d{7,}/);
      }
      for (const url of ['/docs', '/docs/json', '/docs/static/swagger-ui.css']) {
        const res = await sys.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type'], url).toContain('application/problem+json');
      }
    });
  });

  it('serves /docs when API_DOCS=true, with the same headers', async () => {
    await withProduction({ API_DOCS: 'true' }, async (sys) => {
      const page = await sys.app.inject({ method: 'GET', url: '/docs' });
      expect(page.statusCode).toBeLessThan(400);
      const spec = await sys.app.inject({ method: 'GET', url: '/docs/json' });
      expect(spec.json<{ openapi: string }>().openapi).toBe('3.1.0');
      expectSecurityHeaders(spec, '/docs/json');
      expect(spec.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    });
  });
});
