import { date, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

/**
 * The last dossier number given by an agency on a day (Vietnam time). A code is taken by
 * incrementing this row inside the transaction that creates the dossier: concurrent receptions
 * queue on the row (no duplicates), and a rolled-back reception gives its number back (no gaps).
 * One row per agency and day, distributed with the agency (ARCHITECTURE "Database portability").
 */
export const dossierCounters = pgTable(
  'dossier_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);
