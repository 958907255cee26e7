// Regular expressions written by catalogue administrators (an e-form's `pattern` and
// `patternProperties`) run on what citizens type. A pattern with nested quantifiers such as
// "^(a+)+$" backtracks for seconds on a 30-character string and freezes the event loop for every
// request, so such a pattern is executed only after recheck (static ReDoS analysis, run in its own
// child process or worker: `check` is asynchronous and never blocks this thread) has called it safe
// under the flag ajv compiles it with ('u').
//
// Measured (recheck 4.5, native backend, this 2-core machine): 1–40 ms per ordinary pattern, about
// 200 ms for the first call of a process (the checker starts), but up to 1.4–1.8 s for some
// patterns with counted repetitions or backreferences: checkSync would block the whole server that
// long, hence the asynchronous `check` with a time limit. Verdicts are cached per pattern string.
import { check, type Diagnostics } from 'recheck';

/** Longest pattern an e-form may carry. */
export const MAX_PATTERN_LENGTH = 200;
/** recheck's own limit for one analysis; a pattern it cannot judge in time is not proven safe. */
const CHECK_TIMEOUT_MS = 3000;
/** Our guard over recheck's (its child process could die and leave a promise pending). */
const GUARD_MS = CHECK_TIMEOUT_MS + 2000;
/** A verdict that came from a timeout or a checker failure is retried after this long. */
const TRANSIENT_TTL_MS = 10 * 60_000;
const MAX_CACHED = 2000;

export type PatternReason = 'too_long' | 'invalid' | 'vulnerable' | 'unknown';
export type PatternVerdict = { safe: true } | { safe: false; reason: PatternReason; detail?: string };

interface Entry {
  promise: Promise<PatternVerdict>;
  /** When to analyse again (transient failures only). */
  expiresAt: number;
}

const cache = new Map<string, Entry>();

function fromDiagnostics(d: Diagnostics): { verdict: PatternVerdict; transient: boolean } {
  if (d.status === 'safe') return { verdict: { safe: true }, transient: false };
  if (d.status === 'vulnerable') return { verdict: { safe: false, reason: 'vulnerable', detail: d.complexity.summary }, transient: false };
  const e = d.error;
  if (e.kind === 'invalid') return { verdict: { safe: false, reason: 'invalid', detail: e.message }, transient: false };
  if (e.kind === 'unsupported') return { verdict: { safe: false, reason: 'unknown', detail: e.message }, transient: false };
  return { verdict: { safe: false, reason: 'unknown', detail: e.kind }, transient: true };
}

async function analyse(source: string, flags: string): Promise<{ verdict: PatternVerdict; transient: boolean }> {
  if (source.length > MAX_PATTERN_LENGTH) return { verdict: { safe: false, reason: 'too_long' }, transient: false };
  try {
    new RegExp(source, flags);
  } catch (err) {
    return { verdict: { safe: false, reason: 'invalid', detail: (err as Error).message }, transient: false };
  }
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<{ verdict: PatternVerdict; transient: boolean }>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve({ verdict: { safe: false, reason: 'unknown', detail: 'timeout' }, transient: true });
    }, GUARD_MS);
    timer.unref();
  });
  try {
    const checked = check(source, flags, { timeout: CHECK_TIMEOUT_MS, signal: abort.signal }).then(fromDiagnostics);
    return await Promise.race([checked, guard]);
  } catch (err) {
    return { verdict: { safe: false, reason: 'unknown', detail: (err as Error).message }, transient: true };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether `source` may be executed by the backtracking engine with `flags` (ajv uses 'u'). Never
 * rejects; concurrent calls for one pattern share one analysis.
 */
export function verifyPattern(source: string, flags = 'u'): Promise<PatternVerdict> {
  const key = `${flags}/${source}`;
  const now = performance.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.promise;
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  const entry: Entry = { expiresAt: Number.POSITIVE_INFINITY, promise: Promise.resolve({ safe: false, reason: 'unknown' }) };
  entry.promise = analyse(source, flags).then(({ verdict, transient }) => {
    if (transient) entry.expiresAt = performance.now() + TRANSIENT_TTL_MS;
    return verdict;
  });
  cache.set(key, entry);
  return entry.promise;
}

// ---------------------------------------------------------------------------------------------
// Where the patterns of a JSON Schema are

export interface FoundPattern {
  source: string;
  keyword: 'pattern' | 'patternProperties';
  /** Path of the schema object that holds the keyword, e.g. ["properties", "contactPhone"]. */
  path: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords whose value maps names to subschemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data, not schema. */
const DATA = new Set(['const', 'enum', 'default', 'examples']);

/** "#/$defs/a~1b" → ["$defs", "a/b"]; null for a reference that is not a local JSON pointer. */
function pointerParts(ref: string): string[] | null {
  if (ref !== '#' && !ref.startsWith('#/')) return null;
  try {
    return ref.slice(1).split('/').slice(1).map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return null;
  }
}

function resolvePointer(root: unknown, parts: readonly string[]): unknown {
  let node: unknown = root;
  for (const p of parts) {
    if (Array.isArray(node)) node = node[Number(p)];
    else if (isObj(node)) node = node[p];
    else return undefined;
  }
  return node;
}

/**
 * Every `pattern` and `patternProperties` key in `schema`, at any depth. With `root`, local `$ref`s
 * ("#/$defs/phone") are followed too, so a field's list includes the definitions it uses.
 * Unknown keywords are searched as well: a pattern found where ajv would not use it costs nothing.
 */
export function patternsIn(schema: unknown, root?: unknown): FoundPattern[] {
  const out: FoundPattern[] = [];
  const followed = new Set<string>();
  const walk = (node: unknown, path: string[]): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, [...path, String(i)]));
      return;
    }
    if (!isObj(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (DATA.has(k)) continue;
      if (k === 'pattern') {
        if (typeof v === 'string') out.push({ source: v, keyword: 'pattern', path });
        continue;
      }
      if (k === '$ref' && root !== undefined && typeof v === 'string' && !followed.has(v)) {
        followed.add(v);
        const parts = pointerParts(v);
        if (parts) walk(resolvePointer(root, parts), parts);
        continue;
      }
      if (SCHEMA_MAPS.has(k) && isObj(v)) {
        for (const [name, sub] of Object.entries(v)) {
          if (k === 'patternProperties') out.push({ source: name, keyword: 'patternProperties', path });
          walk(sub, [...path, k, name]);
        }
        continue;
      }
      walk(v, [...path, k]);
    }
  };
  walk(schema, []);
  return out;
}
