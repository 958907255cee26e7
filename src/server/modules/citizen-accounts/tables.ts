import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One officer-assisted account creation (SPEC §1): a draft after step 1, completed when the
 * account exists. Listed in "Tạo tài khoản công dân" and counted by the monthly report (§1.6).
 */
export const citizenAccountRequests = pgTable(
  'citizen_account_requests',
  {
    id: uuid('id').primaryKey(),
    /** Distribution key (province of the creating unit). */
    provinceCode: text('province_code'),
    agencyId: uuid('agency_id').notNull(),
    officerId: uuid('officer_id').notNull(),
    idNumber: text('id_number').notNull(),
    fullName: text('full_name').notNull(),
    fullNameSearch: text('full_name_search').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    attachmentId: uuid('attachment_id').notNull(),
    status: text('status').notNull(),
    userId: uuid('user_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    check('car_status_ck', sql`${t.status} in ('draft', 'completed', 'cancelled')`),
    index('car_agency_created_idx').on(t.agencyId, t.createdAt),
    // text_pattern_ops: prefix search (LIKE '0912%') uses the index whatever the collation.
    index('car_id_number_idx').using('btree', t.idNumber.op('text_pattern_ops')),
    index('car_phone_idx').using('btree', t.phone.op('text_pattern_ops')),
    // "Cán bộ tạo" filter within a unit, newest first.
    index('car_agency_officer_created_idx').on(t.agencyId, t.officerId, t.createdAt),
    // Every list query is scoped to the officer's units: one GIN index over (unit, name trigrams)
    // intersects both inside the index (btree_gin) instead of AND-ing two large bitmaps.
    index('car_agency_name_gin').using('gin', t.agencyId, sql`${t.fullNameSearch} gin_trgm_ops`),
  ],
);
