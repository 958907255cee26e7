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
}

export async function openDatabase(opts: OpenDbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // A dropped idle connection must not crash the process; the next query gets a fresh one.
    pool.on('error', () => {});
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

