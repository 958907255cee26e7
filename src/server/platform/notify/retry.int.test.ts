// An SMS outlives a gateway outage: it is retried for a day, reported once it has failed for 15
// minutes, kept (never pruned) once given up, listed for the high-level administrator and sent
// again on request. Log lines name the job, never the recipient.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listOutbox, retryOutboxJob } from '../../../common/api/outbox-admin.js';
import type { ManualClock } from '../clock.js';
import type { Ctx } from '../context.js';
import { newId } from '../ids.js';
import { createLogger } from '../logger.js';
import { JobRegistry, pruneDeliveredOutbox, runOutboxOnce, STUCK_AFTER_MS } from '../outbox.js';
import { auditLog, outbox } from '../tables.js';
import { notifyJobs, sendSms } from './jobs.js';
import { SMS_TEXTS, type SmsText } from './sms-texts.js';
import type { EmailPort, SmsMessage, SmsPort } from './ports.js';

const system = useTestSystem();
const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * The SMS gateway: refuses a number until a given time (for ever if no time), quoting the number
 * in its refusal as real gateways do; accepts every other message.
 */
class FakeGateway implements SmsPort {
  readonly failUntil = new Map<string, number>();
  readonly accepted: (SmsMessage & { at: number })[] = [];
  readonly calls = new Map<string, number>();
  async send(msg: SmsMessage): Promise<void> {
    const now = system().clock.now().getTime();
    this.calls.set(msg.to, (this.calls.get(msg.to) ?? 0) + 1);
    if (now < (this.failUntil.get(msg.to) ?? -Infinity)) throw new Error(`SMS gateway refused message to ${msg.to}: HTTP 503 Service Unavailable`);
    this.accepted.push({ ...msg, at: now });
  }
}
const noEmail: EmailPort = { send: async () => {} };

// The real notification job kinds — their real retry policy — over the fake gateway.
const gateway = new FakeGateway();
const jobs = new JobRegistry();
for (const def of notifyJobs(gateway, noEmail)) jobs.register(def);

/** A logger configured like production's, writing into an array. */
function captureLog() {
  const lines: string[] = [];
  const log = createLogger('info', { write: (s: string) => void lines.push(s) });
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, lines, entries };
}

