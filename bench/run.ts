// npm run bench: seeds 1,000,000 officer-created account rows on PostgreSQL, starts the real
// server against that database, and measures with autocannon next to `pgbench -S` run on the same
// database in the same session. Writes bench/RESULTS.md.
//
// Settings: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/dvc_bench),
// BENCH_ROWS (default 1000000), BENCH_DURATION seconds per scenario (default 15),
// BENCH_CONNECTIONS (default 16), BENCH_RESEED=1 to drop and seed again, BENCH_ONLY=dossiers to
// measure only the dossier scenarios (issue 6) and replace their section of RESULTS.md,
// BENCH_ONLY=web to measure only the portal's load on a throttled phone line (issue 15; builds the
// web first) and replace its section.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { seedBenchData, BENCH_DESK_SHARE } from './seed.js';
import { seedOfficers, type SeededOfficers } from './seed-officers.js';
import { readWorkbook } from '../src/server/platform/files/xlsx.js';
import { dossierSection, measureDossiers, type DossierBench } from './dossiers.js';
import { measureProcessing, processingSection, type ProcessingBench } from './processing.js';
import { signInSession, toMeasured, type Measured } from './measure.js';
import { measureWebLoad, webLoadSection } from './web-load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dbUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dvc_bench';
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const duration = Number(process.env.BENCH_DURATION ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const port = Number(process.env.BENCH_PORT ?? 3399);
const LIGHT_CONNECTIONS = 2;
const WEB_RUNS = 5;
const base = `http://127.0.0.1:${port}`;

function log(msg: string) {
  console.log(`[bench] ${msg}`);
}

async function ensureDatabase(): Promise<void> {
  const url = new URL(dbUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  if (process.env.BENCH_RESEED === '1') await admin.query(`drop database if exists ${name} with (force)`);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
}

function pgbenchArgs(): string[] {
  const u = new URL(dbUrl);
  return ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1)];
}

function runPgbench(): { tps: number; latencyMs: number; output: string } {
  execFileSync('pgbench', ['-i', '-s', '10', '-q', ...pgbenchArgs()], { stdio: 'pipe' });
  checkpoint();
  const out = execFileSync('pgbench', ['-S', '-n', '-c', String(connections), '-j', '2', '-T', String(duration), ...pgbenchArgs()], {
    encoding: 'utf8',
  });
  checkpoint();
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? 0);
  return { tps, latencyMs, output: out };
}

/** Flush dirty pages now, so a checkpoint does not land in the middle of the next measurement. */
function checkpoint(): void {
  execFileSync('psql', [dbUrl, '-qc', 'checkpoint']);
}

async function waitForServer(url = base): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function officerCookie(username = 'motcua.demo'): Promise<string> {
  return (await signInSession(base, 'officer', username, 'Demo@2026')).cookie;
}

interface Scenario {
  name: string;
  paths: () => string;
}

