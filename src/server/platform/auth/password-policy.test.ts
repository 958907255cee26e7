// The server's whole rule: composition, blocklist (zxcvbn's lists + the Vietnamese list + the
// account's own words) and zxcvbn's estimate.
import { describe, expect, it } from 'vitest';
import { PASSWORD_TOO_COMMON_MESSAGE } from '../../../common/password-blocklist.js';
import { AppError, ERRORS } from '../errors.js';
import { generatePassword } from './password.js';
import { assertNewPassword, passwordTooCommon } from './password-policy.js';

/** The demo citizen (README): Nguyễn Văn A, CCCD 001090000001, phone 0912345678, born 1990-01-01. */
const DEMO = { fullName: 'Nguyễn Văn A', idNumber: '001090000001', phone: '0912345678', birthDate: '1990-01-01' };

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

describe('password policy (server)', () => {
  it('refuses Password@123 and Matkhau@123 as too common, though they pass the composition rule', () => {
    expect(codeOf(() => assertNewPassword('Password@123', {}, 'Mật khẩu'))).toBe('PASSWORD_TOO_COMMON');
    expect(codeOf(() => assertNewPassword('Matkhau@123', {}, 'Mật khẩu'))).toBe('PASSWORD_TOO_COMMON');
  });

  it('still answers PASSWORD_POLICY first for a password that breaks the composition rule', () => {
    expect(codeOf(() => assertNewPassword('password', {}, 'Mật khẩu mới'))).toBe('PASSWORD_POLICY');
  });

  it("refuses a password containing the user's CCCD, phone or name without accents", () => {
    expect(passwordTooCommon('Hoa-Sen@001090000001', DEMO)).toBe(true);
    expect(passwordTooCommon('Bien-Xanh#0912345678', DEMO)).toBe(true);
    expect(passwordTooCommon('NguyenVanA#2026x', DEMO)).toBe(true);
    expect(passwordTooCommon('Sinh-Ngay@01011990', DEMO)).toBe(true);
    expect(passwordTooCommon('Hoa-Sen@001090000001')).toBe(false);
  });

  it('refuses what only zxcvbn knows: its 49,000 common passwords, keyboard runs and sequences', () => {
    for (const pw of ['Sunshine@1', 'Qwerty@123', 'Asdfgh#123', 'Abcd1234!', 'Aaaaaaa1!', 'Demo@2026']) expect(passwordTooCommon(pw), pw).toBe(true);
  });

  it('accepts strong passwords, Vietnamese phrases included', () => {
    for (const pw of ['Bien-Xanh@2026', 'Nui-Cao@2026!', 'Ca-phe-sua-da-7', 'Bautroixanh#7', 'Xk9#mPq2vL!z', 'MoiMoi@2026', 'Tr0ub4dor&3x']) {
      expect(codeOf(() => assertNewPassword(pw, DEMO, 'Mật khẩu')), pw).toBeNull();
    }
  });

  it('accepts the temporary passwords the system generates for officers and desk-created accounts', () => {
    const refused = Array.from({ length: 300 }, () => generatePassword()).filter((pw) => passwordTooCommon(pw));
    expect(refused).toEqual([]);
  });

  it('answers 400 with the message the browser shows', () => {
    expect(ERRORS.PASSWORD_TOO_COMMON).toEqual({ status: 400, message: PASSWORD_TOO_COMMON_MESSAGE });
  });
});
