// Agencies and administrative units; the administrator's scope (their subtree of the agency tree).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cleanText } from '../../../common/text.js';
import { isEligibleAccountUnit } from '../../../common/units.js';
import { everyWord } from '../../db/sql.js';
import { adminLevel } from '../../../common/grant-rules.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { adminUnits, agencies } from './tables.js';

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

/**
 * Agencies that receive dossiers of a procedure at this level: UBND of communes for commune-level
 * procedures, provinces (and their service centres) for provincial ones. Active only; found by
 * every word of the name, accents optional.
 */
/**
 * The agencies receiving a procedure of `level`, matching every word of `q` (no diacritics
 * needed), each with the province it belongs to, so that two "UBND phường Nghĩa Lộ" (Lào Cai and
 * Quảng Ngãi) can be told apart.
 */
export async function listReceivingAgencies(db: DbOrTx, level: string, q: string, limit: number) {
  const kinds = level === 'commune' ? ['commune'] : level === 'province' ? ['province', 'service_centre'] : ['ministry'];
  const parent = alias(agencies, 'parent');
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, provinceCode: agencies.provinceCode, parentName: parent.name, parentKind: parent.kind })
    .from(agencies)
    .leftJoin(parent, eq(parent.id, agencies.parentId))
    .where(and(inArray(agencies.kind, kinds), eq(agencies.status, 'active'), ...everyWord(agencies.nameSearch, cleanText(q))))
    // The demo and real units (codes without the Z placeholder) before the reference placeholders.
    .orderBy(sql`${agencies.code} like '%.Z%'`, asc(agencies.name), asc(agencies.code))
    .limit(limit);
  return rows.map(({ parentName, parentKind, ...r }) => ({ ...r, provinceName: parentKind === 'province' ? parentName : null }));
}

/**
 * Agencies whose dossiers an officer receives: their own units, and for a one-stop desk (Bộ phận
 * Một cửa) the commune or province it serves (its parent).
 */
/**
 * The agencies a desk officer receives for: each active one-stop desk or service-centre unit they
 * are assigned to (by kind, or by the name rule of SPEC §1.2), and the agency that unit belongs
 * to. Other units (the UBND itself, a department) give no desk scope (issue 13): their officers
 * process dossiers, they do not receive them.
 */
export async function deskAgencyIds(db: DbOrTx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const units = await db
    .select({ id: agencies.id, kind: agencies.kind, name: agencies.name, parentId: agencies.parentId })
    .from(agencies)
    .where(and(inArray(agencies.id, [...unitIds]), eq(agencies.status, 'active')));
  const ids = new Set<string>();
  for (const u of units) {
    if (!(u.kind === 'one_stop_desk' || u.kind === 'service_centre' || isEligibleAccountUnit(u.name))) continue;
    ids.add(u.id);
    if (u.parentId) ids.add(u.parentId);
  }
  return [...ids];
}

export async function getAgency(db: DbOrTx, id: string): Promise<AgencyRow | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Administrative units (2025) for addresses (issue 15: the postal delivery address of a dossier)

export interface AdminUnitRef {
  code: string;
  name: string;
  level: string;
  provinceCode: string | null;
}

/** The provinces (no `provinceCode`) or the communes of one province, by name. */
export async function listAdminUnits(db: DbOrTx, provinceCode?: string): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(provinceCode ? and(eq(adminUnits.level, 'commune'), eq(adminUnits.provinceCode, provinceCode)) : eq(adminUnits.level, 'province'))
    .orderBy(asc(adminUnits.name));
}

/** The administrative units of these codes. */
export async function adminUnitsByCodes(db: DbOrTx, codes: readonly string[]): Promise<AdminUnitRef[]> {
  if (!codes.length) return [];
  return db
    .select({ code: adminUnits.code, name: adminUnits.name, level: adminUnits.level, provinceCode: adminUnits.provinceCode })
    .from(adminUnits)
    .where(inArray(adminUnits.code, [...codes]));
}
