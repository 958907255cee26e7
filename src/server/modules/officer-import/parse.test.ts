import { describe, expect, it } from 'vitest';
import {
  checkRowFields,
  cleanIdNumber,
  cleanPhone,
  duplicateOf,
  EXAMPLE_ROWS,
  findHeader,
  headerColumns,
  matchUnit,
  parseOfficerList,
  TEMPLATE_PROVIDER,
  TEMPLATE_TITLE,
  unitReference,
  type SourceRow,
} from './parse.js';

const TITLE = ['Biểu mẫu cung cấp thông tin công chức, viên chức Bộ phận Một cửa, Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã'];
const PROVIDER = ['Đơn vị cung cấp: UBND xã Tịnh Khê'];
const HEADER = ['STT', 'Họ và tên', 'Đơn vị', 'CMND/CCCD', 'Số điện thoại'];

describe('header row', () => {
  it('is found under the title rows, whatever the case, accents and spacing', () => {
    const rows = [TITLE, PROVIDER, [], ['stt', 'HỌ VÀ TÊN', ' Don  vi ', 'CMND / CCCD', 'So dien thoai'], ['1', 'Nguyễn Văn A', 'X', '1', '2']];
    expect(findHeader(rows)).toEqual({ index: 3, columns: { stt: 0, fullName: 1, unit: 2, idNumber: 3, phone: 4 } });
  });

  it('finds the columns in any order and position, and without STT', () => {
    expect(headerColumns(['', 'Số điện thoại', 'Họ tên', 'Số CCCD', 'Đơn vị công tác'])).toEqual({ phone: 1, fullName: 2, idNumber: 3, unit: 4 });
  });

  it('is not a title row that only mentions the words', () => {
    expect(headerColumns(TITLE)).toBeNull();
    expect(headerColumns(['STT', 'Họ và tên', 'Đơn vị'])).toBeNull(); // no CMND/CCCD, no phone
  });
});

describe('parseOfficerList', () => {
  it('reads the data rows of the first sheet that has the header, skipping empty and numbered-only rows', () => {
    const result = parseOfficerList([
      { name: 'Hướng dẫn', rows: [['Cột', 'Cách ghi']] },
      {
        name: 'Danh sách',
        rows: [
          TITLE,
          PROVIDER,
          HEADER,
          ['1', ' Nguyễn   Văn A ', 'Bộ phận Một cửa phường Cẩm Thành', '051090001234', '0905123456'],
          ['2', '', '', '', ''],
          ['3', 'Nguyễn Văn B', 'Bộ phận Một cửa xã Tịnh Khê', '051190005678', '0935123456'],
        ],
      },
    ]);
    expect(result).toEqual({
      ok: true,
      sheet: 'Danh sách',
      rows: [
        { no: 1, stt: '1', fullName: 'Nguyễn Văn A', unit: 'Bộ phận Một cửa phường Cẩm Thành', idNumber: '051090001234', phone: '0905123456' },
        { no: 2, stt: '3', fullName: 'Nguyễn Văn B', unit: 'Bộ phận Một cửa xã Tịnh Khê', idNumber: '051190005678', phone: '0935123456' },
      ],
    });
  });

  it('normalises Vietnamese text to NFC', () => {
    const decomposed = 'Nguyễn Văn A'.normalize('NFD');
    const result = parseOfficerList([{ name: 'S', rows: [HEADER, ['1', decomposed, 'X', '1', '2']] }]);
    expect(result.ok && result.rows[0]!.fullName).toBe('Nguyễn Văn A'.normalize('NFC'));
  });

  it('says when there is no header, no row, or too many rows', () => {
    expect(parseOfficerList([{ name: 'S', rows: [TITLE, ['a', 'b']] }])).toEqual({ ok: false, error: 'NO_HEADER' });
    expect(parseOfficerList([{ name: 'S', rows: [TITLE, HEADER, ['1']] }])).toEqual({ ok: false, error: 'NO_ROWS' });
    const many = Array.from({ length: 5001 }, (_, i) => [String(i + 1), 'Tên', 'Đơn vị', '1', '2']);
    expect(parseOfficerList([{ name: 'S', rows: [HEADER, ...many] }])).toEqual({ ok: false, error: 'TOO_LARGE', rows: 5001 });
    expect(parseOfficerList([{ name: 'S', rows: [HEADER, ...many.slice(1)] }]).ok).toBe(true);
  });
});

const row = (over: Partial<SourceRow> = {}): SourceRow => ({
  no: 1,
  stt: '1',
  fullName: 'Nguyễn Văn A',
  unit: 'Bộ phận Một cửa phường Cẩm Thành',
  idNumber: '051090001234',
  phone: '0905123456',
  ...over,
});

