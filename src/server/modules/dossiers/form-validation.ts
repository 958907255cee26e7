// Checks form data against the procedure's JSON Schema (ajv, draft 2020-12), with Vietnamese
// messages that name the field by its label.
//
// The schema's regular expressions were written by a catalogue administrator, and a form stored
// before patterns were checked on save (form-check.ts) may hold one that backtracks for seconds
// ("^(a+)+$" on "aaaa…a!"). So ajv compiles every pattern through GuardedRegExp: it runs a pattern
// only when recheck has proven it safe (platform/regex-safety.ts, verified asynchronously before
// the synchronous validation) and otherwise throws, so an unproven pattern is neither executed
// nor silently passed (as `false` would inside "not"). A field whose schema uses such a pattern is
// reported with its own problem; values tested against a pattern are also length-bounded.
import Ajv2020, { type CodeOptions, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formFields, plausibilityProblems, type EForm, type FormValues } from '../../../common/eform.js';
import { patternsIn, verifyPattern, type PatternVerdict } from '../../platform/regex-safety.js';

/** Longest value the filing routes accept (FormData in routes.ts). */
const VALUE_MAX = 2000;
/** Longest value tested against a pattern when the field's schema sets no maxLength. */
export const PATTERNED_VALUE_MAX = 500;

export const UNPROVEN_FIELD_MESSAGE =
  'Quy tắc kiểm tra định dạng (pattern) của trường này trong biểu mẫu không an toàn nên hệ thống không kiểm tra được; cơ quan quản lý thủ tục cần sửa biểu mẫu.';
export const UNPROVEN_FORM_LABEL = 'Biểu mẫu điện tử';
export const UNPROVEN_FORM_MESSAGE =
  'Có quy tắc kiểm tra định dạng (pattern) không an toàn nên hệ thống không kiểm tra được tờ khai; cơ quan quản lý thủ tục cần sửa biểu mẫu.';

class UnprovenPatternError extends Error {}

/** Verdicts for the patterns of the form being validated; set only while its validator runs. */
let activeVerdicts: ReadonlyMap<string, PatternVerdict> | null = null;

class GuardedRegExp {
  private compiled: RegExp | null = null;
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}
  test(s: string): boolean {
    if (activeVerdicts?.get(this.source)?.safe !== true) throw new UnprovenPatternError(this.source);
    if (s.length > VALUE_MAX) return false;
    this.compiled ??= new RegExp(this.source, this.flags);
    return this.compiled.test(s);
  }
  /** ajv shares compiled patterns between schemas by this key. */
  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

const guardedRegExp: NonNullable<CodeOptions['regExp']> = Object.assign((source: string, flags: string) => new GuardedRegExp(source, flags), {
  code: 'guardedRegExp',
});

const ajv = new Ajv2020({ strict: false, allErrors: true, code: { regExp: guardedRegExp } });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

interface Compiled {
  validate: ValidateFunction;
  /** Every pattern of the schema. */
  patterns: string[];
  /** The patterns each top-level field's schema uses, with the local definitions it refers to. */
  fieldPatterns: Map<string, string[]>;
}

const compiled = new Map<string, Compiled>();

function compiledFor(form: EForm): Compiled {
  const key = JSON.stringify(form.schema);
  let c = compiled.get(key);
  if (!c) {
    if (compiled.size > 200) compiled.clear();
    const distinct = (schema: unknown, root?: unknown) => [...new Set(patternsIn(schema, root).map((p) => p.source))];
    c = {
      validate: ajv.compile(form.schema),
      patterns: distinct(form.schema),
      fieldPatterns: new Map(Object.entries(form.schema.properties).map(([name, prop]) => [name, distinct(prop, form.schema)])),
    };
    compiled.set(key, c);
  }
  return c;
}

/** A patterned field's values are at most its maxLength, or PATTERNED_VALUE_MAX without one. */
function patternedLimit(prop: Record<string, unknown> | undefined): number {
  const max = prop?.maxLength;
  return typeof max === 'number' && Number.isInteger(max) && max >= 0 ? Math.min(max, VALUE_MAX) : PATTERNED_VALUE_MAX;
}

/** Length as JSON Schema counts it (code points), like ajv's maxLength. */
function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

