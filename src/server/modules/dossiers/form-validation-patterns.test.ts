// A stored e-form may hold a pattern that backtracks catastrophically (saved before patterns were
// checked, or loaded from a file): validation never runs it, reports the field instead, and bounds
// the length of every value a pattern is tested against.
import { describe, expect, it } from 'vitest';
import type { EForm } from '../../../common/eform.js';
import { formProblems, PATTERNED_VALUE_MAX, UNPROVEN_FIELD_MESSAGE, UNPROVEN_FORM_LABEL, UNPROVEN_FORM_MESSAGE } from './form-validation.js';

const TODAY = '2026-06-01';
const EVIL = `${'a'.repeat(29)}!`;

/** "hoTen" (schema `name`, optional) and "soDienThoai" (required, the demo forms' phone pattern). */
function form(name: Record<string, unknown>, root: Record<string, unknown> = {}): EForm {
  return {
    title: 'Tờ khai thử nghiệm',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { hoTen: { type: 'string', ...name }, soDienThoai: { type: 'string', pattern: '^0[0-9]{9}$' } },
      required: ['soDienThoai'],
      ...root,
    },
    layout: [
      {
        title: 'Thông tin người khai',
        fields: [
          { name: 'hoTen', label: 'Họ, chữ đệm và tên', widget: 'text' },
          { name: 'soDienThoai', label: 'Số điện thoại', widget: 'phone' },
        ],
      },
    ],
  };
}

const unproven = { field: 'hoTen', label: 'Họ, chữ đệm và tên', message: UNPROVEN_FIELD_MESSAGE };

describe('validation against a stored backtracking pattern', () => {
  it.each(['^(a+)+$', '(a|a)*$', '^(\\w+\\s?)*$'])('reports the field of %s instead of running it, and checks the others', async (pattern) => {
    const f = form({ pattern });
    expect(await formProblems(f, { hoTen: EVIL, soDienThoai: '0912345678' }, TODAY)).toEqual([unproven]);
    expect(await formProblems(f, { hoTen: EVIL, soDienThoai: '912345678' }, TODAY)).toEqual([
      unproven,
      { field: 'soDienThoai', label: 'Số điện thoại', message: 'Không đúng định dạng.' },
    ]);
  });

  it('lets the citizen leave such an optional field empty', async () => {
    expect(await formProblems(form({ pattern: '^(a+)+$' }), { soDienThoai: '0912345678' }, TODAY)).toEqual([]);
  });

  it('does not let "not" turn an unrun pattern into a pass', async () => {
    expect(await formProblems(form({ not: { pattern: '^(a+)+$' } }), { hoTen: 'Nguyễn Văn An', soDienThoai: '0912345678' }, TODAY)).toEqual([unproven]);
  });

  it('follows the field to the definition it refers to', async () => {
    const f = form({ $ref: '#/$defs/ten' }, { $defs: { ten: { type: 'string', pattern: '(a|a)*$' } } });
    expect(await formProblems(f, { hoTen: EVIL, soDienThoai: '0912345678' }, TODAY)).toEqual([unproven]);
  });

  it('reports the form when the pattern is outside any field', async () => {
    const f = form({}, { allOf: [{ properties: { hoTen: { pattern: '^(\\w+\\s?)*$' } } }] });
    expect(await formProblems(f, { hoTen: EVIL, soDienThoai: '0912345678' }, TODAY)).toEqual([{ field: '', label: UNPROVEN_FORM_LABEL, message: UNPROVEN_FORM_MESSAGE }]);
  });

  it('reports a stored pattern that is not valid with the u flag instead of failing', async () => {
    expect(await formProblems(form({ pattern: '^[\\w-z]+$' }), { hoTen: 'abc', soDienThoai: '0912345678' }, TODAY)).toEqual([unproven]);
  });
});

describe('validation against safe patterns', () => {
  it('runs them', async () => {
    const f = form({ pattern: '^[\\p{L} ]+$' });
    expect(await formProblems(f, { hoTen: 'Nguyễn Văn An', soDienThoai: '0912345678' }, TODAY)).toEqual([]);
    expect(await formProblems(f, { hoTen: EVIL, soDienThoai: '0912345678' }, TODAY)).toEqual([
      { field: 'hoTen', label: 'Họ, chữ đệm và tên', message: 'Không đúng định dạng.' },
    ]);
  });

  it(`tests at most ${PATTERNED_VALUE_MAX} characters against a pattern, or the field's maxLength`, async () => {
    const letters = (n: number) => 'ă'.repeat(n);
    const open = form({ pattern: '^[\\p{L} ]+$' });
    expect(await formProblems(open, { hoTen: letters(PATTERNED_VALUE_MAX), soDienThoai: '0912345678' }, TODAY)).toEqual([]);
    expect(await formProblems(open, { hoTen: letters(PATTERNED_VALUE_MAX + 1), soDienThoai: '0912345678' }, TODAY)).toEqual([
      { field: 'hoTen', label: 'Họ, chữ đệm và tên', message: `Dài quá ${PATTERNED_VALUE_MAX} ký tự.` },
    ]);
    const wide = form({ pattern: '^[\\p{L} ]+$', maxLength: 1000 });
    expect(await formProblems(wide, { hoTen: letters(1000), soDienThoai: '0912345678' }, TODAY)).toEqual([]);
    expect(await formProblems(wide, { hoTen: letters(1001), soDienThoai: '0912345678' }, TODAY)).toEqual([
      { field: 'hoTen', label: 'Họ, chữ đệm và tên', message: 'Dài quá 1000 ký tự.' },
    ]);
  });
});
