// Transactional outbox: side effects that leave the process (SMS, e-mail) are rows written in the
// business transaction and delivered by a worker with retries. Each job kind is declared once,
// with its handler and retry policy, by the module that owns it; an unknown kind is refused.
//
// Retry policy (docs/decisions/0013-outbox-retry-budget.md): a kind declares how long to keep
// trying (`retryFor`: a time budget, e.g. 24 h) and the worker retries with jittered exponential
// backoff until the budget is spent. A job still undelivered STUCK_AFTER_MS after it was written,
// or given up, is reported (log.error with ids and counts only, never the recipient or the text)
// and listed for operators (GET /api/admin/outbox); a given-up job stays in the table as 'failed'
// until an operator sends it again. No prune deletes anything but delivered rows.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, DbOrTx } from '../db/client.js';
import { rowsOf } from '../db/client.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';
import { outbox } from './tables.js';

export interface JobDefinition<P = unknown> {
  kind: string;
  /** Attempts before the job is marked failed. Declare it with `retryFor()` (a time budget), not by hand. */
  maxAttempts: number;
  /** Delay before attempt n+1 (n starts at 1). */
  backoffMs: (attempt: number) => number;
  /** The time budget `maxAttempts` was derived from (for operators and the docs). */
  retryForMs?: number;
  handler: (payload: P, job: { id: string; idempotencyKey: string; attempt: number }) => Promise<void>;
  /** What to keep of the payload once delivered (e.g. drop an OTP from the stored body). */
  scrub?: (payload: P) => unknown;
}

export class JobRegistry {
  private readonly defs = new Map<string, JobDefinition<never>>();
  register(def: JobDefinition<never>): void {
    if (this.defs.has(def.kind)) throw new Error(`Job kind "${def.kind}" is declared twice`);
    this.defs.set(def.kind, def);
  }
  get(kind: string): JobDefinition<unknown> | undefined {
    return this.defs.get(kind) as JobDefinition<unknown> | undefined;
  }
  kinds(): string[] {
    return [...this.defs.keys()];
  }
}

export const exponentialBackoff = (baseMs: number, capMs: number) => (attempt: number) =>
  Math.min(capMs, baseMs * 2 ** (attempt - 1));

/** A job still undelivered this long after it was written is "stuck": reported and listed. */
export const STUCK_AFTER_MS = 15 * 60_000;

/**
 * A retry policy declared as a time budget: exponential backoff from `baseMs`, capped at `capMs`,
 * each delay shortened by a random share of up to `jitter` (so a recovering gateway is not hit by
 * every message at once), for at least `budgetMs` of wall-clock time while a worker runs. The
 * attempt count is derived from the budget with the shortest delays the jitter can draw, plus two
 * for the probe at STUCK_AFTER_MS (which may shorten one delay). A worker that is down does not
 * use up the budget: it is counted in attempts, not in the age of the row.
 */
export function retryFor(opts: { budgetMs: number; baseMs: number; capMs: number; jitter?: number }): Pick<
  JobDefinition,
  'maxAttempts' | 'backoffMs' | 'retryForMs'
> {
  const jitter = opts.jitter ?? 0.2;
  if (!(jitter >= 0 && jitter < 1) || opts.baseMs <= 0 || opts.capMs < opts.baseMs) throw new Error('retryFor: invalid policy');
  const nominal = exponentialBackoff(opts.baseMs, opts.capMs);
  let attempts = 1;
  for (let spent = 0; spent < opts.budgetMs; attempts++) spent += nominal(attempts) * (1 - jitter);
  return {
    maxAttempts: attempts + 2,
    backoffMs: (attempt) => Math.round(nominal(attempt) * (1 - jitter * Math.random())),
    retryForMs: opts.budgetMs,
  };
}

/**
 * An error text as it may be stored, logged and shown to operators: bounded, with e-mail addresses
 * and long digit runs (phone, CMND/CCCD numbers) masked — gateways and SMTP servers like to quote
 * the recipient in their refusals.
 */
export function safeErrorText(message: string, max = 1000): string {
  return message
    .replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+/g, '[email]')
    .replace(/(?<![\w.])\+?\d{9,12}(?![\w.])/g, '[number]')
    .slice(0, max);
}

/** Enqueue inside the business transaction. A repeated idempotency key is a no-op. */
export async function enqueue(
  tx: DbOrTx,
  jobs: JobRegistry,
  now: Date,
  job: { kind: string; idempotencyKey: string; payload: unknown },
): Promise<void> {
  await enqueueMany(tx, jobs, now, [job]);
}

/** Many jobs in few statements (bulk work); each repeated idempotency key is a no-op. */
export async function enqueueMany(
  tx: DbOrTx,
  jobs: JobRegistry,
  now: Date,
  list: readonly { kind: string; idempotencyKey: string; payload: unknown }[],
): Promise<void> {
  const rows = list.map((job) => {
    const def = jobs.get(job.kind);
    if (!def) throw new Error(`No handler is declared for job kind "${job.kind}"`);
    return {
      id: newId(),
      kind: job.kind,
      idempotencyKey: job.idempotencyKey,
      payload: job.payload,
      maxAttempts: def.maxAttempts,
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(outbox)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: outbox.idempotencyKey });
  }
}

