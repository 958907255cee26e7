// Agencies and administrative units.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agencies } from './tables.js';

export type AgencyRow = typeof agencies.$inferSelect;

export async function listUnits(db: DbOrTx, ids: readonly string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(agencies).where(inArray(agencies.id, [...ids]));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
