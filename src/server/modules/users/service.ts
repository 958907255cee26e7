// Portal accounts. Other modules create and find accounts only through these functions.
import { and, arrayContains, asc, count, eq, inArray, like, or, sql } from 'drizzle-orm';
import { searchKey, cleanText, likeEscape } from '../../../common/text.js';
import { checkBirthDate, checkIdNumber, isEmail, normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit, writeAudits } from '../../platform/audit.js';
import type { Ctx, UserKind } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RideAlong } from '../../platform/auth/sessions.js';
import { userUnits, users } from './tables.js';

export type UserRow = typeof users.$inferSelect;

function buildFindByIdNumber(db: DbOrTx) {
  return db
    .select({ id: users.id, kind: users.kind, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.idNumber, sql.placeholder('idNumber')))
    .limit(1)
    .prepare('find_account_by_id_number');
}

// The desk's "Tra cứu" runs this for every citizen: prepared once per database handle.
const findByIdNumberQueries = new WeakMap<object, ReturnType<typeof buildFindByIdNumber>>();

export async function findAccountByIdNumber(db: DbOrTx, idNumber: string): Promise<{ id: string; kind: string; createdAt: Date } | null> {
  let q = findByIdNumberQueries.get(db);
  if (!q) findByIdNumberQueries.set(db, (q = buildFindByIdNumber(db)));
  const [row] = await q.execute({ idNumber });
  return row ?? null;
}

/** "Tra cứu" at the desk, read in the same statement as the officer's session (app.ts). */
export const accountExistsRideAlong: RideAlong = {
  name: 'account_exists',
  column: sql<boolean>`exists(select 1 from users a where a.id_number = ${sql.placeholder('p')})`,
};

export async function getUser(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** The citizen account of a CMND/CCCD, if there is one (the desk's "Tra cứu"). */
export async function findCitizenByIdNumber(db: DbOrTx, idNumber: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.idNumber, idNumber), eq(users.kind, 'citizen')))
    .limit(1);
  return row ?? null;
}

/** Full names of these users, by id (for "who did it" columns of other modules' histories). */
export async function fullNamesOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** Officers whose name (folded: searchKey) contains `key`, or whose username is `key`; at most `limit`. */
export async function findOfficerIds(db: DbOrTx, key: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.kind, 'officer'), or(like(users.fullNameSearch, `%${likeEscape(key)}%`), eq(users.username, key))))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Active officers assigned to the unit itself (not to a unit below it) who hold `permission`, by
 * name; at most `limit`. E.g. the leaders of an agency: who may sign a letter for it.
 */
export async function officersHolding(db: DbOrTx, unitId: string, permission: string, limit = 10): Promise<{ id: string; fullName: string }[]> {
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(
      and(eq(users.kind, 'officer'), eq(users.status, 'active'), arrayContains(users.unitIds, [unitId]), arrayContains(users.permissions, [permission])),
    )
    .orderBy(asc(users.fullNameSearch), asc(users.id))
    .limit(limit);
}

/** How many officers are assigned to a unit. */
export async function countOfficersIn(db: DbOrTx, agencyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(userUnits).where(eq(userUnits.agencyId, agencyId));
  return Number(row?.n ?? 0);
}

/**
 * Moves every officer of the merged units to the unit they were merged into (sáp nhập), each
 * assignment audited; answers how many officers left each source unit.
 */
