// Loads the 2025 administrative units (data/admin-units-2025.json, see data/SOURCES.md) into
// admin_units. Idempotent: runs at every start and only writes when the data changed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { adminUnits } from './tables.js';

export const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data');

interface UnitsFile {
  provinces: { code: string; name: string; shortName: string; type: string }[];
  communes: { code: string; name: string; shortName: string; type: string; provinceCode: string }[];
}

export async function loadAdminUnits(db: Db): Promise<number> {
  const file = JSON.parse(fs.readFileSync(path.join(dataDir, 'admin-units-2025.json'), 'utf8')) as UnitsFile;
  const rows = [
    ...file.provinces.map((p) => ({ code: p.code, name: p.name, shortName: p.shortName, type: p.type, level: 'province', provinceCode: null })),
    ...file.communes.map((c) => ({ code: c.code, name: c.name, shortName: c.shortName, type: c.type, level: 'commune', provinceCode: c.provinceCode })),
  ];
  const [existing] = await db.select({ n: count() }).from(adminUnits);
  if (Number(existing?.n) === rows.length) return 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(adminUnits)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: adminUnits.code,
          set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, type: sql`excluded.type`, level: sql`excluded.level`, provinceCode: sql`excluded.province_code` },
        });
    }
  });
  return rows.length;
}
