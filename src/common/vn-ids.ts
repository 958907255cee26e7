// Vietnamese identifier rules (DOMAIN-NOTES.md "Identifiers"). Pure functions, used by the
// server for validation and by the web forms for instant feedback.
import { CCCD_PROVINCE_CODES } from './cccd-provinces.js';

export type IdNumberProblem =
  | 'FORMAT'
  | 'CCCD_PROVINCE'
  | 'CCCD_CENTURY'
  | 'CCCD_BIRTH_YEAR';

export interface IdNumberCheck {
  ok: boolean;
  kind?: 'CMND' | 'CCCD';
  problem?: IdNumberProblem;
  message?: string;
}

/** Strips spaces and dots people type inside ID numbers. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

/** Shape only: 9-digit CMND or 12-digit CCCD whose province code exists. */
export function checkIdNumberShape(raw: string): IdNumberCheck {
  const v = normalizeIdNumber(raw);
  if (/^\d{9}$/.test(v)) return { ok: true, kind: 'CMND' };
  if (!/^\d{12}$/.test(v)) {
    return { ok: false, problem: 'FORMAT', message: 'Số CMND/CCCD phải gồm 9 chữ số (CMND) hoặc 12 chữ số (CCCD).' };
  }
  const province = v.slice(0, 3);
  if (!CCCD_PROVINCE_CODES[province]) {
    return { ok: false, kind: 'CCCD', problem: 'CCCD_PROVINCE', message: `Mã tỉnh "${province}" ở 3 chữ số đầu của số CCCD không tồn tại.` };
  }
  return { ok: true, kind: 'CCCD' };
}

/** Century of birth encoded by the CCCD's 4th digit (0/1: 1900s, 2/3: 2000s, … 8/9: 2300s). */
export function cccdCentury(genderCenturyDigit: number): number {
  return 1900 + Math.floor(genderCenturyDigit / 2) * 100;
}

/**
 * Full check: shape, and for a CCCD that the century digit and the two year digits agree with
 * the date of birth (YYYY-MM-DD).
 */
export function checkIdNumber(raw: string, birthDate?: string): IdNumberCheck {
  const shape = checkIdNumberShape(raw);
  if (!shape.ok || shape.kind !== 'CCCD' || !birthDate) return shape;
  const v = normalizeIdNumber(raw);
  const year = Number(birthDate.slice(0, 4));
  const digit = Number(v[3]);
  if (cccdCentury(digit) !== Math.floor(year / 100) * 100) {
    return {
      ok: false,
      kind: 'CCCD',
      problem: 'CCCD_CENTURY',
      message: `Chữ số thứ 4 của số CCCD (${digit}) không khớp với thế kỷ của năm sinh ${year}.`,
    };
  }
  if (v.slice(4, 6) !== String(year % 100).padStart(2, '0')) {
    return {
      ok: false,
      kind: 'CCCD',
      problem: 'CCCD_BIRTH_YEAR',
      message: `Chữ số thứ 5–6 của số CCCD (${v.slice(4, 6)}) không khớp với năm sinh ${year}.`,
    };
  }
  return shape;
}

/** Calendar date YYYY-MM-DD that exists, not in the future, not before 1900. */
export function checkBirthDate(value: string, today: Date): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'Ngày sinh phải có dạng ngày/tháng/năm.';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return 'Ngày sinh không phải là một ngày có thật.';
  }
  if (y < 1900) return 'Năm sinh phải từ 1900 trở đi.';
  const todayIso = today.toISOString().slice(0, 10);
  if (value > todayIso) return 'Ngày sinh không được sau ngày hôm nay.';
  return undefined;
}

const MOBILE_PREFIXES = ['03', '05', '07', '08', '09'];

/** Normalises a Vietnamese mobile number to 0xxxxxxxxx, or undefined when it is not one. */
export function normalizeMobile(raw: string): string | undefined {
  let v = raw.replace(/[\s.\-()]/g, '');
  if (v.startsWith('+84')) v = `0${v.slice(3)}`;
  else if (v.startsWith('84') && v.length === 11) v = `0${v.slice(2)}`;
  if (!/^0\d{9}$/.test(v)) return undefined;
  if (!MOBILE_PREFIXES.includes(v.slice(0, 2))) return undefined;
  return v;
}

/** A plain e-mail shape check (the real check is the message reaching it). */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
}

/** Mã định danh of an agency: LLL.KK.JJ.Xnn, e.g. 000.00.43.H35. */
export function isAgencyCode(value: string): boolean {
  return /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/.test(value);
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** MST (tax code): 10 digits with a check digit, optionally -NNN for a branch. */
export function isTaxCode(value: string): boolean {
  const m = /^(\d{10})(-\d{3})?$/.exec(value);
  if (!m) return false;
  const d = m[1]!.split('').map(Number);
  const sum = MST_WEIGHTS.reduce((acc, w, i) => acc + w * d[i]!, 0);
  const check = 10 - (sum % 11);
  return check !== 10 && check === d[9];
}
