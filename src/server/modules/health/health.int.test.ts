import { describe, expect, it } from 'vitest';
import { loggedIn } from '../../../../tests/support/http.js';
import { startTestSystem, useTestSystem, type TestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import type { getHealth } from '../../../common/api/health.js';

const system = useTestSystem();

/** A system of the test's own, for the tests that close its database. */
async function withOwnSystem(run: (sys: TestSystem) => Promise<void>): Promise<void> {
  const sys = await startTestSystem();
  try {
    await run(sys);
  } finally {
    // close() tolerates the closed database.
    await sys.close();
  }
}

describe('GET /healthz', () => {
  it('answers ok while the database answers', async () => {
    const res = await system().app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Reply<typeof getHealth>>()).toEqual({ status: 'ok' });
  });

  it('answers a request while the database is away with 503, a Vietnamese message, Retry-After and a request id, without details', async () => {
    await withOwnSystem(async (sys) => {
      const h = await loggedIn(sys.app, 'officer', 'motcua.demo');
      await sys.database.close();
      const res = await h.get('/api/auth/me');
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503, requestId: expect.any(String) });
      expect(res.json().message).toContain('tạm thời gián đoạn');
      expect(res.body).not.toMatch(/stack|closed|PGlite|pg\b/i);
    });
  });

  it('answers 503 once the database is gone', async () => {
    await withOwnSystem(async (sys) => {
      await sys.database.close();
      const res = await sys.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable' });
    });
  });
});
