// Agencies and administrative units; the administrator's scope (their subtree of the agency tree).
import { inArray, sql } from 'drizzle-orm';
import { adminLevel } from '../../../common/grant-rules.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { agencies } from './tables.js';

export type AgencyRow = typeof agencies.$inferSelect;

export async function listUnits(db: DbOrTx, ids: readonly string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(agencies).where(inArray(agencies.id, [...ids]));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The given units and every unit below them (inclusive). */
export async function subtreeIds(db: DbOrTx, rootIds: readonly string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const result = await db.execute(sql`
    with recursive t(id) as (
      select id from agencies where id in (${sql.join(rootIds.map((id) => sql`${id}::uuid`), sql`, `)})
      union
      select a.id from agencies a join t on a.parent_id = t.id
    )
    select id from t`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Where an administrator may act. A high-level administrator (HIGH_ADMIN, or the seed's ADMIN CỤC
 * KSTTHC) acts everywhere; a level-1 administrator (LEVEL1_ADMIN) acts in the subtree of the units
 * they are assigned to — their ministry or province (SPEC §3.4 rule 4).
 */
export interface AdminScope {
  actor: Actor;
  level: 'national' | 'level1';
  /** Null for national: every unit. */
  unitIds: ReadonlySet<string> | null;
}

export async function adminScope(db: DbOrTx, actor: Actor | null): Promise<AdminScope> {
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  const level = actor.kind === 'officer' ? adminLevel(actor.permissions) : null;
  if (!level) throw new AppError('ADMIN_REQUIRED');
  if (level === 'national') return { actor, level, unitIds: null };
  return { actor, level, unitIds: new Set(await subtreeIds(db, actor.unitIds)) };
}

export function unitInScope(scope: AdminScope, unitId: string): boolean {
  return scope.unitIds === null || scope.unitIds.has(unitId);
}

/** Throws OUT_OF_SCOPE unless every unit is inside the administrator's subtree. */
export function assertUnitsInScope(scope: AdminScope, unitIds: readonly string[]): void {
  const outside = unitIds.filter((id) => !unitInScope(scope, id));
  if (outside.length > 0) throw new AppError('OUT_OF_SCOPE', { details: { unitIds: outside } });
}
