// Request bodies the server cannot read (issue 15): broken JSON, an empty body declared as JSON, a
// content type no route takes, a body over the 1 MB limit. Sent over a real socket to a real route
// (POST /api/auth/login), as a browser sends them: with the CSRF cookie and token, because the CSRF
// check runs first (an onRequest hook, before the body is read), so without them the answer is
// CSRF_INVALID whatever the body. Every answer is an RFC 9457 problem with a stable code and a
// Vietnamese message, never the body parser's English text.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../../../tests/support/system.js';
import type { Problem } from './errors.js';

const system = useTestSystem({ listen: true });
const LOGIN = '/api/auth/login';

/** Letters only Vietnamese has (with their diacritics). */
const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵẹẻẽèéêệềếểễịỉĩìíọỏõòóôộồốổỗơợờớởỡụủũùúưựừứửữỵỷỹỳýđ]/i;
/** What Fastify and its parsers say in English about these requests. */
const ENGLISH = [
  'Unexpected end of JSON input',
  'Unexpected token',
  'Body cannot be empty',
  "content-type is set to 'application/json'",
  'Body is not valid JSON',
  'Unsupported Media Type',
  'Unsupported Content-Type',
  'Request body is too large',
  'Payload Too Large',
  'Bad Request',
  'FST_ERR',
];

/** A browser's CSRF pair: the secret cookie and the token that goes with it. */
async function csrf(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const { token } = (await res.json()) as { token: string };
  return { cookie, token };
}

async function post(body: string | undefined, headers: Record<string, string>, withCsrf = true) {
  const base = system().baseUrl!;
  const pair = withCsrf ? await csrf(base) : null;
  const res = await fetch(`${base}${LOGIN}`, {
    method: 'POST',
    headers: { ...headers, ...(pair ? { cookie: pair.cookie, 'x-csrf-token': pair.token } : {}) },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, problem: JSON.parse(text) as Problem };
}

function expectVietnameseProblem(res: Awaited<ReturnType<typeof post>>, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.type).toContain('application/problem+json');
  expect(res.problem).toMatchObject({ status, code, type: `urn:dvc:error:${code}`, title: code, instance: LOGIN });
  expect(res.problem.message).toMatch(VIETNAMESE);
  expect(res.problem.detail).toBe(res.problem.message);
  for (const english of ENGLISH) expect(res.text.toLowerCase()).not.toContain(english.toLowerCase());
}

describe('a request body the server cannot read', () => {
  it('malformed JSON answers 400 JSON_BODY_INVALID in Vietnamese', async () => {
    const res = await post('{"a":', { 'content-type': 'application/json' });
    expectVietnameseProblem(res, 400, 'JSON_BODY_INVALID');
    expect(res.problem.message).toContain('không đúng định dạng JSON');
    // A JSON body that tries to set __proto__ is refused the same way.
    expectVietnameseProblem(await post('{"login":"a","__proto__":{"x":1}}', { 'content-type': 'application/json' }), 400, 'JSON_BODY_INVALID');
  });

  it('an empty body declared as JSON answers 400 JSON_BODY_EMPTY in Vietnamese', async () => {
    const res = await post('', { 'content-type': 'application/json' });
    expectVietnameseProblem(res, 400, 'JSON_BODY_EMPTY');
    expect(res.problem.message).toContain('không gửi kèm dữ liệu nào');
    expectVietnameseProblem(await post(undefined, { 'content-type': 'application/json; charset=utf-8' }), 400, 'JSON_BODY_EMPTY');
  });

  it('a content type no route reads answers 415 UNSUPPORTED_MEDIA_TYPE in Vietnamese', async () => {
    for (const type of ['application/xml', 'text/csv', 'application/x-www-form-urlencoded']) {
      const res = await post('<login>a</login>', { 'content-type': type });
      expectVietnameseProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(res.problem.message).toContain('không được hỗ trợ');
    }
  });

  it('a body over the limit answers 413 PAYLOAD_TOO_LARGE in Vietnamese', async () => {
    const body = JSON.stringify({ login: 'a'.repeat(2 * 1024 * 1024), password: 'Demo@2026' });
    const res = await post(body, { 'content-type': 'application/json' });
    expectVietnameseProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.problem.message).toContain('vượt quá dung lượng cho phép');
  });

  it('a compressed body that cannot be decompressed, or an unknown compression, is refused in Vietnamese', async () => {
    expectVietnameseProblem(await post('{"login":"a"}', { 'content-type': 'application/json', 'content-encoding': 'gzip' }), 400, 'BAD_REQUEST');
    const unknown = await post('{"login":"a"}', { 'content-type': 'application/json', 'content-encoding': 'lzma' });
    expectVietnameseProblem(unknown, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(unknown.problem.message).toContain('Content-Encoding');
  });

  it('without the CSRF token the CSRF check answers first, also in Vietnamese', async () => {
    for (const [body, type] of [
      ['{"a":', 'application/json'],
      ['', 'application/json'],
      ['<a/>', 'application/xml'],
    ] as const) {
      expectVietnameseProblem(await post(body, { 'content-type': type }, false), 403, 'CSRF_INVALID');
    }
  });

  it('a readable body still reaches the route', async () => {
    const res = await post(JSON.stringify({ audience: 'officer', login: 'admin.demo', password: 'Demo@2026' }), { 'content-type': 'application/json' });
    expect(res.status, res.text).toBe(200);
  });
});
