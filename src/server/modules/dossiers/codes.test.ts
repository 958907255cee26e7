import { describe, expect, it } from 'vitest';
import { formatDossierCode } from './codes.js';

describe('formatDossierCode', () => {
  it('writes <agency identifier>-<yyMMdd>-<NNNN>', () => {
    expect(formatDossierCode('000.00.32.H19', '2021-07-08', 32)).toBe('000.00.32.H19-210708-0032');
    expect(formatDossierCode('000.15.15.H48', '2026-11-28', 1)).toBe('000.15.15.H48-261128-0001');
    expect(formatDossierCode('000.15.15.H48', '2026-11-28', 12345)).toBe('000.15.15.H48-261128-12345');
  });

  it('refuses a number below 1', () => {
    expect(() => formatDossierCode('000.15.15.H48', '2026-11-28', 0)).toThrow(RangeError);
  });
});
