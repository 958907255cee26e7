// Starts the whole system for a test file: a fresh database (PostgreSQL when TEST_DATABASE_URL is
// set, otherwise in-memory PGlite), migrations, reference data, demo data, and the app.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { ManualClock, type Clock } from '../../src/server/platform/clock.js';
import { createSystem, type System } from '../../src/server/system.js';

export interface TestSystem extends System {
  clock: Clock;
  dataDir: string;
  /** With `listen`: where the app listens, which is also its PUBLIC_URL. */
  baseUrl: string | null;
  /** Deliver every due outbox message now (SMS/e-mail land in the dev outbox). */
  deliver(): Promise<void>;
  /**
   * Puts a ManualClock back at the instant the system started (no-op for other clocks), so that a
   * test never depends on how far an earlier test moved it. useTestSystem does it before each test.
   */
  resetClock(): void;
}

export async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dvc_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestSystemOptions {
  /** Default: a ManualClock (tests move it). Pass systemClock for browser tests. */
  clock?: Clock;
  /** Run the background outbox worker (browser tests); integration tests call deliver(). */
  worker?: boolean;
  env?: Record<string, string>;
  /**
   * Listen on a free port of 127.0.0.1 whose address is also PUBLIC_URL, so that redirects built
   * from it (the VNeID redirect_uri) come back to this app. Browser tests and real-HTTP tests.
   */
  listen?: boolean;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startTestSystem(opts: TestSystemOptions = {}): Promise<TestSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-test-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const db = adminUrl ? await createDatabase(adminUrl) : null;
  const port = opts.listen ? await freePort() : null;
  const baseUrl = port ? `http://127.0.0.1:${port}` : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    OUTBOX_WORKER: opts.worker ? 'true' : 'false',
    DVC_SECRET: randomBytes(32).toString('hex'),
    // Each test system runs its own VNeID simulator on a port of its own (files run in parallel).
    VNEID_SIM_PORT: '0',
    POPULATION_SIM_PORT: '0',
    // Tests move the clock by working days inside one signed-in session; the idle timeout has its
    // own tests (session-idle.int.test.ts), which pass the production defaults.
    SESSION_IDLE_MINUTES_OFFICER: '720',
    SESSION_IDLE_MINUTES_CITIZEN: '720',
    ...(db ? { DATABASE_URL: db.url } : {}),
    ...(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {}),
    ...(port ? { PORT: String(port), PUBLIC_URL: baseUrl! } : {}),
    ...opts.env,
  });
  const clock = opts.clock ?? new ManualClock(new Date());
  const startedAt = clock.now();
  const system = await createSystem(config, { clock, inMemory: !db, workerIntervalMs: 200 });
  if (port) await system.app.listen({ port, host: '127.0.0.1' });
  const { runOutboxOnce } = await import('../../src/server/platform/outbox.js');
  return {
    ...system,
    clock,
    dataDir,
    baseUrl,
    resetClock() {
      if (clock instanceof ManualClock) clock.set(startedAt);
    },
    async deliver() {
      while ((await runOutboxOnce(system.deps.db, system.deps.jobs, clock, system.deps.log)) > 0) {
        /* until nothing is due */
      }
    },
    async close() {
      await system.close();
      await db?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the system before the file's tests and closes it after them; returns a getter, since
 * the system exists only once beforeAll has run. Before each test the ManualClock goes back to
 * where it started (resetClock): a test that needs another time sets or advances it itself.
 */
export function useTestSystem(opts: TestSystemOptions = {}): () => TestSystem {
  let sys: TestSystem | undefined;
  beforeAll(async () => {
    sys = await startTestSystem(opts);
  });
  beforeEach(() => {
    sys?.resetClock();
  });
  afterAll(async () => {
    await sys?.close();
  });
  return () => {
    if (!sys) throw new Error('the test system is not started yet');
    return sys;
  };
}
