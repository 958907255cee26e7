// "Tra cứu hồ sơ" cannot be guessed (issue 13, defect 12): codes are sequential and the secret is
// the last four digits of a phone, so wrong guesses are counted per code across every address.
import { Http } from '../../../../tests/support/http.js';
import { agencyId, citizenClient, submitKhaiSinh } from '../../../../tests/support/dossiers.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { TRACKING_GUESSES } from './tracking.js';

const system = useTestSystem();
const HOURLY = TRACKING_GUESSES[0].limit;
const clock = () => system().clock as ManualClock;

let address = 0;
/** A visitor from an address of its own, as a group of attackers would be. */
const stranger = () => new Http(system().app, `10.88.${Math.floor(address / 250)}.${(address++ % 250) + 1}`);
const track = (code: string, phone: string, h = stranger()) => h.get(`/api/tracking?code=${encodeURIComponent(code)}&phone=${phone}`);

async function fileDossier(): Promise<string> {
  const h = await citizenClient(system().app);
  const res = await submitKhaiSinh(h, await agencyId(system().deps.db, '000.01.15.H48'));
  expect(res.statusCode).toBe(201);
  return res.json<{ code: string }>().code;
}

describe('Tra cứu hồ sơ: wrong guesses per dossier', () => {
  it('pauses a code for everyone after 10 wrong guesses from 10 addresses, even for the right digits, until the hour is over', async () => {
    const code = await fileDossier();
    // The demo citizen's phone is 0912345678: "5678" is right.
    expect((await track(code, '5678')).statusCode).toBe(200);
    for (let i = 0; i < HOURLY; i++) expect((await track(code, String(1000 + i))).json().code).toBe('TRACKING_NOT_FOUND');

    const blocked = await track(code, '5678');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json()).toMatchObject({ code: 'TRACKING_PAUSED' });
    expect(blocked.json().message).toContain('Hồ sơ của tôi');

    // The pause is audited on the dossier.
    const rows = await system().deps.db.select().from(auditLog).where(eq(auditLog.action, 'dossier.tracking_paused'));
    expect(rows.filter((r) => (r.after as { code?: string } | null)?.code === code)).toHaveLength(1);

    clock().advance(3600_000);
    expect((await track(code, '5678')).statusCode).toBe(200);
  });

  it('keeps other dossiers answering while one is paused', async () => {
    const [attacked, other] = [await fileDossier(), await fileDossier()];
    for (let i = 0; i < HOURLY; i++) await track(attacked, String(2000 + i));
    expect((await track(attacked, '5678')).json().code).toBe('TRACKING_PAUSED');
    expect((await track(other, '5678')).statusCode).toBe(200);
  });

  it('answers a code that names no dossier the same way, so the pause tells nothing', async () => {
    const unknown = 'G22.99-261203-9999';
    for (let i = 0; i < HOURLY; i++) expect((await track(unknown, String(3000 + i))).json().code).toBe('TRACKING_NOT_FOUND');
    expect((await track(unknown, '5678')).json().code).toBe('TRACKING_PAUSED');
  });

  it('counts the day too: 20 wrong guesses pause the code until the next day', async () => {
    // The counters are fixed windows (platform/rate-limit.ts): start early in a day's window, so
    // that the two hours this test spends do not run into the next day whenever the suite runs.
    const today = Math.floor(clock().now().getTime() / 86_400_000) * 86_400_000;
    clock().set(new Date(today + 3600_000));
    const code = await fileDossier();
    for (let i = 0; i < HOURLY; i++) await track(code, String(4000 + i));
    clock().advance(3600_000);
    for (let i = 0; i < TRACKING_GUESSES[1].limit - HOURLY; i++) await track(code, String(5000 + i));
    clock().advance(3600_000);
    expect((await track(code, '5678')).json().code).toBe('TRACKING_PAUSED');
    // The next day the right digits answer again.
    clock().set(new Date(today + 86_400_000 + 60_000));
    expect((await track(code, '5678')).statusCode).toBe(200);
  });
});
