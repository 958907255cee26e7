// "Thông báo": the signed-in citizen's own inbox (ADR 0018). The messages are the notify
// platform's (platform/notify/inbox.ts); this module decides who may read and mark them: only the
// account they were sent to. Another account's message, or one that does not exist, is
// NOTIFICATION_NOT_FOUND (its existence is not the caller's business), and that refusal leaves an
// access.denied audit row (platform/refusals.ts).
//
// Audit, proportionately: reading one's own inbox is not audited; marking one message read is not
// either — it changes only the citizen's own view of their own message, and the row keeps when it
// was first read (read_at) and by whom (its one possible reader). "Đánh dấu tất cả đã đọc" changes
// many rows at once and writes one audit row with how many.
import { writeAudit } from '../../platform/audit.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { listInbox, markAllInboxRead, markInboxRead, type InboxRow } from '../../platform/notify/inbox.js';

function citizen(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind === 'officer') throw new AppError('FORBIDDEN');
  return a;
}

function item(r: InboxRow) {
  return {
    id: r.id,
    channel: r.channel as 'sms' | 'email',
    subject: r.subject,
    body: r.body,
    sentTo: r.sentTo,
    dossierId: r.dossierId,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

export async function listMine(ctx: Ctx, q: { unread?: boolean; page: number; pageSize: number }) {
  const me = citizen(ctx);
  const { rows, total, unread } = await listInbox(ctx.deps.db, me.userId, q.page, q.pageSize, q.unread === true);
  return { items: rows.map(item), total, unread, page: q.page, pageSize: q.pageSize };
}

export async function markRead(ctx: Ctx, id: string) {
  const me = citizen(ctx);
  const db = ctx.deps.db;
  return db.transaction(async (tx) => {
    const row = await markInboxRead(tx, me.userId, id, ctx.deps.clock.now());
    if (!row) throw new AppError('NOTIFICATION_NOT_FOUND');
    const { unread } = await listInbox(tx, me.userId, 1, 1);
    return { item: item(row), unread };
  });
}

export async function markAllRead(ctx: Ctx) {
  const me = citizen(ctx);
  return ctx.deps.db.transaction(async (tx) => {
    const marked = await markAllInboxRead(tx, me.userId, ctx.deps.clock.now());
    if (marked > 0) {
      await writeAudit(tx, ctx, { action: 'notification.mark_all_read', entityType: 'user', entityId: me.userId, after: { marked } });
    }
    return { marked, unread: 0 };
  });
}
