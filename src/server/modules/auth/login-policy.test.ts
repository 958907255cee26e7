import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULES, liveFailures, untrustedState } from '../../platform/auth/lockout.js';
import { attemptKeys, maskPhone, phoneHint } from './login-policy.js';

const SECRET = 's'.repeat(64);

describe('untrustedState (browsers the account does not know)', () => {
  it('checks the password alone for 10 failures a day, then asks for a code, and refuses at 100 in a row', () => {
    expect(ACCOUNT_RULES.stepUpAfter).toBe(10);
    expect(ACCOUNT_RULES.ceiling).toBe(100);
    expect([0, 9].map((n) => untrustedState(n, n))).toEqual(['open', 'open']);
    expect(untrustedState(10, 10)).toBe('step-up');
    expect(untrustedState(99, 99)).toBe('step-up');
    expect(untrustedState(100, 100)).toBe('blocked');
    // The day's count was forgotten but the run was not: still refused.
    expect(untrustedState(0, 100)).toBe('blocked');
  });

  it('forgets a day count a day after the last failure, and a run after 30 quiet days', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const row = (hoursAgo: number) => ({ key: 'k', failures: 12, lockedUntil: null, lastFailureAt: new Date(now.getTime() - hoursAgo * 3600_000) });
    expect(liveFailures(row(23), ACCOUNT_RULES.stepUpForgetAfterSeconds, now)).toBe(12);
    expect(liveFailures(row(25), ACCOUNT_RULES.stepUpForgetAfterSeconds, now)).toBe(0);
    expect(liveFailures(row(25), ACCOUNT_RULES.ceilingForgetAfterSeconds, now)).toBe(12);
    expect(liveFailures(row(31 * 24), ACCOUNT_RULES.ceilingForgetAfterSeconds, now)).toBe(0);
    expect(liveFailures(undefined, ACCOUNT_RULES.ceilingForgetAfterSeconds, now)).toBe(0);
  });
});

describe('attemptKeys', () => {
  const account = { id: '0190f0a2-0000-7000-8000-000000000001', passwordChangedAt: new Date('2026-11-01T00:00:00Z') };
  it('counts every identifier of an account together, and what was typed when it names none', () => {
    expect(attemptKeys('citizen', '001090000001', account)).toEqual(attemptKeys('citizen', '0912345678', account));
    expect(attemptKeys('citizen', '001090000001', account).day).toBe(`acct:${account.id}`);
    expect(attemptKeys('citizen', '079188000999', undefined)).toEqual({ day: 'login:citizen:079188000999', run: 'login-run:citizen:079188000999' });
  });
  it('starts a new run of failures with a new password', () => {
    const renewed = { ...account, passwordChangedAt: new Date('2026-11-20T00:00:00Z') };
    expect(attemptKeys('officer', 'x', renewed).run).not.toBe(attemptKeys('officer', 'x', account).run);
    expect(attemptKeys('officer', 'x', renewed).day).toBe(attemptKeys('officer', 'x', account).day);
  });
});

describe('phoneHint', () => {
  it('shows the last two digits of the real phone', () => {
    expect(maskPhone('0912345678')).toBe('***78');
    expect(phoneHint(SECRET, '0912345678', '001090000001')).toBe('***78');
  });
  it('without a phone, stands in two digits that depend only on what was typed', () => {
    const a = phoneHint(SECRET, null, '079188000999');
    expect(a).toMatch(/^\*\*\*\d{2}$/);
    expect(phoneHint(SECRET, undefined, '079188000999')).toBe(a);
    const many = new Set(Array.from({ length: 50 }, (_, i) => phoneHint(SECRET, null, `0791880${String(i).padStart(5, '0')}`)));
    expect(many.size).toBeGreaterThan(10);
  });
});
