// Checks an e-form definition (Biểu mẫu điện tử) before the catalogue stores it: its shape, then
// the agreement of layout and schema (formDefinitionProblems), then that ajv compiles the schema
// exactly as filing will (draft 2020-12, formats), then that every regular expression in it
// (pattern, patternProperties, at any depth) is short and proven safe from catastrophic
// backtracking (platform/regex-safety.ts). Problems are in Vietnamese, for the editor.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formDefinitionProblems, formFields, PREFILL_KEYS, type EForm, type FieldWidget } from '../../../common/eform.js';
import { MAX_PATTERN_LENGTH, patternsIn, verifyPattern, type FoundPattern, type PatternVerdict } from '../../platform/regex-safety.js';

const WIDGETS: readonly FieldWidget[] = ['text', 'textarea', 'date', 'select', 'radio', 'idNumber', 'phone', 'email'];
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PREFILL = new Set(PREFILL_KEYS);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function shapeProblems(input: unknown): string[] {
  if (!isObj(input)) return ['Biểu mẫu phải là một đối tượng JSON gồm "title", "schema" và "layout".'];
  const problems: string[] = [];
  if (!text(input.title)) problems.push('Thiếu tên biểu mẫu (title).');
  const schema = input.schema;
  if (!isObj(schema) || schema.type !== 'object' || !isObj(schema.properties)) {
    problems.push('schema phải là JSON Schema kiểu object có properties.');
  } else {
    for (const [k, v] of Object.entries(schema.properties)) {
      if (!isObj(v)) problems.push(`schema.properties["${k}"] phải là một đối tượng JSON Schema.`);
    }
    if (schema.required !== undefined && !(Array.isArray(schema.required) && schema.required.every((r) => typeof r === 'string'))) {
      problems.push('schema.required phải là danh sách tên trường.');
    }
  }
  if (!Array.isArray(input.layout) || input.layout.length === 0) {
    problems.push('layout phải có ít nhất một phần.');
    return problems;
  }
  input.layout.forEach((section: unknown, i) => {
    const where = `Phần thứ ${i + 1} của layout`;
    if (!isObj(section)) {
      problems.push(`${where} phải là một đối tượng gồm "title" và "fields".`);
      return;
    }
    if (!text(section.title)) problems.push(`${where} thiếu tiêu đề (title).`);
    if (!Array.isArray(section.fields) || section.fields.length === 0) {
      problems.push(`${where} phải có ít nhất một trường (fields).`);
      return;
    }
    section.fields.forEach((field: unknown, j) => {
      const position = `Trường thứ ${j + 1} của phần thứ ${i + 1}`;
      if (!isObj(field)) {
        problems.push(`${position} phải là một đối tượng gồm "name", "label" và "widget".`);
        return;
      }
      const named = typeof field.name === 'string' && FIELD_NAME.test(field.name);
      if (!named) problems.push(`${position} có tên (name) không hợp lệ: chỉ dùng chữ cái không dấu, chữ số và dấu gạch dưới, không bắt đầu bằng chữ số.`);
      const label = named ? `Trường "${field.name as string}"` : position;
      if (!text(field.label)) problems.push(`${label} thiếu nhãn hiển thị (label).`);
      if (!WIDGETS.includes(field.widget as FieldWidget)) {
        problems.push(`${label} có kiểu nhập (widget) "${String(field.widget ?? '')}" không hợp lệ; dùng một trong: ${WIDGETS.join(', ')}.`);
      }
      if (field.options !== undefined && !(Array.isArray(field.options) && field.options.every((o) => isObj(o) && typeof o.value === 'string' && text(o.label)))) {
        problems.push(`${label}: options phải là danh sách các lựa chọn { "value", "label" }.`);
      }
      if (field.prefill !== undefined && !(typeof field.prefill === 'string' && PREFILL.has(field.prefill))) {
        problems.push(`${label} lấy dữ liệu từ nguồn (prefill) "${String(field.prefill)}" không được hỗ trợ.`);
      }
      if (field.span !== undefined && field.span !== 1 && field.span !== 2) problems.push(`${label}: span phải là 1 hoặc 2.`);
    });
  });
  return problems;
}