describe('row rules', () => {
  it('accepts a complete row', () => {
    expect(checkRowFields(row())).toEqual({ fullName: 'Nguyễn Văn A', idNumber: '051090001234', phone: '0905123456', problems: [] });
  });

  it('names each missing or wrong field', () => {
    expect(checkRowFields(row({ fullName: '' })).problems).toEqual(['Thiếu Họ và tên.']);
    expect(checkRowFields(row({ fullName: 'A1' })).problems).toEqual(['Họ và tên phải có từ 2 đến 100 ký tự chữ.']);
    expect(checkRowFields(row({ unit: '' })).problems[0]).toContain('Thiếu Đơn vị');
    expect(checkRowFields(row({ idNumber: '' })).problems).toEqual(['Thiếu số CMND/CCCD.']);
    expect(checkRowFields(row({ idNumber: '12345' })).problems[0]).toContain('9 chữ số (CMND) hoặc 12 chữ số (CCCD)');
    expect(checkRowFields(row({ idNumber: '999090001234' })).problems[0]).toContain('Mã tỉnh "999"');
    expect(checkRowFields(row({ phone: '' })).problems).toEqual(['Thiếu Số điện thoại.']);
    expect(checkRowFields(row({ phone: '0123' })).problems[0]).toContain('số di động Việt Nam');
    const bad = checkRowFields(row({ idNumber: 'abc', phone: 'x' }));
    expect(bad.idNumber).toBeNull();
    expect(bad.phone).toBeNull();
    expect(bad.problems).toHaveLength(2);
  });

  it('refuses the example rows of the template, sent back unchanged', () => {
    for (const ex of EXAMPLE_ROWS) {
      const checked = checkRowFields(row({ ...ex, stt: String(ex.stt) }));
      expect(checked.idNumber).toBeNull();
      expect(checked.problems).toEqual(['Đây là dòng ví dụ của biểu mẫu (số CMND/CCCD ví dụ), không phải cán bộ thật; hãy xóa dòng này khỏi danh sách.']);
    }
  });

  it('names no district-level unit in the template (two-level local government since 2025)', () => {
    const texts = [TEMPLATE_TITLE, TEMPLATE_PROVIDER, ...EXAMPLE_ROWS.map((r) => r.unit)];
    for (const t of texts) expect(t).not.toMatch(/huyện|quận|thị xã|cấp huyện/i);
    expect(EXAMPLE_ROWS.map((r) => r.unit)).toEqual(['Bộ phận Một cửa phường Cẩm Thành', 'Bộ phận Một cửa xã Tịnh Khê']);
  });

  it('strips dots and spaces, but does not guess a leading zero Excel dropped', () => {
    expect(cleanIdNumber('051 090.001.234')).toBe('051090001234');
    expect(cleanPhone('+84 905.123.456')).toBe('0905123456');
    expect(cleanPhone('0123')).toBeUndefined();
    const lost = checkRowFields(row({ idNumber: '51090001234', phone: '905123456' }));
    expect(lost.idNumber).toBeNull();
    expect(lost.phone).toBeNull();
    expect(lost.problems).toHaveLength(2);
    for (const p of lost.problems) expect(p).toContain('Excel đã bỏ số 0 ở đầu');
    expect(checkRowFields(row({ idNumber: '05109500' })).problems[0]).not.toContain('số 0 ở đầu');
  });

  it('marks a CMND/CCCD already given on an earlier row', () => {
    const dups = duplicateOf([
      { no: 1, idNumber: '051090001234' },
      { no: 2, idNumber: '051190005678' },
      { no: 3, idNumber: '051090001234' },
      { no: 4, idNumber: '' },
      { no: 5, idNumber: '' },
    ]);
    expect([...dups]).toEqual([[3, 1]]);
  });
});

describe('units', () => {
  const units = [
    { id: 'desk', code: '000.15.15.H48', name: 'Bộ phận Một cửa phường Cẩm Thành' },
    { id: 'desk-a', code: '000.20.15.H48', name: 'Bộ phận Một cửa xã An Phú' },
    { id: 'desk-b', code: '000.20.01.H26', name: 'Bộ phận Một cửa xã An Phú' },
    { id: 'desk-c', code: '000.21.15.H48', name: 'Bộ phận Một cửa xã An Phú' },
  ];
  const everywhere = () => true;

  it('reads a Mã định danh, alone or before the name', () => {
    expect(unitReference('000.15.15.H48')).toEqual({ code: '000.15.15.H48' });
    expect(unitReference('000.15.15.h48 - Bộ phận Một cửa')).toEqual({ code: '000.15.15.H48' });
    expect(unitReference('Bộ phận  Một Cửa phường Cẩm Thành')).toEqual({ nameKey: 'bo phan mot cua phuong cam thanh' });
  });

  it('matches by exact code, or by name without regard to case or accents', () => {
    expect(matchUnit('000.15.15.H48', units, everywhere)).toEqual({ ok: true, unit: units[0] });
    expect(matchUnit('bo phan mot cua phuong cam thanh', units, everywhere)).toEqual({ ok: true, unit: units[0] });
    expect(matchUnit('000.15.15.H4', units, everywhere)).toMatchObject({ ok: false, problem: expect.stringContaining('Không tìm thấy đơn vị') });
    expect(matchUnit('Bộ phận Một cửa phường', units, everywhere)).toMatchObject({ ok: false });
  });

  it('asks for the code when several units of the scope share the name', () => {
    const m = matchUnit('Bộ phận Một cửa xã An Phú', units, everywhere);
    expect(m).toEqual({ ok: false, problem: expect.stringContaining('hãy ghi Mã định danh') });
    expect(!m.ok && m.problem).toContain('000.20.01.H26, 000.20.15.H48, 000.21.15.H48');
    expect(matchUnit('000.20.01.H26', units, everywhere)).toEqual({ ok: true, unit: units[2] });
  });

  it('takes the one unit of that name inside the scope, and refuses a unit outside it', () => {
    const quangNgai = (id: string) => id !== 'desk-b';
    expect(matchUnit('Bộ phận Một cửa xã An Phú', [units[1]!, units[2]!], quangNgai)).toEqual({ ok: true, unit: units[1] });
    expect(matchUnit('000.20.01.H26', units, quangNgai)).toEqual({ ok: false, problem: 'Đơn vị "Bộ phận Một cửa xã An Phú" (000.20.01.H26) nằm ngoài phạm vi quản lý của bạn.' });
  });
});
