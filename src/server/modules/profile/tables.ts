import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A phone or e-mail change waiting for the OTP sent to the new address. */
export const contactChanges = pgTable(
  'contact_changes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    newValue: text('new_value').notNull(),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [index('contact_changes_user_idx').on(t.userId), check('contact_changes_channel_ck', sql`${t.channel} in ('phone', 'email')`)],
);
