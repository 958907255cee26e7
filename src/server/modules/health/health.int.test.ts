import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../../../../tests/support/system.js';

const system = useTestSystem();

describe('GET /healthz', () => {
  it('answers ok while the database answers', async () => {
    const res = await system().app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers an unexpected failure with 500, a Vietnamese message and a request id, without details', async () => {
    const { loggedIn } = await import('../../../../tests/support/http.js');
    const h = await loggedIn(system().app, 'officer', 'motcua.demo');
    await system().database.close();
    const res = await h.get('/api/auth/me');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', status: 500, requestId: expect.any(String) });
    expect(res.json().message).toContain('Hệ thống gặp lỗi');
    expect(res.body).not.toMatch(/stack|closed|PGlite|pg\b/i);
  });

  it('answers 503 once the database is gone', async () => {
    await system().database.close();
    const res = await system().app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable' });
    // Reopen nothing: close() below tolerates the closed database.
  });
});
