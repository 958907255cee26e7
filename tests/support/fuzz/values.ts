// Values for the fuzz tier: a schema-valid baseline for every parameter and body field (so that one
// bad value at a time reaches the service layer), and the catalogue of bad values. Everything comes
// from fast-check with a fixed seed: the same run every time.
import fc from 'fast-check';
import { concrete, jsonType, type Schema } from './openapi.js';

/** Deterministic values: each draw is fast-check's sample for the seed plus a running counter. */
export class Gen {
  private n = 0;
  constructor(readonly seed: number) {}

  draw<T>(arb: fc.Arbitrary<T>): T {
    return fc.sample(arb, { seed: this.seed + this.n++, numRuns: 1 })[0]!;
  }

  uuid(): string {
    return this.draw(fc.uuid({ version: 4 }));
  }

  hex(length: number): string {
    return this.draw(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length }));
  }
}

/** Names whose meaning the service checks beyond the schema: values that pass, to get further in. */
const NAMED_STRINGS: Record<string, string> = {
  idNumber: '001095012345',
  phone: '0912000111',
  email: 'thu.nghiem@example.vn',
  birthDate: '1990-01-15',
  fullName: 'Nguyễn Văn Thử',
  representativeName: 'Trần Thị Đại Diện',
  otp: '123456',
  // Strong, and never confirmed: no fuzz request may actually set a password.
  password: 'Thu#Nghiem2026!x',
  passwordConfirm: 'Thu#Nghiem2026!y',
  newPassword: 'Thu#Nghiem2026!x',
  newPasswordConfirm: 'Thu#Nghiem2026!y',
  currentPassword: 'Sai#MatKhau2026!',
  reason: 'Lý do thử nghiệm đủ dài',
};

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function fitLength(s: string, schema: Schema): string {
  let v = s;
  const min = schema.minLength ?? 0;
  while (v.length < min) v += 'x';
  if (schema.maxLength !== undefined) v = v.slice(0, schema.maxLength);
  return v;
}

function sampleString(schema: Schema, name: string | undefined, gen: Gen): string {
  switch (schema.format) {
    case 'uuid':
      return gen.uuid();
    case 'date':
      return '2024-03-15';
    case 'date-time':
      return '2024-03-15T08:00:00.000Z';
    case 'email':
      return 'thu.nghiem@example.vn';
  }
  if (schema.pattern === DATE_PATTERN) return '2024-03-15';
  // Logins are random: the fuzz must never sign in (or throttle) a real account.
  if (name === 'login' || name === 'username') return fitLength(`fz${gen.hex(10)}`, schema);
  if (name && NAMED_STRINGS[name]) return fitLength(NAMED_STRINGS[name], schema);
  return fitLength('Thử nghiệm', schema);
}

function sampleNumber(schema: Schema, integer: boolean): number {
  let v = 1;
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
  if (lo !== undefined && v < lo) v = lo;
  if (hi !== undefined && v > hi) v = hi;
  return integer ? Math.ceil(v) : v;
}

/**
 * A value the schema accepts, with every optional property filled in and one item in every
 * array (so that each field is there to be replaced by a bad value).
 */
export function sample(schema: Schema, gen: Gen, name?: string): unknown {
  const s = concrete(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (jsonType(s)) {
    case 'string':
      return sampleString(s, name, gen);
    case 'integer':
      return sampleNumber(s, true);
    case 'number':
      return sampleNumber(s, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = Math.min(Math.max(s.minItems ?? 0, 1), s.maxItems ?? 1);
      return Array.from({ length: count }, () => sample(s.items ?? {}, gen, name));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, gen, k);
      // A record (formData): one entry, so that its values are fuzzed too.
      if (!s.properties && typeof s.additionalProperties === 'object') out.truong1 = sample(s.additionalProperties, gen, 'truong1');
      return out;
    }
    default:
      return {};
  }
}

/** The paths (property names, `0` for an array's item) of every field inside a sampled value. */
export function fieldPaths(value: unknown, maxDepth = 3, prefix: string[] = []): string[][] {
  if (prefix.length >= maxDepth || value === null || typeof value !== 'object') return [];
  const out: string[][] = [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    out.push([...prefix, k]);
    out.push(...fieldPaths(v, maxDepth, [...prefix, k]));
  }
  return out;
}

/** One bad value, as raw JSON text for a body and as percent-encoded text for a URL. */
export interface BadValue {
  kind: string;
  json: string;
  /** For a query parameter, `null` means "the parameter given twice" (an array). */
  url: string | null;
}

