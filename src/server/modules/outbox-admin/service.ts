// "Tin nhắn/thư gửi đi": the SMS and e-mails the outbox could not deliver, for a high-level
// administrator. Lists the jobs still retrying past the stuck threshold and those given up,
// and sends a given-up job again. Never shows a payload (recipient, text): ids, kinds, counts,
// times and the (masked) last error only.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { outboxProblemCounts, problemCondition, safeErrorText, STUCK_AFTER_MS } from '../../platform/outbox.js';
import { outbox } from '../../platform/tables.js';
import { adminScope } from '../agencies/service.js';

/** How much of the last error a row shows. */
const ERROR_SHOWN = 300;

export type OutboxFilter = 'problem' | 'stuck' | 'failed';

/** Outbox jobs concern every unit: a high-level (national) administrator only. */
async function requireHighAdmin(ctx: Ctx): Promise<void> {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  if (scope.level !== 'national') {
    throw new AppError('ADMIN_REQUIRED', { message: 'Chức năng theo dõi tin nhắn/thư gửi đi dành cho quản trị cấp cao.' });
  }
}

type OutboxRow = typeof outbox.$inferSelect;

function item(r: Pick<OutboxRow, 'id' | 'kind' | 'status' | 'attempts' | 'maxAttempts' | 'createdAt' | 'lastError' | 'nextAttemptAt'>, now: Date) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as 'pending' | 'failed',
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    createdAt: r.createdAt.toISOString(),
    ageSeconds: Math.max(0, Math.floor((now.getTime() - r.createdAt.getTime()) / 1000)),
    lastError: r.lastError === null ? null : safeErrorText(r.lastError, ERROR_SHOWN),
    /** Null once given up: nothing is scheduled until an operator sends it again. */
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
  };
}

const columns = {
  id: outbox.id,
  kind: outbox.kind,
  status: outbox.status,
  attempts: outbox.attempts,
  maxAttempts: outbox.maxAttempts,
  createdAt: outbox.createdAt,
  lastError: outbox.lastError,
  nextAttemptAt: outbox.nextAttemptAt,
};

function filterOf(filter: OutboxFilter, now: Date): SQL {
  const problem = problemCondition(now);
  if (filter === 'failed') return and(problem, eq(outbox.status, 'failed'))!;
  if (filter === 'stuck') return and(problem, eq(outbox.status, 'pending'))!;
  return problem;
}

/** Oldest first: the job that has waited longest is the one to look at. */
export async function listOutbox(ctx: Ctx, q: { status: OutboxFilter; page: number; pageSize: number }) {
  await requireHighAdmin(ctx);
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();
  const where = filterOf(q.status, now);
  const [rows, total, counts] = await Promise.all([
    db
      .select(columns)
      .from(outbox)
      .where(where)
      .orderBy(asc(outbox.createdAt), asc(outbox.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(where),
    outboxProblemCounts(db, now),
  ]);
  return {
    items: rows.map((r) => item(r, now)),
    total: Number(total[0]?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    counts,
    stuckAfterSeconds: STUCK_AFTER_MS / 1000,
  };
}

async function loadJob(db: DbOrTx, id: string) {
  const [row] = await db.select(columns).from(outbox).where(eq(outbox.id, id));
  if (!row) throw new AppError('OUTBOX_JOB_NOT_FOUND');
  return row;
}

/**
 * "Gửi lại": a failed job back to pending, due now, with a fresh retry budget (its attempts so far
 * are kept). Audited; the payload never goes into the audit row.
 */
export async function retryJob(ctx: Ctx, id: string) {
  await requireHighAdmin(ctx);
  const now = ctx.deps.clock.now();
  return ctx.deps.db.transaction(async (tx) => {
    const before = await loadJob(tx, id);
    if (before.status !== 'failed') throw new AppError('OUTBOX_JOB_NOT_FAILED');
    const def = ctx.deps.jobs.get(before.kind);
    if (!def) throw new AppError('OUTBOX_JOB_NOT_FAILED', { message: 'Loại tin nhắn/thư này không còn được hệ thống gửi nên không gửi lại được.' });
    const [after] = await tx
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: now, maxAttempts: before.attempts + def.maxAttempts })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
      .returning(columns);
    // Sent again by someone else between the read and the update.
    if (!after) throw new AppError('OUTBOX_JOB_NOT_FAILED');
    await writeAudit(tx, ctx, {
      action: 'outbox.retry',
      entityType: 'outbox_job',
      entityId: id,
      before: { status: before.status, kind: before.kind, attempts: before.attempts, lastError: before.lastError === null ? null : safeErrorText(before.lastError, ERROR_SHOWN) },
      after: { status: after.status, kind: after.kind, maxAttempts: after.maxAttempts },
    });
    return item(after, now);
  });
}
