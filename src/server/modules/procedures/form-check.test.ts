// Saving an e-form checks its regular expressions: a pattern that can backtrack catastrophically
// (ReDoS), one too long, or one not valid with the 'u' flag is refused with a problem naming the
// field (or the place in the schema); the patterns the demo forms use are accepted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EForm } from '../../../common/eform.js';
import { eformProblems } from './form-check.js';

const demo = (JSON.parse(readFileSync(new URL('../../../../data/procedures-demo.json', import.meta.url), 'utf8')) as { procedures: { code: string; form: EForm }[] })
  .procedures;

/** One text field "hoTen" whose schema is `prop`; `root` adds keywords to the form's schema. */
function formWith(prop: Record<string, unknown>, root: Record<string, unknown> = {}): EForm {
  return {
    title: 'Tờ khai thử nghiệm',
    schema: { type: 'object', properties: { hoTen: { type: 'string', ...prop } }, ...root },
    layout: [{ title: 'Thông tin người khai', fields: [{ name: 'hoTen', label: 'Họ, chữ đệm và tên', widget: 'text' }] }],
  };
}

const slow = (where: string) => `Biểu thức kiểm tra (pattern) ${where} có thể gây treo hệ thống; hãy viết lại.`;

describe('patterns of an e-form, when it is saved', () => {
  it.each(['^(a+)+$', '(a|a)*$', '^(\\w+\\s?)*$'])('refuses the backtracking pattern %s, naming the field', async (pattern) => {
    expect(await eformProblems(formWith({ pattern }))).toEqual([slow('của trường "hoTen"')]);
  });

  it('finds such a pattern at any depth: inside a field, in $defs, as a patternProperties key', async () => {
    expect(await eformProblems(formWith({ allOf: [{ minLength: 2 }, { not: { pattern: '^(a+)+$' } }] }))).toEqual([slow('của trường "hoTen"')]);
    expect(await eformProblems(formWith({ $ref: '#/$defs/ten' }, { $defs: { ten: { type: 'string', pattern: '(a|a)*$' } } }))).toEqual([
      slow('tại "/$defs/ten" của schema'),
    ]);
    expect(await eformProblems(formWith({}, { patternProperties: { '^(\\w+\\s?)*$': { type: 'string' } } }))).toEqual([
      'Biểu thức kiểm tra (patternProperties "^(\\w+\\s?)*$") ở gốc schema có thể gây treo hệ thống; hãy viết lại.',
    ]);
  });

  it('names every field with such a pattern, and keeps the safe ones quiet', async () => {
    const form = formWith({ pattern: '^(a+)+$' });
    form.schema.properties.soDienThoai = { type: 'string', pattern: '^0[0-9]{9}$' };
    form.schema.properties.ghiChu = { type: 'string', pattern: '^([a-z]+)*$' };
    form.layout[0]!.fields.push({ name: 'soDienThoai', label: 'Số điện thoại', widget: 'phone' }, { name: 'ghiChu', label: 'Ghi chú', widget: 'textarea' });
    expect(await eformProblems(form)).toEqual([slow('của trường "hoTen"'), slow('của trường "ghiChu"')]);
  });

  it('refuses a pattern longer than 200 characters', async () => {
    const long = `^${'a'.repeat(199)}$`;
    expect(long).toHaveLength(201);
    expect(await eformProblems(formWith({ pattern: long }))).toEqual(['Biểu thức kiểm tra (pattern) của trường "hoTen" dài quá 200 ký tự; hãy viết ngắn gọn hơn.']);
    expect(await eformProblems(formWith({ pattern: long.slice(1) }))).toEqual([]);
  });

  it('refuses a pattern that is not valid with the u flag, as filing compiles it', async () => {
    const [problem, ...rest] = await eformProblems(formWith({ pattern: '^[\\w-z]+$' }));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^Biểu thức kiểm tra \(pattern\) của trường "hoTen" không phải là biểu thức chính quy hợp lệ \(cú pháp Unicode, cờ u\): .+; hãy viết lại\.$/);
  });

  it('accepts the patterns of the demo forms', async () => {
    for (const pattern of ['^0[0-9]{9}$', '^[0-9]{12}$', '^([0-9]{12})?$', '^[1-9][0-9]?$', '^(([01][0-9]|2[0-3]):[0-5][0-9])?$', '^[\\p{L} ]+$']) {
      expect(await eformProblems(formWith({ pattern })), pattern).toEqual([]);
    }
    for (const p of demo) expect(await eformProblems(p.form), p.code).toEqual([]);
  });
});
