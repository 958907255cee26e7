import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Administrative units after the 2025 reform (34 provinces, 3,321 communes), loaded from data/. */
export const adminUnits = pgTable(
  'admin_units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    type: text('type').notNull(),
    level: text('level').notNull(),
    provinceCode: text('province_code'),
  },
  (t) => [
    index('admin_units_province_idx').on(t.provinceCode),
    check('admin_units_level_ck', sql`${t.level} in ('province', 'commune')`),
  ],
);

export const AGENCY_KINDS = [
  'ministry',
  'province',
  'commune',
  'service_centre',
  'one_stop_desk',
  'department',
  // "NH/TGTT/Cơ quan khác" (SPEC §3.1): banks, payment intermediaries and other non-state bodies.
  'bank',
  'payment_intermediary',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
const kindList = AGENCY_KINDS.map((k) => `'${k}'`).join(', ');

/** Agencies / units (cơ quan, đơn vị). */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey(),
    /** Mã định danh, e.g. 000.00.43.H35. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    /** Administrative unit the agency serves (province or commune code); the distribution key. */
    provinceCode: text('province_code'),
    adminUnitCode: text('admin_unit_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    /** Inactive units stay in the tree (history, statistics) but take no new officers or dossiers. */
    status: text('status').notNull().default('active'),
    /** Effective dates (ngày hiệu lực) of the unit as it is now: a merge ends one and starts another. */
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    /** The unit this one was merged into (sáp nhập), so its officers and statistics can be followed. */
    successorId: uuid('successor_id'),
  },
  (t) => [
    uniqueIndex('agencies_code_uq').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_admin_unit_idx').on(t.adminUnitCode),
    index('agencies_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('agencies_code_prefix_idx').using('btree', sql`${t.code} text_pattern_ops`),
    check('agencies_kind_ck', sql.raw(`kind in (${kindList})`)),
    check('agencies_status_ck', sql`${t.status} in ('active', 'inactive')`),
  ],
);

/**
 * Every change to a unit with the date it takes effect: creation, rename, new code, move,
 * deactivation, merge. Reports and officers' histories read a unit's name as of a date from here.
 */
export const agencyHistory = pgTable(
  'agency_history',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    change: text('change').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('agency_history_agency_idx').on(t.agencyId, t.effectiveDate),
    check('agency_history_change_ck', sql`${t.change} in ('created', 'renamed', 'recoded', 'moved', 'kind_changed', 'deactivated', 'reactivated', 'merged')`),
  ],
);

/**
 * A change of a unit that takes effect on a later date (issue 15): stored when an administrator
 * saves a rename, new code, kind, move or deactivation whose Ngày hiệu lực is after today (Vietnam
 * time), listed and shown in the tree as planned until then, cancellable, and applied on its date
 * by the schedule "agencies.scheduled-changes.apply" (tree.ts applyDueChanges). One pending change
 * per unit at a time. `changes` holds what will change: { name?, code?, kind?, parentId?,
 * parentCode?, parentName? } for an update, {} for a deactivation.
 */
export const agencyScheduledChanges = pgTable(
  'agency_scheduled_changes',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('pending'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Who cancelled it (null when the system applied it or it failed). */
    decidedBy: uuid('decided_by'),
    /** When it was applied, cancelled or failed. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it could not be applied on its date (Vietnamese, from the rule that refused it). */
    failure: text('failure'),
  },
  (t) => [
    index('agency_scheduled_changes_due_idx').on(t.status, t.effectiveDate),
    index('agency_scheduled_changes_agency_idx').on(t.agencyId, t.createdAt),
    uniqueIndex('agency_scheduled_changes_one_pending_uq').on(t.agencyId).where(sql`${t.status} = 'pending'`),
    check('agency_scheduled_changes_action_ck', sql`${t.action} in ('update', 'deactivate')`),
    check('agency_scheduled_changes_status_ck', sql`${t.status} in ('pending', 'applied', 'cancelled', 'failed')`),
  ],
);
