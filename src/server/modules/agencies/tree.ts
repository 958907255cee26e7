// "Quản lý cơ quan/đơn vị": browse and search the agency tree, create, rename, recode, move,
// deactivate, reactivate and merge units. Every change keeps its effective date in agency_history
// and an audit row, so that a merged commune (2025 reform) stays in the tree with its officers'
// history and its statistics. Every action is authorised here against the administrator's scope
// (their subtree): a level-1 administrator acts only below their own units and cannot move,
// merge or deactivate the root of their subtree.
import { and, asc, count, desc, eq, inArray, isNull, like, ne, sql, type SQL } from 'drizzle-orm';
import { AGENCY_NAME_MAX_LENGTH } from '../../../common/api/agencies.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import { isAgencyCode } from '../../../common/vn-ids.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { everyWord } from '../../db/sql.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countOfficersIn, fullNamesOf, moveUnitAssignments } from '../users/service.js';
import { adminScope, assertUnitsInScope, subtreeIds, unitInScope, type AdminScope, type AgencyRow } from './service.js';
import { AGENCY_KINDS, agencies, agencyHistory, type AgencyKind } from './tables.js';

export type HistoryChange = 'created' | 'renamed' | 'recoded' | 'moved' | 'kind_changed' | 'deactivated' | 'reactivated' | 'merged';

/** Order of siblings in the tree: offices of a level first, then the communes below it. */
const KIND_ORDER: Record<string, number> = {
  ministry: 0,
  province: 1,
  service_centre: 2,
  one_stop_desk: 3,
  department: 4,
  commune: 5,
  bank: 6,
  payment_intermediary: 7,
  other: 8,
};

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface AgencyNode extends UnitRef {
  kind: AgencyKind;
  status: 'active' | 'inactive';
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  successor: UnitRef | null;
  /** Children shown with the current "include inactive" choice; 0 makes the node a leaf. */
  childCount: number;
  activeChildCount: number;
}

const ref = (a: Pick<AgencyRow, 'id' | 'code' | 'name'>): UnitRef => ({ id: a.id, code: a.code, name: a.name });

function byKindThenName(a: AgencyRow, b: AgencyRow): number {
  return (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.name.localeCompare(b.name, 'vi') || a.code.localeCompare(b.code);
}

async function loadAgency(db: DbOrTx, id: string): Promise<AgencyRow> {
  const [a] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!a) throw new AppError('AGENCY_NOT_FOUND');
  return a;
}

/** The tops of an administrator's subtree: their units whose parent lies outside it. */
async function scopeRoots(db: DbOrTx, scope: AdminScope): Promise<string[]> {
  if (!scope.unitIds) {
    return (await db.select({ id: agencies.id }).from(agencies).where(isNull(agencies.parentId))).map((r) => r.id);
  }
  if (scope.unitIds.size === 0) return [];
  const rows = await db
    .select({ id: agencies.id, parentId: agencies.parentId })
    .from(agencies)
    .where(inArray(agencies.id, [...scope.actor.unitIds]));
  return rows.filter((r) => !r.parentId || !scope.unitIds!.has(r.parentId)).map((r) => r.id);
}

/** A level-1 administrator may not move, merge or deactivate the unit their subtree hangs from. */
async function assertNotOwnRoot(db: DbOrTx, scope: AdminScope, id: string, action: string): Promise<void> {
  if (scope.level !== 'level1') return;
  if ((await scopeRoots(db, scope)).includes(id)) {
    throw new AppError('OUT_OF_SCOPE', {
      message: `Đơn vị này là đơn vị gốc trong phạm vi quản lý của bạn; chỉ quản trị cấp cao mới được ${action} đơn vị này.`,
    });
  }
}

function assertInScope(scope: AdminScope, id: string): void {
  assertUnitsInScope(scope, [id]);
}

