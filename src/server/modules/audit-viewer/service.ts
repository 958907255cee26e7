// "Nhật ký hệ thống": who did what to whom and when, for the administrators of the subtree
// concerned. Read-only; the rows are written by every other module through writeAudit().
//
// Scope. A national administrator reads every row. A level-1 administrator reads
//  - the rows tagged with a unit of their subtree (audit_log.agency_id), and
//  - the rows tagged with no unit that are about an officer currently in their subtree
//    (entity_type 'user', e.g. their sign-ins).
// A row tagged with a unit outside the subtree stays hidden even when it is about one of their
// officers (an officer who moved from another province keeps that province's history there).
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditActionLabel } from '../../../common/audit-actions.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import { normalizeIdNumber } from '../../../common/vn-ids.js';
import type { DbOrTx } from '../../db/client.js';
import { uuidArray } from '../../db/sql.js';
import { vnDayStart } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { auditLog, storedFiles } from '../../platform/tables.js';
import { adminScope, subtreeIds, unitInScope } from '../agencies/service.js';
import { agencies } from '../agencies/tables.js';
import { citizenAccountRequests as car } from '../citizen-accounts/tables.js';
import { registrations } from '../registration/tables.js';
import { users } from '../users/tables.js';

export const OFFSET_CAP = 10_000;
/** How many people a name may match in the "Người thực hiện" / "Người dùng liên quan" filters. */
const MATCH_CAP = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditFilters {
  /** Từ ngày / Đến ngày: calendar days of Vietnam time, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  action?: string;
  /** Người thực hiện: name or username, accent-insensitive. */
  actor?: string;
  /** Người dùng liên quan: an id, a CMND/CCCD/MST, or a name / username. */
  subject?: string;
  /** Đơn vị: rows of this unit and the units below it. */
  unitId?: string;
}

// ---------------------------------------------------------------------------------------------
// Secrets never leave the server, whatever a module wrote into before/after.

const SECRET_KEY = /(password|passwd|hash|hmac|token|secret|otp|pin|cookie|storagekey)$/i;

/**
 * A copy without secrets: keys naming a password, hash, HMAC, token, secret or OTP (a boolean such
 * as mustChangePassword says nothing secret and stays), and a `code` that is a bare 4–8 digit
 * number (an OTP; a unit's Mã định danh is not digits only). Applied at any depth.
 */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEY.test(k) && typeof v !== 'boolean') continue;
    if (/^(code|otpcode)$/i.test(k) && /^\d{4,8}$/.test(String(v))) continue;
    out[k] = stripSecrets(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Filters

/** Rows tagged with one of `unitIds`, or untagged rows about an officer of one of them. */
function unitsClause(unitIds: readonly string[]): SQL {
  if (unitIds.length === 0) return sql`false`;
  const officers = sql`select ${users.id}::text from ${users} where ${users.kind} = 'officer' and ${users.unitIds} && ${uuidArray(unitIds)}`;
  return or(
    inArray(auditLog.agencyId, [...unitIds]),
    and(sql`${auditLog.agencyId} is null`, eq(auditLog.entityType, 'user'), sql`${auditLog.entityId} in (${officers})`),
  )!;
}

function checkDay(v: string | undefined, label: string): string | null {
  if (!v) return null;
  const d = v.trim();
  if (!DAY.test(d) || Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
    throw new AppError('VALIDATION_FAILED', { message: `"${label}" phải là một ngày có dạng YYYY-MM-DD.` });
  }
  return d;
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** Ids of people whose name (accent-insensitive) or username matches, at most MATCH_CAP. */
async function peopleMatching(db: DbOrTx, text: string): Promise<string[]> {
  const q = cleanText(text);
  const key = searchKey(q);
  const idNumber = normalizeIdNumber(q);
  const conds: SQL[] = [eq(users.username, q.toLowerCase())];
  if (/^[0-9-]{9,14}$/.test(idNumber)) conds.push(eq(users.idNumber, idNumber));
  if (key.length >= 2) conds.push(like(users.fullNameSearch, `%${likeEscape(key)}%`), like(users.username, `${likeEscape(q.toLowerCase())}%`));
  const rows = await db.select({ id: users.id }).from(users).where(or(...conds)).limit(MATCH_CAP);
  return rows.map((r) => r.id);
}

/** "Người dùng liên quan": rows about the matching accounts, desk requests and registrations. */
async function subjectClause(db: DbOrTx, text: string): Promise<SQL | null> {
  const q = cleanText(text);
  if (UUID.test(q)) return eq(auditLog.entityId, q.toLowerCase());
  const idNumber = normalizeIdNumber(q);
  const userIds = await peopleMatching(db, q);
  let requestIds: string[] = [];
  let registrationIds: string[] = [];
  if (/^[0-9-]{9,14}$/.test(idNumber)) {
    requestIds = (await db.select({ id: car.id }).from(car).where(eq(car.idNumber, idNumber)).limit(MATCH_CAP)).map((r) => r.id);
    registrationIds = (await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.idNumber, idNumber)).limit(MATCH_CAP)).map((r) => r.id);
  } else if (searchKey(q).length >= 2) {
    requestIds = (
      await db.select({ id: car.id }).from(car).where(like(car.fullNameSearch, `%${likeEscape(searchKey(q))}%`)).limit(MATCH_CAP)
    ).map((r) => r.id);
  }
  const parts: SQL[] = [];
  for (const [type, ids] of [
    ['user', userIds],
    ['citizen_account_request', requestIds],
    ['registration', registrationIds],
  ] as const) {
    if (ids.length) parts.push(and(eq(auditLog.entityType, type), inArray(auditLog.entityId, ids))!);
  }
  return parts.length ? or(...parts)! : null;
}

