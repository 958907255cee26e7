// "Quản trị hệ thống >> Quản lý người dùng" (SPEC §3.1–3.4): find officers, add one, activate or
// deactivate, assign units, grant permissions. Every action is authorised here against the
// administrator's scope (their subtree), whatever the UI shows.
import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { USERNAME_PATTERN } from '../../../common/api/admin-users.js';
import { adminLevel, GRANTABLE_PERMISSIONS, grantProblem, manageProblem, permissionLabel, type Grantor } from '../../../common/grant-rules.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import { checkIdNumberShape, normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { everyWord, uuidArray } from '../../db/sql.js';
import { writeAudit } from '../../platform/audit.js';
import { generatePassword, hashPassword } from '../../platform/auth/password.js';
import { revokeOtherSessions } from '../../platform/auth/sessions.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { adminScope, assertUnitsInScope, subtreeIds, unitInScope, type AdminScope } from '../agencies/service.js';
import { agencies } from '../agencies/tables.js';
import { checkEmail, checkPersonName, createAccount, type UserRow } from '../users/service.js';
import { userPermissions, userUnits, users } from '../users/tables.js';

/**
 * The list counts and pages through at most this many matches ("Tìm thấy hơn 2.000 kết quả"):
 * 100 pages of 20 is more than anyone reads, the page asks to narrow the search, and "XUẤT
 * EXCEL" gives every row. A smaller cap keeps a broad search ("hoang") cheap (bench/RESULTS.md).
 */
export const COUNT_CAP = 2_000;
const OTHER_BODY_KINDS = ['bank', 'payment_intermediary', 'other'];

export interface UserFilters {
  name?: string;
  phone?: string;
  idNumber?: string;
  status?: 'active' | 'inactive';
  /** "Cơ quan": users of this unit or any unit below it. */
  agencyId?: string;
  /** "NH/TGTT/Cơ quan khác": users of this bank, payment intermediary or other body. */
  otherAgencyId?: string;
  /** "Không được gán cơ quan". */
  unassigned?: boolean;
}

export async function scopeOf(ctx: Ctx): Promise<AdminScope> {
  return adminScope(ctx.deps.db, ctx.actor);
}

/** Officers of at most this many (unit assignments) are read unit-first when searched by name. */
const SMALL_UNIT_SET = 20_000;

interface Filter {
  /** Every filter except the name (see nameCondition). */
  parts: SQL[];
  /** The units the rows must belong to (the narrowest of scope and "Cơ quan" filters), if any. */
  unitIds: string[] | null;
}

/**
 * The name filter. `unitFirst`: match the name on the rows of the units instead of through the
 * trigram index (an expression no index covers; see listUsers).
 */
function nameCondition(f: UserFilters, unitFirst = false): SQL[] {
  const name = f.name ? searchKey(f.name) : '';
  if (!name) return [];
  const column = unitFirst ? sql`(${users.fullNameSearch} || '')` : users.fullNameSearch;
  return [like(column, `%${likeEscape(name)}%`)];
}

/**
 * "Số điện thoại:": any part of the number, digits only ("4567", "0912", "912 345" and "091.234"
 * all find 0912345678). A number written with the country code ("+84 912 345 678", "84912345678")
 * is its national form, 0912345678, from its start; a short "84…" typed without "+" may be either,
 * so both are tried. Nothing to compare (no digit) means no phone filter.
 *
 * Stored phones are digits only (every writer stores normalizeMobile's 0 and nine digits), so the
 * column is compared as it is. A whole number is an equality (users_phone_idx); a part of one is a
 * LIKE '%…%' no index serves, evaluated on the entries of the officers' name-order index, which
 * INCLUDEs phone (migration 0009): an index-only walk of the officers (500,000 in the bench), in
 * the order the list wants, stopping after COUNT_CAP + 1 matches. Fine at our scale; a trigram
 * index on phone is the way out if it ever is not.
 */
