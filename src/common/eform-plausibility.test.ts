// The e-form plausibility rules (src/common/eform.ts) as the demo forms state them: the web shows
// these messages while the citizen types, and the server refuses a submission with them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldDependencies, fieldPlausibility, formDefinitionProblems, PERSON_NAME_MESSAGE, plausibilityProblems, type EForm } from './eform.js';

const demo = JSON.parse(readFileSync(new URL('../../data/procedures-demo.json', import.meta.url), 'utf8')) as { procedures: { code: string; form?: EForm }[] };
const formOf = (code: string) => demo.procedures.find((p) => p.code === code)!.form!;
const birth = formOf('1.001193');
const death = formOf('1.000656');
const TODAY = '2026-12-04';

describe('e-form plausibility', () => {
  it('accepts the names people really have, in either Unicode form, and refuses digits and symbols', () => {
    for (const name of ['Nguyễn Minh Khang', "H'Hen Niê", 'Y-Moan Ênuôl', 'Nguyễn  Văn   An', 'Lê Thị Hồng'.normalize('NFD')]) {
      expect(fieldPlausibility(birth, 'childFullName', { childFullName: name }, TODAY), name).toBeNull();
    }
    for (const name of ['Nguyễn Văn 2', 'Trần @n', 'Lê_Thị', '-Hà', 'Phạm Thu Hà.']) {
      expect(fieldPlausibility(birth, 'childFullName', { childFullName: name }, TODAY), name).toBe(PERSON_NAME_MESSAGE);
    }
  });

  it('refuses a birth date more than 120 years ago, and says which limit it broke', () => {
    expect(fieldPlausibility(birth, 'fatherBirthDate', { fatherBirthDate: '1906-12-04' }, TODAY)).toBeNull();
    expect(fieldPlausibility(birth, 'fatherBirthDate', { fatherBirthDate: '1906-12-03' }, TODAY)).toBe(
      'Ngày 03/12/1906 quá xa trong quá khứ (trước 04/12/1906); kiểm tra lại năm.',
    );
  });

  it('refuses a child born on or before a parent, on the child’s date, and checks it again when the parent’s date changes', () => {
    const values = { fatherBirthDate: '1990-05-15', motherBirthDate: '1992-09-03', childBirthDate: '1992-09-03' };
    expect(plausibilityProblems(birth, values, TODAY)).toEqual([
      { field: 'childBirthDate', message: 'Ngày sinh của người được khai sinh phải sau ngày sinh của người mẹ.' },
    ]);
    expect(plausibilityProblems(birth, { ...values, childBirthDate: '2026-10-30' }, TODAY)).toEqual([]);
    expect(fieldDependencies(birth, 'childBirthDate').sort()).toEqual(['fatherBirthDate', 'motherBirthDate']);
  });

  it('lets a death be registered on the birth day and the notice issued on the death day, never before', () => {
    const same = { deceasedBirthDate: '2026-11-01', deathDate: '2026-11-01', deathNoticeDate: '2026-11-01' };
    expect(plausibilityProblems(death, same, TODAY)).toEqual([]);
    expect(plausibilityProblems(death, { ...same, deathNoticeDate: '2026-10-31' }, TODAY)).toEqual([
      { field: 'deathNoticeDate', message: 'Ngày cấp giấy báo tử không được trước ngày chết.' },
    ]);
  });

  it('the catalogue refuses a rule that names a field which is not a date of the form', () => {
    const broken: EForm = { ...birth, rules: [{ kind: 'dateOrder', earlier: 'fatherFullName', later: 'childBirthDate', message: 'x' }] };
    expect(formDefinitionProblems(broken)).toEqual(['Quy tắc thứ 1 (rules): "fatherFullName" phải là một trường ngày của biểu mẫu.']);
    expect(formDefinitionProblems(birth)).toEqual([]);
  });
});
