// "Quản lý cơ quan/đơn vị": browse and search the agency tree, create, rename, recode, move,
// deactivate, reactivate and merge units. Every change keeps its effective date in agency_history
// and an audit row, so that a merged commune (2025 reform) stays in the tree with its officers'
// history and its statistics. Every action is authorised here against the administrator's scope
// (their subtree): a level-1 administrator acts only below their own units and cannot move,
// merge or deactivate the root of their subtree.
//
// Effective dates (issue 15), decided here (`timing`): the date is read in Vietnam time against
// the injected clock. A date before today is refused (AGENCY_EFFECTIVE_DATE_PAST): the back office
// records a change from the day it is made, it does not rewrite the past (the 2025 reform's
// reference units carry their own dates, reference.ts). Today: the change applies at once. A later
// date: a rename, new code, kind, move or deactivation is stored as a scheduled change
// (agency_scheduled_changes), shown in the tree as planned, cancellable by an administrator of the
// unit, and applied on its date by the schedule "agencies.scheduled-changes.apply"
// (applyDueChanges); a merge or reactivation dated later is refused (AGENCY_EFFECTIVE_DATE_FUTURE)
// — do it on the day. A new unit's "Hiệu lực từ" stays free (a unit founded earlier can be added).
// Moving a unit below another top of the tree (another province) needs confirmCrossProvince.
import { and, asc, count, desc, eq, inArray, isNull, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import { AGENCY_NAME_MAX_LENGTH, TOP_LEVEL_KINDS } from '../../../common/api/agencies.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import { isAgencyCode } from '../../../common/vn-ids.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { everyWord } from '../../db/sql.js';
import { writeAudit } from '../../platform/audit.js';
import { VN_TIME_ZONE } from '../../platform/clock.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countOfficersIn, fullNamesOf, moveUnitAssignments } from '../users/service.js';
import { adminScope, assertUnitsInScope, subtreeIds, unitInScope, type AdminScope, type AgencyRow } from './service.js';
import { AGENCY_KINDS, agencies, agencyHistory, agencyScheduledChanges, type AgencyKind } from './tables.js';

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
  planned: PlannedChange | null;
}

type ScheduledRow = typeof agencyScheduledChanges.$inferSelect;

/** What a scheduled update changes (agency_scheduled_changes.changes). */
interface ScheduledChanges {
  name?: string;
  code?: string;
  kind?: AgencyKind;
  parentId?: string | null;
  parentCode?: string | null;
  parentName?: string | null;
}

export interface PlannedChange {
  id: string;
  action: 'update' | 'deactivate';
  effectiveDate: string;
  name?: string;
  code?: string;
  kind?: AgencyKind;
  parent?: UnitRef | null;
}

function plannedOf(r: ScheduledRow): PlannedChange {
  const c = (r.changes ?? {}) as ScheduledChanges;
  const out: PlannedChange = { id: r.id, action: r.action as PlannedChange['action'], effectiveDate: r.effectiveDate };
  if (c.name !== undefined) out.name = c.name;
  if (c.code !== undefined) out.code = c.code;
  if (c.kind !== undefined) out.kind = c.kind;
  if (c.parentId !== undefined) out.parent = c.parentId ? { id: c.parentId, code: c.parentCode ?? '', name: c.parentName ?? '' } : null;
  return out;
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
  const pending = await db
    .select()
    .from(agencyScheduledChanges)
    .where(and(inArray(agencyScheduledChanges.agencyId, ids), eq(agencyScheduledChanges.status, 'pending')));
  const plannedFor = new Map(pending.map((p) => [p.agencyId, plannedOf(p)]));
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
      planned: plannedFor.get(r.id) ?? null,
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
  const [[node], parent, merged, officers, history, paths, roots, scheduled] = await Promise.all([
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
    db
      .select()
      .from(agencyScheduledChanges)
      .where(eq(agencyScheduledChanges.agencyId, id))
      .orderBy(desc(agencyScheduledChanges.createdAt), desc(agencyScheduledChanges.id))
      .limit(20),
  ]);
  const isScopeRoot = scope.level === 'level1' && roots.includes(id);
  const actorNames = await fullNamesOf(db, [
    ...history.flatMap((h) => (h.actorId ? [h.actorId] : [])),
    ...scheduled.flatMap((c) => (c.createdBy ? [c.createdBy] : [])),
  ]);
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
    scheduledChanges: scheduled.map((c) => scheduledView(c, actorNames)),
  };
}

