import { describe, expect, it } from 'vitest';
import { checkBirthDate, checkIdNumber, isTaxCode, normalizeMobile } from './vn-ids.js';

describe('checkIdNumber', () => {
  it('accepts a CCCD whose province, century and year agree with the birth date', () => {
    expect(checkIdNumber('001090000001', '1990-05-15')).toMatchObject({ ok: true, kind: 'CCCD' });
  });
  it('rejects an unknown province code', () => {
    expect(checkIdNumber('003090000001', '1990-05-15')).toMatchObject({ ok: false, problem: 'CCCD_PROVINCE' });
  });
});

describe('isTaxCode', () => {
  it('checks the MST check digit', () => {
    expect(isTaxCode('0100109106')).toBe(true);
    expect(isTaxCode('0100109107')).toBe(false);
  });
});

describe('normalizeMobile', () => {
  it('turns +84 numbers into 0xxxxxxxxx', () => {
    expect(normalizeMobile('+84 351 239 999')).toBe('0351239999');
  });
});

describe('checkIdNumber, more cases', () => {
  it.each([
    ['145888888', undefined, true],
    ['12345678', undefined, false],
    ['1234567890', undefined, false],
    ['0010900000a1', undefined, false],
    ['001 090 000 001', '1990-05-15', true],
    ['001190000001', '1990-05-15', true], // 1: female, 1900s
    ['001290000001', '1990-05-15', false], // 2: 2000s
    ['079305000123', '2005-07-01', true], // 3: female, 2000s
    ['079205000123', '1905-07-01', false],
    ['001091000001', '1990-05-15', false], // year digits 91
  ])('%s born %s → %s', (id, birth, ok) => {
    expect(checkIdNumber(id, birth).ok).toBe(ok);
  });
});

describe('normalizeMobile, more cases', () => {
  it.each(['0351239999', '0512345678', '0712345678', '0812345678', '0912345678', '84912345678'])('accepts %s', (p) => {
    expect(normalizeMobile(p)).toMatch(/^0\d{9}$/);
  });
  it.each(['0112345678', '0212345678', '0412345678', '0612345678', '02438251234', '091234567', 'abc'])('refuses %s', (p) => {
    expect(normalizeMobile(p)).toBeUndefined();
  });
});

describe('checkBirthDate', () => {
  const today = new Date('2026-11-24T00:00:00Z');
  it('refuses impossible and future dates', () => {
    expect(checkBirthDate('2023-02-29', today)).toMatch(/không phải là một ngày có thật/);
    expect(checkBirthDate('2026-11-25', today)).toMatch(/sau ngày hôm nay/);
    expect(checkBirthDate('1899-12-31', today)).toMatch(/1900/);
    expect(checkBirthDate('2024-02-29', today)).toBeUndefined();
  });
});

describe('isTaxCode, more cases', () => {
  it('accepts a branch suffix and refuses a check result of 10', () => {
    expect(isTaxCode('0100109106-001')).toBe(true);
    expect(isTaxCode('0100109106-1')).toBe(false);
    expect(isTaxCode('123456789')).toBe(false);
  });
});
