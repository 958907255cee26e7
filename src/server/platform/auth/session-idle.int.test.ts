// Issue 13, defect 13: a session ends after idle time — officers 30 minutes, citizens 60 (the
// production defaults, configurable) — while activity keeps it alive; the page then gets 401
// NOT_AUTHENTICATED and goes to the login page.
import { describe, expect, it } from 'vitest';
import { addCitizen, addOfficerAccount } from '../../../../tests/support/fixtures.js';
import { loggedIn, type Http } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../clock.js';

// tests/support/system.ts lengthens the idle limits for the other test files; these are the defaults.
const system = useTestSystem({ env: { SESSION_IDLE_MINUTES_OFFICER: '30', SESSION_IDLE_MINUTES_CITIZEN: '60' } });

const wait = (minutes: number) => (system().clock as ManualClock).advance(minutes * 60_000);

async function me(h: Http): Promise<{ status: number; code?: string }> {
  const res = await h.get('/api/auth/me');
  return { status: res.statusCode, code: res.statusCode === 200 ? undefined : res.json<{ code: string }>().code };
}

async function officer(): Promise<Http> {
  const o = await addOfficerAccount(system().deps.db, system().clock.now());
  return loggedIn(system().app, 'officer', o.username);
}

async function citizen(): Promise<Http> {
  const c = await addCitizen(system().deps.db, system().clock.now());
  return loggedIn(system().app, 'citizen', c.idNumber);
}

describe('idle sessions', () => {
  it('end for an officer after 30 idle minutes, with 401 NOT_AUTHENTICATED', async () => {
    const h = await officer();
    wait(29);
    expect(await me(h)).toEqual({ status: 200 });
    wait(30);
    expect(await me(h)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' });
    // Writes are refused as well, and the session does not come back by itself.
    const write = await h.post('/api/auth/logout-all', {});
    expect(write.statusCode).toBe(401);
    expect(await me(h)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' });
  });

  it('stay alive while the officer keeps working, however long the day', async () => {
    const h = await officer();
    // Four hours of work with a request every 25 minutes.
    for (let i = 0; i < 10; i++) {
      wait(25);
      expect(await me(h), `after ${(i + 1) * 25} minutes`).toEqual({ status: 200 });
    }
    wait(31);
    expect(await me(h)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' });
  });

  it('last 60 idle minutes for a citizen: after 45 minutes the citizen is still in, an officer is not', async () => {
    const c = await citizen();
    const o = await officer();
    wait(45);
    expect(await me(o)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' });
    expect(await me(c)).toEqual({ status: 200 });
    wait(59);
    expect(await me(c)).toEqual({ status: 200 });
    wait(61);
    expect(await me(c)).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' });
  });
});
