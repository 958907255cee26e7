// Checks form data against the procedure's JSON Schema (ajv, draft 2020-12), with Vietnamese
// messages that name the field by its label.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formFields, type EForm, type FormValues } from '../../../common/eform.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

const compiled = new Map<string, ValidateFunction>();

function validatorFor(form: EForm): ValidateFunction {
  const key = JSON.stringify(form.schema);
  let v = compiled.get(key);
  if (!v) {
    if (compiled.size > 200) compiled.clear();
    v = ajv.compile(form.schema);
    compiled.set(key, v);
  }
  return v;
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
 * (births, deaths, papers) cannot lie after `today` (Vietnam date).
 */
export function formProblems(form: EForm, values: FormValues, today: string): FieldProblem[] {
  const validate = validatorFor(form);
  const fields = formFields(form);
  const labels = new Map(fields.map((f) => [f.name, f.label]));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  validate(values);
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
    }
  }
  return problems;
}