function phoneCondition(typed: string): SQL | null {
  const digits = typed.replace(/\D/g, '');
  if (!digits) return null;
  const international = /^\s*(\+|00)\s*84/.test(typed) || (digits.startsWith('84') && digits.length >= 10);
  const national = digits.startsWith('0084') ? `0${digits.slice(4)}` : digits.startsWith('84') ? `0${digits.slice(2)}` : null;
  const whole = (n: string) => /^0\d{9}$/.test(n);
  if (international && national) return whole(national) ? eq(users.phone, national) : like(users.phone, `${likeEscape(national)}%`);
  if (whole(digits)) return eq(users.phone, digits);
  const part = like(users.phone, `%${likeEscape(digits)}%`);
  return national && national.length > 1 ? or(part, like(users.phone, `${likeEscape(national)}%`))! : part;
}

/** The filters of the list and the export other than the name, inside the administrator's scope. */
async function filterSql(ctx: Ctx, scope: AdminScope, f: UserFilters): Promise<Filter | null> {
  const db = ctx.deps.db;
  const where: SQL[] = [eq(users.kind, 'officer')];
  const phone = f.phone ? phoneCondition(f.phone) : null;
  if (phone) where.push(phone);
  const id = f.idNumber ? normalizeIdNumber(f.idNumber).replace(/[^0-9-]/g, '') : '';
  if (id) where.push(like(users.idNumber, `${likeEscape(id)}%`));
  if (f.status) where.push(eq(users.status, f.status));
  let unitIds: string[] | null = null;
  for (const [agencyId, other] of [
    [f.agencyId, false],
    [f.otherAgencyId, true],
  ] as const) {
    if (!agencyId) continue;
    const [agency] = await db.select({ id: agencies.id, kind: agencies.kind }).from(agencies).where(eq(agencies.id, agencyId));
    if (!agency || OTHER_BODY_KINDS.includes(agency.kind) !== other) throw new AppError('AGENCY_NOT_FOUND');
    const ids = (await subtreeIds(db, [agencyId])).filter((u) => unitInScope(scope, u));
    if (ids.length === 0) return null;
    where.push(sql`${users.unitIds} && ${uuidArray(ids)}`);
    unitIds = unitIds ? unitIds.filter((u) => ids.includes(u)) : ids;
  }
  if (f.unassigned) {
    // "Không được gán cơ quan": officers with no unit yet, whom any administrator may find and
    // assign (SPEC §3.1 rules: an officer opens an account, then the administrator assigns them).
    where.push(sql`${users.unitIds} = '{}'::uuid[]`);
  } else if (scope.unitIds && !unitIds) {
    // A level-1 administrator's list: the officers of their subtree.
    unitIds = [...scope.unitIds];
    where.push(sql`${users.unitIds} && ${uuidArray(unitIds)}`);
  }
  return { parts: where, unitIds };
}

/** How many assignments the units hold, counted up to SMALL_UNIT_SET + 1 (an index-only read). */
async function assignmentsUpTo(db: DbOrTx, unitIds: readonly string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`(${db.select({ one: sql`1` }).from(userUnits).where(inArray(userUnits.agencyId, [...unitIds])).limit(SMALL_UNIT_SET + 1)}) m`);
  return Number(r?.n ?? 0);
}

/**
 * The one order of the list and of "XUẤT EXCEL": the name without accents, then the id, which is
 * unique, so officers of the same name keep one order everywhere and STT n on the screen (page p
 * of size s: STT (p - 1) * s + 1 …) is row n of the workbook. It is the key of
 * users_officer_name_order_idx. `sortKey` names its columns as the list's statement selects them.
 */
const LIST_ORDER = [users.fullNameSearch, users.id] as const;
const sortKey = { k: LIST_ORDER[0], id: LIST_ORDER[1] };
const BY_SORT_KEY = sql.raw('k, id');

const listColumns = {
  id: users.id,
  fullName: users.fullName,
  username: users.username,
  idNumber: users.idNumber,
  phone: users.phone,
  email: users.email,
  status: users.status,
  issuer: users.issuer,
  unitIds: sql<string[]>`${users.unitIds}::text[]`,
  permissions: users.permissions,
  createdAt: users.createdAt,
};

