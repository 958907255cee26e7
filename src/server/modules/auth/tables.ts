import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * "Quên mật khẩu": one row per request, whether or not the identifier matched an account (userId
 * null), so the answers never tell the two apart.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey(),
    login: text('login').notNull(),
    userId: uuid('user_id'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    /** Kept alike whether or not a code was really sent, so resends behave the same. */
    lastSentAt: ts('last_sent_at').notNull().defaultNow(),
    sends: integer('sends').notNull().default(1),
    completedAt: ts('completed_at'),
    ip: text('ip'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);
