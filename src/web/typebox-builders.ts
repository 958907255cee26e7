// The web build's `typebox` (vite.config.ts aliases the package here; the server and tests use the
// package itself). The web needs the contract's schemas only as types (Static<>) and, in a few
// forms, as data (a field's maxLength); it never validates or compiles them. TypeBox's entry
// brings its whole runtime with it (about 40 KB of script, 10 KB of brotli on the portal's first
// page, and the time a 4×-slower phone spends building every schema of every contract; issue 15).
// So the web builds the same JSON Schema with these few functions: exactly the builders
// src/common uses, producing the same JSON (typebox-builders.test.ts compares every exported
// schema of src/common/api built both ways, so a new builder or option that differs fails there).
type Options = Record<string, unknown>;
type Schema = Record<string, unknown>;

const OPTIONAL = Symbol('optional');
const isOptional = (s: unknown) => !!(s as Record<symbol, unknown>)[OPTIONAL];

function String(options: Options = {}) {
  return { type: 'string', ...options };
}
function Integer(options: Options = {}) {
  return { type: 'integer', ...options };
}
function Number(options: Options = {}) {
  return { type: 'number', ...options };
}
function Boolean(options: Options = {}) {
  return { type: 'boolean', ...options };
}
function Null(options: Options = {}) {
  return { type: 'null', ...options };
}
function Unknown(options: Options = {}) {
  return { ...options };
}
function Unsafe(schema: Options = {}) {
  return { ...schema };
}
function Literal(value: string | number | boolean, options: Options = {}) {
  return { type: typeof value, const: value, ...options };
}
function Array(items: Schema, options: Options = {}) {
  return { type: 'array', items, ...options };
}
function Union(anyOf: Schema[], options: Options = {}) {
  return { anyOf, ...options };
}
function Optional(schema: Schema) {
  const copy: Schema = { ...schema };
  globalThis.Object.defineProperty(copy, OPTIONAL, { value: true, enumerable: false });
  return copy;
}
function Object(properties: Record<string, Schema>, options: Options = {}) {
  const required = globalThis.Object.keys(properties).filter((k) => !isOptional(properties[k]));
  return { type: 'object', ...(required.length ? { required } : {}), properties, ...options };
}
function Record(key: Schema, value: Schema, options: Options = {}) {
  const pattern = typeof key.pattern === 'string' ? key.pattern : '^.*$';
  return { type: 'object', patternProperties: { [pattern]: value }, ...options };
}

/** The builders, typed as TypeBox's own so that src/common compiles the same for the web. */
export const Type = { String, Integer, Number, Boolean, Null, Unknown, Unsafe, Literal, Array, Union, Optional, Object, Record } as unknown as typeof import('typebox').Type;