/** The WHERE clause of the list, inside the administrator's scope; null when nothing can match. */
async function whereOf(ctx: Ctx, f: AuditFilters): Promise<SQL | null> {
  const db = ctx.deps.db;
  const scope = await adminScope(db, ctx.actor);
  const from = checkDay(f.from, 'Từ ngày');
  const to = checkDay(f.to, 'Đến ngày');
  if (from && to && to < from) throw new AppError('VALIDATION_FAILED', { message: '"Từ ngày" phải trước hoặc trùng "Đến ngày".' });
  const where: SQL[] = [];
  if (f.unitId) {
    const [unit] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, f.unitId));
    if (!unit) throw new AppError('AGENCY_NOT_FOUND');
    if (!unitInScope(scope, unit.id)) throw new AppError('OUT_OF_SCOPE', { details: { unitIds: [unit.id] } });
    where.push(unitsClause((await subtreeIds(db, [unit.id])).filter((id) => unitInScope(scope, id))));
  } else if (scope.unitIds) {
    where.push(unitsClause([...scope.unitIds]));
  }
  if (from) where.push(gte(auditLog.at, vnDayStart(from)));
  if (to) where.push(lt(auditLog.at, vnDayStart(nextDay(to))));
  if (f.action?.trim()) where.push(eq(auditLog.action, f.action.trim()));
  if (f.actor?.trim()) {
    const ids = await peopleMatching(db, f.actor);
    if (ids.length === 0) return null;
    where.push(inArray(auditLog.actorId, ids));
  }
  if (f.subject?.trim()) {
    const clause = await subjectClause(db, f.subject);
    if (!clause) return null;
    where.push(clause);
  }
  return where.length ? and(...where)! : sql`true`;
}

// ---------------------------------------------------------------------------------------------
// The list

export async function listAudit(ctx: Ctx, f: AuditFilters & { page: number; pageSize: number }) {
  const db = ctx.deps.db;
  const where = await whereOf(ctx, f);
  const empty = { items: [], total: 0, totalCapped: false, page: f.page, pageSize: f.pageSize };
  if (!where) return empty;
  const offset = (f.page - 1) * f.pageSize;
  if (offset >= OFFSET_CAP) {
    throw new AppError('VALIDATION_FAILED', { message: `Chỉ xem được ${OFFSET_CAP.toLocaleString('vi-VN')} dòng đầu tiên; hãy thu hẹp bộ lọc (thời gian, thao tác, người thực hiện).` });
  }
  // Newest first; (at, id) makes the order total. The (agency_id, at), (actor_id, at) and (at)
  // indexes serve the scope, actor and time filters.
  const [rows, counted] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(f.pageSize).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(sql`(${db.select({ one: sql`1` }).from(auditLog).where(where).limit(OFFSET_CAP + 1)}) m`),
  ]);
  const matched = Number(counted[0]?.n ?? 0);
  return {
    items: await describeRows(db, rows),
    total: Math.min(matched, OFFSET_CAP),
    totalCapped: matched > OFFSET_CAP,
    page: f.page,
    pageSize: f.pageSize,
  };
}

