import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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

export const AGENCY_KINDS = ['ministry', 'province', 'commune', 'service_centre', 'one_stop_desk', 'department', 'other'] as const;

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
  },
  (t) => [
    uniqueIndex('agencies_code_uq').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    check('agencies_kind_ck', sql`${t.kind} in ('ministry', 'province', 'commune', 'service_centre', 'one_stop_desk', 'department', 'other')`),
  ],
);