type ListRow = { [K in keyof typeof listColumns]: K extends 'unitIds' ? string[] : (typeof users.$inferSelect)[K & keyof typeof users.$inferSelect] };

export async function listUsers(ctx: Ctx, f: UserFilters & { page: number; pageSize: number }) {
  const scope = await scopeOf(ctx);
  const db = ctx.deps.db;
  const empty = { items: [], total: 0, totalCapped: false, page: 1, pageSize: f.pageSize };
  // A name inside units of modest size (a province's officers, a "Cơ quan"): reading those units'
  // officers and matching the name on each row is cheaper than the trigram index, whose posting
  // lists for common syllables ("hoang", "nguyen") span the whole country (bench/RESULTS.md).
  const filter = await filterSql(ctx, scope, f);
  if (!filter) return empty;
  const unitFirst = !!filter.unitIds && !!f.name?.trim() && (await assignmentsUpTo(db, filter.unitIds)) <= SMALL_UNIT_SET;
  const where = and(...filter.parts, ...nameCondition(f, unitFirst))!;
  // One statement takes the first COUNT_CAP + 1 matches in name order; the count and the page
  // both come from that set. Asked this way (a limit far above the expected matches of a rare
  // name), the planner reads a rare name through its trigram index and sorts a few rows, and
  // walks the name-order index only when matches are dense. Asking for 20 rows in name order
  // directly made it walk that index for rare names too, reading most of it (bench/RESULTS.md).
  //
  // A name within units (a level-1 administrator's province, "Cơ quan") is the exception: the
  // planner cannot see that the two filters together are rare and walks the whole name order.
  // There the matches are collected unordered (the units' rows, or both indexes bitmap-and for a
  // large unit set; `offset 0` keeps the planner from merging the order into that read) and
  // sorted after.
  const withinUnits = !!f.name?.trim() && (filter.unitIds !== null || !!f.unassigned);
  const pick = db
    .select({ id: sql<string>`${sortKey.id}`.as('id'), k: sql<string>`${sortKey.k}`.as('k') })
    .from(users)
    .where(where);
  const candidates = withinUnits
    ? sql`select id, k from (${pick} offset 0) all_matches order by ${BY_SORT_KEY} limit ${COUNT_CAP + 1}`
    : pick.orderBy(...LIST_ORDER.map((c) => asc(c))).limit(COUNT_CAP + 1);
  // A page beyond the last (an old link, ?page=999) answers the last page, and says which in
  // `page`: the web then shows that page's rows with the pager on it (and fixes its address).
  const first = rowsOf<{ total: number; page: number; id: string | null }>(
    await db.execute(sql`
      with m as materialized (${candidates}),
        s as (select count(*)::int as total,
                     least(${f.page}::int, greatest(1, ceil(least(count(*), ${COUNT_CAP}::int)::numeric / ${f.pageSize}::int)::int)) as page
              from m)
      select s.total, s.page, p.id
      from s
      left join lateral (select id from m order by ${BY_SORT_KEY} limit ${f.pageSize}::int offset (s.page - 1) * ${f.pageSize}::int) p on true`),
  );
  const matched = Number(first[0]?.total ?? 0);
  const page = Number(first[0]?.page ?? 1);
  const ids = first.map((r) => r.id).filter((id): id is string => !!id);
  const byId = new Map((ids.length ? await db.select(listColumns).from(users).where(inArray(users.id, ids)) : []).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is ListRow => !!r);
  const units = await unitsById(db, rows.flatMap((r) => r.unitIds));
  return {
    items: rows.map((r) => toItem(r, units)),
    total: Math.min(matched, COUNT_CAP),
    totalCapped: matched > COUNT_CAP,
    page,
    pageSize: f.pageSize,
  };
}

interface UnitRef {
  id: string;
  code: string;
  name: string;
  status: string;
}

