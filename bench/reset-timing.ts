// "Quên mật khẩu" timing: does POST /api/auth/password-resets answer in the same time whether or
// not the identifier names an account? A measuring script, not a test (nothing here can fail):
//
//   npx tsx bench/reset-timing.ts [rounds=200]
//
// It creates a throw-away database on BENCH_DATABASE_URL (default: the local PostgreSQL, the
// same server the integration tests use), starts the whole system on it with the demo data and
// the outbox worker running, then calls the endpoint `rounds` times for the demo citizen's CMND/CCCD
// and `rounds` times for a CCCD with no account, alternating the two so that background work
// (the worker delivering what the known requests queued, autovacuum) falls on both alike. The
// server's clock moves one hour before every pair so that no per-identifier or per-address limit
// is reached (each request is then the first of its window, like a real user's).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import { ManualClock } from '../src/server/platform/clock.js';
import { createSystem } from '../src/server/system.js';
import { Http } from '../tests/support/http.js';

const ROUNDS = Number(process.argv[2] ?? 200);
const WARMUP = 20;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The demo citizen (README) and a valid CCCD nobody registered. */
const KNOWN = '001090000001';
const UNKNOWN = '079199000555';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const name = `dvc_bench_reset_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-bench-reset-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    OUTBOX_WORKER: 'true',
    DVC_SECRET: randomBytes(32).toString('hex'),
    VNEID_SIM_PORT: '0',
    POPULATION_SIM_PORT: '0',
    DATABASE_URL: url.toString(),
  });
  const clock = new ManualClock(new Date());
  const system = await createSystem(config, { clock, workerIntervalMs: 200 });
  const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
  const bodies = new Set<string>();
  try {
    let ip = 0;
    const once = async (login: string) => {
      // A new client (address, CSRF token) each time, fetched before the clock starts.
      const h = new Http(system.app, `10.${(++ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`);
      await h.token();
      const t0 = process.hrtime.bigint();
      const res = await h.post('/api/auth/password-resets', { login });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.statusCode !== 201) throw new Error(`${login}: ${res.statusCode} ${res.body}`);
      const { id: _id, ...rest } = res.json<Record<string, unknown>>();
      bodies.add(`${res.statusCode} ${JSON.stringify(Object.keys(res.json()))} ${JSON.stringify({ ...rest, expiresAt: 0, resendAvailableAt: 0 })}`);
      return ms;
    };
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      clock.advance(3600_000);
      // Alternate which goes first, so neither always follows the other's background work.
      const order = i % 2 ? [KNOWN, UNKNOWN] : [UNKNOWN, KNOWN];
      for (const login of order) {
        const ms = await once(login);
        if (i >= WARMUP) times[login === KNOWN ? 'known' : 'unknown'].push(ms);
      }
    }
    const row = (k: 'known' | 'unknown') =>
      `${k.padEnd(8)} median ${median(times[k]).toFixed(2)} ms   p10 ${pct(times[k], 10).toFixed(2)}   p90 ${pct(times[k], 90).toFixed(2)}   n=${times[k].length}`;
    console.log(`POST /api/auth/password-resets on PostgreSQL, ${ROUNDS} calls each (after ${WARMUP} warm-up calls each)`);
    console.log(row('known'));
    console.log(row('unknown'));
    console.log(`difference of medians: ${(median(times.known) - median(times.unknown)).toFixed(2)} ms`);
    console.log(`distinct answer shapes (status, keys, values other than id and timestamps): ${bodies.size}`);
  } finally {
    await system.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
