// A cookie-carrying client over app.inject: logs in like the SPA (CSRF token, session cookie).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class Http {
  private cookies = new Map<string, string>();
  private csrf: Promise<string> | null = null;
  /** `ip`: the client address the server sees (per-address limits and lockouts). */
  constructor(
    readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      // Cleared cookies (empty, max-age 0, or expiring at the epoch) go; the server's clock, which
      // tests move, decides whether a session is still valid, not this machine's clock.
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= 86_400_000)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  /** One token per client, even when the first calls run in parallel. */
  token(): Promise<string> {
    this.csrf ??= this.app
      .inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie: this.cookieHeader() }, remoteAddress: this.ip })
      .then((res) => this.keep(res).json<{ token: string }>().token);
    return this.csrf;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() }, remoteAddress: this.ip }));
  }

  async send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    // The token first: fetching it sets the CSRF secret cookie that must go with it.
    const token = opts.csrf !== false ? await this.token() : undefined;
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (token) headers['x-csrf-token'] = token;
    return this.keep(
      await this.app.inject({ method, url, headers, remoteAddress: this.ip, ...(body === undefined ? {} : { payload: body as object }) }),
    );
  }

  /**
   * Any request exactly as given (raw payload, its own content type) with this client's cookies,
   * and its CSRF token on writes unless `csrf: false`: for tests of what odd input gets back.
   */
  async raw(opts: { method: string; url: string; headers?: Record<string, string>; payload?: string | Buffer; csrf?: boolean }): Promise<LightMyRequestResponse> {
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(opts.method);
    const token = write && opts.csrf !== false ? await this.token() : undefined;
    const headers: Record<string, string> = { ...opts.headers, cookie: this.cookieHeader() };
    if (token) headers['x-csrf-token'] = token;
    return this.keep(
      await this.app.inject({
        method: opts.method as 'GET',
        url: opts.url,
        headers,
        remoteAddress: this.ip,
        ...(opts.payload === undefined ? {} : { payload: opts.payload }),
      }),
    );
  }

  post(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.send('POST', url, body, opts);
  }

  put(url: string, body: unknown) {
    return this.send('PUT', url, body);
  }

  patch(url: string, body: unknown) {
    return this.send('PATCH', url, body);
  }

  del(url: string) {
    return this.send('DELETE', url);
  }

  /** multipart/form-data with the given files in field "file". */
  async upload(url: string, files: { name: string; data: Buffer; type?: string }[]): Promise<LightMyRequestResponse> {
    const boundary = `----dvc${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        f.data,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const token = await this.token();
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'x-csrf-token': token, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat(parts),
        remoteAddress: this.ip,
      }),
    );
  }

  async login(audience: 'officer' | 'citizen', login: string, password = 'Demo@2026'): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/login', { audience, login, password });
  }

  hasSession(): boolean {
    return this.cookies.has('dvc_session');
  }
}

export async function loggedIn(app: FastifyInstance, audience: 'officer' | 'citizen', login: string, password = 'Demo@2026'): Promise<Http> {
  const h = new Http(app);
  const res = await h.login(audience, login, password);
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  return h;
}

/** A small but real PDF (what an officer scans the ID into). */
export function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface DraftInput {
  idNumber?: string;
  fullName?: string;
  birthDate?: string;
  phone?: string;
  email?: string | null;
  unitId?: string;
}

/** Uploads a scan and saves a draft for motcua.demo's desk; returns the draft detail. */
export async function createDraft(h: Http, input: DraftInput = {}) {
  const ctx = (await h.get('/api/citizen-account-requests/form-context')).json<{ units: { id: string }[] }>();
  const up = await h.upload('/api/citizen-account-requests/attachments', [{ name: 'CCCD.pdf', data: tinyPdf() }]);
  if (up.statusCode !== 201) throw new Error(`upload failed: ${up.body}`);
  const res = await h.post('/api/citizen-account-requests', {
    idNumber: '051094000123',
    fullName: 'Nguyễn Thị Bình',
    birthDate: '1994-06-15',
    phone: '0351239999',
    email: 'binh@example.vn',
    unitId: ctx.units[0]!.id,
    attachmentId: up.json<{ id: string }>().id,
    ...input,
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.body}`);
  return res.json<{ id: string; status: string; idNumber: string; phone: string; unit: { id: string } }>();
}

/** The 6-digit code in the newest SMS to that phone. */
export async function latestOtp(h: Http, phone: string): Promise<string> {
  const messages = (await h.get('/api/dev/outbox')).json<{ to: string; body: string }[]>();
  const m = messages.find((x) => x.to === phone && /\b\d{6}\b/.test(x.body) && x.body.includes('OTP'));
  if (!m) throw new Error(`no OTP SMS to ${phone}`);
  return /\b(\d{6})\b/.exec(m.body)![1]!;
}
