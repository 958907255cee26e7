import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * "Đăng ký": a citizen's or an organisation's own registration, from the first form to the account.
 * pending → (OTP to the phone) verified → completed (the account exists).
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** CMND/CCCD for a citizen, MST for an organisation. */
    idNumber: text('id_number').notNull(),
    /** The citizen's name, or the organisation's. */
    fullName: text('full_name').notNull(),
    representativeName: text('representative_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    phone: text('phone').notNull(),
    email: text('email'),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
    verifiedAt: ts('verified_at'),
    completedAt: ts('completed_at'),
    userId: uuid('user_id'),
    ip: text('ip'),
  },
  (t) => [
    index('registrations_id_number_idx').on(t.idNumber),
    check('registrations_kind_ck', sql`${t.kind} in ('citizen', 'organisation')`),
    check('registrations_status_ck', sql`${t.status} in ('pending', 'verified', 'completed')`),
  ],
);
