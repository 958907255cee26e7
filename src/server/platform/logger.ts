// pino with redaction configured once: no password, OTP, token or cookie ever reaches a log line,
// nor the values bound into a failed SQL statement (CMND/CCCD numbers, names, form data).
import pino, { type DestinationStream, type Logger } from 'pino';

export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.otp',
  '*.token',
  '*.body',
  'payload.body',
];

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  id?: string;
}

const REDACTED = '[redacted]';

/**
 * Properties of an error that carry data rather than a description of the failure: the values
 * bound to a statement (Drizzle and PGlite `params`, `parameters`), the statement context of a
 * PL/pgSQL error (`where`, `internalQuery`: SQL text with literals), ID-token claims (openid's
 * OperationProcessingError cause), bodies, headers, request/response objects.
 */
const DATA_KEYS = new Set(
  ['params', 'parameters', 'queryOptions', 'values', 'where', 'internalQuery', 'claims', 'body', 'payload', 'formData', 'headers', 'request', 'response', 'raw', 'data'].map(
    (k) => k.toLowerCase(),
  ),
);
/** Structure, not payload: whatever is already serialised or rebuilt below. */
const REBUILT = new Set(['message', 'stack', 'cause', 'errors']);
const MAX_DEPTH = 5;
const MAX_STRING = 4000;

/** E-mail addresses and 9–12 digit runs (phone, CMND/CCCD, tax code) masked; bounded. */
function maskText(s: string): string {
  return s
    .replace(/[^\s@<>()"',;:=]+@[^\s@<>()"',;:=]+\.[^\s@<>()"',;:=]+/g, '[email]')
    .replace(/(?<![\w.])\+?\d{9,12}(?![\w.])/g, '[number]')
    .slice(0, MAX_STRING);
}

/**
 * An error message without bound values: Drizzle's "Failed query: <sql>\nparams: <values>" cut
 * before "params:", and a quoted value after a colon (PostgreSQL's `invalid input syntax for type
 * uuid: "…"`, `date/time field value out of range: "…"`) replaced. Identifiers quoted without a
 * colon before them (`relation "users"`, `constraint "users_id_number_uq"`) stay.
 */
export function scrubMessage(message: string): string {
  let m = message;
  const at = m.search(/(^|\n)\s*params:/);
  if (at >= 0) m = `${m.slice(0, at)}\nparams: ${REDACTED}`;
  // Drizzle's message is SQL text with $n placeholders: left as it is.
  if (!m.startsWith('Failed query:')) m = m.replace(/: "(?:[^"\\]|\\.)*"/g, `: "${REDACTED}"`);
  return maskText(m);
}

/**
 * PostgreSQL's `detail` without the values: "Key (id_number)=(001090000001) already exists." →
 * "Key (id_number)=([redacted]) already exists."; "Failing row contains (…)." likewise; a quoted
 * value ("Token "…" is invalid.") too, except the names of tables, relations and constraints.
 */
export function scrubDetail(detail: string): string {
  const key = /^(Key \([^)]*\)=)/.exec(detail);
  const head = key ? key[1]! : '';
  const rest = detail
    .slice(head.length)
    .replace(/\(.*\)/s, `(${REDACTED})`)
    .replace(/(?<!\b(?:table|relation|constraint|column|index|schema|type|function|database|role) )"(?:[^"\\]|\\.)*"/g, `"${REDACTED}"`);
  return maskText(head + rest);
}

/** Any other value found on an error: data-bearing keys dropped, strings masked, depth bounded. */
function scrubValue(value: unknown, depth: number, seen: Set<object>): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (isErrorLike(value)) return serializeError(value, depth + 1, seen);
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrubValue(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (DATA_KEYS.has(k.toLowerCase())) continue;
    const s = k === 'detail' && typeof v === 'string' ? scrubDetail(v) : scrubValue(v, depth + 1, seen);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** As pino decides: anything with a string `message`. */
function isErrorLike(v: unknown): v is Error & Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: unknown;
  aggregateErrors?: unknown[];
  [key: string]: unknown;
}

/**
 * The `err` serializer: pino's shape (type, message, stack, own properties) with the bound values
 * stripped at every level — the wrapping DrizzleQueryError (`query` stays: it is the SQL text with
 * $n placeholders; `params` goes), its driver `cause` (pg's `code`, `constraint`, `table` stay;
 * `detail` keeps its keys but not the values; `where` goes), and any further cause.
 */
export function serializeError(err: unknown, depth = 0, seen: Set<object> = new Set()): unknown {
  // `{ err: e.message }` is common: a bare message gets the same treatment.
  if (typeof err === 'string') return scrubMessage(err);
  if (!isErrorLike(err)) return scrubValue(err, depth, seen);
  if (seen.has(err) || depth > MAX_DEPTH) return { type: 'Error', message: '[circular or too deep]' };
  seen.add(err);
  const rawMessage = err.message;
  const message = scrubMessage(rawMessage);
  // A minified class name (PGlite's DatabaseError is "O") says less than `name`.
  const ctor = typeof err.constructor === 'function' ? err.constructor.name : '';
  const out: SerializedError = { type: ctor.length > 1 ? ctor : String(err.name ?? 'Error'), message };
  if (typeof err.stack === 'string') {
    // The first line(s) of a V8 stack repeat the message, values and all.
    const stack = rawMessage && err.stack.includes(rawMessage) ? err.stack.replace(rawMessage, message) : err.stack;
    out.stack = maskText(stack.replace(/\nparams:[^\n]*(\n(?!\s+at )[^\n]*)*/g, `\nparams: ${REDACTED}`));
  }
  for (const key in err) {
    if (REBUILT.has(key) || DATA_KEYS.has(key.toLowerCase())) continue;
    const v = (err as Record<string, unknown>)[key];
    const s = key === 'detail' && typeof v === 'string' ? scrubDetail(v) : scrubValue(v, depth, seen);
    if (s !== undefined) out[key] = s;
  }
  const cause = (err as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== null) {
    out.cause = isErrorLike(cause) ? serializeError(cause, depth + 1, seen) : scrubValue(cause, depth + 1, seen);
  }
  const errors = (err as { errors?: unknown }).errors;
  if (Array.isArray(errors)) out.aggregateErrors = errors.slice(0, 20).map((e) => serializeError(e, depth + 1, seen));
  return out;
}

/** `destination`: where lines go (stdout by default; tests pass a stream to read them). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: redactPaths, censor: REDACTED },
    serializers: {
      // Query strings carry personal data (a CMND/CCCD in ?idNumber=): log the path only.
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0], ip: req.ip }),
      res: pino.stdSerializers.res,
      err: serializeError,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
