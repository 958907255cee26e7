// The blocklist as the browser runs it (Vietnamese list + the account's own words). The server's
// full rule, with zxcvbn, is tested in src/server/platform/auth/password-policy.test.ts.
import { describe, expect, it } from 'vitest';
import { blocklistHit, foldVietnamese, passwordCores, PASSWORD_TOO_COMMON_MESSAGE } from './password-blocklist.js';
import { passwordProblems } from './password.js';

/** The registration fixture of the integration tests: Phạm Thu Hà. */
const HA = { fullName: 'Phạm Thu Hà', idNumber: '036195001234', phone: '0988 111 222', birthDate: '1995-03-08', email: 'ha.pham@example.vn' };

describe('password blocklist (browser half)', () => {
  it('reads a password as its core: lower case, no diacritics, no digits or symbols at the ends, leet undone', () => {
    expect(passwordCores('Password@123')).toContain('password');
    expect(passwordCores('P@ssw0rd!')).toContain('password');
    expect(passwordCores('Mật-Khẩu#2026')).toContain('matkhau');
    expect(foldVietnamese('Đỗ Thị Hà')).toBe('do thi ha');
  });

  it('refuses the common patterns though they pass the composition rule', () => {
    for (const pw of ['Password@123', 'P@ssw0rd!', 'Matkhau@123', 'Mật-khẩu#2026', 'Anhyeuem@1', 'Emyeuanh#99', 'Vietnam@123', 'Dichvucong@1', 'Hanoi@2024', 'Saigon!2025', 'Nguyen@1990', 'Abc@1234']) {
      expect(passwordProblems(pw), pw).toEqual([]);
      expect(blocklistHit(pw), pw).toBe(true);
    }
  });

  it('refuses a password with fewer than 3 letters around its digits and symbols ("123456a@")', () => {
    expect(blocklistHit('123456a@A')).toBe(true);
    expect(blocklistHit('Ab@12345678')).toBe(true);
  });

  it("refuses the user's own CCCD, phone, birth date and name without accents, inside a longer password", () => {
    expect(blocklistHit('Hoa-Sen@036195001234', HA)).toBe(true);
    expect(blocklistHit('Bien-Xanh#0988111222', HA)).toBe(true);
    expect(blocklistHit('Bien-Xanh#+84988111222', HA)).toBe(true);
    expect(blocklistHit('Bien-Xanh#08031995', HA)).toBe(true);
    expect(blocklistHit('Phamthuha#9x', HA)).toBe(true);
    expect(blocklistHit('Thuha@2026!', HA)).toBe(true);
    expect(blocklistHit('Ha.Pham@Xy9', HA)).toBe(true);
    // The same passwords are fine for someone else.
    expect(blocklistHit('Hoa-Sen@036195001234')).toBe(false);
    expect(blocklistHit('Phamthuha#9x', { fullName: 'Lê Văn Tám' })).toBe(false);
  });

  it("refuses an organisation's own name without its legal form (Công ty TNHH Sao Mai → \"saomai\")", () => {
    expect(blocklistHit('SaoMai@2026', { fullName: 'Công ty TNHH Sao Mai' })).toBe(true);
  });

  it('accepts strong passwords', () => {
    for (const pw of ['Bien-Xanh@2026', 'Nui-Cao@2026!', 'Ca-phe-sua-da-7', 'Xk9#mPq2vL!z', 'MoiMoi@2026', 'Doilatrian@9']) {
      expect(blocklistHit(pw, HA), pw).toBe(false);
    }
  });

  it('explains itself in Vietnamese', () => {
    expect(PASSWORD_TOO_COMMON_MESSAGE).toBe(PASSWORD_TOO_COMMON_MESSAGE.normalize('NFC'));
    expect(PASSWORD_TOO_COMMON_MESSAGE).toContain('quá phổ biến hoặc dễ đoán');
  });
});
