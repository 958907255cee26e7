// A local stand-in for VNeID: an OpenID Connect provider (oidc-provider) with invented demo
// identities, for development and tests only (config refuses it in production). The portal talks
// to it exactly as it would to the real VNeID: discovery, authorization code + PKCE, token and
// userinfo endpoints. Its login page lets the user pick a demo person; picking one completes login
// and consent at once and returns to the portal.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { interactionPolicy, type Configuration } from 'oidc-provider';
import type { Logger } from 'pino';
import { identityClaims, loadDemoIdentities, type DemoIdentity } from './identities.js';
import { memoryAdapter } from './memory-adapter.js';
import { errorPage, landingPage, pickerPage } from './pages.js';

export interface VneidSimulatorOptions {
  /** 0 = any free port. */
  port: number;
  /** The issuer to announce; by default http://localhost:<the port actually bound>. */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  /** The portal's callback, the only redirect URI the client may use. */
  redirectUri: string;
  log: Logger;
  identities?: DemoIdentity[];
}

export interface VneidSimulator {
  issuer: string;
  port: number;
  identities: DemoIdentity[];
  close(): Promise<void>;
}

const CLIENT_NAME = 'Cổng Dịch vụ công';
const FORM_LIMIT = 8 * 1024;

export async function startVneidSimulator(opts: VneidSimulatorOptions): Promise<VneidSimulator> {
  const identities = opts.identities ?? loadDemoIdentities();
  const bySub = new Map(identities.map((p) => [p.sub, p]));
  const log = opts.log.child({ component: 'vneid-sim' });

  // The issuer contains the port, which is known only once the server listens.
  let handle: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`VNeID simulator: port ${opts.port} is already in use (VNEID_SIM_PORT)`, { cause: err }) : err),
    );
    // No host: every local interface, so "localhost" works whether it resolves to 127.0.0.1 or ::1.
    server.listen(opts.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = (opts.issuer ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const provider = new Provider(issuer, providerConfiguration(opts, bySub));
  provider.on('server_error', (_ctx, err) => log.error({ err }, 'VNeID simulator error'));
  const oidc = provider.callback();

  handle = (req, res) => {
    route(req, res).catch((err: unknown) => {
      log.warn({ err, url: req.url }, 'VNeID simulator interaction failed');
      if (!res.headersSent) sendHtml(res, 400, errorPage('Phiên đăng nhập trên VNeID mô phỏng đã hết hạn hoặc không hợp lệ.'));
      else res.end();
    });
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const m = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/') {
      sendHtml(res, 200, landingPage(issuer, identities));
      return;
    }
    if (!m) {
      oidc(req, res);
      return;
    }
    const [, uid, action] = m;
    if (req.method === 'GET' && !action) {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) throw new Error('interaction mismatch');
      sendHtml(res, 200, pickerPage(details.uid, CLIENT_NAME, identities));
      return;
    }
    if (req.method !== 'POST' || !action) {
      sendHtml(res, 405, errorPage('Yêu cầu không hợp lệ.'));
      return;
    }
    const form = await readForm(req);
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (action === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User refused to sign in' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const person = bySub.get(form.get('sub') ?? '');
    if (!person) {
      sendHtml(res, 400, errorPage('Danh tính đã chọn không có trong danh sách mô phỏng.'));
      return;
    }
    // Login and consent in one step: the person agrees to share what the portal asked for.
    const grant = new provider.Grant({ accountId: person.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.sub, remember: false }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  log.info({ issuer }, 'VNeID simulator listening');
  return {
    issuer,
    port,
    identities,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function providerConfiguration(opts: VneidSimulatorOptions, bySub: Map<string, DemoIdentity>): Configuration {
  // The login prompt always shows the picker, even when the simulator remembers someone: the
  // point of the simulator is to choose who signs in.
  const policy = interactionPolicy.base();
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('pick_identity', 'the simulator asks which demo identity signs in', (ctx) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
    0,
  );
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        client_name: CLIENT_NAME,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'address', 'cccd'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate', 'gender'],
      address: ['address'],
      cccd: ['cccd'],
    },
    // Scope claims in the ID token too (not only at userinfo), as VNeID-style integrations expect.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const person = bySub.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: async () => identityClaims(person) };
    },
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}`, policy },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true }, revocation: { enabled: false } },
    // Seconds; short, as a sign-in takes a minute. Nothing is refreshed (no refresh tokens).
    ttl: { AuthorizationCode: 60, AccessToken: 300, IdToken: 300, Interaction: 900, Session: 3600, Grant: 3600 },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...signingKey, kid: 'vneid-sim', use: 'sig', alg: 'RS256' }] },
    clientBasedCORS: () => false,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(`Lỗi từ VNeID mô phỏng: ${String(out.error_description ?? out.error ?? 'không rõ')}.`);
    },
  };
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.end(html);
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > FORM_LIMIT) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}
