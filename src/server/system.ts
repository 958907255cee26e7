// Assembles the running system from a config: database, migrations, reference data, demo data,
// HTTP app, outbox worker and the modules' schedules. main.ts and the tests both use it.
// Simulators and demo seeding are imported only when the config asks for them (dynamic import),
// so a production process never loads their code (oidc-provider, the demo identities, …).
import { loadSigner, type LoadedSigner } from './platform/signing/index.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp, loadModules } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Deps } from './platform/context.js';
import { LocalBlobStore } from './platform/files/blob-store.js';
import { createLogger } from './platform/logger.js';
import { JobRegistry, startOutboxWorker, type Worker } from './platform/outbox.js';
import { startSchedules, type Scheduler } from './platform/schedules.js';
import { loadAdminUnits, seedReferenceAgencies } from './modules/agencies/reference.js';
import { seedDemoProcedures } from './modules/procedures/service.js';
import { redirectUri } from './modules/vneid/service.js';
import type { VneidSimulator } from './vneid-sim/index.js';
import { HttpPopulationAdapter } from './platform/population/http.js';
import type { PopulationSimulator } from './platform/population/simulator.js';

export interface System {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  worker: Worker | null;
  /** The in-process VNeID simulator (config.vneid.simulator), else null. */
  vneidSimulator: VneidSimulator | null;
  /** The in-process population database simulator (config.population.simulator), else null. */
  populationSimulator: PopulationSimulator | null;
  /** The modules' schedules (AppModule.schedules), one unref'd timer each. */
  scheduler: Scheduler;
  close(): Promise<void>;
}

export interface SystemOptions {
  clock?: Clock;
  log?: Logger;
  /** In-memory PGlite (tests) instead of dataDir/db. */
  inMemory?: boolean;
  workerIntervalMs?: number;
}

/** The OTP key: DVC_SECRET, or one generated once and kept in dataDir (never in production). */
function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = path.join(config.dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process on the same DATA_DIR wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
      throw err;
    }
    return secret;
  }
}

/** The result signer, loaded on first use (the demo CA takes a second to create). */
function lazySigner(config: Config): () => Promise<LoadedSigner> {
  let loading: Promise<LoadedSigner> | null = null;
  return () => {
    loading ??= loadSigner(config, config.dataDir).catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading;
  };
}

export async function createSystem(config: Config, opts: SystemOptions = {}): Promise<System> {
  const log = opts.log ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    poolSize: config.dbPoolSize,
    pgliteDir: opts.inMemory ? undefined : path.join(config.dataDir, 'db'),
  });
  await database.migrate();
  await loadAdminUnits(database.db);
  if (config.demoData) {
    const { seedDemo } = await import('./db/seed-demo.js');
    await seedDemo(database.db, clock);
    await seedDemoProcedures(database.db, clock);
  }
  // Production too: one agency per 2025 province and commune (after the demo, whose units it reuses).
  await seedReferenceAgencies(database.db, clock);

  // VNeID simulator (development and tests): on port 0 the issuer is built from the port it got.
  let vneidSimulator: VneidSimulator | null = null;
  if (config.vneid.simulator) {
    vneidSimulator = await import('./vneid-sim/index.js')
      .then(({ startVneidSimulator }) =>
        startVneidSimulator({
          port: config.vneid.simulatorPort,
          issuer: config.vneid.simulatorPort === 0 ? undefined : config.vneid.issuer,
          clientId: config.vneid.clientId,
          clientSecret: config.vneid.clientSecret,
          redirectUri: redirectUri(config),
          log,
        }),
      )
      .catch(async (err: unknown) => {
        await database.close();
        throw err;
      });
  }

  // Population database simulator (development and tests): the production adapter talks to it.
  let populationSimulator: PopulationSimulator | null = null;
  if (config.population.simulator) {
    populationSimulator = await import('./platform/population/simulator.js')
      .then(({ startPopulationSimulator }) => startPopulationSimulator({ port: config.population.simulatorPort, token: config.population.token, log }))
      .catch(async (err: unknown) => {
        await vneidSimulator?.close();
        await database.close();
        throw err;
      });
  }

  const deps: Deps = {
    db: database.db,
    dbKind: database.kind,
    clock,
    config,
    secret: opts.inMemory && !config.secret ? randomBytes(32).toString('hex') : resolveSecret(config),
    log,
    blobs: new LocalBlobStore(path.join(config.dataDir, 'files')),
    jobs: new JobRegistry(),
    vneidIssuer: vneidSimulator?.issuer ?? config.vneid.issuer,
    population: new HttpPopulationAdapter(populationSimulator?.url ?? config.population.url!, config.population.token),
    signing: lazySigner(config),
  };
  // Production checks its signing key at start-up (a wrong password stops it here, not at the first result).
  if (config.nodeEnv === 'production') await deps.signing();
  const modules = await loadModules(deps);
  const app = await buildApp(deps, modules);
  await app.ready();
  const worker = config.worker ? startOutboxWorker(deps.db, deps.jobs, clock, log, opts.workerIntervalMs) : null;
  // Each module's timers (clean-ups of its own tables): one unref'd timer per schedule.
  const scheduler = startSchedules(modules.flatMap((m) => m.schedules ?? []), deps);
  return {
    app,
    deps,
    database,
    worker,
    vneidSimulator,
    populationSimulator,
    scheduler,
    async close() {
      await scheduler.stop();
      await worker?.stop();
      await app.close();
      await vneidSimulator?.close();
      await populationSimulator?.close();
      await database.close();
    },
  };
}
