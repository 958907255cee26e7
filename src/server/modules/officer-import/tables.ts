import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An uploaded officer list ("Biểu mẫu cung cấp thông tin công chức, viên chức bộ phận một cửa"):
 * parsed and checked at upload (the preview), written only when the administrator confirms.
 */
export const officerImports = pgTable(
  'officer_imports',
  {
    id: uuid('id').primaryKey(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    fileName: text('file_name').notNull(),
    /** sha256 of the uploaded file. */
    fileHash: text('file_hash').notNull(),
    /** preview → imported | discarded | expired. */
    status: text('status').notNull().default('preview'),
    rowCount: integer('row_count').notNull(),
    /** Parsed rows with their problems and planned action, as the preview shows them. */
    rows: jsonb('rows').notNull(),
    importedAt: ts('imported_at'),
    /** Counts of what the confirmed import did: created, updated, unchanged, skipped. */
    result: jsonb('result'),
  },
  (t) => [
    index('officer_imports_creator_idx').on(t.createdBy, t.createdAt),
    // "expired": a preview not confirmed in time (PREVIEW_TTL_MINUTES), its rows removed (migration 0018).
    check('officer_imports_status_ck', sql`${t.status} in ('preview', 'imported', 'discarded', 'expired')`),
  ],
);
