// Rows that integration tests add beside the demo data: a unit, an officer, a citizen, and the
// usual "somebody of another province" that a Quảng Ngãi level-1 administrator must never reach.
// A test that changes an account (its password, units, permissions, status, lockouts) makes its
// own with these helpers, with numbers no other test of the file uses, so that tests pass alone
// and in any order (`vitest --sequence.shuffle`).
import { searchKey } from '../../src/common/text.js';
import { checkIdNumber, normalizeMobile } from '../../src/common/vn-ids.js';
import type { Db } from '../../src/server/db/client.js';
import { hashPassword } from '../../src/server/platform/auth/password.js';
import { newId } from '../../src/server/platform/ids.js';
import { agencies, type AgencyKind } from '../../src/server/modules/agencies/tables.js';
import { userPermissions, userUnits, users } from '../../src/server/modules/users/tables.js';

/** The password of the demo accounts, and of every account these helpers create. */
export const TEST_PASSWORD = 'Demo@2026';

// One counter per test file (Vitest gives each file its own module instance, and each file its
// own database), so numbers never repeat within a file, whatever order its tests run in.
let serial = 0;
const next = () => ++serial;

/**
 * A valid CCCD nobody else in this file has: province code, the century/sex digit and the two
 * year digits agree with the birth year (src/common/vn-ids.ts); the serial part starts with 8,
 * which no demo resident, VNeID identity or fixed number in the tests uses.
 */
export function uniqueIdNumber(opts: { birthYear?: number; sex?: 'male' | 'female'; province?: string } = {}): string {
  const year = opts.birthYear ?? 1990;
  const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (opts.sex === 'female' ? 1 : 0);
  const id = `${opts.province ?? '001'}${centuryDigit}${String(year % 100).padStart(2, '0')}8${String(next() % 100_000).padStart(5, '0')}`;
  if (!checkIdNumber(id, `${year}-01-01`).ok) throw new Error(`uniqueIdNumber made an invalid CCCD ${id}`);
  return id;
}

/** A valid Vietnamese mobile number nobody else in this file has (0398…, unused by the demo data). */
export function uniquePhone(): string {
  const phone = `0398${String(next() % 1_000_000).padStart(6, '0')}`;
  if (normalizeMobile(phone) !== phone) throw new Error(`uniquePhone made an invalid number ${phone}`);
  return phone;
}

/** An officer login name nobody else in this file has. */
export function uniqueUsername(prefix = 'canbo'): string {
  return `${prefix}.t${next()}`;
}

/** A Mã định danh (LLL.KK.JJ.Xnn) no unit of the demo or reference data has. */
export function uniqueAgencyCode(suffix = 'H48'): string {
  return `${String(100 + (next() % 900)).padStart(3, '0')}.50.15.${suffix}`;
}

const hashes = new Map<string, Promise<string>>();
/** argon2 takes a while: one hash per password and file. */
export function passwordHashOf(password = TEST_PASSWORD): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

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
  o: {
    username: string;
    fullName: string;
    phone: string;
    idNumber?: string;
    passwordHash?: string | null;
    unitIds?: string[];
    permissions?: string[];
    status?: 'active' | 'inactive';
    issuer?: 'PORTAL' | 'VNPOST';
  },
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
    status: o.status ?? 'active',
    issuer: o.issuer ?? 'PORTAL',
    createdAt: now,
    updatedAt: now,
  });
  for (const agencyId of o.unitIds ?? []) await db.insert(userUnits).values({ userId: id, agencyId, assignedAt: now });
  for (const permission of o.permissions ?? []) await db.insert(userPermissions).values({ userId: id, permission, grantedAt: now });
  return id;
}

export interface TestOfficer {
  id: string;
  username: string;
  fullName: string;
  phone: string;
  idNumber: string | null;
  password: string;
}

/**
 * An officer of this test alone, who can sign in (password TEST_PASSWORD unless given), with a
 * fresh username and phone; units and permissions as given (none by default).
 */
export async function addOfficerAccount(
  db: Db,
  now: Date,
  o: {
    fullName?: string;
    username?: string;
    phone?: string;
    idNumber?: string | null;
    password?: string;
    unitIds?: string[];
    permissions?: string[];
    status?: 'active' | 'inactive';
    issuer?: 'PORTAL' | 'VNPOST';
  } = {},
): Promise<TestOfficer> {
  const officer = {
    username: o.username ?? uniqueUsername(),
    fullName: o.fullName ?? 'Cán Bộ Thử Nghiệm',
    phone: o.phone ?? uniquePhone(),
    idNumber: o.idNumber ?? null,
    password: o.password ?? TEST_PASSWORD,
  };
  const id = await addOfficer(db, now, {
    ...officer,
    idNumber: officer.idNumber ?? undefined,
    passwordHash: await passwordHashOf(officer.password),
    unitIds: o.unitIds,
    permissions: o.permissions,
    status: o.status,
    issuer: o.issuer,
  });
  return { id, ...officer };
}

export interface TestCitizen {
  id: string;
  idNumber: string;
  fullName: string;
  birthDate: string;
  phone: string;
  email: string | null;
  password: string;
}

/**
 * A citizen account of this test alone (as if registered earlier), with a fresh CCCD and phone;
 * it signs in with TEST_PASSWORD unless `password` is given (`null`: no password, as a VNeID-only
 * account).
 */
export async function addCitizen(
  db: Db,
  now: Date,
  c: { fullName?: string; idNumber?: string; birthDate?: string; sex?: 'male' | 'female'; phone?: string; email?: string | null; password?: string | null } = {},
): Promise<TestCitizen> {
  const birthDate = c.birthDate ?? '1990-01-01';
  const citizen = {
    idNumber: c.idNumber ?? uniqueIdNumber({ birthYear: Number(birthDate.slice(0, 4)), sex: c.sex }),
    fullName: c.fullName ?? 'Trần Văn Thử',
    birthDate,
    phone: c.phone ?? uniquePhone(),
    email: c.email ?? null,
    password: c.password === null ? '' : (c.password ?? TEST_PASSWORD),
  };
  const id = newId();
  await db.insert(users).values({
    id,
    kind: 'citizen',
    idNumber: citizen.idNumber,
    fullName: citizen.fullName,
    fullNameSearch: searchKey(citizen.fullName),
    birthDate: citizen.birthDate,
    phone: citizen.phone,
    email: citizen.email,
    passwordHash: c.password === null ? null : await passwordHashOf(citizen.password),
    createdAt: now,
    updatedAt: now,
    passwordChangedAt: now,
  });
  return { id, ...citizen };
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
