import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../common/password.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

describe('generatePassword', () => {
  it('always satisfies the policy and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const pw = generatePassword();
      expect(pw).toHaveLength(12);
      expect(passwordProblems(pw)).toEqual([]);
      expect(pw).not.toMatch(/[0O1lI]/);
      seen.add(pw);
    }
    expect(seen.size).toBe(500);
  });
});

describe('argon2id', () => {
  it('verifies the right password only', async () => {
    const h = await hashPassword('Demo@2026');
    expect(h.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword(h, 'Demo@2026')).toBe(true);
    expect(await verifyPassword(h, 'demo@2026')).toBe(false);
    expect(await verifyPassword(null, 'Demo@2026')).toBe(false);
  });
});
