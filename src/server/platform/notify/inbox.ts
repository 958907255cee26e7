// The notification inbox (ADR 0018): the copy of a message a citizen reads on the portal
// ("Thông báo"), written by the send helpers of jobs.ts in the sender's transaction, and the reads
// and marks of modules/notifications, always for one account (the caller's: the module checks it).
//
// Secrets: a message made by a template of SECRET_NOTES (an OTP, a temporary password) is stored
// as a note saying what was sent and where ("Mã OTP đăng nhập đã được gửi đến số 09•••••123 …"),
// never with the code or the password. The note still tells a citizen that a code was asked for in
// their name, which is worth knowing. The address is kept masked for every message.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../ids.js';
import { secretNoteOf } from './sms-texts.js';
import { notificationInbox } from './tables.js';

/** Who the message is for (a citizen account) and, if it is about one, the dossier. */
export interface InboxCopy {
  accountId: string;
  dossierId?: string | null;
}

export interface OutgoingMessage {
  channel: 'sms' | 'email';
  idempotencyKey: string;
  to: string;
  subject: string | null;
  body: string;
  inbox: InboxCopy;
}

/** 0912345123 → 09•••••123; binh@example.vn → b•••@example.vn. */
export function maskAddress(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to.slice(0, 1)}•••${to.slice(at)}`;
  if (to.length <= 5) return '•'.repeat(to.length);
  return `${to.slice(0, 2)}${'•'.repeat(to.length - 5)}${to.slice(-3)}`;
}

/** The text the inbox keeps of a message: the message itself, or the note that replaces a secret. */
export function inboxBody(channel: 'sms' | 'email', to: string, body: string): { body: string; redacted: boolean } {
  const note = secretNoteOf(body);
  if (!note) return { body, redacted: false };
  const where = channel === 'sms' ? `số ${maskAddress(to)}` : `địa chỉ email ${maskAddress(to)}`;
  return {
    body: `${note} đã được gửi đến ${where}. Vì an toàn, nội dung có mã hoặc mật khẩu không được lưu trong mục Thông báo. Nếu không phải bạn yêu cầu, hãy gọi ngay tổng đài 1022.`,
    redacted: true,
  };
}

/** The inbox copies of messages being enqueued, in the same transaction; a repeated key is a no-op. */
export async function writeInboxCopies(tx: DbOrTx, now: Date, messages: readonly OutgoingMessage[]): Promise<void> {
  const rows = messages.map((m) => ({
    id: newId(),
    accountId: m.inbox.accountId,
    channel: m.channel,
    subject: m.subject,
    body: inboxBody(m.channel, m.to, m.body).body,
    sentTo: maskAddress(m.to),
    dossierId: m.inbox.dossierId ?? null,
    idempotencyKey: m.idempotencyKey,
    createdAt: now,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(notificationInbox).values(rows.slice(i, i + 500)).onConflictDoNothing({ target: notificationInbox.idempotencyKey });
  }
}

const columns = {
  id: notificationInbox.id,
  channel: notificationInbox.channel,
  subject: notificationInbox.subject,
  body: notificationInbox.body,
  sentTo: notificationInbox.sentTo,
  dossierId: notificationInbox.dossierId,
  createdAt: notificationInbox.createdAt,
  readAt: notificationInbox.readAt,
};

export type InboxRow = { [K in keyof typeof columns]: (typeof notificationInbox.$inferSelect)[K] };

/** One page of an account's messages, newest first, with the total and the unread count. */
export async function listInbox(db: DbOrTx, accountId: string, page: number, pageSize: number, onlyUnread = false) {
  const mine = eq(notificationInbox.accountId, accountId);
  const where = onlyUnread ? and(mine, isNull(notificationInbox.readAt)) : mine;
  const [rows, counts] = await Promise.all([
    db
      .select(columns)
      .from(notificationInbox)
      .where(where)
      .orderBy(desc(notificationInbox.createdAt), desc(notificationInbox.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({
        total: onlyUnread ? sql<number>`count(*) filter (where read_at is null)::int` : sql<number>`count(*)::int`,
        unread: sql<number>`count(*) filter (where read_at is null)::int`,
      })
      .from(notificationInbox)
      .where(mine),
  ]);
  return { rows: rows as InboxRow[], total: Number(counts[0]?.total ?? 0), unread: Number(counts[0]?.unread ?? 0) };
}

/** One message of the account, or undefined when it has no such message (another's, or none). */
async function findInInbox(db: DbOrTx, accountId: string, id: string): Promise<InboxRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(notificationInbox)
    .where(and(eq(notificationInbox.id, id), eq(notificationInbox.accountId, accountId)));
  return row as InboxRow | undefined;
}

/** Marks one message of the account read (keeping the first time it was read); undefined if it is not theirs. */
export async function markInboxRead(db: DbOrTx, accountId: string, id: string, now: Date): Promise<InboxRow | undefined> {
  const mine = and(eq(notificationInbox.id, id), eq(notificationInbox.accountId, accountId));
  await db.update(notificationInbox).set({ readAt: now }).where(and(mine, isNull(notificationInbox.readAt)));
  return findInInbox(db, accountId, id);
}

/** Marks every unread message of the account read; returns how many were unread. */
export async function markAllInboxRead(db: DbOrTx, accountId: string, now: Date): Promise<number> {
  const done = await db
    .update(notificationInbox)
    .set({ readAt: now })
    .where(and(eq(notificationInbox.accountId, accountId), isNull(notificationInbox.readAt)))
    .returning({ id: notificationInbox.id });
  return done.length;
}
