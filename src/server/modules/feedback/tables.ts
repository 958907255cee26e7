import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The last number given to a feedback in a year (PAKN-2026-000123). Taken by incrementing the row
 * inside the transaction that stores the feedback: no duplicates, no gaps after a rollback. One row
 * a year for the whole country: feedback arrives at a few per minute at most, far from what would
 * make the row a hot spot (dossier numbers, which are, count per agency and day).
 */
export const feedbackCounters = pgTable('feedback_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Phản ánh, kiến nghị: one citizen's feedback about a procedure or one of their dossiers, sent to
 * `agency_id` (the dossier's agency, or the one the citizen chose for the procedure; the
 * distribution key at scale). `search` folds code, title, content and procedure name (searchKey)
 * for the accent-insensitive search of both lists.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    agencyId: uuid('agency_id').notNull(),
    citizenId: uuid('citizen_id').notNull(),
    aboutKind: text('about_kind').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    dossierId: uuid('dossier_id'),
    dossierCode: text('dossier_code'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    consentPublic: boolean('consent_public').notNull(),
    status: text('status').notNull(),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by'),
    search: text('search').notNull(),
    /** The citizen's idempotency key: a repeated submission returns the first feedback. */
    submissionKey: text('submission_key').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('feedback_code_uq').on(t.code),
    uniqueIndex('feedback_submission_uq').on(t.citizenId, t.submissionKey),
    index('feedback_citizen_idx').on(t.citizenId, t.createdAt),
    index('feedback_agency_idx').on(t.agencyId, t.createdAt),
    index('feedback_public_idx').on(t.answeredAt).where(sql`${t.status} = 'answered' and ${t.consentPublic}`),
    index('feedback_search_trgm_idx').using('gin', sql`${t.search} gin_trgm_ops`),
    check('feedback_status_ck', sql`${t.status} in ('received', 'processing', 'answered')`),
    check('feedback_about_ck', sql`${t.aboutKind} in ('procedure', 'dossier')`),
  ],
);
