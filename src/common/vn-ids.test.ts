import { describe, expect, it } from 'vitest';
import { checkIdNumber, isTaxCode, normalizeMobile } from './vn-ids.js';

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
