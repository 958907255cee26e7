// The fuzz cases of one route: a schema-valid baseline request, then that request with one bad
// value at a time (each path parameter, each query parameter, each body field), whole bodies that
// are wrong (empty, not JSON, wrong content type) and, on writes, broken multipart bodies.
import { concrete, jsonType, type Operation, type Schema } from './openapi.js';
import { badValues, fieldPaths, kindsFor, sample, type Gen } from './values.js';

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface FuzzCase {
  kind: string;
  /**
   * "field": one bad value in one parameter or body field, sent once (as one of the identities
   * that get past the route's authentication). "request": the whole request is wrong (body,
   * content type, multipart, an unknown query parameter): sent anonymously and signed in.
   */
  scope: 'field' | 'request';
  /** What received the bad value: "path id", "query page", "body documents.0.fileId", "body", "multipart". */
  target: string;
  request: FuzzRequest;
}

/** A query parameter of no route: every route gets every field kind at least there. */
export const EXTRA_QUERY = 'fuzz_extra';

export const BODY_KINDS = [
  'body-absent',
  'body-empty',
  'body-not-json',
  'body-json-array',
  'body-json-scalar',
  'body-deep-nesting',
  'body-proto-key',
  'body-bad-key',
  'content-type-text',
  'content-type-form',
  'content-type-xml',
  'content-type-garbage',
  'content-type-multipart',
] as const;

export const MULTIPART_KINDS = [
  'multipart-no-boundary',
  'multipart-truncated',
  'multipart-500-fields',
  'multipart-long-boundary',
  'multipart-bad-names',
  'multipart-empty',
] as const;

const JSON_TYPE = 'application/json';
const enc = encodeURIComponent;

/** A small PDF, the file most upload routes take. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function filePart(boundary: string, name = 'file', filename = 'giay-to.pdf'): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF,
    Buffer.from('\r\n'),
  ]);
}

function textPart(boundary: string, name: string, value: string): Buffer {
  return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
}

/** JSON text of `value` with the field at `path` replaced by raw JSON text (1e400, "\ud800"). */
function withRaw(value: unknown, path: string[], raw: string): string {
  const SENTINEL = '\u0001fuzz\u0001';
  if (path.length === 0) return raw;
  const copy = structuredClone(value) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path.at(-1)!] = SENTINEL;
  return JSON.stringify(copy).replace(JSON.stringify(SENTINEL), () => raw);
}

/** The schema of the field at `path` inside a body schema ({} when it is not declared). */
function schemaAt(schema: Schema, path: string[]): Schema {
  let s: Schema = schema;
  for (const k of path) {
    const c = concrete(s);
    if (jsonType(c) === 'array') s = c.items ?? {};
    else s = c.properties?.[k] ?? (typeof c.additionalProperties === 'object' ? c.additionalProperties : {});
  }
  return s;
}

