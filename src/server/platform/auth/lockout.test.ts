import { describe, expect, it } from 'vitest';
import { LOCKOUT_RULES, lockSeconds } from './lockout.js';

describe('lockSeconds (progressive delay)', () => {
  const rule = LOCKOUT_RULES.device;
  it('lets the first 4 failures on a known device through, locks it 1 minute at the 5th, then doubles up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => lockSeconds(rule, n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => lockSeconds(rule, n))).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
    expect(lockSeconds(rule, 40)).toBe(3600);
  });
  it('is more lenient for an address (many people behind one NAT)', () => {
    expect(lockSeconds(LOCKOUT_RULES.address, 19)).toBe(0);
    expect(lockSeconds(LOCKOUT_RULES.address, 20)).toBe(60);
  });
});
