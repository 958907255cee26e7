// The notification inbox ("Thông báo" on the portal, issue 15): a copy of every SMS and e-mail sent
// to a known citizen account, written by the send helpers (jobs.ts) in the same transaction as the
// outbox row. A message that carries a secret (an OTP, a password) is kept redacted, never in
// clear (inbox.ts, docs/decisions/0018-notification-inbox.md).
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const notificationInbox = pgTable(
  'notification_inbox',
  {
    id: uuid('id').primaryKey(),
    /** The citizen account the message went to. */
    accountId: uuid('account_id').notNull(),
    channel: text('channel').notNull(),
    /** The e-mail's subject; null for an SMS. */
    subject: text('subject'),
    /** What the citizen reads: the message as sent, or its redacted text when it carried a secret. */
    body: text('body').notNull(),
    /** Where it went, masked (09•••••123, b•••@example.vn). */
    sentTo: text('sent_to').notNull(),
    /** The dossier the message is about, if any (the page links to it). */
    dossierId: uuid('dossier_id'),
    /** The outbox job's key: a repeated send writes neither a second job nor a second copy. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('notification_inbox_idempotency_key_uq').on(t.idempotencyKey),
    // "Thông báo": one account's messages, newest first, a page at a time.
    index('notification_inbox_account_created_idx').on(t.accountId, t.createdAt.desc(), t.id.desc()),
    // The unread count on every portal page of a signed-in citizen.
    index('notification_inbox_unread_idx').on(t.accountId).where(sql`read_at is null`),
    check('notification_inbox_channel_ck', sql`${t.channel} in ('sms', 'email')`),
  ],
);
