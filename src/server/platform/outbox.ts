// Transactional outbox: side effects that leave the process (SMS, e-mail) are rows written in the
// business transaction and delivered by a worker with retries. Each job kind is declared once,
// with its handler and retry policy, by the module that owns it; an unknown kind is refused.
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, DbOrTx } from '../db/client.js';
import { rowsOf } from '../db/client.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';
import { outbox } from './tables.js';

export interface JobDefinition<P = unknown> {
  kind: string;
  maxAttempts: number;
  /** Delay before attempt n+1 (n starts at 1). */
  backoffMs: (attempt: number) => number;
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
      update outbox set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}
      where id in (
        select id from outbox where status = 'pending' and next_attempt_at <= ${now.toISOString()}
        order by next_attempt_at limit ${batch} for update skip locked)
      returning id, kind, idempotency_key, payload, attempts, max_attempts`),
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
      const message = err instanceof Error ? err.message : String(err);
      const final = !def || row.attempts >= row.max_attempts;
      log.warn({ jobId: row.id, kind: row.kind, attempt: row.attempts, final, err: message }, 'outbox delivery failed');
      await db
        .update(outbox)
        .set({
          status: final ? 'failed' : 'pending',
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(clock.now().getTime() + (def ? def.backoffMs(row.attempts) : 0)),
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));
    }
  }
  return claimed.length;
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
