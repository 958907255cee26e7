// The officer list of SPEC §1.7 (the "Biểu mẫu cung cấp thông tin công chức, viên chức bộ phận một
// cửa"): finding its header row under the title rows, reading its data rows, and the per-row rules
// that need no database. Pure functions; service.ts adds the database checks. The SPEC's form names
// district-level units; districts were abolished on 1 July 2025 (two-level local government, tỉnh ›
// xã), so the template speaks of the province and its communes, wards and special zones only.
import { cleanText, searchKey } from '../../../common/text.js';
import { checkIdNumberShape, normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { ERRORS } from '../../platform/errors.js';

export const MAX_ROWS = 5000;

export const TEMPLATE_TITLE = 'Biểu mẫu cung cấp thông tin công chức, viên chức Bộ phận Một cửa, Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã';
export const TEMPLATE_PROVIDER = 'Đơn vị cung cấp: UBND xã, phường, đặc khu …… (hoặc Trung tâm Phục vụ hành chính công tỉnh ……)';

/**
 * The template's example rows: real wards and communes of Quảng Ngãi (2025 units), invented people.
 * Sent back unchanged, they are refused (EXAMPLE_ROW), so a template uploaded as it was downloaded
 * never creates accounts for them.
 */
export const EXAMPLE_ROWS = [
  { stt: 1, fullName: 'Nguyễn Văn A', unit: 'Bộ phận Một cửa phường Cẩm Thành', idNumber: '051090009991', phone: '0905123456' },
  { stt: 2, fullName: 'Trần Thị B', unit: 'Bộ phận Một cửa xã Tịnh Khê', idNumber: '051190009992', phone: '0935123456' },
] as const;

const EXAMPLE_ID_NUMBERS: ReadonlySet<string> = new Set(EXAMPLE_ROWS.map((r) => r.idNumber));

const EXAMPLE_ROW = 'Đây là dòng ví dụ của biểu mẫu (số CMND/CCCD ví dụ), không phải cán bộ thật; hãy xóa dòng này khỏi danh sách.';

export type Field = 'stt' | 'fullName' | 'unit' | 'idNumber' | 'phone';

/** The columns as the template labels them, in order. */
export const COLUMNS: readonly { field: Field; label: string }[] = [
  { field: 'stt', label: 'STT' },
  { field: 'fullName', label: 'Họ và tên' },
  { field: 'unit', label: 'Đơn vị' },
  { field: 'idNumber', label: 'CMND/CCCD' },
  { field: 'phone', label: 'Số điện thoại' },
];

/**
 * A header cell reduced to letters and digits without accents: "Họ và tên", "HỌ VÀ TÊN" and
 * "Ho va  ten" all give "hovaten"; "CMND / CCCD" gives "cmndcccd".
 */
export function headerKey(cell: string): string {
  return searchKey(cell).replace(/[^a-z0-9]/g, '');
}

/** Accepted spellings of each column's label (as header keys). */
const HEADER_KEYS: Record<Field, readonly string[]> = {
  stt: ['stt', 'sothutu', 'tt'],
  fullName: ['hovaten', 'hoten', 'hotencanbo', 'hovatencanbo'],
  unit: ['donvi', 'donvicongtac', 'tendonvi', 'madinhdanhdonvi'],
  idNumber: ['cmndcccd', 'socmndcccd', 'cccdcmnd', 'socccdcmnd', 'cccd', 'socccd', 'cmnd', 'socmnd'],
  phone: ['sodienthoai', 'dienthoai', 'sdt', 'sodienthoaididong', 'didong'],
};

const REQUIRED: readonly Field[] = ['fullName', 'unit', 'idNumber', 'phone'];

export type ColumnMap = Partial<Record<Field, number>>;

/** Where a row's cells are, when the row is the header row; null when it is not. */
export function headerColumns(row: readonly string[]): ColumnMap | null {
  const map: ColumnMap = {};
  row.forEach((cell, i) => {
    const key = headerKey(cell);
    if (!key) return;
    for (const field of Object.keys(HEADER_KEYS) as Field[]) {
      if (map[field] === undefined && HEADER_KEYS[field].includes(key)) map[field] = i;
    }
  });
  return REQUIRED.every((f) => map[f] !== undefined) ? map : null;
}

/** The header row among the first rows of a sheet (the title rows stand above it). */
export function findHeader(rows: readonly (readonly string[])[], lookAhead = 30): { index: number; columns: ColumnMap } | null {
  for (let i = 0; i < Math.min(rows.length, lookAhead); i += 1) {
    const columns = headerColumns(rows[i]!);
    if (columns) return { index: i, columns };
  }
  return null;
}

/** One data row as the file gives it (text, NFC, spaces collapsed). */
export interface SourceRow {
  /** Position among the data rows, from 1. */
  no: number;
  stt: string;
  fullName: string;
  unit: string;
  idNumber: string;
  phone: string;
}

export type ParseResult =
  | { ok: true; sheet: string; rows: SourceRow[] }
  | { ok: false; error: 'NO_HEADER' | 'NO_ROWS' }
  | { ok: false; error: 'TOO_LARGE'; rows: number };

/**
 * Reads the officer list from the first sheet that has the header row. Rows whose Họ và tên,
 * Đơn vị, CMND/CCCD and Số điện thoại are all empty are skipped (a template with numbered but
 * unfilled lines).
 */
export function parseOfficerList(sheets: readonly { name: string; rows: readonly (readonly string[])[] }[], maxRows = MAX_ROWS): ParseResult {
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows);
    if (!header) continue;
    const rows: SourceRow[] = [];
    const cell = (r: readonly string[], f: Field) => {
      const i = header.columns[f];
      return i === undefined ? '' : cleanText(r[i] ?? '');
    };
    for (const r of sheet.rows.slice(header.index + 1)) {
      const row = {
        no: rows.length + 1,
        stt: cell(r, 'stt'),
        fullName: cell(r, 'fullName'),
        unit: cell(r, 'unit'),
        idNumber: cell(r, 'idNumber'),
        phone: cell(r, 'phone'),
      };
      if (!row.fullName && !row.unit && !row.idNumber && !row.phone) continue;
      rows.push(row);
    }
    if (rows.length > maxRows) return { ok: false, error: 'TOO_LARGE', rows: rows.length };
    if (rows.length === 0) return { ok: false, error: 'NO_ROWS' };
    return { ok: true, sheet: sheet.name, rows };
  }
  return { ok: false, error: 'NO_HEADER' };
}

