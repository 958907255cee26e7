// Loads the 2025 administrative units (data/admin-units-2025.json, see data/SOURCES.md) into
// admin_units. Idempotent: runs at every start and only writes when the data changed.
import { and, count, inArray, isNotNull, like, sql } from 'drizzle-orm';
import { searchKey } from '../../../common/text.js';
import { rowsOf, type Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { readDataJson } from '../../platform/data-files.js';
import { newId } from '../../platform/ids.js';
import { adminUnits, agencies } from './tables.js';

interface UnitsFile {
  provinces: { code: string; name: string; shortName: string; type: string }[];
  communes: { code: string; name: string; shortName: string; type: string; provinceCode: string }[];
}

export async function loadAdminUnits(db: Db): Promise<number> {
  const file = readDataJson<UnitsFile>('admin-units-2025.json');
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

// ---------------------------------------------------------------------------------------------
// Reference agencies: one "UBND …" per 2025 province and commune (see data/SOURCES.md).

/** Marks the 'created' history rows of seeded units (after.source). */
const SOURCE = 'admin-units-2025';

/** The 2025 reform took effect on this date: the seeded units are valid from it. */
export const REFORM_DATE = '2025-07-01';

const TYPE_LABEL: Record<string, string> = {
  tinh: 'tỉnh',
  'thanh-pho': 'thành phố',
  phuong: 'phường',
  xa: 'xã',
  'dac-khu': 'đặc khu',
};

/** "Tỉnh Cao Bằng" → "UBND tỉnh Cao Bằng"; "Phường Ba Đình" → "UBND phường Ba Đình". */
export function referenceAgencyName(unit: { name: string; shortName: string; type: string }): string {
  const label = TYPE_LABEL[unit.type];
  return label ? `UBND ${label} ${unit.shortName}` : `UBND ${unit.name}`;
}

/**
 * Placeholder Mã định danh in the official shape NNN.NN.NN.XNN. The letter Z is not used by real
 * codes, so these cannot collide with them: province 000.00.00.Z<pp>, the i-th commune of the
 * province (by commune code, from 1) 000.<i div 100>.<i mod 100>.Z<pp>. An administrator replaces
 * them with the real codes ("Sửa" in Quản lý cơ quan/đơn vị).
 */
export function placeholderAgencyCode(provinceCode: string, i = 0): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `000.${two(Math.floor(i / 100))}.${two(i % 100)}.Z${provinceCode}`;
}

interface RefUnit {
  code: string;
  name: string;
  shortName: string;
  type: string;
  level: string;
  provinceCode: string | null;
}

/**
 * Creates the missing reference agencies: one per province (kind province) and one per commune
 * (kind commune, under its province's agency). An existing agency of the same kind and
 * administrative unit is reused (e.g. the demo's UBND tỉnh Quảng Ngãi). Idempotent, and when
 * nothing is missing it costs one query, since it runs at every start. Returns the number created.
 */
export async function seedReferenceAgencies(db: Db, clock: Clock): Promise<number> {
  const missing = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from admin_units u
      where not exists (
        select 1 from agencies a
        where a.admin_unit_code = u.code and a.kind = case when u.level = 'province' then 'province' else 'commune' end
      ) and not exists (
        select 1 from agency_history h
        where h.change = 'created' and h.after->>'source' = ${SOURCE} and h.after->>'adminUnitCode' = u.code
      )`),
  );
  if (Number(missing[0]?.n ?? 0) === 0) return 0;

  return db.transaction(async (tx) => {
    const units = (await tx.select().from(adminUnits).orderBy(adminUnits.code)) as RefUnit[];
    const existing = await tx
      .select({ id: agencies.id, kind: agencies.kind, adminUnitCode: agencies.adminUnitCode })
      .from(agencies)
      .where(and(inArray(agencies.kind, ['province', 'commune']), isNotNull(agencies.adminUnitCode)))
      .orderBy(agencies.createdAt, agencies.id);
    const byUnit = new Map<string, string>();
    for (const a of existing) {
      const key = `${a.kind}:${a.adminUnitCode}`;
      if (!byUnit.has(key)) byUnit.set(key, a.id);
    }
    // Units seeded here once and changed since (another kind): still theirs, not to be created again.
    const seeded = rowsOf<{ agencyId: string; kind: string; adminUnitCode: string }>(
      await tx.execute(sql`
        select agency_id as "agencyId", after->>'kind' as kind, after->>'adminUnitCode' as "adminUnitCode"
        from agency_history where change = 'created' and after->>'source' = ${SOURCE}`),
    );
    for (const h of seeded) {
      const key = `${h.kind}:${h.adminUnitCode}`;
      if (!byUnit.has(key)) byUnit.set(key, h.agencyId);
    }
    // Only placeholder-shaped codes can collide with the ones generated here.
    const taken = new Set(
      (await tx.select({ code: agencies.code }).from(agencies).where(like(agencies.code, '000.__.__.Z__'))).map((r) => r.code),
    );
    const freeCode = (provinceCode: string, i: number, overflow: { next: number }) => {
      let code = placeholderAgencyCode(provinceCode, i);
      while (taken.has(code)) code = placeholderAgencyCode(provinceCode, overflow.next++);
      taken.add(code);
      return code;
    };

    const now = clock.now();
    const rows: { id: string; code: string; name: string; name_search: string; kind: string; parent_id: string | null; province_code: string; admin_unit_code: string }[] = [];
    const provinces = units.filter((u) => u.level === 'province');
    const communes = units.filter((u) => u.level === 'commune');
    const perProvince = new Map<string, RefUnit[]>();
    for (const c of communes) perProvince.set(c.provinceCode!, [...(perProvince.get(c.provinceCode!) ?? []), c]);

    const row = (u: RefUnit, kind: 'province' | 'commune', code: string, parentId: string | null, provinceCode: string) => {
      const name = referenceAgencyName(u);
      const id = newId();
      rows.push({ id, code, name, name_search: searchKey(name), kind, parent_id: parentId, province_code: provinceCode, admin_unit_code: u.code });
      byUnit.set(`${kind}:${u.code}`, id);
    };

    for (const p of provinces) {
      const list = perProvince.get(p.code) ?? [];
      // Codes past the province's last commune, for any code already taken.
      const overflow = { next: list.length + 1 };
      if (!byUnit.has(`province:${p.code}`)) row(p, 'province', freeCode(p.code, 0, overflow), null, p.code);
      list.forEach((c, idx) => {
        if (!byUnit.has(`commune:${c.code}`)) row(c, 'commune', freeCode(p.code, idx + 1, overflow), byUnit.get(`province:${p.code}`)!, p.code);
      });
    }

    if (rows.length === 0) return 0;
    // One statement with the rows as one JSON parameter: thousands of bound parameters would cost
    // more than the insert itself. A second process starting at the same time inserts the same
    // codes: theirs stand (on conflict do nothing), and only rows inserted here get history.
    const at = now.toISOString();
    const payload = JSON.stringify(rows.map((r) => ({ ...r, hid: newId() })));
    const result = await tx.execute(sql`
      with t as (
        select * from jsonb_to_recordset(${payload}::jsonb) as t(
          id uuid, hid uuid, code text, name text, name_search text, kind text, parent_id uuid, province_code text, admin_unit_code text)
      ), ins as (
        insert into agencies (id, code, name, name_search, kind, parent_id, province_code, admin_unit_code, created_at, updated_at, status, valid_from)
        select id, code, name, name_search, kind, parent_id, province_code, admin_unit_code, ${at}::timestamptz, ${at}::timestamptz, 'active', ${REFORM_DATE}::date
        from t
        on conflict do nothing
        returning id, code, name, kind, parent_id, admin_unit_code
      ), hist as (
        insert into agency_history (id, agency_id, change, effective_date, before, after, actor_id, at)
        select t.hid, ins.id, 'created', ${REFORM_DATE}::date, null::jsonb,
          jsonb_build_object('code', ins.code, 'name', ins.name, 'kind', ins.kind, 'parentId', ins.parent_id,
            'adminUnitCode', ins.admin_unit_code, 'source', ${SOURCE}::text),
          null::uuid, ${at}::timestamptz
        from ins join t on t.id = ins.id
        returning 1
      )
      select count(*)::int as n from hist`);
    return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  });
}
