// Production runs the compiled server (`node dist-server/server/main.js`, built by
// `npm run build:server`), not tsx, and never loads a simulator or a development-only module: the
// process is started as an operator would start it, and every ES module it loads is recorded
// (tests/support/record-imports.mjs).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, freePort } from '../../tests/support/system.js';
import { createCa, issueSigningCert } from './platform/signing/ca.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'dist-server/server/main.js');

/** The newest modification time of the files the server build is made from. */
function newestSource(): number {
  const dirs = [path.join(root, 'src/server'), path.join(root, 'src/common')];
  let newest = Math.max(...['tsconfig.json', 'tsconfig.server.json', 'scripts/build-server.mjs'].map((f) => fs.statSync(path.join(root, f)).mtimeMs));
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) newest = Math.max(newest, fs.statSync(path.join(f.parentPath, f.name)).mtimeMs);
    }
  }
  return newest;
}

// In file order: the last test stops the one process the others ask.
describe('the compiled server in production', { shuffle: false }, () => {
  let dir: string;
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let output = '';
  let baseUrl: string;
  let simPorts: number[];
  let dropDb: (() => Promise<void>) | undefined;
  const importLog = () => fs.readFileSync(path.join(dir, 'imports.log'), 'utf8').split('\n').filter(Boolean);

  beforeAll(async () => {
    // The build `npm test` made is used when it is newer than every source; otherwise built here.
    if (!fs.existsSync(entry) || fs.statSync(entry).mtimeMs < newestSource()) {
      execFileSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { cwd: root, stdio: 'pipe' });
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-prod-start-'));
    const ca = createCa('CA tỉnh thử nghiệm');
    fs.writeFileSync(path.join(dir, 'ky.p12'), issueSigningCert(ca, { commonName: 'UBND tỉnh thử nghiệm', organization: 'dvc' }, 'mat-khau-p12'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
    const db = process.env.TEST_DATABASE_URL ? await createDatabase(process.env.TEST_DATABASE_URL) : null;
    dropDb = db?.drop;
    const port = await freePort();
    simPorts = [await freePort(), await freePort()];
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', path.join(root, 'tests/support/record-imports.mjs'), entry], {
      // Started from elsewhere than the repository: nothing may depend on the working directory.
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        DATA_DIR: path.join(dir, 'var'),
        ...(db ? { DATABASE_URL: db.url } : {}),
        DVC_SECRET: 'x'.repeat(40),
        LOG_LEVEL: 'warn',
        SERVE_WEB: 'false',
        OUTBOX_WORKER: 'false',
        SMS_HTTP_URL: 'http://127.0.0.1:9/sms',
        SMTP_URL: 'smtp://127.0.0.1:9',
        VNEID_ISSUER: 'https://vneid.invalid',
        VNEID_CLIENT_SECRET: 'x'.repeat(32),
        // Where the simulators would listen if anything started them.
        VNEID_SIM_PORT: String(simPorts[0]),
        POPULATION_SIM_PORT: String(simPorts[1]),
        POPULATION_URL: 'https://dancu.invalid',
        POPULATION_TOKEN: 'x'.repeat(32),
        SIGNING_P12_PATH: path.join(dir, 'ky.p12'),
        SIGNING_P12_PASSWORD: 'mat-khau-p12',
        SIGNING_CA_PEM_PATH: path.join(dir, 'ca.pem'),
        DVC_IMPORT_LOG: path.join(dir, 'imports.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let gone = false;
    void exited.then(() => (gone = true));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (gone) throw new Error(`the server exited during start-up:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no answer from /healthz within 90 s:\n${output}`);
      const ok = await fetch(`${baseUrl}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await dropDb?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the health check and serves no development tool', async () => {
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    expect(csrf.status).toBe(200);
    for (const url of ['/api/dev/outbox', '/dev/outbox', '/docs']) {
      expect((await fetch(`${baseUrl}${url}`)).status, url).toBe(404);
    }
  });

  it('starts no simulator: nothing answers where the VNeID and population simulators would listen', async () => {
    for (const port of simPorts) {
      const answer = await fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`).then(
        (r) => r.status,
        (err: Error) => (err.cause as NodeJS.ErrnoException | undefined)?.code ?? err.message,
      );
      expect(answer).toBe('ECONNREFUSED');
    }
  });

  it('runs compiled JavaScript and never loads a simulator, the dev module, demo seeding or tsx', () => {
    const loaded = importLog();
    expect(loaded).toContain(`file://${path.join(root, 'dist-server/server/app.js')}`);
    const project = loaded.filter((u) => u.startsWith(`file://${root}/`) && !u.startsWith(`file://${root}/node_modules/`));
    expect(project.filter((u) => !u.startsWith(`file://${root}/dist-server/`))).toEqual([]);
    const forbidden = /\/(vneid-sim\/|platform\/population\/simulator\.js|modules\/dev\/|db\/seed-demo\.js)|node_modules\/(oidc-provider|smtp-server|tsx|mailparser)\//;
    expect(loaded.filter((u) => forbidden.test(u))).toEqual([]);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
