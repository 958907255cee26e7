import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every portal account: officers, administrators, citizens and organisations share one identity
 * table ("danh tính số thống nhất"). A CMND/CCCD number belongs to at most one account.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** Officer/admin login name; citizens log in with their CMND/CCCD or phone. */
    username: text('username'),
    idNumber: text('id_number'),
    fullName: text('full_name').notNull(),
    fullNameSearch: text('full_name_search').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    phone: text('phone'),
    email: text('email'),
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    status: text('status').notNull().default('active'),
    /** Who issued the account: PORTAL, or VNPOST (never granted state-officer permissions). */
    issuer: text('issuer').notNull().default('PORTAL'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    passwordChangedAt: ts('password_changed_at'),
    /** Organisation accounts (kind 'organisation'): fullName is the organisation, this its representative. */
    representativeName: text('representative_name'),
    sex: text('sex'),
    permanentAddress: text('permanent_address'),
    /** The VNeID subject once the account signed in with VNeID. */
    vneidSub: text('vneid_sub'),
    /**
     * When the identity was vouched for: by VNeID (CMND/CCCD, name, birth date, sex, address), or by
     * the desk officer who opened the account with the citizen and their CCCD in front of them (CCCD,
     * name, birth date). The user cannot edit the fields vouched for; the population database
     * prefills filings in full only for such accounts.
     */
    identityVerifiedAt: ts('identity_verified_at'),
    /** Who vouched: 'vneid' or 'desk' (null while unverified). */
    identityVerifiedBy: text('identity_verified_by').$type<'vneid' | 'desk'>(),
    /**
     * Copies of user_permissions and user_units, kept in step by triggers on those tables (migration
     * 0007), so the session statement every request runs reads one row (bench/RESULTS.md). Never
     * write these directly: grant or assign through the tables.
     */
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_id_number_uq').on(t.idNumber),
    uniqueIndex('users_vneid_sub_uq').on(t.vneidSub),
    index('users_phone_idx').on(t.phone),
    index('users_name_trgm_idx').using('gin', sql`${t.fullNameSearch} gin_trgm_ops`),
    // "Cán bộ tạo" search: officers are a few thousand among millions of citizens.
    index('users_officer_name_trgm_idx').using('gin', sql`${t.fullNameSearch} gin_trgm_ops`).where(sql`${t.kind} = 'officer'`),
    // "Quản lý người dùng": officers by unit (array overlap with the admin's subtree), by CMND/CCCD
    // or phone prefix, and those with no unit.
    index('users_officer_units_idx').using('gin', t.unitIds).where(sql`${t.kind} = 'officer'`),
    index('users_officer_id_prefix_idx').using('btree', sql`${t.idNumber} text_pattern_ops`).where(sql`${t.kind} = 'officer'`),
    index('users_officer_phone_prefix_idx').using('btree', sql`${t.phone} text_pattern_ops`).where(sql`${t.kind} = 'officer'`),
    // Migration 0009 adds INCLUDE (unit_ids, status, phone, id_number), which drizzle-kit cannot declare.
    index('users_officer_name_order_idx').on(t.fullNameSearch, t.id).where(sql`${t.kind} = 'officer'`),
    index('users_officer_unassigned_idx').on(t.status, t.fullNameSearch, t.id).where(sql`${t.kind} = 'officer' and ${t.unitIds} = '{}'::uuid[]`),
    check('users_kind_ck', sql`${t.kind} in ('officer', 'citizen', 'organisation')`),
    check('users_status_ck', sql`${t.status} in ('active', 'inactive')`),
    check('users_issuer_ck', sql`${t.issuer} in ('PORTAL', 'VNPOST')`),
    check(
      'users_identity_verified_ck',
      sql`(${t.identityVerifiedBy} in ('vneid', 'desk') and ${t.identityVerifiedAt} is not null) or (${t.identityVerifiedBy} is null and ${t.identityVerifiedAt} is null)`,
    ),
    check('users_sex_ck', sql`${t.sex} is null or ${t.sex} in ('male', 'female')`),
  ],
);

export const userUnits = pgTable(
  'user_units',
  {
    userId: uuid('user_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    assignedAt: ts('assigned_at').notNull(),
    assignedBy: uuid('assigned_by'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.agencyId] }), index('user_units_agency_idx').on(t.agencyId)],
);

export const userPermissions = pgTable(
  'user_permissions',
  {
    userId: uuid('user_id').notNull(),
    permission: text('permission').notNull(),
    grantedAt: ts('granted_at').notNull(),
    grantedBy: uuid('granted_by'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.permission] })],
);