/** JSON text of an object with one more member, given as raw text (`"key":value`). */
function withMember(value: Record<string, unknown>, member: string): string {
  const text = JSON.stringify(value);
  return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${member}}`;
}

/** Path parameter values that reach further than a random one (a real procedure code). */
export type KnownPathValues = Record<string, string>;

export function routeCases(op: Operation, gen: Gen, known: KnownPathValues): { baseline: FuzzRequest; cases: FuzzCase[] } {
  const pathValues: Record<string, string> = {};
  for (const p of op.pathParams) {
    const s = p.schema;
    // Identifiers are uuids (random ones, which exist nowhere) unless the schema says otherwise.
    pathValues[p.name] =
      known[p.name] ?? (s.enum || s.anyOf || s.type === 'integer' || s.type === 'number' ? enc(String(sample(s, gen, p.name))) : gen.uuid());
  }
  const baseQuery: [string, string][] = op.queryParams.filter((p) => p.required).map((p) => [p.name, enc(String(sample(p.schema, gen, p.name)))]);
  const bodyValue = op.body ? sample(op.body, gen) : undefined;
  const bodyText = bodyValue === undefined ? undefined : JSON.stringify(bodyValue);

  const build = (o: { path?: Record<string, string>; query?: [string, string][]; body?: string | Buffer; contentType?: string | null }): FuzzRequest => {
    const values = { ...pathValues, ...o.path };
    const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
    const query = (o.query ?? baseQuery).map(([k, v]) => `${enc(k)}=${v}`).join('&');
    const body = 'body' in o ? o.body : bodyText;
    const contentType = o.contentType === undefined ? (body === undefined ? null : JSON_TYPE) : o.contentType;
    return {
      method: op.method,
      url: query ? `${url}?${query}` : url,
      headers: contentType ? { 'content-type': contentType } : {},
      ...(body === undefined ? {} : { payload: body }),
    };
  };

  const cases: FuzzCase[] = [];
  // Path parameters are text in the URL whatever their schema: every kind.
  for (const p of op.pathParams) {
    for (const v of badValues(gen)) {
      cases.push({ kind: v.kind, scope: 'field', target: `path ${p.name}`, request: build({ path: { [p.name]: v.url ?? 'a,1' } }) });
    }
  }
  const query = (name: string, schema: Schema | null, scope: FuzzCase['scope']) => {
    const others = baseQuery.filter(([k]) => k !== name);
    const kinds = kindsFor(schema);
    for (const v of badValues(gen).filter((b) => kinds.has(b.kind))) {
      const bad: [string, string][] = v.url === null ? [[name, 'a'], [name, '1']] : [[name, v.url]];
      cases.push({ kind: v.kind, scope, target: `query ${name}`, request: build({ query: [...others, ...bad] }) });
    }
  };
  for (const p of op.queryParams) query(p.name, p.schema, 'field');
  if (bodyValue !== undefined && op.body) {
    const paths = fieldPaths(bodyValue);
    // A body without declared fields (a whole e-form, a workflow) is one field itself.
    for (const path of paths.length ? paths : [[]]) {
      const kinds = kindsFor(path.length ? schemaAt(op.body, path) : null);
      for (const v of badValues(gen).filter((b) => kinds.has(b.kind))) {
        cases.push({ kind: v.kind, scope: 'field', target: path.length ? `body ${path.join('.')}` : 'body', request: build({ body: withRaw(bodyValue, path, v.json) }) });
      }
    }
  }
  // Every kind at least once on every route, even one without parameters.
  query(EXTRA_QUERY, null, 'request');
  // GET bodies are never read (Fastify does not parse them): whole-body kinds only on writes.
  if (op.method === 'GET') return { baseline: build({}), cases };

  const objectBody = bodyValue !== null && typeof bodyValue === 'object' && !Array.isArray(bodyValue) ? (bodyValue as Record<string, unknown>) : {};
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const whole: Record<(typeof BODY_KINDS)[number], { body?: string; contentType?: string | null }> = {
    'body-absent': { body: undefined, contentType: null },
    'body-empty': { body: '', contentType: JSON_TYPE },
    'body-not-json': { body: '{"a": tru', contentType: JSON_TYPE },
    'body-json-array': { body: '[]', contentType: JSON_TYPE },
    'body-json-scalar': { body: '"chuỗi"', contentType: JSON_TYPE },
    'body-deep-nesting': { body: withMember(objectBody, `"sau":${deep}`), contentType: JSON_TYPE },
    'body-proto-key': { body: withMember(objectBody, '"__proto__":{"isAdmin":true}'), contentType: JSON_TYPE },
    'body-bad-key': { body: withMember(objectBody, '"a\\u0000b":1'), contentType: JSON_TYPE },
    'content-type-text': { body: bodyText ?? '{}', contentType: 'text/plain' },
    'content-type-form': { body: 'a=1&b=%00', contentType: 'application/x-www-form-urlencoded' },
    'content-type-xml': { body: '<?xml version="1.0"?><a>1</a>', contentType: 'application/xml' },
    'content-type-garbage': { body: bodyText ?? '{}', contentType: 'không phải/kiểu; ;;=' },
    'content-type-multipart': { body: bodyText ?? '{}', contentType: 'multipart/form-data; boundary=----dvcfuzz' },
  };
  for (const kind of BODY_KINDS) cases.push({ kind, scope: 'request', target: 'body', request: build(whole[kind]) });

  // Writes only, multipart or not: a route that takes no multipart must refuse it as cleanly.
  const b = '----dvcfuzz7MA4YWxkTrZu0gW';
  const long = `----${'b'.repeat(196)}`;
  const full = (boundary: string) => Buffer.concat([filePart(boundary), Buffer.from(`--${boundary}--\r\n`)]);
  const many = Buffer.concat([...Array.from({ length: 500 }, (_, i) => textPart(b, `truong${i}`, `giá trị ${i}`)), full(b)]);
  const badNames = Buffer.concat([
    textPart(b, 'title', 'Giấy\u0000tờ'),
    filePart(b, 'file', `${'Giấy khai sinh'.normalize('NFD')}\u0000.pdf`),
    Buffer.from(`--${b}--\r\n`),
  ]);
  const multipart: Record<(typeof MULTIPART_KINDS)[number], { body: Buffer; contentType: string }> = {
    'multipart-no-boundary': { body: full(b), contentType: 'multipart/form-data' },
    'multipart-truncated': { body: full(b).subarray(0, 120), contentType: `multipart/form-data; boundary=${b}` },
    'multipart-500-fields': { body: many, contentType: `multipart/form-data; boundary=${b}` },
    'multipart-long-boundary': { body: full(long), contentType: `multipart/form-data; boundary=${long}` },
    'multipart-bad-names': { body: badNames, contentType: `multipart/form-data; boundary=${b}` },
    'multipart-empty': { body: Buffer.alloc(0), contentType: `multipart/form-data; boundary=${b}` },
  };
  for (const kind of MULTIPART_KINDS) cases.push({ kind, scope: 'request', target: 'multipart', request: build(multipart[kind]) });
  return { baseline: build({}), cases };
}