// ---------------------------------------------------------------------------------------------
// Row rules without the database

/** The CMND/CCCD as stored: without the spaces and dots people type inside it. */
export function cleanIdNumber(raw: string): string {
  return normalizeIdNumber(raw).replace(/^'/, '');
}

/** The mobile number as stored (0xxxxxxxxx), or undefined. */
export function cleanPhone(raw: string): string | undefined {
  return normalizeMobile(raw.replace(/^'/, ''));
}

/**
 * A number typed into a cell formatted as a number loses its leading zero (every CCCD and every
 * mobile number starts with 0). The number is not guessed back, since a digit typed wrong would
 * then name somebody else: the row says what probably happened.
 */
const LOST_ZERO = ' Có thể Excel đã bỏ số 0 ở đầu: hãy định dạng cột là Văn bản (Text) rồi nhập lại số.';

const NAME = /^[\p{L}\p{M}' .-]+$/u;

export interface CheckedRow {
  fullName: string;
  /** Null unless valid. */
  idNumber: string | null;
  /** Null unless valid. */
  phone: string | null;
  problems: string[];
}

/** Họ và tên, CMND/CCCD and Số điện thoại of one row; the unit is checked against the database. */
export function checkRowFields(row: SourceRow): CheckedRow {
  const problems: string[] = [];
  const fullName = cleanText(row.fullName);
  if (!fullName) problems.push('Thiếu Họ và tên.');
  else if ([...fullName].length < 2 || [...fullName].length > 100 || !NAME.test(fullName)) problems.push(ERRORS.INVALID_NAME.message);
  if (!row.unit) problems.push('Thiếu Đơn vị (ghi Mã định danh hoặc tên đầy đủ của đơn vị).');
  let idNumber: string | null = null;
  if (!row.idNumber) problems.push('Thiếu số CMND/CCCD.');
  else {
    const value = cleanIdNumber(row.idNumber);
    const check = checkIdNumberShape(value);
    if (EXAMPLE_ID_NUMBERS.has(value)) problems.push(EXAMPLE_ROW);
    else if (check.ok) idNumber = value;
    else problems.push((check.message ?? ERRORS.INVALID_ID_NUMBER.message) + (/^[1-9]\d{10}$/.test(value) ? LOST_ZERO : ''));
  }
  let phone: string | null = null;
  if (!row.phone) problems.push('Thiếu Số điện thoại.');
  else {
    phone = cleanPhone(row.phone) ?? null;
    if (!phone) problems.push(ERRORS.INVALID_PHONE.message + (/^[35789]\d{8}$/.test(row.phone.replace(/[\s.]/g, '')) ? LOST_ZERO : ''));
  }
  return { fullName, idNumber, phone, problems };
}

/** For each row, the earlier row with the same CMND/CCCD (rows without a valid one are ignored). */
export function duplicateOf(rows: readonly { no: number; idNumber: string }[]): Map<number, number> {
  const first = new Map<string, number>();
  const dup = new Map<number, number>();
  for (const r of rows) {
    if (!r.idNumber) continue;
    const earlier = first.get(r.idNumber);
    if (earlier !== undefined) dup.set(r.no, earlier);
    else first.set(r.idNumber, r.no);
  }
  return dup;
}

// ---------------------------------------------------------------------------------------------
// Units

export interface UnitCandidate {
  id: string;
  code: string;
  name: string;
}

const CODE_AT_START = /^(\d{3}\.\d{2}\.\d{2}\.[A-Za-z]\d{2})(?![\d.])/;

/**
 * What the "Đơn vị" cell names: a Mã định danh (alone, or in front of the name as in
 * "000.15.15.H48 - Bộ phận Một cửa …"), else the unit's name as a search key.
 */
export function unitReference(text: string): { code: string } | { nameKey: string } {
  const m = CODE_AT_START.exec(cleanText(text));
  if (m) return { code: m[1]!.toUpperCase() };
  return { nameKey: searchKey(text) };
}

export type UnitMatch = { ok: true; unit: UnitCandidate } | { ok: false; problem: string };

/**
 * The one unit the cell names, among the active units that carry its code or name. Of several
 * units with the same name, the one inside the administrator's scope is meant; several inside it
 * need the Mã định danh.
 */
export function matchUnit(text: string, candidates: readonly UnitCandidate[], inScope: (unitId: string) => boolean): UnitMatch {
  const ref = unitReference(text);
  const found =
    'code' in ref ? candidates.filter((c) => c.code === ref.code) : candidates.filter((c) => searchKey(c.name) === ref.nameKey);
  if (found.length === 0) {
    return { ok: false, problem: `Không tìm thấy đơn vị "${text}" đang hoạt động. Ghi đúng Mã định danh (ví dụ 000.15.15.H48) hoặc tên đầy đủ của đơn vị.` };
  }
  const mine = found.filter((c) => inScope(c.id));
  if (mine.length === 0) {
    const u = found[0]!;
    return { ok: false, problem: `Đơn vị "${u.name}" (${u.code}) nằm ngoài phạm vi quản lý của bạn.` };
  }
  if (mine.length > 1) {
    const codes = mine.map((c) => c.code).sort().join(', ');
    return { ok: false, problem: `Có ${mine.length} đơn vị cùng tên "${text}" (${codes}); hãy ghi Mã định danh của đơn vị.` };
  }
  return { ok: true, unit: mine[0]! };
}