type AuditRow = typeof auditLog.$inferSelect;

/** Values of before/after that name a unit or a user, so the page shows names rather than ids. */
function referencedIds(v: unknown, into: { agencies: Set<string>; users: Set<string> }): void {
  if (!v || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string' && UUID.test(x)) {
      if (/^(agencyId|unitId|parentId|successorId)$/.test(k)) into.agencies.add(x);
      if (/^(userId|officerId)$/.test(k)) into.users.add(x);
    } else if (Array.isArray(x) && k === 'unitIds') {
      for (const id of x) if (typeof id === 'string' && UUID.test(id)) into.agencies.add(id);
    }
  }
}

async function describeRows(db: DbOrTx, rows: AuditRow[]) {
  const ids = { agencies: new Set<string>(), users: new Set<string>(), requests: new Set<string>(), registrations: new Set<string>(), files: new Set<string>() };
  for (const r of rows) {
    if (r.agencyId) ids.agencies.add(r.agencyId);
    if (r.actorId) ids.users.add(r.actorId);
    const entity = r.entityId && UUID.test(r.entityId) ? r.entityId : null;
    if (entity) {
      if (r.entityType === 'user') ids.users.add(entity);
      if (r.entityType === 'agency') ids.agencies.add(entity);
      if (r.entityType === 'citizen_account_request') ids.requests.add(entity);
      if (r.entityType === 'registration') ids.registrations.add(entity);
      if (r.entityType === 'stored_file') ids.files.add(entity);
    }
    referencedIds(r.before, ids);
    referencedIds(r.after, ids);
  }
  const list = (s: Set<string>) => [...s];
  const [agencyRows, userRows, requestRows, registrationRows, fileRows] = await Promise.all([
    ids.agencies.size ? db.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.id, list(ids.agencies))) : [],
    ids.users.size
      ? db.select({ id: users.id, fullName: users.fullName, username: users.username, idNumber: users.idNumber }).from(users).where(inArray(users.id, list(ids.users)))
      : [],
    ids.requests.size ? db.select({ id: car.id, fullName: car.fullName, idNumber: car.idNumber }).from(car).where(inArray(car.id, list(ids.requests))) : [],
    ids.registrations.size
      ? db.select({ id: registrations.id, fullName: registrations.fullName, idNumber: registrations.idNumber }).from(registrations).where(inArray(registrations.id, list(ids.registrations)))
      : [],
    ids.files.size ? db.select({ id: storedFiles.id, name: storedFiles.originalName }).from(storedFiles).where(inArray(storedFiles.id, list(ids.files))) : [],
  ]);
  const agencyById = new Map(agencyRows.map((a) => [a.id, a]));
  const userLabel = new Map(userRows.map((u) => [u.id, `${u.fullName} (${u.username ?? u.idNumber ?? '—'})`]));
  const entityLabel = new Map<string, string>([
    ...agencyRows.map((a) => [`agency:${a.id}`, `${a.code} ${a.name}`] as const),
    ...[...userLabel].map(([id, l]) => [`user:${id}`, l] as const),
    ...requestRows.map((r) => [`citizen_account_request:${r.id}`, `${r.fullName} (${r.idNumber})`] as const),
    ...registrationRows.map((r) => [`registration:${r.id}`, `${r.fullName} (${r.idNumber})`] as const),
    ...fileRows.map((f) => [`stored_file:${f.id}`, f.name] as const),
  ]);
  return rows.map((r) => {
    const refs: Record<string, string> = {};
    const seen = { agencies: new Set<string>(), users: new Set<string>() };
    referencedIds(r.before, seen);
    referencedIds(r.after, seen);
    for (const id of seen.agencies) {
      const a = agencyById.get(id);
      if (a) refs[id] = `${a.code} ${a.name}`;
    }
    for (const id of seen.users) {
      const l = userLabel.get(id);
      if (l) refs[id] = l;
    }
    const unit = r.agencyId ? agencyById.get(r.agencyId) : undefined;
    return {
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      actorLabel: (r.actorId && userLabel.get(r.actorId)) || r.actorName,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: r.entityId ? (entityLabel.get(`${r.entityType}:${r.entityId}`) ?? null) : null,
      unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
      ip: r.ip,
      before: stripSecrets(r.before) ?? null,
      after: stripSecrets(r.after) ?? null,
      refs,
    };
  });
}
