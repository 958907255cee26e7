// Rows that integration tests add beside the demo data: a unit, an officer, and the usual
// "somebody of another province" that a Quảng Ngãi level-1 administrator must never reach.
import { searchKey } from '../../src/common/text.js';
import type { Db } from '../../src/server/db/client.js';
import { newId } from '../../src/server/platform/ids.js';
import { agencies, type AgencyKind } from '../../src/server/modules/agencies/tables.js';
import { userUnits, users } from '../../src/server/modules/users/tables.js';

export async function addUnit(
  db: Db,
  now: Date,
  u: { code: string; name: string; kind?: AgencyKind; parentId?: string | null; provinceCode?: string; status?: 'active' | 'inactive' },
): Promise<string> {
  const id = newId();
  await db.insert(agencies).values({
    id,
    code: u.code,
    name: u.name,
    nameSearch: searchKey(u.name),
    kind: u.kind ?? 'one_stop_desk',
    parentId: u.parentId ?? null,
    provinceCode: u.provinceCode ?? '51',
    status: u.status ?? 'active',
    createdAt: now,
  });
  return id;
}

export async function addOfficer(
  db: Db,
  now: Date,
  o: { username: string; fullName: string; phone: string; idNumber?: string; passwordHash?: string | null; unitIds?: string[] },
): Promise<string> {
  const id = newId();
  await db.insert(users).values({
    id,
    kind: 'officer',
    username: o.username,
    idNumber: o.idNumber ?? null,
    fullName: o.fullName,
    fullNameSearch: searchKey(o.fullName),
    phone: o.phone,
    passwordHash: o.passwordHash ?? null,
    createdAt: now,
    updatedAt: now,
  });
  for (const agencyId of o.unitIds ?? []) await db.insert(userUnits).values({ userId: id, agencyId, assignedAt: now });
  return id;
}

/** A one-stop desk of Hà Nội and its officer `hanoi.officer` (assigned to it unless `assign: false`). */
export async function addHanoiOfficer(
  db: Db,
  now: Date,
  opts: { code?: string; idNumber?: string; passwordHash?: string | null; assign?: boolean } = {},
): Promise<{ unitId: string; officerId: string }> {
  const unitId = await addUnit(db, now, { code: opts.code ?? '000.00.00.H26', name: 'Bộ phận Một cửa phường Ba Đình', provinceCode: '01' });
  const officerId = await addOfficer(db, now, {
    username: 'hanoi.officer',
    fullName: 'Hoàng Văn Hà',
    phone: '0987000111',
    idNumber: opts.idNumber,
    passwordHash: opts.passwordHash,
    unitIds: opts.assign === false ? [] : [unitId],
  });
  return { unitId, officerId };
}