async function measure(s: Scenario, cookie: string, conns = connections, url = base): Promise<Measured> {
  const result = await autocannon({
    url,
    connections: conns,
    duration,
    headers: { cookie },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: s.paths() }) }],
  });
  return toMeasured(s.name, result);
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function main() {
  if (process.env.BENCH_ONLY === 'web') {
    log('building the web (vite build, pre-compressed)');
    execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  }
  await ensureDatabase();
  log(`database ${dbUrl}`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl,
      DEMO_DATA: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The OTP scenario measures delivery through the outbox as well.
      OUTBOX_WORKER: 'true',
      // Login and OTP requests come from many addresses (X-Forwarded-For), as behind a proxy.
      TRUST_PROXY: 'true',
      DATA_DIR: path.join(os.tmpdir(), 'dvc-bench'),
      DB_POOL_SIZE: String(connections),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForServer();
    log('server up (migrations and demo data applied)');
    if (process.env.BENCH_ONLY === 'web') {
      replaceSection('web', webLoadSection(await measureWebLoad(base, WEB_RUNS, log)));
      return;
    }
    if (process.env.BENCH_ONLY === 'dossiers') {
      log(`pgbench -S, ${connections} clients, ${duration}s`);
      const pgb = runPgbench();
      log(`pgbench: ${pgb.tps.toFixed(0)} tps`);
      const d = await measureDossiers(base, dbUrl, { connections, light: LIGHT_CONNECTIONS, duration }, log);
      const p = await measureProcessing(base, dbUrl, { connections, light: LIGHT_CONNECTIONS, duration }, log);
      replaceSection('dossiers', dossierSection(d, pgb.tps, connections, LIGHT_CONNECTIONS));
      replaceSection('processing', processingSection(p, pgb.tps, connections, LIGHT_CONNECTIONS));
      return;
    }
    const seeded = await seedBenchData(dbUrl, rows, log);
    const cookie = await officerCookie();

    const existing = seeded.sampleIdNumbers;
    const names = ['nguyen van an', 'tran thi', 'le minh', 'pham', 'hoang gia bao', 'vo thi yen', 'dang quoc'];
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
    const scenarios: Scenario[] = [
      {
        name: 'Tra cứu theo CMND/CCCD (GET /api/citizen-account-requests/lookup)',
        paths: () => {
          // Half existing accounts, half numbers with no account.
          const id = Math.random() < 0.5 ? pick(existing) : `0791${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
          return `/api/citizen-account-requests/lookup?idNumber=${id}`;
        },
      },
      {
        name: 'Danh sách: tìm theo tên (không dấu)',
        paths: () => `/api/citizen-account-requests?name=${encodeURIComponent(pick(names))}&page=1&pageSize=20`,
      },
      {
        name: 'Danh sách: tìm theo số điện thoại (tiền tố 7 số)',
        paths: () => `/api/citizen-account-requests?phone=${pick(seeded.samplePhones).slice(0, 7)}&page=1&pageSize=20`,
      },
      {
        name: 'Danh sách: khoảng ngày (7 ngày)',
        paths: () => {
          const o = Math.floor(Math.random() * 300);
          return `/api/citizen-account-requests?from=${day(o + 7)}&to=${day(o)}&page=1&pageSize=20`;
        },
      },
      {
        name: 'Danh sách: tên + khoảng ngày (30 ngày)',
        paths: () => {
          const o = Math.floor(Math.random() * 300);
          return `/api/citizen-account-requests?name=${encodeURIComponent(pick(names))}&from=${day(o + 30)}&to=${day(o)}&page=1&pageSize=20`;
        },
      },
    ];

    log(`pgbench -S, ${connections} clients, ${duration}s`);
    const pgb = runPgbench();
    log(`pgbench: ${pgb.tps.toFixed(0)} tps`);
    const results: Measured[] = [];
    for (const s of scenarios) {
      // Warm-up so the first scenario does not pay for cold caches.
      await autocannon({ url: base, connections, duration: 3, headers: { cookie }, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: s.paths() }) }] });
      const m = await measure(s, cookie);
      log(`${s.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, errors ${m.errors}, non-2xx ${m.non2xx}`);
      results.push(m);
    }
    // Latency as an officer sees it: the same list searches with 2 concurrent clients (as many as
    // this machine has cores), i.e. without queueing behind a saturated CPU.
    const light: Measured[] = [];
    for (const s of scenarios.slice(1)) {
      const m = await measure(s, cookie, LIGHT_CONNECTIONS);
      log(`${s.name} @${LIGHT_CONNECTIONS}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms`);
      light.push(m);
    }
    const auth = await measureAuth();
    const floor = await measureFloor(scenarios[0]!, cookie);
    const admin = await measureAdmin(server.pid!);
    const dossiers = await measureDossiers(base, dbUrl, { connections, light: LIGHT_CONNECTIONS, duration }, log);
    const processing = await measureProcessing(base, dbUrl, { connections, light: LIGHT_CONNECTIONS, duration }, log);
    writeResults(pgb, results, light, floor, auth, seeded, admin, dossiers, processing);
  } finally {
    server.kill('SIGTERM');
  }
}

interface AdminMeasured {
  seeded: SeededOfficers;
  searches: Measured[];
  light: Measured[];
  export: { rows: number; seconds: number; bytes: number; rssBeforeMb: number; rssPeakMb: number };
}

/** Resident memory of a process, in MiB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/**
 * Issue 5: "Quản lý người dùng" searches over 500,000 officers (high-level and level-1
 * administrators), and the Excel export of the ~200,000 officers of Hà Nội: time to the last byte,
 * and the server's peak resident memory while it streams.
 */
async function measureAdmin(serverPid: number): Promise<AdminMeasured> {
  const seeded = await seedOfficers(dbUrl, log);
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  await c.query(`delete from rate_limits where key like 'login%'`);
  await c.query(`delete from login_throttle`);
  await c.end();
  const national = await officerCookie('admin.demo');
  const level1 = await officerCookie('quantri.qngai.demo');
  const names = ['nguyen van', 'tran thi lan', 'le minh', 'hoang', 'vo thi yen', 'dang quoc bao'];
  const scenarios: (Scenario & { cookie: string })[] = [
    { name: 'Quản lý người dùng: tên (không dấu), toàn quốc', cookie: national, paths: () => `/api/admin/users?name=${encodeURIComponent(pick(names))}&page=1&pageSize=20` },
    { name: 'Quản lý người dùng: số điện thoại (tiền tố 7 số)', cookie: national, paths: () => `/api/admin/users?phone=${pick(seeded.samplePhones).slice(0, 7)}` },
    { name: 'Quản lý người dùng: CMND/CCCD (tiền tố 9 số)', cookie: national, paths: () => `/api/admin/users?idNumber=${pick(seeded.sampleIdNumbers).slice(0, 9)}` },
    { name: 'Quản lý người dùng: Cơ quan = một tỉnh (cả cây đơn vị)', cookie: national, paths: () => `/api/admin/users?agencyId=${pick(seeded.provinceAgencyIds)}` },
    { name: 'Quản lý người dùng: Không được gán cơ quan + Không kích hoạt', cookie: national, paths: () => `/api/admin/users?unassigned=true&status=inactive` },
    { name: 'Quản lý người dùng: quản trị cấp 1, tên trong tỉnh', cookie: level1, paths: () => `/api/admin/users?name=${encodeURIComponent(pick(names))}` },
  ];
  const run = (s: (typeof scenarios)[number], conns: number) =>
    autocannon({ url: base, connections: conns, duration, headers: { cookie: s.cookie }, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: s.paths() }) }] });
  const searches: Measured[] = [];
  const light: Measured[] = [];
  for (const s of scenarios) {
    await autocannon({ url: base, connections, duration: 3, headers: { cookie: s.cookie }, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: s.paths() }) }] });
    const m = toMeasured(s.name, await run(s, connections));
    log(`${s.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}`);
    searches.push(m);
    const l = toMeasured(s.name, await run(s, LIGHT_CONNECTIONS));
    log(`${s.name} @${LIGHT_CONNECTIONS}: p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms`);
    light.push(l);
  }

  // The export: the server's resident memory sampled every 50 ms while the file streams.
  const before = rssMb(serverPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 50);
  const t0 = Date.now();
  const res = await fetch(`${base}/api/admin/users/export.xlsx?agencyId=${seeded.hanoiAgencyId}`, { headers: { cookie: national } });
  if (!res.ok) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  const file = Buffer.from(await res.arrayBuffer());
  const seconds = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  const [sheet] = await readWorkbook(file);
  const rows = sheet!.rows.length - 1;
  log(`export: ${rows} rows, ${(file.length / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s, server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB`);
  return { seeded, searches, light, export: { rows, seconds, bytes: file.length, rssBeforeMb: before, rssPeakMb: peak } };
}

interface AuthMeasured {
  login: Measured;
  reset: Measured;
  /** SMS handed to the transport per second by the server's one outbox worker, burst to drained. */
  delivered: number;
  drainSeconds: number;
  argon2: string;
}

const randomIp = () => `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/** A CSRF token with its cookie, as the SPA holds them before logging in. */
async function csrfPair(): Promise<{ token: string; cookie: string }> {
  const r = await fetch(`${base}/api/auth/csrf`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { token: ((await r.json()) as { token: string }).token, cookie };
}

/**
 * Citizen login (argon2id verify + session insert + audit) and "Quên mật khẩu" (reset row, OTP,
 * SMS in the outbox, audit), each from random addresses so per-address limits are not what is
 * measured. Login uses 2,000 seeded citizens given a known password; resets use 20,000.
 */
async function measureAuth(): Promise<AuthMeasured> {
  const { hashPassword, ARGON2_OPTIONS } = await import('../src/server/platform/auth/password.js');
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const ids = (
    await c.query<{ id_number: string }>(`select id_number from users where kind = 'citizen' and id_number like '0790%' and phone is not null order by id_number limit 22000`)
  ).rows.map((r) => r.id_number);
  const loginIds = ids.slice(0, 2000);
  const resetIds = ids.slice(2000);
  await c.query(`update users set password_hash = $1, must_change_password = false where id_number = any($2)`, [await hashPassword('Bench@2026'), loginIds]);
  // Earlier runs within the hour must not leave their counters behind.
  await c.query(`delete from login_throttle`);
  await c.query(`delete from rate_limits where key like 'reset%' or key like 'otp:%' or key like 'login%'`);
  const { token, cookie } = await csrfPair();
  const headers = { 'content-type': 'application/json', 'x-csrf-token': token, cookie };

  /** POSTs with the CSRF pair, each from a random address. */
  const posts = (path: string, body: () => unknown): autocannon.Options => ({
    url: base,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, path, headers: { ...headers, 'x-forwarded-for': randomIp() }, body: JSON.stringify(body()) }),
      },
    ],
  });
  const login = toMeasured(
    'Đăng nhập công dân (POST /api/auth/login, argon2id)',
    await autocannon(posts('/api/auth/login', () => ({ audience: 'citizen', login: pick(loginIds), password: 'Bench@2026' }))),
  );
  log(`login: ${login.rps.toFixed(0)} req/s, p50 ${login.p50} ms, p95 ${login.p95} ms, p99 ${login.p99} ms, non-2xx ${login.non2xx}`);

  let next = 0;
  const started = new Date();
  const reset = toMeasured(
    'Quên mật khẩu: gửi OTP (POST /api/auth/password-resets → outbox)',
    await autocannon(posts('/api/auth/password-resets', () => ({ login: resetIds[next++ % resetIds.length] }))),
  );
  log(`reset: ${reset.rps.toFixed(0)} req/s, p50 ${reset.p50} ms, p95 ${reset.p95} ms, p99 ${reset.p99} ms, non-2xx ${reset.non2xx}`);
  // Wait for the worker to hand every queued SMS to the transport.
  const pending = async () =>
    Number((await c.query<{ n: string }>(`select count(*) as n from outbox where status = 'pending' and kind = 'notify.sms'`)).rows[0]!.n);
  while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 250));
  const drained = new Date();
  const sent = Number(
    (await c.query<{ n: string }>(`select count(*) as n from outbox where kind = 'notify.sms' and status = 'done' and created_at >= $1`, [started])).rows[0]!.n,
  );
  const drainSeconds = (drained.getTime() - started.getTime()) / 1000;
  await c.end();
  const o = ARGON2_OPTIONS;
  return {
    login,
    reset,
    delivered: sent / drainSeconds,
    drainSeconds,
    argon2: `argon2id, memory ${o.memoryCost} KiB, ${o.timeCost} passes, parallelism ${o.parallelism}`,
  };
}

/** bench/floor.ts: the look-up's SQL in a bare Fastify + node-postgres process, no app code. */
async function measureFloor(lookup: Scenario, cookie: string): Promise<Measured[]> {
  const floorPort = port + 1;
  const floorBase = `http://127.0.0.1:${floorPort}`;
  const floor = spawn(process.execPath, ['--import', 'tsx', 'bench/floor.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(floorPort), DB_POOL_SIZE: String(connections) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForServer(floorBase);
    const out: Measured[] = [];
    for (const [route, name] of [
      ['/two', 'Bare Fastify + pg: session statement, then look-up statement'],
      ['/one', 'Bare Fastify + pg: look-up statement only'],
    ] as const) {
      const s: Scenario = { name, paths: () => lookup.paths().replace('/api/citizen-account-requests/lookup', route) };
      await autocannon({ url: floorBase, connections, duration: 3, headers: { cookie }, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: s.paths() }) }] });
      const m = await measure(s, cookie, connections, floorBase);
      log(`${name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}`);
      out.push(m);
    }
    return out;
  } finally {
    floor.kill('SIGTERM');
  }
}