interface ClaimedRow {
  id: string;
  kind: string;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  created_at: Date | string;
  /** When this attempt was due (next_attempt_at before the claim). */
  due_at: Date | string;
}

const LEASE_MS = 60_000;

/**
 * Claims due jobs with a lease (so a crashed worker's jobs are retried by another process),
 * delivers them outside any transaction, then records the outcome. Returns how many ran.
 */
export async function runOutboxOnce(db: Db, jobs: JobRegistry, clock: Clock, log: Logger, batch = 20): Promise<number> {
  const now = clock.now();
  const claimed = rowsOf<ClaimedRow>(
    await db.execute(sql`
      with due as (
        select id, next_attempt_at from outbox where status = 'pending' and next_attempt_at <= ${now.toISOString()}
        order by next_attempt_at limit ${batch} for update skip locked)
      update outbox o set attempts = o.attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}
      from due where o.id = due.id
      returning o.id, o.kind, o.idempotency_key, o.payload, o.attempts, o.max_attempts, o.created_at, due.next_attempt_at as due_at`),
  );
  for (const row of claimed) {
    const def = jobs.get(row.kind);
    try {
      if (!def) throw new Error(`No handler for job kind "${row.kind}"`);
      await def.handler(row.payload, { id: row.id, idempotencyKey: row.idempotency_key, attempt: row.attempts });
      await db
        .update(outbox)
        .set({ status: 'done', doneAt: clock.now(), lastError: null, payload: def.scrub ? def.scrub(row.payload) : row.payload })
        .where(eq(outbox.id, row.id));
    } catch (err) {
      const message = safeErrorText(err instanceof Error ? err.message : String(err));
      const failedAt = clock.now().getTime();
      const createdAt = new Date(row.created_at).getTime();
      const ageMs = failedAt - createdAt;
      const final = !def || row.attempts >= row.max_attempts;
      let next = failedAt + (def ? def.backoffMs(row.attempts) : 0);
      // One attempt exactly at the stuck threshold, so that "still failing after 15 min" is seen
      // (and reported) then, not up to a whole backoff later.
      if (!final && ageMs < STUCK_AFTER_MS) next = Math.min(next, createdAt + STUCK_AFTER_MS);
      // Only this attempt was due at or before the threshold and failed after it: reported once.
      const crossed = new Date(row.due_at).getTime() - createdAt <= STUCK_AFTER_MS && ageMs >= STUCK_AFTER_MS;
      log.warn({ jobId: row.id, kind: row.kind, attempt: row.attempts, final, err: message }, 'outbox delivery failed');
      // Ids and counts only: the payload (recipient, text) never goes into a log line.
      const report = { jobId: row.id, kind: row.kind, attempts: row.attempts, ageMs };
      if (final) log.error(report, 'outbox job failed permanently: retry budget used up; listed in GET /api/admin/outbox');
      else if (crossed) log.error(report, 'outbox job still undelivered after 15 min; listed in GET /api/admin/outbox');
      await db
        .update(outbox)
        .set({ status: final ? 'failed' : 'pending', lastError: message, nextAttemptAt: new Date(next) })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));
    }
  }
  return claimed.length;
}

/** A job that needs an operator's eye: given up ('failed'), or still retrying past STUCK_AFTER_MS. */
export function problemCondition(now: Date) {
  return sql`(${outbox.status} = 'failed' or (${outbox.status} = 'pending' and ${outbox.lastError} is not null and ${outbox.createdAt} <= ${new Date(
    now.getTime() - STUCK_AFTER_MS,
  ).toISOString()}))`;
}

/** How many jobs are stuck (still retrying past the threshold) and failed (given up). */
export async function outboxProblemCounts(db: DbOrTx, now: Date): Promise<{ stuck: number; failed: number }> {
  const rows = rowsOf<{ stuck: number | string; failed: number | string }>(
    await db.execute(sql`
      select count(*) filter (where status = 'pending') as stuck, count(*) filter (where status = 'failed') as failed
      from outbox where ${problemCondition(now)}`),
  );
  return { stuck: Number(rows[0]?.stuck ?? 0), failed: Number(rows[0]?.failed ?? 0) };
}

/**
 * Deletes delivered jobs older than `keepMs` (their scrubbed payload still names the recipient).
 * Only 'done' rows: a pending or failed job is never pruned — a failed one waits for an operator.
 */
export async function pruneDeliveredOutbox(db: DbOrTx, now: Date, keepMs = 30 * 86_400_000): Promise<void> {
  await db.delete(outbox).where(and(eq(outbox.status, 'done'), lt(outbox.doneAt, new Date(now.getTime() - keepMs))));
}

export interface Worker {
  stop(): Promise<void>;
}

export function startOutboxWorker(db: Db, jobs: JobRegistry, clock: Clock, log: Logger, intervalMs = 500): Worker {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const batch = 20;
  const tick = async () => {
    if (stopped) return;
    const p = runOutboxOnce(db, jobs, clock, log, batch).catch((err) => {
      log.error({ err }, 'outbox worker error');
      return 0;
    });
    running = p;
    // A full batch means more is waiting: go on at once instead of idling for the interval (an
    // OTP is only valid for 2 minutes; a burst must not queue behind the timer).
    const ran = await p;
    if (!stopped) timer = setTimeout(tick, ran === batch ? 0 : intervalMs);
  };
  let timer: NodeJS.Timeout = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