export async function moveUnitAssignments(tx: DbOrTx, ctx: Ctx, sourceIds: readonly string[], targetId: string): Promise<Map<string, number>> {
  const now = ctx.deps.clock.now();
  const moved = new Map<string, number>();
  if (sourceIds.length === 0) return moved;
  const assignments = await tx.select().from(userUnits).where(inArray(userUnits.agencyId, [...sourceIds]));
  for (const u of assignments) {
    const added = await tx
      .insert(userUnits)
      .values({ userId: u.userId, agencyId: targetId, assignedAt: now, assignedBy: ctx.actor?.userId ?? null })
      .onConflictDoNothing()
      .returning({ userId: userUnits.userId });
    if (added.length > 0) {
      await writeAudit(tx, ctx, {
        action: 'user.unit_assign',
        entityType: 'user',
        entityId: u.userId,
        after: { agencyId: targetId, mergedFrom: u.agencyId },
        agencyId: targetId,
      });
    }
    await tx.delete(userUnits).where(and(eq(userUnits.userId, u.userId), eq(userUnits.agencyId, u.agencyId)));
    await writeAudit(tx, ctx, {
      action: 'user.unit_remove',
      entityType: 'user',
      entityId: u.userId,
      before: { agencyId: u.agencyId, assignedAt: new Date(u.assignedAt).toISOString() },
      after: { mergedInto: targetId },
      agencyId: u.agencyId,
    });
    moved.set(u.agencyId, (moved.get(u.agencyId) ?? 0) + 1);
  }
  return moved;
}

/** Accounts that may log in with this identifier on the given page. */
export async function findLoginCandidates(db: DbOrTx, audience: 'officer' | 'citizen', login: string, phone?: string): Promise<UserRow[]> {
  if (audience === 'officer') {
    return db.select().from(users).where(and(eq(users.kind, 'officer'), eq(users.username, login.toLowerCase()))).limit(2);
  }
  const byId = eq(users.idNumber, login);
  return db
    .select()
    .from(users)
    .where(and(inArray(users.kind, ['citizen', 'organisation']), phone ? or(byId, eq(users.phone, phone)) : byId))
    .limit(2);
}

export interface IdentityInput {
  idNumber: string;
  fullName: string;
  birthDate: string;
  phone: string;
  email?: string | null;
}

export interface CleanIdentity {
  idNumber: string;
  fullName: string;
  fullNameSearch: string;
  birthDate: string;
  phone: string;
  email: string | null;
}

/**
 * The identity rules every way of opening a citizen account shares (officer at the desk,
 * self-registration): CMND/CCCD shape and province, CCCD century/year against Ngày sinh, name,
 * Vietnamese mobile, optional e-mail. Throws the matching AppError.
 */
export function checkCitizenIdentity(input: IdentityInput, now: Date): CleanIdentity {
  const idNumber = normalizeIdNumber(input.idNumber);
  const birthDate = input.birthDate.trim();
  const dateProblem = checkBirthDate(birthDate, now);
  if (dateProblem) throw new AppError('INVALID_BIRTH_DATE', { message: dateProblem });
  const idCheck = checkIdNumber(idNumber, birthDate);
  if (!idCheck.ok) throw new AppError('INVALID_ID_NUMBER', { message: idCheck.message });
  const fullName = checkPersonName(input.fullName);
  const phone = normalizeMobile(input.phone);
  if (!phone) throw new AppError('INVALID_PHONE');
  return { idNumber, birthDate, fullName, fullNameSearch: searchKey(fullName), phone, email: checkEmail(input.email) };
}

export function checkPersonName(raw: string): string {
  const fullName = cleanText(raw);
  if ([...fullName].length < 2 || [...fullName].length > 100 || !/^[\p{L}\p{M}' .-]+$/u.test(fullName)) {
    throw new AppError('INVALID_NAME');
  }
  return fullName;
}

/** Optional e-mail: null when empty, INVALID_EMAIL when malformed. */
export function checkEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim() ? raw.trim().toLowerCase() : null;
  if (email && !isEmail(email)) throw new AppError('INVALID_EMAIL');
  return email;
}

export interface NewAccount {
  kind: UserKind;
  username?: string | null;
  idNumber?: string | null;
  fullName: string;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Null for an account that signs in only with VNeID until its owner sets a password. */
  passwordHash: string | null;
  mustChangePassword: boolean;
  representativeName?: string | null;
  sex?: 'male' | 'female' | null;
  permanentAddress?: string | null;
  vneidSub?: string | null;
  identityVerifiedAt?: Date | null;
  /** Who vouched for the identity, with identityVerifiedAt. */
  identityVerifiedBy?: 'vneid' | 'desk' | null;
}

