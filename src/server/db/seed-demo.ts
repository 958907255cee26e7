// Demo data for `npm start` without DATABASE_URL (never in production). Idempotent: every row has
// a fixed natural key and is inserted only when missing, so a second start adds nothing.
import { eq } from 'drizzle-orm';
import { searchKey } from '../../common/text.js';
import type { Db } from './client.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { agencies } from '../modules/agencies/tables.js';
import { userPermissions, userUnits, users } from '../modules/users/tables.js';

export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_AGENCIES = [
  { key: 'province', code: '000.00.00.H48', name: 'UBND tỉnh Quảng Ngãi', kind: 'province', parent: null, admin: '51' },
  { key: 'centre', code: '000.02.03.H48', name: 'Trung tâm Phục vụ hành chính công - tỉnh Quảng Ngãi', kind: 'service_centre', parent: 'province', admin: '51' },
  { key: 'ward', code: '000.01.15.H48', name: 'UBND phường Cẩm Thành', kind: 'commune', parent: 'province', admin: '21025' },
  { key: 'desk', code: '000.15.15.H48', name: 'Bộ phận Một cửa phường Cẩm Thành', kind: 'one_stop_desk', parent: 'ward', admin: '21025' },
  { key: 'dept', code: '000.16.15.H48', name: 'Phòng Văn hóa - Xã hội phường Cẩm Thành', kind: 'department', parent: 'ward', admin: '21025' },
  { key: 'ward2', code: '000.02.15.H48', name: 'UBND phường Nghĩa Lộ', kind: 'commune', parent: 'province', admin: '21028' },
  { key: 'desk2', code: '000.17.15.H48', name: 'Bộ phận Một cửa phường Nghĩa Lộ', kind: 'one_stop_desk', parent: 'ward2', admin: '21028' },
] as const;

type AgencyKey = (typeof DEMO_AGENCIES)[number]['key'];

export const DEMO_USERS: {
  username?: string;
  kind: 'officer' | 'citizen';
  fullName: string;
  phone: string;
  idNumber?: string;
  birthDate?: string;
  units: AgencyKey[];
  permissions: string[];
  issuer?: 'PORTAL' | 'VNPOST';
}[] = [
  { username: 'motcua.demo', kind: 'officer', fullName: 'Trần Tuấn Hiệp', phone: '0357438888', units: ['desk', 'dept'], permissions: ['CITIZEN_ACCOUNT_CREATE', 'DESK_RECEIVE'] },
  { username: 'motcua2.demo', kind: 'officer', fullName: 'Phạm Thị Lan', phone: '0357439999', units: ['desk2'], permissions: ['CITIZEN_ACCOUNT_CREATE', 'DESK_RECEIVE'] },
  { username: 'chuyenvien.demo', kind: 'officer', fullName: 'Lê Văn Hùng', phone: '0358001122', units: ['dept'], permissions: [] },
  // Issue 7: the processing roles of UBND phường Cẩm Thành (specialist in its Phòng Văn hóa - Xã
  // hội, the vice-chairman who signs, and the officer of the electronic certified copies).
  { username: 'xuly.demo', kind: 'officer', fullName: 'Ngô Thị Thu', phone: '0358005566', units: ['dept'], permissions: ['DOSSIER_PROCESS'] },
  { username: 'lanhdao.demo', kind: 'officer', fullName: 'Hoàng Minh Đức', phone: '0358007788', units: ['ward'], permissions: ['DOSSIER_APPROVE', 'FEEDBACK_ANSWER'] },
  {
    username: 'chungthuc.demo',
    kind: 'officer',
    fullName: 'Đặng Thị Ngọc',
    phone: '0358009900',
    units: ['ward'],
    permissions: ['ECERT_CREATE_COPY', 'ECERT_SIGN', 'ECERT_SEAL'],
  },
  { username: 'admin.demo', kind: 'officer', fullName: 'Nguyễn Quản Trị', phone: '0359001122', units: ['province'], permissions: ['HIGH_ADMIN', 'USER_CREATE', 'CITIZEN_ACCOUNT_CREATE'] },
  // Level-1 administrator of the province: acts only inside UBND tỉnh Quảng Ngãi's subtree.
  { username: 'quantri.qngai.demo', kind: 'officer', fullName: 'Võ Thị Quản Lý', phone: '0359002233', units: ['province'], permissions: ['LEVEL1_ADMIN', 'USER_CREATE'] },
  // Staff of Tổng công ty Bưu điện Việt Nam working at a desk: never granted officer permissions;
  // takes papers in and hands results over (POSTAL_DESK), never decides (ADR 0015).
  { username: 'buudien.demo', kind: 'officer', fullName: 'Đỗ Văn Bưu', phone: '0358003344', units: ['desk'], permissions: ['POSTAL_DESK'], issuer: 'VNPOST' },
  { kind: 'citizen', fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001090000001', birthDate: '1990-05-15', units: [], permissions: [] },
];

export async function seedDemo(db: Db, clock: Clock): Promise<{ created: number }> {
  const now = clock.now();
  let created = 0;
  const ids = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const [found] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, a.code));
    if (found) {
      ids.set(a.key, found.id);
      continue;
    }
    const id = newId();
    await db.insert(agencies).values({
      id,
      code: a.code,
      name: a.name,
      nameSearch: searchKey(a.name),
      kind: a.kind,
      parentId: a.parent ? ids.get(a.parent)! : null,
      provinceCode: '51',
      adminUnitCode: a.admin,
      createdAt: now,
    });
    ids.set(a.key, id);
    created++;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const where = u.username ? eq(users.username, u.username) : eq(users.idNumber, u.idNumber!);
    const [found] = await db.select({ id: users.id }).from(users).where(where);
    if (found) continue;
    const id = newId();
    await db.transaction(async (tx) => {
      await tx.insert(users).values({
        id,
        kind: u.kind,
        username: u.username ?? null,
        idNumber: u.idNumber ?? null,
        fullName: u.fullName,
        fullNameSearch: searchKey(u.fullName),
        birthDate: u.birthDate ?? null,
        phone: u.phone,
        passwordHash,
        issuer: u.issuer ?? 'PORTAL',
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
        passwordChangedAt: now,
        // The demo citizen stands for someone whose identity was verified (VNeID level 2): the
        // population database prefills his forms in full (issue 13, ADR 0009).
        identityVerifiedAt: u.kind === 'citizen' ? now : null,
        identityVerifiedBy: u.kind === 'citizen' ? ('vneid' as const) : null,
      });
      for (const k of u.units) await tx.insert(userUnits).values({ userId: id, agencyId: ids.get(k)!, assignedAt: now });
      for (const p of u.permissions) await tx.insert(userPermissions).values({ userId: id, permission: p, grantedAt: now });
    });
    created++;
  }
  return { created };
}
