// The notification job kinds and the helpers services call to send a message through the outbox.
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { enqueue, enqueueMany, retryFor, type JobDefinition } from '../outbox.js';
import type { EmailPort, SmsPort } from './ports.js';
import type { SmsText } from './sms-texts.js';

interface SmsPayload {
  to: string;
  body: string;
}
interface EmailPayload {
  to: string;
  subject: string;
  body: string;
}

const DELIVERED = '[đã gửi — nội dung không lưu lại]';

const HOUR = 3_600_000;
/**
 * How long a message is retried before it is marked failed and left for an operator: a gateway
 * or mail server outage of a few hours (or a night) must not lose a message. Backoff grows to
 * 30 min, with jitter, so a recovering gateway is not flooded.
 */
export const SMS_RETRY = retryFor({ budgetMs: 24 * HOUR, baseMs: 2_000, capMs: 30 * 60_000 });
export const EMAIL_RETRY = retryFor({ budgetMs: 24 * HOUR, baseMs: 5_000, capMs: 30 * 60_000 });

export function notifyJobs(sms: SmsPort, email: EmailPort): JobDefinition<never>[] {
  const smsJob: JobDefinition<SmsPayload> = {
    kind: 'notify.sms',
    ...SMS_RETRY,
    handler: (p, job) => sms.send({ to: p.to, body: p.body, reference: job.idempotencyKey }),
    // OTPs and passwords must not stay in the database once the message is out.
    scrub: (p) => ({ to: p.to, body: DELIVERED }),
  };
  const emailJob: JobDefinition<EmailPayload> = {
    kind: 'notify.email',
    ...EMAIL_RETRY,
    handler: (p, job) => email.send({ to: p.to, subject: p.subject, body: p.body, reference: job.idempotencyKey }),
    scrub: (p) => ({ to: p.to, subject: p.subject, body: DELIVERED }),
  };
  return [smsJob as JobDefinition<never>, emailJob as JobDefinition<never>];
}

/** `body` comes from SMS_TEXTS (sms-texts.ts), where the rules every SMS follows are written. */
export async function sendSms(tx: DbOrTx, ctx: Ctx, idempotencyKey: string, to: string, body: SmsText): Promise<void> {
  await sendSmsMany(tx, ctx, [{ idempotencyKey, to, body }]);
}

export async function sendSmsMany(tx: DbOrTx, ctx: Ctx, messages: readonly { idempotencyKey: string; to: string; body: SmsText }[]): Promise<void> {
  await enqueueMany(
    tx,
    ctx.deps.jobs,
    ctx.deps.clock.now(),
    messages.map((m) => ({ kind: 'notify.sms', idempotencyKey: m.idempotencyKey, payload: { to: m.to, body: m.body } })),
  );
}

export async function sendEmail(tx: DbOrTx, ctx: Ctx, idempotencyKey: string, to: string, subject: string, body: string): Promise<void> {
  await enqueue(tx, ctx.deps.jobs, ctx.deps.clock.now(), { kind: 'notify.email', idempotencyKey, payload: { to, subject, body } });
}
