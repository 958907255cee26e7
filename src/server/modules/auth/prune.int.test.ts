// The hourly clean-up (system.ts) removes what sign-in flows leave behind, and nothing still in use.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../../../../tests/support/system.js';
import { pruneLoginThrottle } from '../../platform/auth/lockout.js';
import { loginThrottle } from '../../platform/tables.js';
import { contactChanges } from '../profile/tables.js';
import { pruneContactChanges } from '../profile/service.js';
import { registrations } from '../registration/tables.js';
import { pruneRegistrations } from '../registration/service.js';
import { prunePasswordResets } from './recovery.js';
import { passwordResets } from './tables.js';

const system = useTestSystem();
const DAY = 24 * 3600 * 1000;

describe('hourly clean-up of sign-in leftovers', () => {
  it('drops stale rows and keeps recent, locked and completed ones', async () => {
    const db = system().deps.db;
    const now = system().clock.now();
    const old = new Date(now.getTime() - 2 * DAY);
    await db.insert(loginThrottle).values([
      { key: 'login:citizen:stale', failures: 3, lastFailureAt: old },
      { key: 'login:citizen:recent', failures: 3, lastFailureAt: now },
      { key: 'login:citizen:still-locked', failures: 30, lastFailureAt: old, lockedUntil: new Date(now.getTime() + 60_000) },
    ]);
    const reg = (status: string, createdAt: Date) => ({
      id: randomUUID(),
      kind: 'citizen',
      idNumber: '001090009999',
      fullName: 'Thử Nghiệm',
      phone: '0900000000',
      status,
      createdAt,
    });
    const [abandoned, fresh, done] = [reg('pending', old), reg('verified', now), reg('completed', old)];
    await db.insert(registrations).values([abandoned, fresh, done]);
    await db.insert(passwordResets).values([
      { id: randomUUID(), login: 'a', createdAt: old, expiresAt: new Date(old.getTime() + 900_000), lastSentAt: old },
      { id: randomUUID(), login: 'b', createdAt: now, expiresAt: new Date(now.getTime() + 900_000), lastSentAt: now },
    ]);
    await db.insert(contactChanges).values([
      { id: randomUUID(), userId: randomUUID(), channel: 'phone', newValue: '0900000001', createdAt: old },
      { id: randomUUID(), userId: randomUUID(), channel: 'email', newValue: 'a@b.vn', createdAt: now },
    ]);

    await pruneLoginThrottle(db, now);
    await pruneRegistrations(db, now);
    await prunePasswordResets(db, now);
    await pruneContactChanges(db, now);

    expect((await db.select().from(loginThrottle)).map((r) => r.key).sort()).toEqual(['login:citizen:recent', 'login:citizen:still-locked']);
    expect((await db.select().from(registrations)).map((r) => r.id).sort()).toEqual([fresh.id, done.id].sort());
    expect((await db.select().from(passwordResets)).map((r) => r.login)).toEqual(['b']);
    expect((await db.select().from(contactChanges)).map((r) => r.channel)).toEqual(['email']);
  });
});
