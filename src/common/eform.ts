// Biểu mẫu điện tử (e-form) of a procedure: a JSON Schema (draft 2020-12) says what the data is,
// a layout says how it is shown, and each field may name where it is prefilled from. Shared by the
// server (validation, prefill, locking) and the web (rendering).

export type FieldWidget = 'text' | 'textarea' | 'date' | 'select' | 'radio' | 'idNumber' | 'phone' | 'email';

/**
 * Where a field's value can come from, as "<subject>.<attribute>":
 * - applicant.*  the signed-in citizen (population database, else the VNeID-verified account, else
 *                the account profile): fullName, birthDate, sex, idNumber, ethnicity, nationality,
 *                permanentAddress, currentAddress
 * - spouse.*     the applicant's husband or wife in the household (same attributes)
 * - father.* / mother.*  the applicant or the spouse, whichever is male / female (birth registration)
 * - account.*    phone, email from the account profile (editable)
 * - derived.relationToChild  "Cha" or "Mẹ" from the applicant's sex (editable)
 */
export type PrefillKey = string;

/** The person attributes a form may prefill, for the applicant and the relatives the population database knows. */
export const PERSON_ATTRS: readonly string[] = ['fullName', 'birthDate', 'sex', 'idNumber', 'ethnicity', 'nationality', 'permanentAddress', 'currentAddress'];

/** Every prefill key a form may use; the catalogue refuses a form naming another. */
export const PREFILL_KEYS: readonly PrefillKey[] = [
  ...['applicant', 'spouse', 'father', 'mother'].flatMap((s) => PERSON_ATTRS.map((a) => `${s}.${a}`)),
  'account.phone',
  'account.email',
  'derived.relationToChild',
  'derived.childEthnicity',
  'derived.childNationality',
];

export interface FormField {
  /** Key in the form data and in schema.properties. */
  name: string;
  label: string;
  widget: FieldWidget;
  /** For select / radio: the schema's enum, with labels. */
  options?: { value: string; label: string }[];
  prefill?: PrefillKey;
  /** Columns out of 2 (default 1). */
  span?: 1 | 2;
  help?: string;
  placeholder?: string;
  /** A person's name: letters (any script, with diacritics), spaces, "-" and "'" only (plausibility). */
  personName?: boolean;
  /** A date at most this many years before today (a birth date in 1826 is a typing slip). */
  maxYearsAgo?: number;
}

/**
 * A plausibility rule between two date fields, e.g. a child is born after its father: `later` must
 * come after `earlier` (or on the same day with `allowSame`, e.g. a death notice issued the day of
 * the death). The message is shown on the `later` field, the one a person usually typed.
 */
export interface DateOrderRule {
  kind: 'dateOrder';
  earlier: string;
  later: string;
  allowSame?: boolean;
  message: string;
}

export type FormRule = DateOrderRule;

export interface FormSection {
  title: string;
  fields: FormField[];
}

export interface JsonSchemaObject {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: boolean;
  [k: string]: unknown;
}

export interface EForm {
  /** Tên biểu mẫu, e.g. "Tờ khai đăng ký khai sinh". */
  title: string;
  schema: JsonSchemaObject;
  layout: FormSection[];
  /** Plausibility rules across fields, checked by the web as it is typed and by the server on submission. */
  rules?: FormRule[];
}

export type FormValues = Record<string, string>;

/** Where a prefilled value came from. Verified sources lock the field. */
export type ProvenanceSource = 'population' | 'household' | 'vneid' | 'profile' | 'derived';

export const PROVENANCE_LABELS: Record<ProvenanceSource, string> = {
  population: 'CSDL quốc gia về dân cư',
  household: 'CSDL dân cư – thông tin hộ gia đình',
  vneid: 'Tài khoản định danh điện tử VNeID',
  profile: 'Thông tin tài khoản',
  derived: 'Suy ra từ CSDL dân cư',
};

export const VERIFIED_SOURCES: ReadonlySet<ProvenanceSource> = new Set(['population', 'household', 'vneid']);

export interface Provenance {
  source: ProvenanceSource;
  label: string;
  locked: boolean;
}

export type ProvenanceMap = Record<string, Provenance>;

export function formFields(form: EForm): FormField[] {
  return form.layout.flatMap((s) => s.fields);
}

/**
 * Problems in a form definition itself (for the catalogue editor): every laid-out field exists in
 * the schema and vice versa, names are unique, select/radio fields have options.
 */