function accountRow(input: NewAccount, now: Date) {
  const fullName = cleanText(input.fullName);
  return {
    id: newId(),
    kind: input.kind,
    username: input.username ?? null,
    idNumber: input.idNumber ?? null,
    fullName,
    fullNameSearch: searchKey(fullName),
    birthDate: input.birthDate ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    passwordHash: input.passwordHash,
    mustChangePassword: input.mustChangePassword,
    representativeName: input.representativeName ? cleanText(input.representativeName) : null,
    sex: input.sex ?? null,
    permanentAddress: input.permanentAddress ? cleanText(input.permanentAddress) : null,
    vneidSub: input.vneidSub ?? null,
    identityVerifiedAt: input.identityVerifiedAt ?? null,
    identityVerifiedBy: input.identityVerifiedAt ? (input.identityVerifiedBy ?? null) : null,
    createdAt: now,
    updatedAt: now,
    passwordChangedAt: input.passwordHash ? now : null,
  };
}

/** Creates an account; ACCOUNT_ALREADY_EXISTS when the CMND/CCCD (unique index) is taken. */
export async function createAccount(tx: DbOrTx, ctx: Ctx, input: NewAccount, audit: { agencyId?: string | null } = {}): Promise<UserRow> {
  const [row] = await createAccounts(tx, ctx, [{ account: input, agencyId: audit.agencyId }]);
  return row!;
}

/**
 * Many accounts in few statements (an officer import), each with its audit row. All or nothing:
 * ACCOUNT_ALREADY_EXISTS when any CMND/CCCD or username is already taken.
 */
export async function createAccounts(tx: DbOrTx, ctx: Ctx, inputs: readonly { account: NewAccount; agencyId?: string | null }[]): Promise<UserRow[]> {
  const now = ctx.deps.clock.now();
  const values = inputs.map((i) => accountRow(i.account, now));
  const created: UserRow[] = [];
  for (let i = 0; i < values.length; i += 500) {
    created.push(...(await tx.insert(users).values(values.slice(i, i + 500)).onConflictDoNothing().returning()));
  }
  if (created.length !== values.length) throw new AppError('ACCOUNT_ALREADY_EXISTS');
  const byId = new Map(created.map((r) => [r.id, r]));
  const rows = values.map((v) => byId.get(v.id)!);
  await writeAudits(
    tx,
    ctx,
    rows.map((row, i) => {
      const { passwordHash: _omit, ...visible } = row;
      return { action: 'user.create', entityType: 'user', entityId: row.id, after: visible, agencyId: inputs[i]!.agencyId };
    }),
  );
  return rows;
}

export async function setPassword(tx: DbOrTx, ctx: Ctx, userId: string, passwordHash: string, mustChange: boolean): Promise<void> {
  const now = ctx.deps.clock.now();
  await tx.update(users).set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
  await writeAudit(tx, ctx, { action: 'user.password_change', entityType: 'user', entityId: userId, after: { mustChangePassword: mustChange } });
}

