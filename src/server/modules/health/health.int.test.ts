import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../../tests/support/system.js';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.close();
});

describe('GET /healthz', () => {
  it('answers ok while the database answers', async () => {
    const res = await sys.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers an unexpected failure with 500, a Vietnamese message and a request id, without details', async () => {
    const { loggedIn } = await import('../../../../tests/support/http.js');
    const h = await loggedIn(sys.app, 'officer', 'motcua.demo');
    await sys.database.close();
    const res = await h.get('/api/auth/me');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', status: 500, requestId: expect.any(String) });
    expect(res.json().message).toContain('Hệ thống gặp lỗi');
    expect(res.body).not.toMatch(/stack|closed|PGlite|pg\b/i);
  });

  it('answers 503 once the database is gone', async () => {
    await sys.database.close();
    const res = await sys.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable' });
    // Reopen nothing: close() below tolerates the closed database.
  });
});
