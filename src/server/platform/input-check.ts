// Values no handler should ever see (issue 13): NUL bytes (PostgreSQL refuses them in text),
// lone UTF-16 surrogates (node-postgres would silently store U+FFFD in their place) and
// non-finite numbers ("1e400" coerces to Infinity and passes a bare number schema).
export type InputProblem = 'INVALID_CHARACTERS' | 'NUMBER_OUT_OF_RANGE';

const MAX_DEPTH = 32;
// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function stringProblem(s: string): InputProblem | null {
  return s.includes('\u0000') || LONE_SURROGATE.test(s) ? 'INVALID_CHARACTERS' : null;
}

/** The first problem found in a parsed request part (params, query or JSON body), or null. */
export function inputProblem(value: unknown, depth = 0): InputProblem | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return stringProblem(value);
    case 'number':
      return Number.isFinite(value) ? null : 'NUMBER_OUT_OF_RANGE';
    case 'object': {
      if (depth > MAX_DEPTH || Buffer.isBuffer(value)) return null;
      if (Array.isArray(value)) {
        for (const v of value) {
          const p = inputProblem(v, depth + 1);
          if (p) return p;
        }
        return null;
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const p = stringProblem(k) ?? inputProblem(v, depth + 1);
        if (p) return p;
      }
      return null;
    }
    default:
      return null;
  }
}
