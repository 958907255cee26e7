// Messages that leave the system: outbox retries, the SMTP adapter against a real SMTP server,
// and the SMS gateway adapter against a local HTTP server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../clock.js';
import { enqueue, JobRegistry, runOutboxOnce } from '../outbox.js';
import { outbox } from '../tables.js';
import { HttpSmsAdapter, SmtpEmailAdapter } from './adapters.js';

const system = useTestSystem();

describe('outbox', () => {
  it('retries a failing delivery with growing delays, then marks it failed', async () => {
    const clock = system().clock as ManualClock;
    const jobs = new JobRegistry();
    let calls = 0;
    jobs.register({
      kind: 'test.flaky',
      maxAttempts: 3,
      backoffMs: (n) => 1000 * 2 ** (n - 1),
      handler: async () => {
        calls++;
        throw new Error('gateway down');
      },
    });
    await enqueue(system().deps.db, jobs, clock.now(), { kind: 'test.flaky', idempotencyKey: 'flaky-1', payload: {} });
    await enqueue(system().deps.db, jobs, clock.now(), { kind: 'test.flaky', idempotencyKey: 'flaky-1', payload: {} });
    const rows = () => system().deps.db.select().from(outbox).where(eq(outbox.idempotencyKey, 'flaky-1'));
    expect(await rows()).toHaveLength(1);

    await runOutboxOnce(system().deps.db, jobs, clock, system().deps.log);
    expect(calls).toBe(1);
    await runOutboxOnce(system().deps.db, jobs, clock, system().deps.log);
    expect(calls).toBe(1); // not due yet
    clock.advance(1000);
    await runOutboxOnce(system().deps.db, jobs, clock, system().deps.log);
    expect(calls).toBe(2);
    clock.advance(2000);
    await runOutboxOnce(system().deps.db, jobs, clock, system().deps.log);
    expect(calls).toBe(3);
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'gateway down' });
    clock.advance(60_000);
    await runOutboxOnce(system().deps.db, jobs, clock, system().deps.log);
    expect(calls).toBe(3);
  });

  it('refuses to enqueue a job kind nobody handles', async () => {
    await expect(enqueue(system().deps.db, new JobRegistry(), new Date(), { kind: 'nobody', idempotencyKey: 'x', payload: {} })).rejects.toThrow(/No handler/);
  });
});

describe('SmtpEmailAdapter', () => {
  it('delivers a Vietnamese e-mail to a real SMTP server', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const adapter = new SmtpEmailAdapter(`smtp://127.0.0.1:${port}`, 'Cổng Dịch vụ công <no-reply@dvc.local>');
      await adapter.send({ to: 'binh@example.vn', subject: 'Tài khoản đã được tạo', body: 'Kính gửi Nguyễn Thị Bình', reference: 'ref-1' });
      expect(received).toHaveLength(1);
      const mail = await simpleParser(received[0]!);
      expect(mail.subject).toBe('Tài khoản đã được tạo');
      expect(mail.text?.trim()).toBe('Kính gửi Nguyễn Thị Bình');
      expect(mail.from?.text).toContain('Cổng Dịch vụ công');
      expect(received[0]).toContain('Message-ID: <ref-1@dvc>');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('HttpSmsAdapter', () => {
  it('posts the message to the gateway and fails on a non-2xx answer', async () => {
    const seen: { auth?: string; body: unknown }[] = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      const sms = new HttpSmsAdapter(url, 'secret-token', 'DVCQG');
      await sms.send({ to: '0351239999', body: 'Mã OTP là 123456', reference: 'otp:1' });
      expect(seen[0]).toEqual({ auth: 'Bearer secret-token', body: { sender: 'DVCQG', to: '0351239999', message: 'Mã OTP là 123456', reference: 'otp:1' } });
      status = 503;
      await expect(sms.send({ to: '0351239999', body: 'x', reference: 'otp:2' })).rejects.toThrow('HTTP 503');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