function scheduledView(c: ScheduledRow, names: Map<string, string>) {
  return {
    ...plannedOf(c),
    status: c.status as 'pending' | 'applied' | 'cancelled' | 'failed',
    createdByName: (c.createdBy && names.get(c.createdBy)) || null,
    createdAt: new Date(c.createdAt).toISOString(),
    decidedAt: c.decidedAt ? new Date(c.decidedAt).toISOString() : null,
    failure: c.failure,
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

/** The unique index a duplicate hit, if the error is a unique violation. */
function uniqueViolation(err: unknown): string | null {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return e.constraint ?? '';
  }
  return null;
}

async function history(
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: string,
  change: HistoryChange,
  effectiveDate: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  /** A scheduled change being applied: who scheduled it (the history's actor) and its id. */
  scheduled?: { by: string | null; id: string },
): Promise<void> {
  const actorId = scheduled ? scheduled.by : (ctx.actor?.userId ?? null);
  await tx.insert(agencyHistory).values({
    id: newId(),
    agencyId,
    change,
    effectiveDate,
    before,
    after,
    actorId,
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
  await writeAudit(tx, ctx, {
    action,
    entityType: 'agency',
    entityId: agencyId,
    before,
    after: { ...after, effectiveDate, ...(scheduled ? { scheduledChangeId: scheduled.id } : {}) },
    agencyId,
    ...(scheduled ? { actorId } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Effective dates

/** Today's date (YYYY-MM-DD) in Vietnam time. */
export function vnToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * When a change takes effect (see the head of this file): before today refused, today at once,
 * later scheduled — or refused, for the changes that cannot wait (`schedulable` false).
 */
function timing(ctx: Ctx, effectiveDate: string, schedulable: boolean): 'now' | 'scheduled' {
  const today = vnToday(ctx.deps.clock.now());
  if (effectiveDate < today) {
    throw new AppError('AGENCY_EFFECTIVE_DATE_PAST', {
      message: `Ngày hiệu lực ${vnDate(effectiveDate)} đã qua. Hãy chọn ngày hôm nay (${vnDate(today)}) để thay đổi có hiệu lực ngay, hoặc một ngày sau hôm nay để lên lịch thay đổi.`,
    });
  }
  if (effectiveDate === today) return 'now';
  if (!schedulable) {
    throw new AppError('AGENCY_EFFECTIVE_DATE_FUTURE', {
      message: `Thay đổi này chỉ thực hiện được với ngày hiệu lực là hôm nay (${vnDate(today)}); hãy thực hiện vào ngày ${vnDate(effectiveDate)}.`,
    });
  }
  return 'scheduled';
}

/** The units from the top of the tree down to `id` (inclusive), whatever the scope. */
async function fullPath(db: DbOrTx, id: string): Promise<UnitRef[]> {
  const result = await db.execute(sql`
    with recursive up(id, depth) as (
      select ${id}::uuid, 0
      union all
      select a.parent_id, up.depth + 1 from up join agencies a on a.id = up.id
      where a.parent_id is not null and up.depth < 30
    )
    select a.id, a.code, a.name, up.depth from up join agencies a on a.id = up.id order by up.depth desc`);
  return rowsOf<UnitRef & { depth: number }>(result).map(({ id: i, code, name }) => ({ id: i, code, name }));
}

const pathText = (p: readonly UnitRef[]) => p.map((u) => u.name).join(' › ');

async function assertNoPending(db: DbOrTx, agencyId: string): Promise<void> {
  const [p] = await db
    .select()
    .from(agencyScheduledChanges)
    .where(and(eq(agencyScheduledChanges.agencyId, agencyId), eq(agencyScheduledChanges.status, 'pending')));
  if (p) {
    throw new AppError('AGENCY_CHANGE_PENDING', {
      message: `Đơn vị đã có một thay đổi dự kiến từ ngày ${vnDate(p.effectiveDate)}; hãy hủy thay đổi đó trước khi lên lịch thay đổi khác.`,
      details: { scheduledChangeId: p.id },
    });
  }
}

/** Stores a change for a later date (the administrator's checks have all passed). */
async function scheduleChange(tx: DbOrTx, ctx: Ctx, a: AgencyRow, action: 'update' | 'deactivate', changes: ScheduledChanges, effectiveDate: string) {
  await assertNoPending(tx, a.id);
  const id = newId();
  await tx.insert(agencyScheduledChanges).values({
    id,
    agencyId: a.id,
    action,
    changes,
    effectiveDate,
    status: 'pending',
    createdBy: ctx.actor?.userId ?? null,
    createdAt: ctx.deps.clock.now(),
  });
  await writeAudit(tx, ctx, {
    action: 'agency.change_schedule',
    entityType: 'agency',
    entityId: a.id,
    before: { code: a.code, name: a.name },
    after: { scheduledChangeId: id, action, changes, effectiveDate },
    agencyId: a.id,
  });
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

const isTopLevelKind = (kind: string) => (TOP_LEVEL_KINDS as readonly string[]).includes(kind);

/**
 * "Thêm đơn vị trực thuộc", or a new top of the tree ("Thêm đơn vị cấp cao nhất": a ministry,
 * bank, payment intermediary…) for a national administrator only (ADR 0008: a level-1
 * administrator's reach is the subtree of their units, so nothing outside it).
 */
export async function createAgency(ctx: Ctx, input: NewAgency) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const code = checkAgencyCode(input.code);
  const name = checkAgencyName(input.name);
  const kind = checkKind(input.kind);
  const validFrom = checkDate(input.validFrom);
  if (!input.parentId && scope.level !== 'national') {
    throw new AppError('OUT_OF_SCOPE', { message: 'Quản trị cấp 1 chỉ thêm được đơn vị trực thuộc một đơn vị trong phạm vi quản lý của mình.' });
  }
  if (!input.parentId && !isTopLevelKind(kind)) throw new AppError('AGENCY_TOP_LEVEL_KIND');
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
  /** Needed to move the unit below another top of the tree (another province). */
  confirmCrossProvince?: boolean;
}

/** What an update changes, checked: only the fields that differ from the unit as it is. */
interface UpdatePlan {
  name?: string;
  code?: string;
  kind?: AgencyKind;
  /** Present for a move: the new parent (null: the top level). */
  parent?: AgencyRow | null;
}

/**
 * Checks an update of `a` and returns what it changes. With a scope: an administrator's request
 * (their reach, their own root, the confirmation of a move to another province). Without: the
 * schedule applying a change on its date (those were checked when it was saved; the unit's state
 * — a code taken since, an inactive parent — is checked again).
 */
async function planUpdate(tx: DbOrTx, scope: AdminScope | null, a: AgencyRow, input: Omit<AgencyChange, 'effectiveDate'>): Promise<UpdatePlan> {
  const plan: UpdatePlan = {};
  if (input.name !== undefined) {
    const name = checkAgencyName(input.name);
    if (name !== a.name) plan.name = name;
  }
  if (input.code !== undefined) {
    const code = checkAgencyCode(input.code);
    if (code !== a.code) {
      await assertCodeFree(tx, code, a.id);
      plan.code = code;
    }
  }
  if (input.kind !== undefined) {
    const kind = checkKind(input.kind);
    if (kind !== a.kind) plan.kind = kind;
  }
  if (input.parentId !== undefined && input.parentId !== a.parentId) {
    if (scope) await assertNotOwnRoot(tx, scope, a.id, 'chuyển');
    if (input.parentId === null) {
      if (scope && scope.level !== 'national') throw new AppError('OUT_OF_SCOPE', { message: 'Chỉ quản trị cấp cao mới được đặt một đơn vị thành đơn vị cấp cao nhất.' });
      plan.parent = null;
    } else {
      const parent = await loadAgency(tx, input.parentId);
      if (scope) assertInScope(scope, parent.id);
      if ((await subtreeIds(tx, [a.id])).includes(parent.id)) throw new AppError('AGENCY_MOVE_INVALID');
      if (parent.status !== 'active') throw new AppError('AGENCY_INACTIVE', { message: `Đơn vị cấp trên "${parent.name}" đã ngừng hoạt động.` });
      if (scope && !input.confirmCrossProvince) {
        const [from, to] = await Promise.all([fullPath(tx, a.id), fullPath(tx, parent.id)]);
        if (from[0]?.id !== to[0]?.id) {
          const fromPath = pathText(from);
          const toPath = pathText([...to, a]);
          throw new AppError('AGENCY_CROSS_PROVINCE_CONFIRM_REQUIRED', {
            message: `Chuyển đơn vị sang tỉnh khác? Từ: ${fromPath}. Đến: ${toPath}. Hãy xác nhận việc chuyển.`,
            details: { fromPath, toPath },
          });
        }
      }
      plan.parent = parent;
    }
  }
  const kindAfter = plan.kind ?? a.kind;
  const parentAfter = plan.parent !== undefined ? plan.parent : a.parentId;
  if (!parentAfter && !isTopLevelKind(kindAfter) && (plan.kind !== undefined || plan.parent !== undefined)) throw new AppError('AGENCY_TOP_LEVEL_KIND');
  return plan;
}

const isEmptyPlan = (p: UpdatePlan) => p.name === undefined && p.code === undefined && p.kind === undefined && p.parent === undefined;

function changesOf(plan: UpdatePlan): ScheduledChanges {
  const c: ScheduledChanges = {};
  if (plan.name !== undefined) c.name = plan.name;
  if (plan.code !== undefined) c.code = plan.code;
  if (plan.kind !== undefined) c.kind = plan.kind;
  if (plan.parent !== undefined) {
    c.parentId = plan.parent?.id ?? null;
    c.parentCode = plan.parent?.code ?? null;
    c.parentName = plan.parent?.name ?? null;
  }
  return c;
}

/** Writes a checked update: the unit, one history row (and audit row) per field changed. */
async function applyUpdate(tx: DbOrTx, ctx: Ctx, a: AgencyRow, plan: UpdatePlan, effectiveDate: string, scheduled?: { by: string | null; id: string }) {
  const now = ctx.deps.clock.now();
  const id = a.id;
  if (plan.name !== undefined) {
    await tx.update(agencies).set({ name: plan.name, nameSearch: searchKey(plan.name), updatedAt: now }).where(eq(agencies.id, id));
    await history(tx, ctx, id, 'renamed', effectiveDate, { name: a.name }, { name: plan.name }, scheduled);
  }
  if (plan.code !== undefined) {
    await tx.update(agencies).set({ code: plan.code, updatedAt: now }).where(eq(agencies.id, id));
    await history(tx, ctx, id, 'recoded', effectiveDate, { code: a.code }, { code: plan.code }, scheduled);
  }
  if (plan.kind !== undefined) {
    await tx.update(agencies).set({ kind: plan.kind, updatedAt: now }).where(eq(agencies.id, id));
    await history(tx, ctx, id, 'kind_changed', effectiveDate, { kind: a.kind }, { kind: plan.kind }, scheduled);
  }
  if (plan.parent !== undefined) {
    const parent = plan.parent;
    const [old] = a.parentId ? await tx.select().from(agencies).where(eq(agencies.id, a.parentId)) : [];
    await tx.update(agencies).set({ parentId: parent?.id ?? null, updatedAt: now }).where(eq(agencies.id, id));
    // The province a unit belongs to (the distribution key) follows a move to another province.
    if (parent?.provinceCode && parent.provinceCode !== a.provinceCode) {
      const below = await subtreeIds(tx, [id]);
      await tx.update(agencies).set({ provinceCode: parent.provinceCode }).where(inArray(agencies.id, below));
    }
    await history(
      tx,
      ctx,
      id,
      'moved',
      effectiveDate,
      { parentId: a.parentId, parentCode: old?.code ?? null, parentName: old?.name ?? null },
      { parentId: parent?.id ?? null, parentCode: parent?.code ?? null, parentName: parent?.name ?? null },
      scheduled,
    );
  }
}

/**
 * "Sửa" (rename, new code, other kind) and "Chuyển đơn vị cấp trên"; one history row per change.
 * Dated today: at once. Dated later: one scheduled change, applied on its date.
 */
export async function updateAgency(ctx: Ctx, id: string, input: AgencyChange) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const effectiveDate = checkDate(input.effectiveDate);
  const db = ctx.deps.db;
  await loadAgency(db, id);
  assertInScope(scope, id);
  try {
    await db.transaction(async (tx) => {
      const a = await loadAgency(tx, id);
      const plan = await planUpdate(tx, scope, a, input);
      if (isEmptyPlan(plan)) return;
      if (timing(ctx, effectiveDate, true) === 'now') await applyUpdate(tx, ctx, a, plan, effectiveDate);
      else await scheduleChange(tx, ctx, a, 'update', changesOf(plan), effectiveDate);
    });
  } catch (err) {
    const unique = uniqueViolation(err);
    if (unique === 'agency_scheduled_changes_one_pending_uq') throw new AppError('AGENCY_CHANGE_PENDING');
    if (unique !== null) throw new AppError('AGENCY_CODE_TAKEN');
    throw err;
  }
  return agencyDetail(db, await adminScope(db, ctx.actor), id);
}

/**
 * Active units below `id` that stand in the way of deactivating it on `effectiveDate`: those not
 * themselves scheduled to stop by then.
 */
async function activeChildrenBlocking(tx: DbOrTx, id: string, effectiveDate: string): Promise<number> {
  const [children] = await tx
    .select({ n: count() })
    .from(agencies)
    .where(
      and(
        eq(agencies.parentId, id),
        eq(agencies.status, 'active'),
        sql`not exists (select 1 from agency_scheduled_changes s where s.agency_id = ${agencies.id} and s.status = 'pending' and s.action = 'deactivate' and s.effective_date <= ${effectiveDate}::date)`,
      ),
    );
  return Number(children?.n ?? 0);
}

/** "Ngừng hoạt động": refused while active units remain below it; a later date is scheduled. */
export async function deactivateAgency(ctx: Ctx, id: string, effectiveDateInput: string) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const effectiveDate = checkDate(effectiveDateInput);
  const db = ctx.deps.db;
  await loadAgency(db, id);
  assertInScope(scope, id);
  await assertNotOwnRoot(db, scope, id, 'ngừng hoạt động');
  try {
    await db.transaction(async (tx) => {
      const a = await loadAgency(tx, id);
      if (a.status === 'inactive') return;
      checkNotBeforeStart(a, effectiveDate);
      const when = timing(ctx, effectiveDate, true);
      const blocking = when === 'now' ? await activeChildrenBlocking(tx, id, '0001-01-01') : await activeChildrenBlocking(tx, id, effectiveDate);
      if (blocking > 0) throw new AppError('AGENCY_HAS_ACTIVE_CHILDREN', { details: { activeChildren: blocking } });
      if (when === 'now') await applyDeactivate(tx, ctx, a, effectiveDate);
      else await scheduleChange(tx, ctx, a, 'deactivate', {}, effectiveDate);
    });
  } catch (err) {
    if (uniqueViolation(err) === 'agency_scheduled_changes_one_pending_uq') throw new AppError('AGENCY_CHANGE_PENDING');
    throw err;
  }
  return agencyDetail(db, scope, id);
}

async function applyDeactivate(tx: DbOrTx, ctx: Ctx, a: AgencyRow, effectiveDate: string, scheduled?: { by: string | null; id: string }) {
  await tx.update(agencies).set({ status: 'inactive', validTo: effectiveDate, updatedAt: ctx.deps.clock.now() }).where(eq(agencies.id, a.id));
  await history(tx, ctx, a.id, 'deactivated', effectiveDate, { status: a.status, validTo: a.validTo }, { status: 'inactive', validTo: effectiveDate }, scheduled);
}

/** "Kích hoạt lại": a deactivated or merged unit works again (its parent must be active); from today. */
export async function reactivateAgency(ctx: Ctx, id: string, effectiveDateInput: string) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const effectiveDate = checkDate(effectiveDateInput);
  const db = ctx.deps.db;
  await loadAgency(db, id);
  assertInScope(scope, id);
  await db.transaction(async (tx) => {
    const a = await loadAgency(tx, id);
    if (a.status === 'active') return;
    timing(ctx, effectiveDate, false);
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

// ---------------------------------------------------------------------------------------------
// Scheduled changes

/** "Hủy thay đổi dự kiến": an administrator of the unit cancels a change not yet applied. */
export async function cancelScheduledChange(ctx: Ctx, agencyId: string, changeId: string) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const db = ctx.deps.db;
  await loadAgency(db, agencyId);
  assertInScope(scope, agencyId);
  await db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(agencyScheduledChanges)
      .where(and(eq(agencyScheduledChanges.id, changeId), eq(agencyScheduledChanges.agencyId, agencyId)))
      .for('update');
    if (!c) throw new AppError('AGENCY_CHANGE_NOT_FOUND');
    if (c.status !== 'pending') throw new AppError('AGENCY_CHANGE_NOT_PENDING');
    await tx
      .update(agencyScheduledChanges)
      .set({ status: 'cancelled', decidedBy: ctx.actor?.userId ?? null, decidedAt: ctx.deps.clock.now() })
      .where(eq(agencyScheduledChanges.id, c.id));
    await writeAudit(tx, ctx, {
      action: 'agency.change_cancel',
      entityType: 'agency',
      entityId: agencyId,
      before: { scheduledChangeId: c.id, action: c.action, changes: c.changes, effectiveDate: c.effectiveDate, status: 'pending' },
      after: { scheduledChangeId: c.id, status: 'cancelled' },
      agencyId,
    });
  });
  return agencyDetail(db, scope, agencyId);
}

export interface ScheduledListInput {
  status?: 'pending' | 'applied' | 'cancelled' | 'failed';
  page: number;
  pageSize: number;
}

/** "Thay đổi dự kiến": the scheduled changes of units in the administrator's scope, soonest first. */
export async function listScheduledChanges(ctx: Ctx, input: ScheduledListInput) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const db = ctx.deps.db;
  const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  const where: SQL[] = [eq(agencyScheduledChanges.status, input.status ?? 'pending')];
  if (scope.unitIds) {
    if (scope.unitIds.size === 0) return empty;
    where.push(inArray(agencyScheduledChanges.agencyId, [...scope.unitIds]));
  }
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(agencyScheduledChanges)
      .where(and(...where))
      .orderBy(asc(agencyScheduledChanges.effectiveDate), asc(agencyScheduledChanges.createdAt), asc(agencyScheduledChanges.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(agencyScheduledChanges).where(and(...where)),
  ]);
  const unitIds = rows.map((r) => r.agencyId);
  const [units, paths, names] = await Promise.all([
    refsById(db, unitIds),
    ancestorPaths(db, scope, [...new Set(unitIds)]),
    fullNamesOf(db, rows.flatMap((r) => (r.createdBy ? [r.createdBy] : []))),
  ]);
  return {
    items: rows.map((r) => ({
      ...scheduledView(r, names),
      unit: units.get(r.agencyId) ?? { id: r.agencyId, code: '', name: '' },
      path: paths.get(r.agencyId) ?? [],
    })),
    total: Number(counted?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path (tỉnh › xã › …) of each unit in the administrator's scope, for the unit pickers. */
export async function unitPaths(ctx: Ctx, idsText: string) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const ids = [...new Set(idsText.split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length > 100 || ids.some((id) => !UUID.test(id))) {
    throw new AppError('VALIDATION_FAILED', { message: 'Danh sách đơn vị không hợp lệ (tối đa 100 mã, cách nhau bởi dấu phẩy).' });
  }
  const inScope = ids.filter((id) => unitInScope(scope, id));
  const paths = await ancestorPaths(ctx.deps.db, scope, inScope);
  return { items: inScope.map((id) => ({ id, path: paths.get(id) ?? [] })) };
}

/** The context the schedule acts in: no signed-in actor; the request id names the schedule. */
function scheduleCtx(deps: Deps): Ctx {
  return { deps, actor: null, requestId: 'schedule:agencies.scheduled-changes.apply', ip: '' };
}

/**
 * The schedule "agencies.scheduled-changes.apply": every pending change whose date has come
 * (Vietnam time) is applied, each in a transaction of its own, with the history written as of its
 * effective date by the administrator who scheduled it. A change the unit's state now refuses (the
 * code was taken since, the new parent stopped, active units remain below) is marked failed with
 * the reason, shown to the administrators, and audited. Returns how many were applied.
 */
export async function applyDueChanges(deps: Deps, now: Date): Promise<number> {
  const today = vnToday(now);
  const due = await deps.db
    .select({ id: agencyScheduledChanges.id })
    .from(agencyScheduledChanges)
    .where(and(eq(agencyScheduledChanges.status, 'pending'), lte(agencyScheduledChanges.effectiveDate, today)))
    .orderBy(asc(agencyScheduledChanges.effectiveDate), asc(agencyScheduledChanges.createdAt), asc(agencyScheduledChanges.id))
    .limit(500);
  let applied = 0;
  // A deactivation whose units below are to stop the same day waits for them: it is tried again
  // after the others, as long as each round applies something.
  let waiting = due.map((d) => d.id);
  while (waiting.length > 0) {
    const blocked: string[] = [];
    let progress = 0;
    for (const id of waiting) {
      const outcome = await applyOne(deps, id, false);
      if (outcome === 'applied') progress++;
      if (outcome === 'blocked') blocked.push(id);
    }
    applied += progress;
    if (progress === 0) {
      for (const id of blocked) await applyOne(deps, id, true);
      break;
    }
    waiting = blocked;
  }
  return applied;
}

/**
 * Applies one scheduled change in a transaction of its own. `final`: a refusal marks it failed;
 * otherwise a deactivation refused for its active units below is left for the next round.
 */
async function applyOne(deps: Deps, id: string, final: boolean): Promise<'applied' | 'skipped' | 'blocked' | 'failed'> {
  const ctx = scheduleCtx(deps);
  try {
    const done = await deps.db.transaction(async (tx) => {
      const [c] = await tx.select().from(agencyScheduledChanges).where(eq(agencyScheduledChanges.id, id)).for('update');
      if (!c || c.status !== 'pending') return false;
      const a = await loadAgency(tx, c.agencyId);
      const by = { by: c.createdBy, id: c.id };
      if (c.action === 'update') {
        const plan = await planUpdate(tx, null, a, c.changes as ScheduledChanges);
        await applyUpdate(tx, ctx, a, plan, c.effectiveDate, by);
      } else if (a.status !== 'active') {
        // Stopped or merged since it was planned: nothing left to apply; it says so, not "applied".
        throw new AppError('AGENCY_INACTIVE', { message: `Đơn vị đã ${a.status === 'merged' ? 'được sáp nhập' : 'ngừng hoạt động'} trước ngày này; không còn gì để thay đổi.` });
      } else {
        const blocking = await activeChildrenBlocking(tx, a.id, '0001-01-01');
        if (blocking > 0) throw new AppError('AGENCY_HAS_ACTIVE_CHILDREN', { details: { activeChildren: blocking } });
        await applyDeactivate(tx, ctx, a, c.effectiveDate, by);
      }
      await tx.update(agencyScheduledChanges).set({ status: 'applied', decidedAt: deps.clock.now() }).where(eq(agencyScheduledChanges.id, c.id));
      return true;
    });
    return done ? 'applied' : 'skipped';
  } catch (err) {
    const refused = err instanceof AppError || uniqueViolation(err) !== null;
    if (!refused) {
      // Not the unit's state (the database, say): left pending for the next tick.
      deps.log.error({ err, scheduledChangeId: id }, 'scheduled agency change not applied');
      return 'skipped';
    }
    if (!final && err instanceof AppError && err.code === 'AGENCY_HAS_ACTIVE_CHILDREN') return 'blocked';
    const code = err instanceof AppError ? err.code : 'AGENCY_CODE_TAKEN';
    const failure = err instanceof AppError ? err.message : 'Mã định danh này đã được dùng cho đơn vị khác.';
    await deps.db.transaction(async (tx) => {
      const [c] = await tx.select().from(agencyScheduledChanges).where(eq(agencyScheduledChanges.id, id)).for('update');
      if (!c || c.status !== 'pending') return;
      await tx.update(agencyScheduledChanges).set({ status: 'failed', decidedAt: deps.clock.now(), failure }).where(eq(agencyScheduledChanges.id, id));
      await writeAudit(tx, ctx, {
        action: 'agency.change_apply_failed',
        entityType: 'agency',
        entityId: c.agencyId,
        after: { scheduledChangeId: c.id, action: c.action, changes: c.changes, effectiveDate: c.effectiveDate, code },
        agencyId: c.agencyId,
        actorId: c.createdBy,
      });
    });
    return 'failed';
  }
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
    // A merge moves officers and ends units: it is done on its day, not scheduled.
    timing(ctx, effectiveDate, false);
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
