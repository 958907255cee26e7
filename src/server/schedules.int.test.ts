// The clean-ups each module declares (AppModule.schedules) run on the system's hourly timers: once
// the clock has moved past what a table keeps, the next tick empties it of what is stale, and
// only that. Only setInterval is faked: the database and the app run on real time.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestSystem, type TestSystem } from '../../tests/support/system.js';
import { ManualClock } from './platform/clock.js';
import { loginThrottle, outbox, rateLimits } from './platform/tables.js';
import { passwordResets } from './modules/auth/tables.js';
import { contactChanges } from './modules/profile/tables.js';
import { registrations } from './modules/registration/tables.js';
import { oidcLoginFlows } from './modules/vneid/tables.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('module schedules in the running system', () => {
  let sys: TestSystem | undefined;
  afterEach(async () => {
    await sys?.close();
    sys = undefined;
    vi.useRealTimers();
  });

  it('prune each module’s table on the hourly tick after the clock has moved', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    sys = await startTestSystem();
    const { db } = sys.deps;
    const clock = sys.clock as ManualClock;

    expect(sys.scheduler.schedules).toEqual(
      expect.arrayContaining(
        [
          'platform.rate-limits.prune',
          'platform.login-throttle.prune',
          'platform.outbox.prune-delivered',
          'auth.password-resets.prune',
          'vneid.login-flows.prune',
          'registration.prune',
          'profile.contact-changes.prune',
        ].map((name) => ({ name, everyMs: 60 * MINUTE })),
      ),
    );

    const now = clock.now();
    const reg = (status: string) => ({ id: randomUUID(), kind: 'citizen', idNumber: '001090009999', fullName: 'Thử Nghiệm', phone: '0900000000', status, createdAt: now });
    const [abandoned, completed] = [reg('pending'), reg('completed')];
    await db.insert(registrations).values([abandoned, completed]);
    await db.insert(oidcLoginFlows).values({ state: randomUUID(), codeVerifier: 'v', nonce: 'n', createdAt: now, expiresAt: new Date(now.getTime() + 10 * MINUTE) });
    await db.insert(passwordResets).values({ id: randomUUID(), login: 'a', createdAt: now, expiresAt: new Date(now.getTime() + 15 * MINUTE), lastSentAt: now });
    await db.insert(contactChanges).values({ id: randomUUID(), userId: randomUUID(), channel: 'phone', newValue: '0900000001', createdAt: now });
    await db.insert(rateLimits).values({ key: 'otp:send:0900000001', windowStart: now, count: 1 });
    await db.insert(loginThrottle).values({ key: 'login:citizen:schedule-test', failures: 3, lastFailureAt: now });
    const job = (status: string) => ({
      id: randomUUID(),
      kind: 'notify.sms',
      idempotencyKey: randomUUID(),
      payload: {},
      status,
      nextAttemptAt: now,
      createdAt: now,
      doneAt: status === 'done' ? now : null,
    });
    const [delivered, failed] = [job('done'), job('failed')];
    await db.insert(outbox).values([delivered, failed]);

    const counts = async () => ({
      registrations: (await db.select().from(registrations)).map((r) => r.id).sort(),
      loginFlows: (await db.select().from(oidcLoginFlows)).length,
      passwordResets: (await db.select().from(passwordResets)).length,
      contactChanges: (await db.select().from(contactChanges)).length,
      rateLimits: (await db.select().from(rateLimits)).length,
      loginThrottle: (await db.select().from(loginThrottle)).length,
      outbox: (await db.select().from(outbox)).map((r) => r.id).sort(),
    });
    const before = await counts();
    expect(before).toMatchObject({ loginFlows: 1, passwordResets: 1, contactChanges: 1, rateLimits: 1, loginThrottle: 1 });

    // Forty days later (past the 30 days delivered messages are kept): nothing runs before the hour…
    clock.advance(40 * DAY);
    vi.advanceTimersByTime(59 * MINUTE);
    await sys.scheduler.idle();
    expect(await counts()).toEqual(before);

    // …and at the tick every module's clean-up has run.
    vi.advanceTimersByTime(MINUTE);
    await sys.scheduler.idle();
    expect(await counts()).toEqual({
      registrations: [completed.id],
      loginFlows: 0,
      passwordResets: 0,
      contactChanges: 0,
      rateLimits: 0,
      loginThrottle: 0,
      outbox: [failed.id],
    });

    await sys.close();
    sys = undefined;
    expect(vi.getTimerCount()).toBe(0);
  });
});