async function unitsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, status: agencies.status })
    .from(agencies)
    .where(inArray(agencies.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

function toItem(r: ListRow, units: Map<string, UnitRef>) {
  return {
    id: r.id,
    fullName: r.fullName,
    username: r.username,
    idNumber: r.idNumber,
    phone: r.phone,
    email: r.email,
    status: r.status as 'active' | 'inactive',
    issuer: r.issuer,
    units: r.unitIds
      .map((u) => units.get(u))
      .filter((u): u is UnitRef => !!u)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    permissions: [...r.permissions].sort(),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export type UserItem = ReturnType<typeof toItem>;

/**
 * Every filtered row, in batches, for "XUẤT EXCEL": the caller writes each batch to a streaming
 * workbook, so memory stays flat however many rows match. The rows come in the list's order
 * (LIST_ORDER, keyset on it), so the workbook's STT is the screen's.
 */
export async function* exportUsers(ctx: Ctx, f: UserFilters, batchSize = 2000): AsyncGenerator<UserItem[]> {
  const scope = await scopeOf(ctx);
  const db = ctx.deps.db;
  const filter = await filterSql(ctx, scope, f);
  const where = filter ? and(...filter.parts, ...nameCondition(f))! : null;
  // Personal data of many people leaves the system: who exported what is kept.
  await writeAudit(db, ctx, { action: 'user.export', entityType: 'user_list', after: { filters: f }, agencyId: scope.actor.unitIds[0] ?? null });
  if (!where) return;
  const allUnits = new Map<string, UnitRef>(); // filled per batch below
  let after: { k: string; id: string } | null = null;
  for (;;) {
    const rows: (ListRow & { k: string })[] = await db
      .select({ ...listColumns, k: sortKey.k })
      .from(users)
      .where(after ? and(where, sql`(${sortKey.k}, ${sortKey.id}) > (${after.k}, ${after.id}::uuid)`) : where)
      .orderBy(...LIST_ORDER.map((c) => asc(c)))
      .limit(batchSize);
    if (rows.length === 0) return;
    const missing = rows.flatMap((r) => r.unitIds).filter((u) => !allUnits.has(u));
    if (missing.length) for (const [k, v] of await unitsById(db, missing)) allUnits.set(k, v);
    yield rows.map((r) => toItem(r, allUnits));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { k: last.k, id: last.id };
  }
}

// ---------------------------------------------------------------------------------------------
// One user

/** The user, if the administrator may see them: an officer of their subtree or one with no unit. */
async function visibleUser(ctx: Ctx, scope: AdminScope, userId: string, db: DbOrTx = ctx.deps.db): Promise<UserRow> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  // Citizens' and organisations' accounts are not the administrators' to see or manage (ADR 0008):
  // the list leaves them out, and so does every route that takes a user id (issue 13, authz matrix).
  if (!u || u.kind !== 'officer') throw new AppError('USER_NOT_FOUND');
  if (!userInScope(scope, u) && !(u.kind === 'officer' && u.unitIds.length === 0)) throw new AppError('OUT_OF_SCOPE');
  return u;
}

/**
 * The user, if the administrator may change their account: visible, and not an administrator of
 * the same or a higher level unless the actor is a high-level administrator (issue 13).
 */
async function manageableUser(ctx: Ctx, scope: AdminScope, userId: string, db: DbOrTx = ctx.deps.db): Promise<UserRow> {
  const u = await visibleUser(ctx, scope, userId, db);
  const problem = manageProblem(grantorOf(scope), { userId: u.id, level: adminLevel(new Set(u.permissions)) });
  if (problem) throw new AppError('ADMIN_RANK_REFUSED', { message: problem });
  return u;
}

/** Whether one of the user's units lies in the administrator's subtree. */
function userInScope(scope: AdminScope, u: Pick<UserRow, 'unitIds'>): boolean {
  return scope.unitIds === null || u.unitIds.some((id) => scope.unitIds!.has(id));
}

async function grantTarget(db: DbOrTx, scope: AdminScope, u: UserRow) {
  const units = await unitsById(db, u.unitIds);
  return {
    userId: u.id,
    kind: u.kind,
    issuer: u.issuer,
    unitNames: [...units.values()].filter((x) => x.status === 'active').map((x) => x.name),
    inScope: userInScope(scope, u),
    level: adminLevel(new Set(u.permissions)),
  };
}

function grantorOf(scope: AdminScope): Grantor {
  return { userId: scope.actor.userId, level: scope.level };
}

export async function getUserDetail(ctx: Ctx, userId: string) {
  const scope = await scopeOf(ctx);
  const db = ctx.deps.db;
  const u = await visibleUser(ctx, scope, userId);
  const units = await unitsById(db, u.unitIds);
  const target = await grantTarget(db, scope, u);
  const held = new Set(u.permissions);
  return {
    ...toItem({ ...u, unitIds: u.unitIds, permissions: u.permissions } as ListRow, units),
    units: [...units.values()]
      .map((x) => ({ ...x, inScope: unitInScope(scope, x.id) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    mustChangePassword: u.mustChangePassword,
    // The "Gán quyền người dùng" dialog: each permission, whether held, and why it can't change.
    grants: GRANTABLE_PERMISSIONS.map((code) => ({
      code,
      label: permissionLabel(code),
      granted: held.has(code),
      problem: grantProblem(grantorOf(scope), target, code, held.has(code) ? 'revoke' : 'grant'),
    })),
  };
}

/** Agency of the audit row: the first of the user's units the administrator is responsible for. */
function auditAgency(scope: AdminScope, unitIds: readonly string[]): string | null {
  return unitIds.find((u) => unitInScope(scope, u)) ?? unitIds[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Changes

const USERNAME = new RegExp(USERNAME_PATTERN);

export interface NewOfficer {
  fullName: string;
  username: string;
  idNumber?: string | null;
  phone: string;
  email?: string | null;
  unitIds: string[];
}

/** "+THÊM MỚI": an officer account with a temporary password sent by SMS, changed at first login. */
export async function createOfficer(ctx: Ctx, input: NewOfficer) {
  const scope = await scopeOf(ctx);
  if (!scope.actor.permissions.has('USER_CREATE') && scope.level !== 'national') {
    throw new AppError('PERMISSION_REQUIRED', { message: 'Tài khoản của bạn chưa được cấp "Quyền cho thêm mới người dùng".' });
  }
  const fullName = checkPersonName(input.fullName);
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AppError('USERNAME_INVALID');
  const idNumber = input.idNumber?.trim() ? normalizeIdNumber(input.idNumber) : null;
  if (idNumber) {
    const check = checkIdNumberShape(idNumber);
    if (!check.ok) throw new AppError('INVALID_ID_NUMBER', { message: check.message });
  }
  const phone = normalizeMobile(input.phone);
  if (!phone) throw new AppError('INVALID_PHONE');
  const email = checkEmail(input.email);
  const unitIds = [...new Set(input.unitIds)];
  if (scope.level === 'level1' && unitIds.length === 0) {
    throw new AppError('OUT_OF_SCOPE', { message: 'Hãy chọn ít nhất một đơn vị thuộc phạm vi quản lý của bạn cho người dùng mới.' });
  }
  assertUnitsInScope(scope, unitIds);
  const db = ctx.deps.db;
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken) throw new AppError('USERNAME_TAKEN');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    await assertAssignableUnits(tx, unitIds);
    const row = await createAccount(
      tx,
      ctx,
      { kind: 'officer', username, idNumber, fullName, phone, email, passwordHash, mustChangePassword: true },
      { agencyId: unitIds[0] ?? null },
    ).catch((e: unknown) => {
      // The username raced with another creation; the CMND/CCCD keeps its own message.
      if (e instanceof AppError && e.code === 'ACCOUNT_ALREADY_EXISTS' && !idNumber) throw new AppError('USERNAME_TAKEN');
      throw e;
    });
    const now = ctx.deps.clock.now();
    for (const agencyId of unitIds) {
      await tx.insert(userUnits).values({ userId: row.id, agencyId, assignedAt: now, assignedBy: scope.actor.userId });
      await writeAudit(tx, ctx, { action: 'user.unit_assign', entityType: 'user', entityId: row.id, after: { agencyId }, agencyId });
    }
    await sendSms(
      tx,
      ctx,
      `officer-created:${row.id}`,
      phone,
      SMS_TEXTS.officerAccountCreated({ username, password }),
    );
    return row;
  });
  return getUserDetail(ctx, created.id);
}

async function assertAssignableUnits(tx: DbOrTx, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  const rows = await tx.select({ id: agencies.id, status: agencies.status }).from(agencies).where(inArray(agencies.id, [...unitIds]));
  if (rows.length !== unitIds.length) throw new AppError('AGENCY_NOT_FOUND');
  if (rows.some((r) => r.status !== 'active')) throw new AppError('AGENCY_INACTIVE');
}

/** "Kích hoạt" / "Không kích hoạt". Deactivating ends every session of the account at once. */
export async function setUserStatus(ctx: Ctx, userId: string, status: 'active' | 'inactive') {
  const scope = await scopeOf(ctx);
  if (userId === scope.actor.userId) throw new AppError('SELF_ACTION_REFUSED');
  await ctx.deps.db.transaction(async (tx) => {
    const u = await manageableUser(ctx, scope, userId, tx);
    if (u.status === status) return;
    const now = ctx.deps.clock.now();
    await tx.update(users).set({ status, updatedAt: now }).where(eq(users.id, userId));
    if (status === 'inactive') await revokeOtherSessions(tx, userId, null, now);
    await writeAudit(tx, ctx, {
      action: status === 'active' ? 'user.activate' : 'user.deactivate',
      entityType: 'user',
      entityId: userId,
      before: { status: u.status },
      after: { status },
      agencyId: auditAgency(scope, u.unitIds),
    });
  });
  return getUserDetail(ctx, userId);
}

/** "Gán người dùng vào đơn vị" → "LƯU LẠI": adds the ticked units. */
export async function assignUnits(ctx: Ctx, userId: string, unitIds: string[]) {
  const scope = await scopeOf(ctx);
  const wanted = [...new Set(unitIds)];
  assertUnitsInScope(scope, wanted);
  await ctx.deps.db.transaction(async (tx) => {
    const u = await manageableUser(ctx, scope, userId, tx);
    if (u.kind !== 'officer') throw new AppError('FORBIDDEN');
    await assertAssignableUnits(tx, wanted);
    const now = ctx.deps.clock.now();
    for (const agencyId of wanted.filter((a) => !u.unitIds.includes(a))) {
      await tx.insert(userUnits).values({ userId, agencyId, assignedAt: now, assignedBy: scope.actor.userId }).onConflictDoNothing();
      await writeAudit(tx, ctx, { action: 'user.unit_assign', entityType: 'user', entityId: userId, after: { agencyId }, agencyId });
    }
  });
  return getUserDetail(ctx, userId);
}

/** "Xóa" in "DANH SÁCH ĐƠN VỊ ĐÃ ĐƯỢC GÁN CHO NGƯỜI DÙNG". */
export async function removeUnit(ctx: Ctx, userId: string, agencyId: string) {
  const scope = await scopeOf(ctx);
  assertUnitsInScope(scope, [agencyId]);
  await ctx.deps.db.transaction(async (tx) => {
    const u = await manageableUser(ctx, scope, userId, tx);
    if (!u.unitIds.includes(agencyId)) return;
    await tx.delete(userUnits).where(and(eq(userUnits.userId, userId), eq(userUnits.agencyId, agencyId)));
    await writeAudit(tx, ctx, { action: 'user.unit_remove', entityType: 'user', entityId: userId, before: { agencyId }, agencyId });
  });
  return getUserDetail(ctx, userId);
}

/**
 * "Gán quyền người dùng" → "LƯU LẠI": the ticked set becomes the user's permissions. Each added
 * or removed permission passes the grant rules (common/grant-rules.ts); the first refusal stops the
 * whole change and says why.
 */
export async function setPermissions(ctx: Ctx, userId: string, permissions: string[]) {
  const scope = await scopeOf(ctx);
  const wanted = new Set(permissions);
  await ctx.deps.db.transaction(async (tx) => {
    const u = await manageableUser(ctx, scope, userId, tx);
    const held = new Set(u.permissions);
    const target = await grantTarget(tx, scope, u);
    const grants = [...wanted].filter((p) => !held.has(p));
    const revokes = [...held].filter((p) => !wanted.has(p));
    for (const [list, op] of [
      [grants, 'grant'],
      [revokes, 'revoke'],
    ] as const) {
      for (const p of list) {
        const problem = grantProblem(grantorOf(scope), target, p, op);
        if (problem) throw new AppError('PERMISSION_GRANT_REFUSED', { message: problem, details: { permission: p, op } });
      }
    }
    const now = ctx.deps.clock.now();
    const agencyId = auditAgency(scope, u.unitIds);
    for (const permission of grants) {
      await tx.insert(userPermissions).values({ userId, permission, grantedAt: now, grantedBy: scope.actor.userId }).onConflictDoNothing();
      await writeAudit(tx, ctx, { action: 'user.permission_grant', entityType: 'user', entityId: userId, after: { permission }, agencyId });
    }
    for (const permission of revokes) {
      await tx.delete(userPermissions).where(and(eq(userPermissions.userId, userId), eq(userPermissions.permission, permission)));
      await writeAudit(tx, ctx, { action: 'user.permission_revoke', entityType: 'user', entityId: userId, before: { permission }, agencyId });
    }
  });
  return getUserDetail(ctx, userId);
}

/** Units to pick in "Gán người dùng vào đơn vị": by Mã định danh (prefix) or name, in scope. */
export async function searchAssignableUnits(ctx: Ctx, userId: string, q: string, page: number, pageSize: number) {
  const scope = await scopeOf(ctx);
  const u = await visibleUser(ctx, scope, userId);
  const db = ctx.deps.db;
  const where: SQL[] = [eq(agencies.status, 'active')];
  const text = cleanText(q);
  if (text) {
    const code = /^[0-9.]/.test(text) ? text.toUpperCase() : null;
    if (code) where.push(like(agencies.code, `${likeEscape(code)}%`));
    else where.push(...everyWord(agencies.nameSearch, text));
  }
  if (u.unitIds.length) where.push(sql`${agencies.id} <> all(${uuidArray(u.unitIds)})`);
  if (scope.unitIds) where.push(inArray(agencies.id, [...scope.unitIds]));
  const offset = (page - 1) * pageSize;
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind })
      .from(agencies)
      .where(and(...where))
      .orderBy(asc(agencies.code))
      .limit(pageSize)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(agencies).where(and(...where)),
  ]);
  return { items: rows, total: Number(count?.n ?? 0), page, pageSize };
}

/**
 * Choices for the "Cơ quan" and "NH/TGTT/Cơ quan khác" filters and the new-user form: active units
 * in scope whose code starts with, or whose name contains every word of, `q`.
 */
export async function agencyOptions(ctx: Ctx, q: string, group: 'state' | 'other', limit = 20) {
  const scope = await scopeOf(ctx);
  const where: SQL[] = [
    eq(agencies.status, 'active'),
    group === 'other' ? inArray(agencies.kind, OTHER_BODY_KINDS) : sql`${agencies.kind} not in ('bank', 'payment_intermediary', 'other')`,
  ];
  const text = cleanText(q);
  if (/^[0-9.]/.test(text)) where.push(like(agencies.code, `${likeEscape(text.toUpperCase())}%`));
  else where.push(...everyWord(agencies.nameSearch, text));
  if (scope.unitIds) where.push(inArray(agencies.id, [...scope.unitIds]));
  return ctx.deps.db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name })
    .from(agencies)
    .where(and(...where))
    .orderBy(asc(agencies.code))
    .limit(limit);
}
