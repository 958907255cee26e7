// What every answer to a fuzz request must look like: never a 5xx, every error an RFC 9457 problem
// as app.ts's error handler builds it (toProblem), and no body that shows how the server is built.
import type { LightMyRequestResponse } from 'fastify';
import { ERRORS } from '../../../src/server/platform/errors.js';

/** Signs of internals in a body: stack frames, SQL, the server's own file system. */
const LEAKS: [string, RegExp][] = [
  ['stack trace', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+(?::\d+)?/],
  ['stack trace', /\.(?:ts|js|mjs|cjs):\d+:\d+/],
  ['node_modules', /node_modules/],
  ['SQL', /\b(?:select\b[\s\S]{1,200}?\bfrom|insert\s+into|update\b[\s\S]{1,100}?\bset|delete\s+from)\b/i],
  ['SQL', /syntax error at or near|\bviolates\b|\brelation "[^"]+"|duplicate key value|invalid input syntax/i],
  ['file path', /(?:^|[^\w.-])\/(?:work|tmp|root)(?:\/|\b)|src\/server/],
];

/** Types whose bodies are documents (PDF, spreadsheets, images), not text the server wrote. */
const BINARY = /^(?:application\/(?:pdf|octet-stream|zip|vnd\.)|image\/)/;

/** The problems of one answer (empty when it is fine). */
export function verdict(res: LightMyRequestResponse): string[] {
  const out: string[] = [];
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 500) out.push(`status ${res.statusCode}`);
  if (res.statusCode >= 400) {
    if (!type.startsWith('application/problem+json')) out.push(`error answered as "${type || 'no content type'}", not application/problem+json`);
    let body: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(res.body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      /* reported below */
    }
    if (!body) out.push('error body is not a JSON object');
    else {
      const code = body.code;
      if (typeof code !== 'string' || !(code in ERRORS)) out.push(`problem code ${JSON.stringify(code)} is not in errors.ts`);
      else {
        if (body.type !== `urn:dvc:error:${code}`) out.push(`problem type ${JSON.stringify(body.type)}`);
        if (body.title !== code) out.push(`problem title ${JSON.stringify(body.title)}`);
        if (ERRORS[code as keyof typeof ERRORS].status !== res.statusCode) out.push(`code ${code} answered with status ${res.statusCode}`);
      }
      if (body.status !== res.statusCode) out.push(`problem status ${JSON.stringify(body.status)} ≠ HTTP ${res.statusCode}`);
      if (typeof body.detail !== 'string' || typeof body.message !== 'string') out.push('problem without detail/message');
      if (code === 'CSRF_INVALID') out.push('CSRF refused: the fuzz did not reach the route (harness)');
    }
  }
  if (!BINARY.test(type)) {
    for (const [what, re] of LEAKS) {
      const m = re.exec(res.body);
      if (m) {
        out.push(`${what} in body: …${res.body.slice(Math.max(0, m.index - 40), m.index + 80)}…`);
        break;
      }
    }
  }
  return out;
}