/** The password stops working (the owner sets a new one after signing in another way). */
export async function clearPassword(tx: DbOrTx, ctx: Ctx, userId: string, reason: string): Promise<void> {
  const now = ctx.deps.clock.now();
  await tx.update(users).set({ passwordHash: null, mustChangePassword: false, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
  await writeAudit(tx, ctx, { action: 'user.password_cleared', entityType: 'user', entityId: userId, after: { reason } });
}

/** What the owner may change about themselves ("Thông tin tài khoản"). */
export interface ProfilePatch {
  fullName?: string;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
  permanentAddress?: string | null;
  representativeName?: string | null;
}

/** Writes the owner's own changes with an audit row of what changed. */
export async function updateProfile(tx: DbOrTx, ctx: Ctx, userId: string, before: UserRow, patch: ProfilePatch): Promise<void> {
  const set: Partial<typeof users.$inferInsert> = {};
  if (patch.fullName !== undefined && patch.fullName !== before.fullName) {
    set.fullName = patch.fullName;
    set.fullNameSearch = searchKey(patch.fullName);
  }
  if (patch.birthDate !== undefined && patch.birthDate !== before.birthDate) set.birthDate = patch.birthDate;
  if (patch.sex !== undefined && patch.sex !== before.sex) set.sex = patch.sex;
  if (patch.permanentAddress !== undefined && patch.permanentAddress !== before.permanentAddress) set.permanentAddress = patch.permanentAddress;
  if (patch.representativeName !== undefined && patch.representativeName !== before.representativeName) set.representativeName = patch.representativeName;
  const keys = Object.keys(set).filter((k) => k !== 'fullNameSearch') as (keyof UserRow)[];
  if (keys.length === 0) return;
  await tx.update(users).set({ ...set, updatedAt: ctx.deps.clock.now() }).where(eq(users.id, userId));
  await writeAudit(tx, ctx, {
    action: 'user.profile_update',
    entityType: 'user',
    entityId: userId,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, set[k as keyof typeof set]])),
  });
}

/** A verified phone or e-mail change. */
export async function setContact(tx: DbOrTx, ctx: Ctx, userId: string, channel: 'phone' | 'email', value: string, before: string | null): Promise<void> {
  await tx
    .update(users)
    .set({ ...(channel === 'phone' ? { phone: value } : { email: value }), updatedAt: ctx.deps.clock.now() })
    .where(eq(users.id, userId));
  await writeAudit(tx, ctx, { action: `user.${channel}_change`, entityType: 'user', entityId: userId, before: { [channel]: before }, after: { [channel]: value } });
}

/** What VNeID vouches for about a person (OIDC claims, already cleaned by the caller). */
export interface VneidIdentity {
  vneidSub: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  permanentAddress: string | null;
}

/**
 * Links an existing account to the VNeID subject with the same CMND/CCCD: VNeID's name, birth date,
 * sex and permanent address replace what was typed at registration, and the identity is marked
 * verified (the user can no longer edit those fields). A value VNeID did not send is kept.
 */
export async function linkVneidIdentity(tx: DbOrTx, ctx: Ctx, userId: string, identity: VneidIdentity): Promise<UserRow> {
  const now = ctx.deps.clock.now();
  const before = await getUser(tx, userId);
  if (!before) throw new AppError('NOT_FOUND');
  const fullName = cleanText(identity.fullName);
  const [row] = await tx
    .update(users)
    .set({
      vneidSub: identity.vneidSub,
      identityVerifiedAt: now,
      identityVerifiedBy: 'vneid',
      fullName,
      fullNameSearch: searchKey(fullName),
      birthDate: identity.birthDate ?? before.birthDate,
      sex: identity.sex ?? before.sex,
      permanentAddress: identity.permanentAddress ? cleanText(identity.permanentAddress) : before.permanentAddress,
      updatedAt: now,
    })
    .where(eq(users.id, userId))
    .returning();
  const pick = (u: UserRow) => ({
    fullName: u.fullName,
    birthDate: u.birthDate,
    sex: u.sex,
    permanentAddress: u.permanentAddress,
    vneidSub: u.vneidSub,
    identityVerifiedAt: u.identityVerifiedAt,
    identityVerifiedBy: u.identityVerifiedBy,
  });
  await writeAudit(tx, ctx, { action: 'user.vneid_link', entityType: 'user', entityId: userId, before: pick(before), after: pick(row!) });
  return row!;
}

/** The account that signed in with this VNeID subject before, if any. */
export async function findAccountByVneidSub(db: DbOrTx, vneidSub: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.vneidSub, vneidSub)).limit(1);
  return row ?? null;
}
