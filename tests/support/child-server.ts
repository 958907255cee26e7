// The real server as a child process (src/server/main.ts under tsx), on a PostgreSQL database and
// a data directory of the test's own, for the tests that kill it with SIGKILL and start it again
// on the same database. Plus a fetch-based client that signs in like the SPA (CSRF token, cookies).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from './system.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A fresh database beside TEST_DATABASE_URL's (the one startTestSystem makes), dropped by `drop`. */
export const createTestDatabase = createDatabase;

export interface ChildServerOptions {
  databaseUrl: string;
  dataDir: string;
  port: number;
  /** DVC_SECRET: the same on every start, so that OTPs and sessions survive a restart. */
  secret: string;
  env?: Record<string, string>;
  /** How long start-up may take before the test gives up (the first start migrates and seeds). */
  startTimeoutMs?: number;
}

export interface ChildServer {
  baseUrl: string;
  pid: number;
  /** Milliseconds from spawn until /healthz answered 200. */
  startMs: number;
  /** Whether the process is still running. */
  running(): boolean;
  /** SIGKILL: no shutdown hook runs, no connection is closed politely. Resolves once it is gone. */
  kill9(): Promise<void>;
}

/** Starts `src/server/main.ts` and resolves when /healthz answers 200. */
export async function startChildServer(opts: ChildServerOptions): Promise<ChildServer> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: opts.dataDir,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DEMO_DATA: 'true',
      DVC_SECRET: opts.secret,
      SERVE_WEB: 'false',
      OUTBOX_WORKER: 'false',
      VNEID_SIM_PORT: '0',
      POPULATION_SIM_PORT: '0',
      LOG_LEVEL: 'silent',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const kill9 = async () => {
    if (!exited) child.kill('SIGKILL');
    await exit;
  };

  const deadline = started + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`the server exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      await kill9();
      throw new Error(`the server did not answer /healthz within ${opts.startTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, pid: child.pid!, startMs: Date.now() - started, running: () => !exited, kill9 };
}

/** Just enough of the SPA over real HTTP: cookies, the CSRF token, JSON and one-file uploads. */
export class FetchClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(public baseUrl: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async token(): Promise<string> {
    if (!this.csrf) {
      const res = this.keep(await fetch(`${this.baseUrl}/api/auth/csrf`, { headers: { cookie: this.cookieHeader() } }));
      this.csrf = ((await res.json()) as { token: string }).token;
    }
    return this.csrf;
  }

  async get(url: string): Promise<Response> {
    return this.keep(await fetch(`${this.baseUrl}${url}`, { headers: { cookie: this.cookieHeader() } }));
  }

  async post(url: string, body: unknown): Promise<Response> {
    const token = await this.token();
    return this.keep(
      await fetch(`${this.baseUrl}${url}`, {
        method: 'POST',
        headers: { cookie: this.cookieHeader(), 'x-csrf-token': token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  }

  async upload(url: string, name: string, data: Buffer, type: string): Promise<Response> {
    const token = await this.token();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), name);
    return this.keep(await fetch(`${this.baseUrl}${url}`, { method: 'POST', headers: { cookie: this.cookieHeader(), 'x-csrf-token': token }, body: form }));
  }

  async login(audience: 'officer' | 'citizen', login: string, password = 'Demo@2026'): Promise<void> {
    const res = await this.post('/api/auth/login', { audience, login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
  }
}