/** A select/radio field offers exactly the values its schema's enum accepts. */
function choiceProblems(form: EForm): string[] {
  const problems: string[] = [];
  for (const f of formFields(form)) {
    if ((f.widget !== 'select' && f.widget !== 'radio') || !f.options?.length) continue;
    const allowed = form.schema.properties[f.name]?.enum;
    if (!Array.isArray(allowed)) continue;
    const offered = f.options.map((o) => o.value);
    if (offered.length !== allowed.length || offered.some((v) => !allowed.includes(v))) {
      problems.push(`Trường "${f.name}": các lựa chọn (options) phải trùng với danh sách enum trong schema.`);
    }
  }
  return problems;
}

function compileProblem(schema: object): string | null {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  try {
    const validate = ajv.compile(schema);
    // Filing validates synchronously; an "$async" schema would accept anything.
    if ((validate as { $async?: unknown }).$async) return 'schema không được dùng "$async".';
    return null;
  } catch (err) {
    return `schema không phải là JSON Schema (draft 2020-12) hợp lệ: ${(err as Error).message}`;
  }
}

/** Distinct regular expressions one form may carry (each is analysed when the form is saved). */
export const MAX_FORM_PATTERNS = 100;

/** 'Biểu thức kiểm tra (pattern) của trường "x"', or where in the schema it is when not in a field. */
function patternSubject(p: FoundPattern): string {
  const keyword = p.keyword === 'pattern' ? 'pattern' : `patternProperties "${p.source}"`;
  const where =
    p.path[0] === 'properties' && p.path.length >= 2
      ? `của trường "${p.path[1]}"`
      : p.path.length === 0
        ? 'ở gốc schema'
        : `tại "/${p.path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}" của schema`;
  return `Biểu thức kiểm tra (${keyword}) ${where}`;
}

function verdictProblem(p: FoundPattern, v: PatternVerdict): string | null {
  if (v.safe) return null;
  const subject = patternSubject(p);
  switch (v.reason) {
    case 'too_long':
      return `${subject} dài quá ${MAX_PATTERN_LENGTH} ký tự; hãy viết ngắn gọn hơn.`;
    case 'invalid':
      return `${subject} không phải là biểu thức chính quy hợp lệ (cú pháp Unicode, cờ u): ${v.detail ?? ''}; hãy viết lại.`;
    case 'vulnerable':
      return `${subject} có thể gây treo hệ thống; hãy viết lại.`;
    case 'unknown':
      return `${subject} không chứng minh được là an toàn nên có thể gây treo hệ thống; hãy viết lại đơn giản hơn.`;
  }
}

/** Patterns too long, not valid with the 'u' flag (as ajv compiles them), or too many. */
function patternSyntaxProblems(found: readonly FoundPattern[]): string[] {
  const distinct = new Set(found.map((p) => p.source));
  if (distinct.size > MAX_FORM_PATTERNS) return [`Biểu mẫu có ${distinct.size} biểu thức kiểm tra (pattern) khác nhau; tối đa ${MAX_FORM_PATTERNS}.`];
  const problems: string[] = [];
  for (const p of found) {
    if (p.source.length > MAX_PATTERN_LENGTH) {
      problems.push(verdictProblem(p, { safe: false, reason: 'too_long' })!);
      continue;
    }
    try {
      new RegExp(p.source, 'u');
    } catch (err) {
      problems.push(verdictProblem(p, { safe: false, reason: 'invalid', detail: (err as Error).message })!);
    }
  }
  return problems;
}

/** Every pattern proven safe by recheck (asynchronous: the analysis runs off this thread). */
async function patternSafetyProblems(found: readonly FoundPattern[]): Promise<string[]> {
  const verdicts = await Promise.all(found.map((p) => verifyPattern(p.source, 'u')));
  return [...new Set(found.flatMap((p, i) => verdictProblem(p, verdicts[i]!) ?? []))];
}

/** Every problem of the definition, in Vietnamese; empty when the form can be stored. */
export async function eformProblems(input: unknown): Promise<string[]> {
  const shape = shapeProblems(input);
  if (shape.length) return shape;
  const form = input as EForm;
  const problems = [...formDefinitionProblems(form), ...choiceProblems(form)];
  if (problems.length) return problems;
  const found = patternsIn(form.schema);
  const syntax = patternSyntaxProblems(found);
  if (syntax.length) return syntax;
  const compile = compileProblem(form.schema);
  if (compile) return [compile];
  return patternSafetyProblems(found);
}