async function toNodes(db: DbOrTx, rows: AgencyRow[], includeInactive: boolean): Promise<AgencyNode[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({
      parentId: agencies.parentId,
      all: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${agencies.status} = 'active'))::int`,
    })
    .from(agencies)
    .where(inArray(agencies.parentId, ids))
    .groupBy(agencies.parentId);
  const countOf = new Map(counts.map((c) => [c.parentId, c]));
  const successors = await refsById(
    db,
    rows.map((r) => r.successorId).filter((s): s is string => !!s),
  );
  return rows.map((r) => {
    const c = countOf.get(r.id);
    const active = Number(c?.active ?? 0);
    return {
      ...ref(r),
      kind: r.kind as AgencyKind,
      status: r.status as 'active' | 'inactive',
      parentId: r.parentId,
      validFrom: r.validFrom,
      validTo: r.validTo,
      successor: r.successorId ? (successors.get(r.successorId) ?? null) : null,
      childCount: includeInactive ? Number(c?.all ?? 0) : active,
      activeChildCount: active,
    };
  });
}

async function refsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Ancestors of each unit, from the top down to its parent; for a level-1 administrator only
 * those inside their subtree (the path starts at their own root).
 */
async function ancestorPaths(db: DbOrTx, scope: AdminScope, ids: readonly string[]): Promise<Map<string, UnitRef[]>> {
  const paths = new Map<string, UnitRef[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return paths;
  const result = await db.execute(sql`
    with recursive up(hit, id, depth) as (
      select a.id, a.parent_id, 1 from agencies a
      where a.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and a.parent_id is not null
      union all
      select up.hit, p.parent_id, up.depth + 1 from up join agencies p on p.id = up.id
      where p.parent_id is not null and up.depth < 30
    )
    select up.hit, up.depth, a.id, a.code, a.name from up join agencies a on a.id = up.id`);
  const rows = rowsOf<{ hit: string; depth: number; id: string; code: string; name: string }>(result).sort((a, b) => b.depth - a.depth);
  for (const r of rows) if (unitInScope(scope, r.id)) paths.get(r.hit)!.push({ id: r.id, code: r.code, name: r.name });
  return paths;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Children of a unit for the lazily loaded tree; without a parent, the tops of the subtree. */
export async function listChildren(ctx: Ctx, parentId: string | undefined, includeInactive: boolean) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const db = ctx.deps.db;
  let rows: AgencyRow[];
  if (parentId) {
    await loadAgency(db, parentId);
    assertInScope(scope, parentId);
    rows = await db
      .select()
      .from(agencies)
      .where(and(eq(agencies.parentId, parentId), includeInactive ? undefined : eq(agencies.status, 'active')));
  } else {
    const roots = await scopeRoots(db, scope);
    rows = roots.length
      ? await db
          .select()
          .from(agencies)
          .where(and(inArray(agencies.id, roots), includeInactive || scope.level === 'level1' ? undefined : eq(agencies.status, 'active')))
      : [];
  }
  return { items: await toNodes(db, rows.sort(byKindThenName), includeInactive) };
}

export interface SearchInput {
  q: string;
  includeInactive: boolean;
  page: number;
  pageSize: number;
}

/** By Mã định danh (prefix) or by name (every word, accent-insensitive), with each hit's path. */
export async function searchAgencies(ctx: Ctx, input: SearchInput) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const db = ctx.deps.db;
  const text = cleanText(input.q);
  const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  if (!text) return empty;
  const where: SQL[] = [];
  const byCode = /^[0-9]/.test(text);
  if (byCode) where.push(like(agencies.code, `${likeEscape(text.toUpperCase())}%`));
  else where.push(...everyWord(agencies.nameSearch, text));
  if (!input.includeInactive) where.push(eq(agencies.status, 'active'));
  if (scope.unitIds) {
    if (scope.unitIds.size === 0) return empty;
    where.push(inArray(agencies.id, [...scope.unitIds]));
  }
  // Names spelt as typed (with accents: "Ba Đình" before "Ba Dinh") first, then the shortest.
  const order = byCode
    ? [asc(agencies.code)]
    : [asc(sql`strpos(${agencies.name}, ${text}) = 0`), asc(sql`length(${agencies.nameSearch})`), asc(agencies.nameSearch), asc(agencies.code)];
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(agencies)
      .where(and(...where))
      .orderBy(...order)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(agencies).where(and(...where)),
  ]);
  const nodes = await toNodes(db, rows, input.includeInactive);
  const paths = await ancestorPaths(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return { items: nodes.map((n) => ({ ...n, path: paths.get(n.id) ?? [] })), total: Number(counted?.n ?? 0), page: input.page, pageSize: input.pageSize };
}

/** One unit: where it sits, its dates, how many officers it has, and its history (newest first). */
export async function getAgency(ctx: Ctx, id: string) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  return agencyDetail(ctx.deps.db, scope, id);
}

async function agencyDetail(db: DbOrTx, scope: AdminScope, id: string) {
  const a = await loadAgency(db, id);
  assertInScope(scope, id);
  const [[node], parent, merged, officers, history, paths, roots] = await Promise.all([
    toNodes(db, [a], true),
    a.parentId ? db.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).where(eq(agencies.id, a.parentId)) : Promise.resolve([]),
    db
      .select({ id: agencies.id, code: agencies.code, name: agencies.name })
      .from(agencies)
      .where(eq(agencies.successorId, id))
      .orderBy(asc(agencies.name)),
    countOfficersIn(db, id),
    db
      .select({
        id: agencyHistory.id,
        change: agencyHistory.change,
        effectiveDate: agencyHistory.effectiveDate,
        before: agencyHistory.before,
        after: agencyHistory.after,
        actorId: agencyHistory.actorId,
        at: agencyHistory.at,
      })
      .from(agencyHistory)
      .where(eq(agencyHistory.agencyId, id))
      .orderBy(desc(agencyHistory.effectiveDate), desc(agencyHistory.at), desc(agencyHistory.id)),
    ancestorPaths(db, scope, [id]),
    scopeRoots(db, scope),
  ]);
  const isScopeRoot = scope.level === 'level1' && roots.includes(id);
  const actorNames = await fullNamesOf(db, history.flatMap((h) => (h.actorId ? [h.actorId] : [])));
  return {
    ...node!,
    provinceCode: a.provinceCode,
    adminUnitCode: a.adminUnitCode,
    createdAt: new Date(a.createdAt).toISOString(),
    parent: parent[0] ?? null,
    path: paths.get(id) ?? [],
    mergedFrom: merged,
    officerCount: officers,
    /** False for the top of a level-1 administrator's subtree: only a national one moves it. */
    canRestructure: !isScopeRoot,
    history: history.map((h) => ({
      id: h.id,
      change: h.change as HistoryChange,
      effectiveDate: h.effectiveDate,
      before: h.before ?? null,
      after: h.after ?? null,
      actorName: (h.actorId && actorNames.get(h.actorId)) || null,
      at: new Date(h.at).toISOString(),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Mã định danh as stored: trimmed, upper case, checked against NNN.NN.NN.XNN. */
export function checkAgencyCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!isAgencyCode(code)) throw new AppError('AGENCY_CODE_INVALID');
  return code;
}

function checkAgencyName(raw: string): string {
  const name = cleanText(raw);
  if (!name) throw new AppError('VALIDATION_FAILED', { message: 'Hãy nhập Tên đơn vị.' });
  if (name.length > AGENCY_NAME_MAX_LENGTH) throw new AppError('VALIDATION_FAILED', { message: `Tên đơn vị không được dài quá ${AGENCY_NAME_MAX_LENGTH} ký tự.` });
  return name;
}

function checkKind(kind: string): AgencyKind {
  if (!(AGENCY_KINDS as readonly string[]).includes(kind)) throw new AppError('VALIDATION_FAILED', { message: 'Loại đơn vị không hợp lệ.' });
  return kind as AgencyKind;
}

/** A calendar date YYYY-MM-DD that exists. */
function checkDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== value || d.getUTCFullYear() < 1945) {
    throw new AppError('VALIDATION_FAILED', { message: 'Ngày hiệu lực không hợp lệ.' });
  }
  return value;
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

function checkNotBeforeStart(a: AgencyRow, effectiveDate: string): void {
  if (a.validFrom && effectiveDate < a.validFrom) {
    throw new AppError('VALIDATION_FAILED', {
      message: `Ngày hiệu lực không được trước ngày đơn vị "${a.name}" bắt đầu hiệu lực (${vnDate(a.validFrom)}).`,
    });
  }
}

async function assertCodeFree(db: DbOrTx, code: string, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.code, code), exceptId ? ne(agencies.id, exceptId) : undefined));
  if (taken) throw new AppError('AGENCY_CODE_TAKEN');
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}

async function history(
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: string,
  change: HistoryChange,
  effectiveDate: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  await tx.insert(agencyHistory).values({
    id: newId(),
    agencyId,
    change,
    effectiveDate,
    before,
    after,
    actorId: ctx.actor?.userId ?? null,
    at: ctx.deps.clock.now(),
  });
  const action = {
    created: 'agency.create',
    renamed: 'agency.rename',
    recoded: 'agency.recode',
    moved: 'agency.move',
    kind_changed: 'agency.kind_change',
    deactivated: 'agency.deactivate',
    reactivated: 'agency.reactivate',
    merged: 'agency.merge',
  }[change];
  await writeAudit(tx, ctx, { action, entityType: 'agency', entityId: agencyId, before, after: { ...after, effectiveDate }, agencyId });
}

// ---------------------------------------------------------------------------------------------
// Changes

export interface NewAgency {
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  validFrom: string;
}

/** "Thêm đơn vị trực thuộc" (or a new top-level unit, for a national administrator). */
export async function createAgency(ctx: Ctx, input: NewAgency) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const code = checkAgencyCode(input.code);
  const name = checkAgencyName(input.name);
  const kind = checkKind(input.kind);
  const validFrom = checkDate(input.validFrom);
  if (!input.parentId && scope.level !== 'national') {
    throw new AppError('OUT_OF_SCOPE', { message: 'Quản trị cấp 1 chỉ thêm được đơn vị trực thuộc một đơn vị trong phạm vi quản lý của mình.' });
  }
  const db = ctx.deps.db;
  const id = newId();
  await db.transaction(async (tx) => {
    let parent: AgencyRow | null = null;
    if (input.parentId) {
      parent = await loadAgency(tx, input.parentId);
      assertInScope(scope, parent.id);
      if (parent.status !== 'active') throw new AppError('AGENCY_INACTIVE', { message: `Đơn vị cấp trên "${parent.name}" đã ngừng hoạt động.` });
    }
    await assertCodeFree(tx, code);
    const now = ctx.deps.clock.now();
    const inserted = await tx
      .insert(agencies)
      .values({
        id,
        code,
        name,
        nameSearch: searchKey(name),
        kind,
        parentId: parent?.id ?? null,
        provinceCode: parent?.provinceCode ?? null,
        adminUnitCode: parent?.adminUnitCode ?? null,
        createdAt: now,
        updatedAt: now,
        status: 'active',
        validFrom,
      })
      .onConflictDoNothing()
      .returning({ id: agencies.id });
    if (inserted.length === 0) throw new AppError('AGENCY_CODE_TAKEN');
    await history(tx, ctx, id, 'created', validFrom, null, {
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      parentCode: parent?.code ?? null,
      parentName: parent?.name ?? null,
    });
  });
  // The new unit is inside the subtree of its parent, so the scope computed above still holds.
  return agencyDetail(db, scope.unitIds ? { ...scope, unitIds: new Set([...scope.unitIds, id]) } : scope, id);
}

export interface AgencyChange {
  name?: string;
  code?: string;
  kind?: string;
  /** Present to move the unit; null makes it a top-level unit (national administrators only). */
  parentId?: string | null;
  effectiveDate: string;
}

/** "Sửa" (rename, new code, other kind) and "Chuyển đơn vị cấp trên"; one history row per change. */
export async function updateAgency(ctx: Ctx, id: string, input: AgencyChange) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const effectiveDate = checkDate(input.effectiveDate);
  const db = ctx.deps.db;
  await loadAgency(db, id);
  assertInScope(scope, id);
  try {
    await db.transaction(async (tx) => {
      const a = await loadAgency(tx, id);
      const now = ctx.deps.clock.now();
      if (input.name !== undefined) {
        const name = checkAgencyName(input.name);
        if (name !== a.name) {
          await tx.update(agencies).set({ name, nameSearch: searchKey(name), updatedAt: now }).where(eq(agencies.id, id));
          await history(tx, ctx, id, 'renamed', effectiveDate, { name: a.name }, { name });
        }
      }
      if (input.code !== undefined) {
        const code = checkAgencyCode(input.code);
        if (code !== a.code) {
          await assertCodeFree(tx, code, id);
          await tx.update(agencies).set({ code, updatedAt: now }).where(eq(agencies.id, id));
          await history(tx, ctx, id, 'recoded', effectiveDate, { code: a.code }, { code });
        }
      }
      if (input.kind !== undefined) {
        const kind = checkKind(input.kind);
        if (kind !== a.kind) {
          await tx.update(agencies).set({ kind, updatedAt: now }).where(eq(agencies.id, id));
          await history(tx, ctx, id, 'kind_changed', effectiveDate, { kind: a.kind }, { kind });
        }
      }
      if (input.parentId !== undefined && input.parentId !== a.parentId) {
        await assertNotOwnRoot(tx, scope, id, 'chuyển');
        let parent: AgencyRow | null = null;
        if (input.parentId === null) {
          if (scope.level !== 'national') throw new AppError('OUT_OF_SCOPE', { message: 'Chỉ quản trị cấp cao mới được đặt một đơn vị thành đơn vị cấp cao nhất.' });
        } else {
          parent = await loadAgency(tx, input.parentId);
          assertInScope(scope, parent.id);
          if ((await subtreeIds(tx, [id])).includes(parent.id)) throw new AppError('AGENCY_MOVE_INVALID');
          if (parent.status !== 'active') throw new AppError('AGENCY_INACTIVE', { message: `Đơn vị cấp trên "${parent.name}" đã ngừng hoạt động.` });
        }
        const [old] = a.parentId ? await tx.select().from(agencies).where(eq(agencies.id, a.parentId)) : [];
        await tx.update(agencies).set({ parentId: parent?.id ?? null, updatedAt: now }).where(eq(agencies.id, id));
        await history(
          tx,
          ctx,
          id,
          'moved',
          effectiveDate,
          { parentId: a.parentId, parentCode: old?.code ?? null, parentName: old?.name ?? null },
          { parentId: parent?.id ?? null, parentCode: parent?.code ?? null, parentName: parent?.name ?? null },
        );
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('AGENCY_CODE_TAKEN');
    throw err;
  }
  return agencyDetail(db, await adminScope(db, ctx.actor), id);
}

/** "Ngừng hoạt động": refused while active units remain below it. */
export async function deactivateAgency(ctx: Ctx, id: string, effectiveDateInput: string) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const effectiveDate = checkDate(effectiveDateInput);
  const db = ctx.deps.db;
  await loadAgency(db, id);
  assertInScope(scope, id);
  await assertNotOwnRoot(db, scope, id, 'ngừng hoạt động');
  await db.transaction(async (tx) => {
    const a = await loadAgency(tx, id);
    if (a.status === 'inactive') return;
    checkNotBeforeStart(a, effectiveDate);
    const [children] = await tx
      .select({ n: count() })
      .from(agencies)
      .where(and(eq(agencies.parentId, id), eq(agencies.status, 'active')));
    if (Number(children?.n ?? 0) > 0) throw new AppError('AGENCY_HAS_ACTIVE_CHILDREN', { details: { activeChildren: Number(children!.n) } });
    await tx.update(agencies).set({ status: 'inactive', validTo: effectiveDate, updatedAt: ctx.deps.clock.now() }).where(eq(agencies.id, id));
    await history(tx, ctx, id, 'deactivated', effectiveDate, { status: a.status, validTo: a.validTo }, { status: 'inactive', validTo: effectiveDate });
  });
  return agencyDetail(db, scope, id);
}

/** "Kích hoạt lại": a deactivated or merged unit works again (its parent must be active). */
export async function reactivateAgency(ctx: Ctx, id: string, effectiveDateInput: string) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const effectiveDate = checkDate(effectiveDateInput);
  const db = ctx.deps.db;
  await loadAgency(db, id);
  assertInScope(scope, id);
  await db.transaction(async (tx) => {
    const a = await loadAgency(tx, id);
    if (a.status === 'active') return;
    if (a.parentId) {
      const parent = await loadAgency(tx, a.parentId);
      if (parent.status !== 'active') {
        throw new AppError('AGENCY_INACTIVE', { message: `Đơn vị cấp trên "${parent.name}" đang ngừng hoạt động; hãy kích hoạt lại đơn vị cấp trên trước.` });
      }
    }
    await tx.update(agencies).set({ status: 'active', validTo: null, successorId: null, updatedAt: ctx.deps.clock.now() }).where(eq(agencies.id, id));
    await history(
      tx,
      ctx,
      id,
      'reactivated',
      effectiveDate,
      { status: a.status, validTo: a.validTo, successorId: a.successorId },
      { status: 'active' },
    );
  });
  return agencyDetail(db, scope, id);
}

export interface MergeInput {
  sourceIds: string[];
  targetId: string;
  effectiveDate: string;
  /** Move the officers of the merged units to the target (their assignments, with audit rows). */
  moveOfficers: boolean;
}

/**
 * "Sáp nhập" (as communes were merged in the 2025 reform): the source units stop on the effective
 * date and point to the target (successor); they stay in the tree, so dossiers, account requests and
 * statistics that name them remain traceable. With moveOfficers, their officers' assignments move
 * to the target, each move written to the audit log (the officer's history).
 */
export async function mergeAgencies(ctx: Ctx, input: MergeInput) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const effectiveDate = checkDate(input.effectiveDate);
  const sourceIds = [...new Set(input.sourceIds)];
  const db = ctx.deps.db;
  if (sourceIds.length === 0) throw new AppError('VALIDATION_FAILED', { message: 'Hãy chọn ít nhất một đơn vị bị sáp nhập.' });
  if (sourceIds.includes(input.targetId)) {
    throw new AppError('AGENCY_MOVE_INVALID', { message: 'Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập.' });
  }
  for (const sid of [...sourceIds, input.targetId]) await loadAgency(db, sid);
  assertUnitsInScope(scope, [...sourceIds, input.targetId]);
  for (const sid of sourceIds) await assertNotOwnRoot(db, scope, sid, 'sáp nhập');

  await db.transaction(async (tx) => {
    const target = await loadAgency(tx, input.targetId);
    if (target.status !== 'active') throw new AppError('AGENCY_INACTIVE', { message: `Đơn vị nhận sáp nhập "${target.name}" đã ngừng hoạt động.` });
    const sources = await tx.select().from(agencies).where(inArray(agencies.id, sourceIds));
    sources.sort(byKindThenName);
    for (const s of sources) {
      if (s.status !== 'active') throw new AppError('AGENCY_INACTIVE', { message: `Đơn vị "${s.name}" đã ngừng hoạt động hoặc đã được sáp nhập.` });
      checkNotBeforeStart(s, effectiveDate);
    }
    const below = await subtreeIds(tx, sourceIds);
    if (below.includes(target.id)) {
      throw new AppError('AGENCY_MOVE_INVALID', { message: 'Không thể sáp nhập một đơn vị vào đơn vị trực thuộc của chính nó.' });
    }
    const activeChildren = await tx
      .select({ id: agencies.id, name: agencies.name, parentId: agencies.parentId })
      .from(agencies)
      .where(and(inArray(agencies.parentId, sourceIds), eq(agencies.status, 'active')));
    // A child merged in the same operation does not stand in the way.
    const blocking = activeChildren.filter((c) => !sourceIds.includes(c.id));
    if (blocking.length > 0) {
      const parentName = sources.find((s) => s.id === blocking[0]!.parentId)?.name ?? '';
      throw new AppError('AGENCY_HAS_ACTIVE_CHILDREN', {
        message: `Đơn vị "${parentName}" còn đơn vị trực thuộc đang hoạt động (ví dụ "${blocking[0]!.name}"); hãy chuyển hoặc sáp nhập các đơn vị đó trước.`,
        details: { activeChildren: blocking.length },
      });
    }

    const now = ctx.deps.clock.now();
    const moved = input.moveOfficers ? await moveUnitAssignments(tx, ctx, sourceIds, target.id) : new Map<string, number>();
    for (const s of sources) {
      await tx
        .update(agencies)
        .set({ status: 'inactive', validTo: effectiveDate, successorId: target.id, updatedAt: now })
        .where(eq(agencies.id, s.id));
      await history(
        tx,
        ctx,
        s.id,
        'merged',
        effectiveDate,
        { status: s.status, validTo: s.validTo },
        { status: 'inactive', validTo: effectiveDate, successorId: target.id, successorCode: target.code, successorName: target.name, officersMoved: moved.get(s.id) ?? 0 },
      );
    }
    await history(tx, ctx, target.id, 'merged', effectiveDate, null, {
      mergedFrom: sources.map(ref),
      officersMoved: [...moved.values()].reduce((x, y) => x + y, 0),
    });
  });
  return agencyDetail(db, scope, input.targetId);
}
