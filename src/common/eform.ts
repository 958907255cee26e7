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
}

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
  return problems;
}