export function formDefinitionProblems(form: EForm): string[] {
  const problems: string[] = [];
  if (!form || typeof form !== 'object') return ['Biểu mẫu phải là một đối tượng JSON.'];
  if (!form.title) problems.push('Thiếu tên biểu mẫu (title).');
  if (form.schema?.type !== 'object' || !form.schema.properties) problems.push('schema phải là JSON Schema kiểu object có properties.');
  if (!Array.isArray(form.layout) || form.layout.length === 0) problems.push('layout phải có ít nhất một phần.');
  if (problems.length) return problems;
  const seen = new Set<string>();
  for (const f of formFields(form)) {
    if (seen.has(f.name)) problems.push(`Trường "${f.name}" xuất hiện hai lần trong layout.`);
    seen.add(f.name);
    if (!form.schema.properties[f.name]) problems.push(`Trường "${f.name}" có trong layout nhưng không có trong schema.`);
    if ((f.widget === 'select' || f.widget === 'radio') && !f.options?.length) problems.push(`Trường "${f.name}" cần danh sách lựa chọn (options).`);
  }
  for (const name of Object.keys(form.schema.properties)) {
    if (!seen.has(name)) problems.push(`Trường "${name}" có trong schema nhưng không có trong layout.`);
  }
  for (const name of form.schema.required ?? []) {
    if (!form.schema.properties[name]) problems.push(`Trường bắt buộc "${name}" không có trong schema.`);
  }
  const widgets = new Map(formFields(form).map((f) => [f.name, f.widget]));
  for (const f of formFields(form)) {
    if (f.personName !== undefined && typeof f.personName !== 'boolean') problems.push(`Trường "${f.name}": personName phải là true hoặc false.`);
    else if (f.personName && f.widget !== 'text') problems.push(`Trường "${f.name}": personName chỉ dùng cho trường nhập chữ (text).`);
    if (f.maxYearsAgo !== undefined && (f.widget !== 'date' || !Number.isInteger(f.maxYearsAgo) || f.maxYearsAgo < 1 || f.maxYearsAgo > 200)) {
      problems.push(`Trường "${f.name}": maxYearsAgo chỉ dùng cho trường ngày và là số năm từ 1 đến 200.`);
    }
  }
  if (form.rules !== undefined && !Array.isArray(form.rules)) problems.push('rules phải là danh sách quy tắc.');
  for (const [i, r] of (Array.isArray(form.rules) ? form.rules : []).entries()) {
    const where = `Quy tắc thứ ${i + 1} (rules)`;
    if (r?.kind !== 'dateOrder') {
      problems.push(`${where}: chỉ hỗ trợ kind "dateOrder".`);
      continue;
    }
    for (const name of [r.earlier, r.later]) if (widgets.get(name) !== 'date') problems.push(`${where}: "${String(name)}" phải là một trường ngày của biểu mẫu.`);
    if (typeof r.message !== 'string' || !r.message.trim()) problems.push(`${where} thiếu thông báo (message).`);
  }
  return problems;
}

// ---- Plausibility (shared by the web, as it is typed, and the server, on submission) ----

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Words of letters and combining marks, joined by one space, a hyphen or an apostrophe (H'Hen Niê, Y-Moan). */
const PERSON_NAME = /^[\p{L}\p{M}]+(?:(?: |-|'|’)[\p{L}\p{M}]+)*$/u;

export const PERSON_NAME_MESSAGE = 'Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch nối hoặc dấu nháy; không có chữ số hay ký hiệu.';

/** `today` (YYYY-MM-DD) moved back by `years`, the 29th of February becoming the 28th. */
function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${String(Number(y) - years).padStart(4, '0')}-${m}-${day}`;
}

const dmyOf = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What is implausible about one field's value given the others; null when nothing is. */
export function fieldPlausibility(form: EForm, name: string, values: Readonly<Record<string, string | undefined>>, today: string): string | null {
  const field = formFields(form).find((f) => f.name === name);
  const v = values[name]?.trim();
  if (!field || !v) return null;
  if (field.personName && !PERSON_NAME.test(v.normalize('NFC').replace(/\s+/g, ' '))) return PERSON_NAME_MESSAGE;
  if (field.widget === 'date' && ISO_DATE.test(v)) {
    if (field.maxYearsAgo && v < yearsBefore(today, field.maxYearsAgo)) {
      return `Ngày ${dmyOf(v)} quá xa trong quá khứ (trước ${dmyOf(yearsBefore(today, field.maxYearsAgo))}); kiểm tra lại năm.`;
    }
    for (const r of form.rules ?? []) {
      if (r.kind !== 'dateOrder' || r.later !== name) continue;
      const earlier = values[r.earlier]?.trim();
      if (!earlier || !ISO_DATE.test(earlier)) continue;
      if (r.allowSame ? v < earlier : v <= earlier) return r.message;
    }
  }
  return null;
}

/** Every field whose value is implausible, with the message (the server refuses the submission). */
export function plausibilityProblems(form: EForm, values: Readonly<Record<string, string | undefined>>, today: string): { field: string; message: string }[] {
  return formFields(form).flatMap((f) => {
    const message = fieldPlausibility(form, f.name, values, today);
    return message ? [{ field: f.name, message }] : [];
  });
}

/** The fields a field's rules read (it is checked again when one of them changes). */
export function fieldDependencies(form: EForm, name: string): string[] {
  return (form.rules ?? []).filter((r) => r.later === name).map((r) => r.earlier);
}
