// What a module registers (ARCHITECTURE.md §2): app.ts lists every module in one array. It lives in
// the platform, not in app.ts, so that modules do not import the file that imports them.
import type { FastifyPluginAsync } from 'fastify';
import type { JobDefinition } from './outbox.js';
import type { Schedule } from './schedules.js';

/** One module's registration: its routes, its outbox jobs and its timers (system.ts runs them). */
export interface AppModule {
  name: string;
  routes?: FastifyPluginAsync;
  jobs?: JobDefinition<never>[];
  /** Periodic work on the module's own tables (clean-ups): one unref'd timer each. */
  schedules?: Schedule[];
  /** Registered only outside production. */
  devOnly?: boolean;
}