/** A phone number no other test uses. */
const phone = () => `035${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function enqueueSms(to: string, body: SmsText): Promise<string> {
  const ctx: Ctx = { deps: system().deps, actor: null, requestId: 'retry-test', ip: '127.0.0.1' };
  const key = `retry-test:${newId()}`;
  await sendSms(system().deps.db, ctx, key, to, body);
  const [row] = await system().deps.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.idempotencyKey, key));
  return row!.id;
}

async function job(id: string) {
  const [row] = await system().deps.db.select().from(outbox).where(eq(outbox.id, id));
  return row!;
}

type Row = Awaited<ReturnType<typeof job>>;

/** Moves the clock to the job's next attempt and runs the worker, until `done` holds. */
async function drive(id: string, log: ReturnType<typeof captureLog>['log'], done: (r: Row, now: Date) => boolean): Promise<Row> {
  const clock = system().clock as ManualClock;
  for (let round = 0; round < 400; round++) {
    const r = await job(id);
    if (done(r, clock.now())) return r;
    if (r.nextAttemptAt > clock.now()) clock.set(r.nextAttemptAt);
    await runOutboxOnce(system().deps.db, jobs, clock, log);
  }
  throw new Error(`job ${id} did not settle`);
}

describe('outbox retries over a long outage', () => {
  it('delivers an SMS, exactly once, after the gateway has been down for 2 hours', async () => {
    const to = phone();
    const start = system().clock.now().getTime();
    gateway.failUntil.set(to, start + 2 * HOUR);
    const id = await enqueueSms(to, SMS_TEXTS.dossierReceived({ code: '000.01.15.H48-261128-0001', procedureName: 'Đăng ký khai sinh', appointmentDate: '2026-12-03' }));
    const { log, lines, entries } = captureLog();

    // One hour in: still retrying, and listed as stuck for the administrator.
    const midway = await drive(id, log, (_r, now) => now.getTime() >= start + HOUR);
    expect(midway.status).toBe('pending');
    const admin = await loggedIn(system().app, 'officer', 'admin.demo');
    const stuck = await admin.get('/api/admin/outbox?status=stuck&pageSize=100');
    expect(stuck.statusCode, stuck.body).toBe(200);
    expect(stuck.json<Reply<typeof listOutbox>>().items).toContainEqual(expect.objectContaining({ id, kind: 'notify.sms', status: 'pending', nextAttemptAt: midway.nextAttemptAt.toISOString() }));
    expect(stuck.json<Reply<typeof listOutbox>>().counts.stuck).toBeGreaterThanOrEqual(1);
    expect(stuck.body).not.toContain(to);

    const done = await drive(id, log, (r) => r.status !== 'pending');
    expect(done.status).toBe('done');
    // Far more than the 8 attempts after which the old policy dropped the message.
    expect(done.attempts).toBeGreaterThan(8);
    expect(gateway.accepted.filter((m) => m.to === to)).toHaveLength(1);
    expect(gateway.calls.get(to)).toBe(done.attempts);
    // Sent at the first attempt after the gateway came back: at most one capped delay later.
    const sentAt = gateway.accepted.find((m) => m.to === to)!.at;
    expect(sentAt).toBeGreaterThanOrEqual(start + 2 * HOUR);
    expect(sentAt - (start + 2 * HOUR)).toBeLessThanOrEqual(30 * MIN);
    expect(done.lastError).toBeNull();
    expect(JSON.stringify(done.payload)).not.toContain('tiếp nhận');

    // Nothing is sent again later.
    (system().clock as ManualClock).advance(2 * HOUR);
    await runOutboxOnce(system().deps.db, jobs, system().clock, log);
    expect(gateway.accepted.filter((m) => m.to === to)).toHaveLength(1);

    // Reported once, when it had been failing for 15 minutes: ids and counts, no number.
    const reports = entries().filter((e) => e.level === 50 && e.jobId === id);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.msg).toMatch(/still undelivered after 15 min/);
    expect(reports[0]!.ageMs).toBeGreaterThanOrEqual(STUCK_AFTER_MS);
    expect(reports[0]!.ageMs).toBeLessThan(STUCK_AFTER_MS + MIN);
    expect(lines.length).toBeGreaterThan(8);
    expect(lines.join('')).not.toContain(to);
    expect(lines.join('')).not.toContain('tiếp nhận');
  });

  it('gives up after a day, keeps the job, lists it for the high-level administrator only, and sends it again on request', async () => {
    const to = phone();
    gateway.failUntil.set(to, Infinity);
    const id = await enqueueSms(to, SMS_TEXTS.officerAccountCreated({ username: 'dinh.trang', password: 'Xy7@pq2w' }));
    const created = (await job(id)).createdAt.getTime();
    const { log, lines, entries } = captureLog();

    const failed = await drive(id, log, (r) => r.status !== 'pending');
    expect(failed.status).toBe('failed');
    // Retried for at least 24 hours, not for ever.
    const gaveUpAt = system().clock.now().getTime();
    expect(gaveUpAt - created).toBeGreaterThanOrEqual(24 * HOUR);
    expect(gaveUpAt - created).toBeLessThan(36 * HOUR);
    expect(failed.lastError).toContain('HTTP 503');
    expect(failed.lastError).not.toContain(to);

    // The error line: job id, kind, attempts, age — nothing about the person.
    const gaveUp = entries().filter((e) => e.level === 50 && e.jobId === id && String(e.msg).includes('failed permanently'));
    expect(gaveUp).toHaveLength(1);
    const { level, time, pid, hostname, msg, ...fields } = gaveUp[0]!;
    expect([level, typeof time, typeof pid, typeof hostname, typeof msg]).toEqual([50, 'number', 'number', 'string', 'string']);
    expect(fields).toEqual({ jobId: id, kind: 'notify.sms', attempts: failed.attempts, ageMs: gaveUpAt - created });
    expect(lines.join('')).not.toContain(to);
    expect(lines.join('')).not.toContain('Xy7@pq2w');

    // The prune removes delivered jobs, never a failed one.
    const deliveredId = await enqueueSms(phone(), SMS_TEXTS.passwordResetDone());
    expect((await drive(deliveredId, log, (r) => r.status !== 'pending')).status).toBe('done');
    await pruneDeliveredOutbox(system().deps.db, new Date(gaveUpAt + 365 * 24 * HOUR), 0);
    expect(await system().deps.db.select().from(outbox).where(eq(outbox.id, deliveredId))).toHaveLength(0);
    expect((await job(id)).status).toBe('failed');

    // Listed for the high-level administrator.
    const admin = await loggedIn(system().app, 'officer', 'admin.demo');
    const list = await admin.get('/api/admin/outbox?status=failed&pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<Reply<typeof listOutbox>>().items).toContainEqual({
      id,
      kind: 'notify.sms',
      status: 'failed',
      attempts: failed.attempts,
      maxAttempts: failed.maxAttempts,
      createdAt: new Date(created).toISOString(),
      ageSeconds: Math.floor((gaveUpAt - created) / 1000),
      lastError: 'SMS gateway refused message to [number]: HTTP 503 Service Unavailable',
      nextAttemptAt: null,
    });
    expect(list.json<Reply<typeof listOutbox>>().counts.failed).toBeGreaterThanOrEqual(1);
    expect(list.body).not.toContain(to);
    expect(list.body).not.toContain('Xy7@pq2w');

    // Refused to everyone else, with a problem body; the job stays failed.
    for (const login of ['motcua.demo', 'quantri.qngai.demo']) {
      const other = await loggedIn(system().app, 'officer', login);
      for (const res of [await other.get('/api/admin/outbox'), await other.post(`/api/admin/outbox/${id}/retry`)]) {
        expect(res.statusCode, `${login}: ${res.body}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ status: 403, code: 'ADMIN_REQUIRED' });
      }
    }
    expect((await job(id)).status).toBe('failed');

    // "Gửi lại": back to pending, due now, audited without the message.
    const retried = await admin.post(`/api/admin/outbox/${id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json<Reply<typeof retryOutboxJob>>()).toMatchObject({ id, status: 'pending', attempts: failed.attempts, nextAttemptAt: new Date(gaveUpAt).toISOString() });
    const audits = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'outbox.retry'), eq(auditLog.entityId, id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: 'outbox_job', actorName: 'admin.demo', before: expect.objectContaining({ status: 'failed' }), after: expect.objectContaining({ status: 'pending' }) });
    expect(JSON.stringify(audits[0])).not.toContain(to);
    expect(JSON.stringify(audits[0])).not.toContain('Xy7@pq2w');
    const labelled = await admin.get(`/api/admin/audit-log?action=outbox.retry&subject=${id}`);
    expect(labelled.json().items[0]).toMatchObject({ action: 'outbox.retry', actionLabel: 'Gửi lại tin nhắn/thư' });

    // A second click: it is no longer failed.
    const again = await admin.post(`/api/admin/outbox/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'OUTBOX_JOB_NOT_FAILED' });

    // The gateway is fixed: the message goes out, once.
    gateway.failUntil.delete(to);
    const sent = await drive(id, log, (r) => r.status !== 'pending');
    expect(sent.status).toBe('done');
    expect(gateway.accepted.filter((m) => m.to === to)).toHaveLength(1);
  });

  it('answers an unknown or malformed job id with a problem', async () => {
    const admin = await loggedIn(system().app, 'officer', 'admin.demo');
    const missing = await admin.post(`/api/admin/outbox/${newId()}/retry`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'OUTBOX_JOB_NOT_FOUND' });
    const malformed = await admin.post('/api/admin/outbox/0351239999/retry');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const anonymous = await new Http(system().app).get('/api/admin/outbox');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('pages through the stuck jobs, oldest first', async () => {
    const { log } = captureLog();
    const numbers = [phone(), phone(), phone()];
    const ids: string[] = [];
    for (const to of numbers) {
      gateway.failUntil.set(to, Infinity);
      ids.push(await enqueueSms(to, SMS_TEXTS.withdrawn({ code: '000.01.15.H48-261128-0001' })));
      (system().clock as ManualClock).advance(1000);
    }
    const first = (await job(ids[0]!)).createdAt.getTime();
    // 20 minutes of failures for all three.
    await drive(ids[2]!, log, (_r, now) => now.getTime() >= first + 20 * MIN);
    for (const id of ids) expect((await job(id)).status).toBe('pending');

    const admin = await loggedIn(system().app, 'officer', 'admin.demo');
    const seen: Reply<typeof listOutbox>['items'] = [];
    let total = 0;
    for (let page = 1; page < 100; page++) {
      const res = await admin.get(`/api/admin/outbox?status=stuck&pageSize=2&page=${page}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<Reply<typeof listOutbox>>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      total = body.total;
      seen.push(...body.items);
      if (body.items.length < 2) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
    const mine = seen.filter((s) => ids.includes(s.id)).map((s) => s.id);
    expect(mine).toEqual(ids);
    const times = seen.map((s) => s.createdAt);
    expect([...times].sort()).toEqual(times);

    // Recovered: none of them is stuck any more.
    for (const to of numbers) gateway.failUntil.delete(to);
    for (const id of ids) expect((await drive(id, log, (r) => r.status !== 'pending')).status).toBe('done');
    // The clock has moved on: a fresh session.
    const after = await (await loggedIn(system().app, 'officer', 'admin.demo')).get('/api/admin/outbox?status=stuck&pageSize=100');
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json<Reply<typeof listOutbox>>().items.map((i) => i.id).filter((id) => ids.includes(id))).toEqual([]);
  });
});