const enc = encodeURIComponent;
const NFD_NAME = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
const HUGE = 'Đ'.repeat(10) + 'a'.repeat(100 * 1024);

/** Every kind of bad value each field receives (kinds are stable names used in the report). */
export const FIELD_KINDS = [
  'type-string',
  'type-number',
  'type-boolean',
  'type-null',
  'type-array',
  'type-object',
  'empty-string',
  'number-1e400',
  'number-negative',
  'number-2^53',
  'number-fraction',
  'string-NaN',
  'string-Infinity',
  'nul-byte',
  'lone-surrogate',
  'nfd-vietnamese',
  'huge-string',
  'sql-injection',
  'path-traversal',
  'nosql-injection',
  'random-uuid',
  'random-unicode',
  'random-json',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const STRING_KINDS: FieldKind[] = [
  'type-number',
  'type-object',
  'type-null',
  'empty-string',
  'nul-byte',
  'lone-surrogate',
  'nfd-vietnamese',
  'huge-string',
  'sql-injection',
  'path-traversal',
  'nosql-injection',
  'random-uuid',
  'random-unicode',
];
const NUMBER_KINDS: FieldKind[] = [
  'type-string',
  'type-boolean',
  'type-null',
  'number-1e400',
  'number-negative',
  'number-2^53',
  'number-fraction',
  'string-NaN',
  'string-Infinity',
];
const OTHER_KINDS: FieldKind[] = ['type-string', 'type-number', 'type-null', 'type-array', 'type-object', 'random-json'];

/**
 * The kinds worth sending to a field of this schema (its type's edge cases and the other types);
 * every kind when the schema does not say (null: an undeclared parameter, a body of any shape).
 */
export function kindsFor(schema: Schema | null): Set<string> {
  const t = schema ? jsonType(schema) : undefined;
  if (t === 'string') return new Set(STRING_KINDS);
  if (t === 'integer' || t === 'number') return new Set(NUMBER_KINDS);
  if (t === 'boolean' || t === 'array' || t === 'object' || t === 'null') return new Set(OTHER_KINDS.filter((k) => k !== `type-${t}`));
  return new Set(FIELD_KINDS);
}

/** The bad values of every kind, for one field (random kinds drawn afresh each time). */
export function badValues(gen: Gen): BadValue[] {
  const s = (kind: FieldKind, text: string, url = enc(text)): BadValue => ({ kind, json: JSON.stringify(text), url });
  const uuid = gen.uuid();
  const unicode = gen.draw(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }));
  const json = gen.draw(fc.jsonValue({ maxDepth: 3 }));
  const jsonText = JSON.stringify(json) ?? 'null';
  return [
    s('type-string', 'abc'),
    { kind: 'type-number', json: '12345', url: '12345' },
    { kind: 'type-boolean', json: 'true', url: 'true' },
    { kind: 'type-null', json: 'null', url: 'null' },
    { kind: 'type-array', json: '["a",1]', url: null },
    { kind: 'type-object', json: '{"a":{"b":1}}', url: enc('{"a":{"b":1}}') },
    s('empty-string', ''),
    // Raw JSON text: JSON.parse makes it Infinity, which a bare number schema would let through.
    { kind: 'number-1e400', json: '1e400', url: '1e400' },
    { kind: 'number-negative', json: '-1', url: '-1' },
    { kind: 'number-2^53', json: '9007199254740992', url: '9007199254740992' },
    { kind: 'number-fraction', json: '1.5', url: '1.5' },
    s('string-NaN', 'NaN'),
    s('string-Infinity', 'Infinity'),
    { kind: 'nul-byte', json: '"a\\u0000b"', url: 'a%00b' },
    // A lone high surrogate: a JSON escape in a body; its UTF-8-style bytes (not valid UTF-8) in a URL.
    { kind: 'lone-surrogate', json: '"\\ud800"', url: '%ED%A0%80' },
    s('nfd-vietnamese', NFD_NAME),
    s('huge-string', HUGE),
    s('sql-injection', "' or 1=1--"),
    { kind: 'path-traversal', json: JSON.stringify('../../etc/passwd'), url: '..%2F..%2Fetc%2Fpasswd' },
    s('nosql-injection', '{"$gt":""}'),
    s('random-uuid', uuid),
    // fast-check's full code point range: lone surrogates, controls, astral planes.
    { kind: 'random-unicode', json: JSON.stringify(unicode), url: [...unicode].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : enc(ch))).join('') },
    { kind: 'random-json', json: jsonText, url: enc(jsonText) },
  ];
}