/** Trimmed NFC strings; empty values are dropped so that "required" and optional patterns behave. */
export function cleanValues(form: EForm, raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (!(k in form.schema.properties)) continue;
    if (typeof v !== 'string') continue;
    const s = v.normalize('NFC').trim();
    if (s !== '') out[k] = s;
  }
  return out;
}

function messageOf(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return 'Chưa nhập (bắt buộc).';
    case 'pattern':
      return 'Không đúng định dạng.';
    case 'format':
      return e.params.format === 'date' ? 'Ngày không hợp lệ.' : e.params.format === 'email' ? 'Thư điện tử không hợp lệ.' : 'Không đúng định dạng.';
    case 'enum':
      return 'Giá trị không nằm trong danh sách lựa chọn.';
    case 'maxLength':
      return `Dài quá ${e.params.limit} ký tự.`;
    case 'minLength':
      return `Cần ít nhất ${e.params.limit} ký tự.`;
    default:
      return 'Không hợp lệ.';
  }
}

/**
 * Problems with the values, one per field; empty when the data is valid. Dates in these forms
 * (births, deaths, papers) cannot lie after `today` (Vietnam date), and the form's plausibility
 * rules hold (src/common/eform.ts).
 */
export async function formProblems(form: EForm, values: FormValues, today: string): Promise<FieldProblem[]> {
  const c = compiledFor(form);
  const verdicts = await Promise.all(c.patterns.map((p) => verifyPattern(p, 'u')));
  return checkValues(form, c, new Map(c.patterns.map((p, i) => [p, verdicts[i]!])), values, today);
}

function checkValues(form: EForm, c: Compiled, verdicts: ReadonlyMap<string, PatternVerdict>, values: FormValues, today: string): FieldProblem[] {
  const { validate } = c;
  const fields = formFields(form);
  const labels = new Map(fields.map((f) => [f.name, f.label]));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  // Fields with patterns: an unproven pattern is a problem of its own, an over-long value is
  // refused before any pattern sees it; either way ajv does not get the value.
  const data: FormValues = { ...values };
  for (const [name, patterns] of c.fieldPatterns) {
    const v = data[name];
    if (v === undefined || patterns.length === 0) continue;
    const label = labels.get(name) ?? name;
    if (patterns.some((p) => verdicts.get(p)?.safe !== true)) {
      problems.push({ field: name, label, message: UNPROVEN_FIELD_MESSAGE });
    } else {
      const limit = patternedLimit(form.schema.properties[name]);
      if (codePoints(v) <= limit) continue;
      problems.push({ field: name, label, message: `Dài quá ${limit} ký tự.` });
    }
    seen.add(name);
    delete data[name];
  }
  let valid: unknown;
  activeVerdicts = verdicts;
  try {
    valid = validate(data);
  } catch (err) {
    // An unproven pattern outside any field's schema (e.g. in a root-level allOf).
    if (!(err instanceof UnprovenPatternError)) throw err;
  } finally {
    activeVerdicts = null;
  }
  if (typeof valid !== 'boolean') {
    // Thrown above, or an "$async" schema (a promise): the values were not checked.
    if (valid instanceof Promise) valid.catch(() => undefined);
    problems.push({ field: '', label: UNPROVEN_FORM_LABEL, message: UNPROVEN_FORM_MESSAGE });
    return problems;
  }
  for (const e of validate.errors ?? []) {
    const field = e.keyword === 'required' ? String(e.params.missingProperty) : e.instancePath.replace(/^\//, '');
    if (!field || seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, label: labels.get(field) ?? field, message: messageOf(e) });
  }
  for (const f of fields) {
    const v = values[f.name];
    if (f.widget === 'date' && !seen.has(f.name) && v && v > today) {
      problems.push({ field: f.name, label: f.label, message: 'Ngày không được sau ngày hôm nay.' });
      seen.add(f.name);
    }
  }
  // The form's plausibility rules (a child born before a parent, a name with digits), as the web
  // checks them while typing.
  for (const p of plausibilityProblems(form, values, today)) {
    if (!seen.has(p.field)) problems.push({ field: p.field, label: labels.get(p.field) ?? p.field, message: p.message });
  }
  return problems;
}
