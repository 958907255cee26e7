// The notification job kinds and the helpers services call to send a message through the outbox.
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { enqueue, enqueueMany, retryFor, type JobDefinition } from '../outbox.js';
import { writeInboxCopies, type InboxCopy } from './inbox.js';
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

/**
 * `body` comes from SMS_TEXTS (sms-texts.ts), where the rules every SMS follows are written.
 * `inbox`: the recipient's citizen account (and the dossier the message is about): a copy goes into
 * their "Thông báo" in the same transaction as the outbox row, redacted when the text carries an
 * OTP or a password (inbox.ts, ADR 0018). Leave it out when no account is known (a registration's
 * first code, a desk request before the account exists, an officer).
 */
export async function sendSms(tx: DbOrTx, ctx: Ctx, idempotencyKey: string, to: string, body: SmsText, inbox?: InboxCopy): Promise<void> {
  await sendSmsMany(tx, ctx, [{ idempotencyKey, to, body, inbox }]);
}

export async function sendSmsMany(
  tx: DbOrTx,
  ctx: Ctx,
  messages: readonly { idempotencyKey: string; to: string; body: SmsText; inbox?: InboxCopy }[],
): Promise<void> {
  const now = ctx.deps.clock.now();
  await enqueueMany(
    tx,
    ctx.deps.jobs,
    now,
    messages.map((m) => ({ kind: 'notify.sms', idempotencyKey: m.idempotencyKey, payload: { to: m.to, body: m.body } })),
  );
  const copies = messages.flatMap((m) =>
    m.inbox ? [{ channel: 'sms' as const, idempotencyKey: m.idempotencyKey, to: m.to, subject: null, body: m.body, inbox: m.inbox }] : [],
  );
  if (copies.length) await writeInboxCopies(tx, now, copies);
}

/**
 * `inbox` as for sendSms. An e-mail that carries a secret must quote an SMS_TEXTS secret template
 * (as the e-mail OTP of a contact change does), so that its inbox copy is redacted; otherwise give
 * it no `inbox`.
 */
export async function sendEmail(
  tx: DbOrTx,
  ctx: Ctx,
  idempotencyKey: string,
  to: string,
  subject: string,
  body: string,
  inbox?: InboxCopy,
): Promise<void> {
  const now = ctx.deps.clock.now();
  await enqueue(tx, ctx.deps.jobs, now, { kind: 'notify.email', idempotencyKey, payload: { to, subject, body } });
  if (inbox) await writeInboxCopies(tx, now, [{ channel: 'email', idempotencyKey, to, subject, body, inbox }]);
}
