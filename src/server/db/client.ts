// Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite in dataDir.
// Both go through Drizzle's pg-core, so every repo runs the same SQL on either.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { is, Placeholder, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A service or repo takes this: the global handle outside a transaction, or the transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenDbOptions {
  databaseUrl?: string;
  /** Directory for PGlite; omit for an in-memory database (tests). */
  pgliteDir?: string;
  poolSize?: number;
  /** How long a request waits for a PostgreSQL connection before it fails (503). */
  connectTimeoutMs?: number;
}

export async function openDatabase(opts: OpenDbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // While the server is away, a request waits this long for a connection, then gets a 503.
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    });
    // A dropped connection (failover, network blip, pg_terminate_backend) must not end the
    // process. The pool listens on idle clients only; a client checked out by a request (between
    // two statements of a transaction) emits 'error' on itself, and with no listener Node throws.
    // The statement in flight rejects on its own and the pool discards the broken client.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder }),
      ping: () => ping(db),
      close: once(() => pool.end()),
    };
  }
  if (opts.pgliteDir) fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const client = await PGlite.create({ dataDir: opts.pgliteDir, extensions: { pg_trgm, btree_gin } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: () => ping(db),
    close: once(() => client.close()),
  };
}

/** Closing twice (tests that simulate an outage, then shut down) is harmless. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when an error means the database cannot be reached right now (the server went away, a
 * connection was cut, a failover is in progress), as opposed to a bad statement. Looks through
 * Drizzle's wrapper (`cause`).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    // Class 08 connection exceptions; 57P01–57P03 admin/crash shutdown, cannot connect now; 53300 too many connections.
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(code)) return true;
    const msg = typeof e.message === 'string' ? e.message : '';
    if (
      /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end|terminating connection/i.test(
        msg,
      )
    )
      return true;
  }
  return false;
}

/** True for a unique-constraint violation (23505), of the named constraint when one is given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return constraint === undefined || e.constraint === constraint;
  }
  return false;
}

/** The constraint a PostgreSQL error names (unique, foreign key, check), looking through wrappers. */
export function violatedConstraint(err: unknown): string | undefined {
  for (let e = err as { constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.constraint === 'string') return e.constraint;
  }
  return undefined;
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * A statement run straight on the driver — named (prepared once per connection) on PostgreSQL —
 * without Drizzle's per-call work (query-config cloning, per-column decoders). Only for the
 * statement every API request runs (session resolution, bench/RESULTS.md); everything else goes
 * through Drizzle. Drizzle still writes the SQL; rows come back as arrays in select order, parsed
 * by the driver's own type parsers.
 */
export function driverStatement(db: Db, name: string, query: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql: text, params } = query.toSQL();
  const slots: ({ name: string } | { value: unknown })[] = params.map((p) =>
    is(p, Placeholder) ? { name: (p as Placeholder<string>).name } : { value: p },
  );
  const client = (db as unknown as { $client: DriverClient }).$client;
  const onPg = client instanceof pg.Pool;
  return async (values: Record<string, unknown>): Promise<unknown[][]> => {
    const args = slots.map((s) => ('name' in s ? values[s.name] : s.value));
    const res = onPg
      ? await (client as pg.Pool).query({ name, text, values: args, rowMode: 'array' })
      : await (client as PGlite).query<unknown[]>(text, args, { rowMode: 'array' });
    return res.rows as unknown[][];
  };
}

type DriverClient = pg.Pool | PGlite;

