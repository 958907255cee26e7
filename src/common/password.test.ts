import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password.js';

describe('passwordProblems', () => {
  it('lists what a weak password lacks, in Vietnamese', () => {
    expect(passwordProblems('abc')).toEqual(['Ít nhất 8 ký tự', 'Có chữ hoa', 'Có chữ số', 'Có ký tự đặc biệt (ví dụ @ # $ !)']);
  });
  it('accepts a password with every class, including Vietnamese letters', () => {
    expect(passwordProblems('Demo@2026')).toEqual([]);
    expect(passwordProblems('Mậtkhẩu#9Đ')).toEqual([]);
  });
});