function writeResults(
  pgb: { tps: number; latencyMs: number },
  results: Measured[],
  light: Measured[],
  floor: Measured[],
  auth: AuthMeasured,
  seeded: { rows: number; deskRows: number; seedSeconds: number | null },
  admin: AdminMeasured,
  dossiers: DossierBench,
  processing: ProcessingBench,
) {
  const lookup = results[0]!;
  const lists = results.slice(1);
  const share = (lookup.rps / pgb.tps) * 100;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const pgVersion = execFileSync('psql', [dbUrl, '-Atc', 'show server_version'], { encoding: 'utf8' }).trim();
  const lines = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${os.cpus().length} × ${cpu}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, PostgreSQL ${pgVersion} on the same machine.`,
    '',
    `Data: ${seeded.rows.toLocaleString('en')} officer-created account rows (\`citizen_account_requests\`, 90 % completed with a`,
    `matching row in \`users\`), spread over 200 units; the bench officer's desk holds ${seeded.deskRows.toLocaleString('en')} of them`,
    `(${Math.round(BENCH_DESK_SHARE * 100)} %), so every list query filters ~${Math.round(seeded.deskRows / 1000)}k rows of its own units.` +
      (seeded.seedSeconds ? ` Seeding took ${seeded.seedSeconds.toFixed(0)} s.` : ''),
    '',
    `Load: autocannon, ${connections} connections, ${duration} s per scenario after a 3 s warm-up, one server process`,
    '(`tsx src/server/main.ts`, pool of 16 connections), cookie session of `motcua.demo` (every request resolves the',
    'session, its permissions and units in the database; the look-up reads its answer in that same statement, ADR 0005).',
    '',
    '## Baseline: `pgbench -S` on the same database, same session',
    '',
    `| clients | TPS | avg latency |`,
    `|---|---|---|`,
    `| ${connections} | ${pgb.tps.toFixed(0)} | ${pgb.latencyMs.toFixed(2)} ms |`,
    '',
    '## Endpoints',
    '',
    '| scenario | req/s | p50 | p95 | p99 | errors / non-2xx |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms | ${r.errors} / ${r.non2xx} |`),
    '',
    `## List searches with ${LIGHT_CONNECTIONS} concurrent clients (latency without CPU queueing)`,
    '',
    '| scenario | req/s | p50 | p95 | p99 |',
    '|---|---|---|---|---|',
    ...light.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms |`),
    '',
    '## The floor: the same SQL without the app (`bench/floor.ts`)',
    '',
    'A bare Fastify + node-postgres process, same machine, same load, same cookie: no validation, no',
    'error handling, no logger, no authorisation rules.',
    '',
    '| scenario | req/s | share of pgbench -S | p50 | p99 | non-2xx |',
    '|---|---|---|---|---|---|',
    ...floor.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${((r.rps / pgb.tps) * 100).toFixed(1)} % | ${r.p50} ms | ${r.p99} ms | ${r.non2xx} |`),
    `| The app's look-up (above) | ${lookup.rps.toFixed(0)} | ${share.toFixed(1)} % | ${lookup.p50} ms | ${lookup.p99} ms | ${lookup.non2xx} |`,
    '',
    '## Sign-in and OTP (issue 4)',
    '',
    `Passwords: ${auth.argon2} (OWASP's first recommended argon2id setting; see src/server/platform/auth/password.ts).`,
    'Requests from random addresses (X-Forwarded-For behind TRUST_PROXY), so per-address limits are not what is measured.',
    '',
    '| scenario | req/s | p50 | p95 | p99 | errors / non-2xx |',
    '|---|---|---|---|---|---|',
    ...[auth.login, auth.reset].map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms | ${r.errors} / ${r.non2xx} |`),
    '',
    `Outbox: the server's one worker handed **${auth.delivered.toFixed(0)} SMS/s** to the (dev) SMS transport, from the start of the OTP burst until the queue was empty (${auth.drainSeconds.toFixed(0)} s).`,
    '',
    '## Quản lý người dùng (issue 5)',
    '',
    `Data: ${admin.seeded.officers.toLocaleString('en')} officer accounts (\`users\`, kind officer) across the 3,300+ reference units;`,
    `${admin.seeded.hanoiOfficers.toLocaleString('en')} of them in the communes of Hà Nội.` +
      (admin.seeded.seedSeconds ? ` Seeding took ${admin.seeded.seedSeconds.toFixed(0)} s.` : '') +
      ' Sessions: `admin.demo` (high-level) and `quantri.qngai.demo` (level-1, Quảng Ngãi).',
    '',
    `| scenario | req/s @${connections} | p95 @${connections} | p50 @${LIGHT_CONNECTIONS} | p95 @${LIGHT_CONNECTIONS} | p99 @${LIGHT_CONNECTIONS} | non-2xx |`,
    '|---|---|---|---|---|---|---|',
    ...admin.searches.map((r, i) => {
      const l = admin.light[i]!;
      return `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p95} ms | ${l.p50} ms | ${l.p95} ms | ${l.p99} ms | ${r.non2xx + l.non2xx} |`;
    }),
    '',
    `XUẤT EXCEL of the officers of Hà Nội: **${admin.export.rows.toLocaleString('en')} rows** (${(admin.export.bytes / 2 ** 20).toFixed(1)} MiB .xlsx, opened and`,
    `counted after download) in **${admin.export.seconds.toFixed(1)} s**; the server's resident memory went from`,
    `${admin.export.rssBeforeMb.toFixed(0)} MiB to a peak of **${admin.export.rssPeakMb.toFixed(0)} MiB** while it streamed (sampled every 50 ms).`,
    '',
    `- User search p95 < 50 ms (issue 5) at ${LIGHT_CONNECTIONS} connections: worst p95 **${Math.max(...admin.light.map((l) => l.p95))} ms** — ${admin.light.every((l) => l.p95 < 50) ? 'met' : 'NOT met'}; at ${connections}: worst **${Math.max(...admin.searches.map((l) => l.p95))} ms**.`,
    '',
    ...dossierSection(dossiers, pgb.tps, connections, LIGHT_CONNECTIONS),
    ...processingSection(processing, pgb.tps, connections, LIGHT_CONNECTIONS),
    '## Targets (issue 3)',
    '',
    `- Look-up ≥ 25 % of pgbench's select-only TPS: **${share.toFixed(1)} %** (${lookup.rps.toFixed(0)} / ${pgb.tps.toFixed(0)}) — ${share >= 25 ? 'met' : 'NOT met'}.`,
    `- List search p95 < 50 ms at ${connections} connections: worst p95 **${Math.max(...lists.map((l) => l.p95))} ms** — ${lists.every((l) => l.p95 < 50) ? 'met' : 'NOT met'}.`,
    `- List search p95 < 50 ms at ${LIGHT_CONNECTIONS} connections: worst p95 **${Math.max(...light.map((l) => l.p95))} ms** — ${light.every((l) => l.p95 < 50) ? 'met' : 'NOT met'}.`,
    '',
  ];
  const notesFile = path.join(root, 'bench', 'NOTES.md');
  if (fs.existsSync(notesFile)) lines.push(fs.readFileSync(notesFile, 'utf8'));
  fs.writeFileSync(path.join(root, 'bench', 'RESULTS.md'), lines.join('\n'));
  log('wrote bench/RESULTS.md');
}

/** BENCH_ONLY=dossiers: the named section of RESULTS.md is replaced (or added), the rest kept. */
function replaceSection(name: string, section: string[]): void {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const end = `<!-- ${name}:end -->`;
  const stamp = `\n_Measured on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (BENCH_ONLY=${process.env.BENCH_ONLY}), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}._\n`;
  const block = section.join('\n').replace(end, `${stamp}${end}`);
  const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->\\n?`);
  const next = re.test(text) ? text.replace(re, `${block}\n`) : text.replace('## Targets (issue 3)', `${block}\n\n## Targets (issue 3)`);
  fs.writeFileSync(file, next.includes(block) ? next : `${text}\n${block}\n`);
  log(`updated the ${name} section of bench/RESULTS.md`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
