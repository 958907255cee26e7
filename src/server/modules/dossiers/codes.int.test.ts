import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../../../../tests/support/system.js';
import { agencies } from '../agencies/tables.js';
import { nextDossierCode } from './codes.js';

const system = useTestSystem();

async function unit(code: string) {
  const [a] = await system().deps.db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(eq(agencies.code, code));
  return a!;
}

describe('nextDossierCode', () => {
  it('numbers concurrent receptions without gaps or duplicates, giving back the numbers of those rolled back', async () => {
    const desk = await unit('000.15.15.H48');
    const now = new Date('2026-11-27T03:00:00Z'); // 10:00 in Vietnam on 27/11/2026
    const attempts = Array.from({ length: 30 }, (_, i) =>
      system()
        .deps.db.transaction(async (tx) => {
          const code = await nextDossierCode(tx, desk, now);
          // Every third reception fails after taking its number (e.g. a missing document).
          if (i % 3 === 2) throw new Error('rolled back');
          return code;
        })
        .catch(() => null),
    );
    const codes = (await Promise.all(attempts)).filter((c): c is string => c !== null);
    expect(codes).toHaveLength(20);
    expect(new Set(codes).size).toBe(20);
    expect(codes.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `000.15.15.H48-261127-${String(i + 1).padStart(4, '0')}`));
  });

  it('starts again at 0001 on the next day in Vietnam and for each agency', async () => {
    const db = system().deps.db;
    const desk = await unit('000.15.15.H48');
    const other = await unit('000.17.15.H48');
    const code = (agency: { id: string; code: string }, iso: string) => db.transaction((tx) => nextDossierCode(tx, agency, new Date(iso)));
    // Days no other test numbers in: 16:58 and 16:59 UTC are 23:58 and 23:59 on 10/12 in Vietnam;
    // 17:01 UTC is already 11/12.
    expect(await code(desk, '2026-12-10T16:58:00Z')).toBe('000.15.15.H48-261210-0001');
    expect(await code(desk, '2026-12-10T16:59:00Z')).toBe('000.15.15.H48-261210-0002');
    expect(await code(desk, '2026-12-10T17:01:00Z')).toBe('000.15.15.H48-261211-0001');
    expect(await code(other, '2026-12-10T17:02:00Z')).toBe('000.17.15.H48-261211-0001');
  });
});
