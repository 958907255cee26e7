// Processing a received dossier (issue 7): the officers' work list, every workflow action checked
// against the procedure's workflow and the actor's role in the dossier's agency, the deadline rules
// (pause while supplementing, extension, on-time), withdrawal, stop, and satisfaction ratings.
import { DOSSIER_ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { and, asc, count, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { DOSSIER_STATUS, DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../common/dossier-status.js';
import { cleanText, likeEscape } from '../../../common/text.js';
import { isEligibleAccountUnit } from '../../../common/units.js';
import { ACTION_LABELS, ROLE_LABELS, type DossierAction, type Workflow } from '../../../common/workflow.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import { formatIsoDate } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { extensionProblem, isOnTime, pausedWorkingDays, shiftDue, urgency } from '../../platform/deadlines.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { sendEmail, sendSms } from '../../platform/notify/jobs.js';
import { vnDate, workCalendar } from '../../platform/workdays.js';
import { getAgency, listUnits } from '../agencies/service.js';
import { getWorkflow } from '../procedures/service.js';
import { dossierEvents, dossierRatings, dossiers } from './tables.js';
import { allowedActions, plan, WorkflowRefusal, type ActorRoles } from './workflow.js';

type DossierRow = typeof dossiers.$inferSelect;

const DESK_KINDS = ['one_stop_desk', 'service_centre'];

/** The officer's units, once per request, to derive their roles in any dossier's agency. */
async function unitsOf(ctx: Ctx, actor: Actor) {
  return listUnits(ctx.deps.db, actor.unitIds);
}

type Units = Awaited<ReturnType<typeof unitsOf>>;

export function rolesIn(actor: Actor, units: Units, agencyId: string): ActorRoles {
  const active = units.filter((u) => u.status === 'active');
  const serves = (u: Units[number]) => u.id === agencyId || u.parentId === agencyId;
  // The desk role is a permission (issue 13, ADR 0015), held at a desk unit that serves the agency.
  const atDesk = active.some((u) => serves(u) && (DESK_KINDS.includes(u.kind) || isEligibleAccountUnit(u.name)));
  return {
    desk: atDesk && actor.permissions.has('DESK_RECEIVE'),
    post: atDesk && actor.permissions.has('POSTAL_DESK'),
    member: active.some(serves),
    permissions: actor.permissions,
    applicant: false,
  };
}

/** Agencies whose dossiers the officer works on: their units and the agency each unit belongs to. */
function workAgencyIds(units: Units): string[] {
  const ids = new Set<string>();
  for (const u of units.filter((x) => x.status === 'active')) {
    ids.add(u.id);
    if (u.parentId) ids.add(u.parentId);
  }
  return [...ids];
}

function officer(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind !== 'officer') throw new AppError('FORBIDDEN');
  return a;
}

// ---------------------------------------------------------------------------------------------
// Work list

export type Bucket = 'overdue' | 'today' | 'soon' | 'all';

export interface WorkQuery {
  bucket?: Bucket;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * Dossiers being processed in the officer's agencies, most urgent first (by the promised date),
 * with what the officer may do to each. `bucket` narrows to overdue, due today, or due within the
 * next two working days.
 */
export async function workList(ctx: Ctx, query: WorkQuery) {
  const actor = officer(ctx);
  // The list shows applicants' names and CCCD numbers: only to officers with a part in dossiers.
  if (!DOSSIER_ROLE_PERMISSIONS.some((p) => actor.permissions.has(p))) throw new AppError('PERMISSION_REQUIRED');
  const db = ctx.deps.db;
  const units = await unitsOf(ctx, actor);
  const agencyIds = workAgencyIds(units);
  if (agencyIds.length === 0) throw new AppError('NO_RECEIVING_UNIT');
  const now = ctx.deps.clock.now();
  const today = vnDate(now);
  const cal = workCalendar();
  const soonEnd = cal.addWorkingDays(today, 2);
  // dossiers_work_order_idx holds each agency's dossiers in processing in the list's order: one
  // short index range per agency, merged here, instead of sorting every dossier of the scope.
  const inWork = sql`${dossiers.status} in (2, 4, 5, 6, 9)`;
  const q = cleanText(query.q ?? '');
  const search = q ? sql`(${dossiers.code} like ${`%${likeEscape(q.toUpperCase())}%`} or ${dossiers.applicantIdNumber} = ${q})` : undefined;
  const byBucket: Record<Exclude<Bucket, 'all'>, SQL> = {
    overdue: lt(dossiers.appointmentDate, today),
    today: eq(dossiers.appointmentDate, today),
    soon: and(gte(dossiers.appointmentDate, cal.addWorkingDays(today, 1)), lte(dossiers.appointmentDate, soonEnd))!,
  };
  const bucket = query.bucket && query.bucket !== 'all' ? byBucket[query.bucket] : undefined;
  const take = query.page * query.pageSize;
  const countWhere = (extra?: SQL) => and(inArray(dossiers.agencyId, agencyIds), inWork, search, extra);
  const countOf = async (extra?: SQL) => Number((await db.select({ n: count() }).from(dossiers).where(countWhere(extra)))[0]?.n ?? 0);
  const [perAgency, total, overdue, dueToday, soon] = await Promise.all([
    Promise.all(
      agencyIds.map((id) =>
        db
          .select()
          .from(dossiers)
          .where(and(eq(dossiers.agencyId, id), inWork, search, bucket))
          .orderBy(asc(dossiers.appointmentDate), asc(dossiers.submittedAt))
          .limit(take),
      ),
    ),
    countOf(bucket),
    countOf(byBucket.overdue),
    countOf(byBucket.today),
    countOf(byBucket.soon),
  ]);
  const rows = perAgency
    .flat()
    .sort((x, y) => (x.appointmentDate ?? '').localeCompare(y.appointmentDate ?? '') || x.submittedAt.getTime() - y.submittedAt.getTime())
    .slice((query.page - 1) * query.pageSize, take);
  const counts = [{ overdue, today: dueToday, soon }];
  const workflows = await workflowsFor(db, rows);
  const names = new Map((await listUnits(db, [...new Set(rows.map((r) => r.agencyId))])).map((a) => [a.id, a.name]));
  return {
    items: rows.map((d) => {
      const w = workflows.get(d.procedureId)!;
      const step = w.steps.find((s) => s.key === d.step) ?? null;
      return {
        id: d.id,
        code: d.code,
        procedureName: d.procedureName,
        applicantName: d.applicantName,
        agencyName: names.get(d.agencyId) ?? '',
        status: d.status,
        statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
        step: step ? { key: step.key, label: step.label, role: ROLE_LABELS[step.role] } : null,
        stepDueDate: d.stepDueDate,
        appointmentDate: d.appointmentDate,
        extendedDate: d.extendedDate,
        urgency: d.appointmentDate ? urgency(d.appointmentDate, now, cal) : 'later',
        paused: d.pausedAt !== null,
        actions: allowedActions(w, { status: d.status as DossierStatus, step: d.step }, rolesIn(actor, units, d.agencyId)),
      };
    }),
    total,
    counts: counts[0]!,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function workflowsFor(db: DbOrTx, rows: readonly { procedureId: string }[]): Promise<Map<string, Workflow>> {
  const ids = [...new Set(rows.map((r) => r.procedureId))];
  const out = new Map<string, Workflow>();
  for (const id of ids) out.set(id, await getWorkflow(db, id));
  return out;
}

/** The workflow steps dossiers of a procedure are at right now (a new workflow must keep them). */
export async function stepsInProcessing(db: DbOrTx, procedureId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ step: dossiers.step })
    .from(dossiers)
    .where(and(eq(dossiers.procedureId, procedureId), eq(dossiers.status, DOSSIER_STATUS.PROCESSING)));
  return rows.map((r) => r.step).filter((k): k is string => !!k);
}

/** The actions the officer may take on one dossier, for its detail page. */
export async function actionsFor(ctx: Ctx, d: DossierRow, w: Workflow): Promise<DossierAction[]> {
  const actor = ctx.actor;
  if (!actor || actor.kind !== 'officer') return [];
  const units = await unitsOf(ctx, actor);
  return allowedActions(w, { status: d.status as DossierStatus, step: d.step }, rolesIn(actor, units, d.agencyId));
}

// ---------------------------------------------------------------------------------------------
// Actions

export interface ActionInput {
  reason?: string | null;
  /** extend: the new promised date (YYYY-MM-DD). */
  newDate?: string;
  /** request_payment: the amount in VND. */
  amountVnd?: number;
  /** transfer: the agency taking the dossier over. */
  agencyId?: string;
}

/** Hooks the service wires in: producing and sealing the signed result. */
export interface ResultHooks {
  issue(tx: DbOrTx, ctx: Ctx, d: DossierRow, signs: 'sign' | 'seal'): Promise<Partial<DossierRow>>;
  /** Puts the result in the citizen's Kho dữ liệu when it is returned. */
  deliver(tx: DbOrTx, ctx: Ctx, d: DossierRow): Promise<void>;
}

function refusalError(e: WorkflowRefusal): AppError {
  return e.why === 'WRONG_ROLE'
    ? new AppError('DOSSIER_ACTION_NOT_ALLOWED', { message: `Bạn không có vai trò thực hiện "${ACTION_LABELS[e.action]}" ở bước này của hồ sơ.` })
    : new AppError('DOSSIER_STATUS_CONFLICT', { message: `Không thể "${ACTION_LABELS[e.action]}" khi hồ sơ đang ở trạng thái hiện tại. Hãy tải lại trang.` });
}

async function lockDossier(tx: DbOrTx, id: string): Promise<DossierRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('DOSSIER_NOT_FOUND');
  const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  if (!d) throw new AppError('DOSSIER_NOT_FOUND');
  return d;
}

/**
 * One workflow action by an officer (or, for withdrawal and payment, the applicant). The row is
 * locked for the transaction, so two officers acting at once cannot both move it.
 */
export async function act(ctx: Ctx, id: string, action: DossierAction, input: ActionInput, hooks: ResultHooks) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  const units = actor.kind === 'officer' ? await unitsOf(ctx, actor) : [];
  const reason = cleanText(input.reason ?? '') || null;
  if (reason && reason.length > 2000) throw new AppError('VALIDATION_FAILED', { message: 'Nội dung dài quá 2000 ký tự.' });
  const now = ctx.deps.clock.now();
  const cal = workCalendar();
  return ctx.deps.db.transaction(async (tx) => {
    const d = await lockDossier(tx, id);
    const roles: ActorRoles =
      actor.kind === 'officer' ? rolesIn(actor, units, d.agencyId) : { desk: false, post: false, member: false, permissions: new Set(), applicant: d.applicantId === actor.userId };
    // Someone with no role at all in the dossier's agency does not learn that it exists.
    if (!roles.member && !roles.applicant) throw new AppError('DOSSIER_NOT_FOUND');
    const w = await getWorkflow(tx, d.procedureId);
    let p;
    try {
      p = plan(w, { status: d.status as DossierStatus, step: d.step }, action, roles);
    } catch (e) {
      if (e instanceof WorkflowRefusal) throw refusalError(e);
      throw e;
    }
    if (p.needsReason && (!reason || reason.length < 5)) throw new AppError('REASON_REQUIRED');
    const set: Partial<DossierRow> = { status: p.status, step: p.step, updatedAt: now };
    if (p.step !== d.step || p.status !== d.status) {
      const step = w.steps.find((s) => s.key === p.step);
      set.stepStartedAt = step ? now : null;
      // A step's budget never runs past the promise made to the citizen.
      const budget = step ? cal.appointmentDate(now, step.days) : null;
      const promise = d.appointmentDate;
      set.stepDueDate = budget && promise && promise < budget ? promise : budget;
    }
    switch (action) {
      case 'supplement_requested':
        Object.assign(set, { pausedAt: now, statusReason: reason });
        break;
      case 'request_payment': {
        const amount = input.amountVnd;
        if (!Number.isInteger(amount) || amount! <= 0 || amount! > 10_000_000_000) throw new AppError('FEE_AMOUNT_INVALID');
        Object.assign(set, { feeAmount: amount, feePaidAt: null, statusReason: reason });
        break;
      }
      case 'paid':
        set.feePaidAt = now;
        break;
      case 'transfer': {
        const target = input.agencyId ? await getAgency(tx, input.agencyId) : null;
        if (!target || target.status !== 'active' || target.id === d.agencyId) throw new AppError('TRANSFER_TARGET_INVALID');
        set.agencyId = target.id;
        break;
      }
      case 'extend': {
        const current = d.extendedDate ?? d.appointmentDate!;
        const problem = extensionProblem(current, input.newDate ?? '', cal);
        if (problem) throw new AppError('EXTENSION_DATE_INVALID', { message: problem });
        set.extendedDate = input.newDate!;
        break;
      }
      case 'finish':
        Object.assign(set, { finishedAt: now, onTime: isOnTime(now, d.appointmentDate!) });
        break;
      case 'return_result':
        if (d.feeAmount && !d.feePaidAt) throw new AppError('FEE_UNPAID');
        set.returnedAt = now;
        break;
      case 'stop':
      case 'withdraw':
        Object.assign(set, { statusReason: reason, pausedAt: null });
        break;
    }
    if (p.signs) Object.assign(set, await hooks.issue(tx, ctx, { ...d, ...set } as DossierRow, p.signs));
    const [updated] = await tx.update(dossiers).set(set).where(eq(dossiers.id, d.id)).returning();
    if (action === 'return_result') await hooks.deliver(tx, ctx, updated!);
    await tx.insert(dossierEvents).values({
      id: newId(),
      dossierId: d.id,
      at: now,
      actorId: actor.userId,
      actorName: actor.fullName,
      action,
      fromStatus: d.status,
      toStatus: updated!.status,
      reason: describe(action, reason, input, w, p.step),
      details: detailsOf(action, d, updated!, reason),
    });
    await writeAudit(tx, ctx, {
      action: `dossier.${action}`,
      entityType: 'dossier',
      entityId: d.id,
      agencyId: d.agencyId,
      before: { status: d.status, step: d.step, agencyId: d.agencyId, appointmentDate: d.appointmentDate, extendedDate: d.extendedDate },
      after: { status: updated!.status, step: updated!.step, agencyId: updated!.agencyId, extendedDate: updated!.extendedDate, reason },
    });
    if (updated!.status !== d.status || action === 'extend') await notify(tx, ctx, updated!, action);
    // A move between steps or agencies: the citizen follows it by e-mail (no SMS for internal steps).
    else if (updated!.step !== d.step || updated!.agencyId !== d.agencyId) {
      await notify(tx, ctx, updated!, action, { sms: false, stepLabel: w.steps.find((x) => x.key === updated!.step)?.label });
    }
    return summary(updated!);
  });
}

/** The line the history shows for the action: the reason, plus what changed. */
function describe(action: DossierAction, reason: string | null, input: ActionInput, w: Workflow, nextStep: string | null): string | null {
  const parts: string[] = [];
  if (action === 'forward' || action === 'start' || action === 'send_back' || action === 'transfer') {
    const s = w.steps.find((x) => x.key === nextStep);
    if (s) parts.push(`Chuyển đến bước "${s.label}" (${ROLE_LABELS[s.role]})`);
  }
  if (action === 'extend' && input.newDate) parts.push(`Hẹn lại ngày trả kết quả: ${formatIsoDate(input.newDate)}`);
  if (action === 'request_payment' && input.amountVnd) parts.push(`Số tiền: ${input.amountVnd.toLocaleString('vi-VN')} đồng`);
  if (reason) parts.push(reason);
  return parts.length ? parts.join('. ') : null;
}

function detailsOf(action: DossierAction, before: DossierRow, after: DossierRow, reason: string | null): Record<string, unknown> | null {
  if (action === 'extend') return { originalDate: before.extendedDate ?? before.appointmentDate, newDate: after.extendedDate, reason };
  if (action === 'request_payment') return { amountVnd: after.feeAmount };
  if (action === 'transfer') return { fromAgencyId: before.agencyId, toAgencyId: after.agencyId };
  return null;
}

function summary(d: DossierRow) {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
    step: d.step,
    appointmentDate: d.appointmentDate,
    extendedDate: d.extendedDate,
    onTime: d.onTime,
  };
}

/**
 * The citizen sent back a dossier that had been received: processing resumes at its step, and the
 * promised date moves by the working days they held it.
 */
export function resumeAfterSupplement(d: DossierRow, now: Date): Partial<DossierRow> {
  const held = d.pausedAt ? pausedWorkingDays(d.pausedAt, now) : 0;
  return {
    status: DOSSIER_STATUS.PROCESSING,
    pausedAt: null,
    appointmentDate: d.appointmentDate ? shiftDue(d.appointmentDate, held) : d.appointmentDate,
    stepDueDate: d.stepDueDate ? shiftDue(d.stepDueDate, held) : d.stepDueDate,
    statusReason: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Notifications

async function notify(tx: DbOrTx, ctx: Ctx, d: DossierRow, action: DossierAction, opts: { sms?: boolean; stepLabel?: string } = {}) {
  const label = DOSSIER_STATUS_LABELS[d.status as DossierStatus];
  const due = d.extendedDate ?? d.appointmentDate;
  const lines: Partial<Record<DossierAction, string>> = {
    start: `Ho so ${d.code} dang duoc xu ly. Hen tra ket qua: ${due ? formatIsoDate(due) : ''}.`,
    supplement_requested: `Ho so ${d.code} can bo sung giay to: ${d.statusReason}. Vui long dang nhap Cong DVC de bo sung.`,
    request_payment: `Ho so ${d.code}: vui long thuc hien nghia vu tai chinh ${(d.feeAmount ?? 0).toLocaleString('vi-VN')} dong.`,
    finish: `Ho so ${d.code} da xu ly xong. Moi Ong/Ba nhan ket qua.`,
    return_result: `Ho so ${d.code} da tra ket qua. Ket qua dien tu co trong Kho du lieu tren Cong DVC.`,
    extend: `Ho so ${d.code} bi cham; co quan xin loi va hen lai ngay tra ket qua: ${due ? formatIsoDate(due) : ''}.`,
    stop: `Ho so ${d.code} bi dung xu ly. Ly do: ${d.statusReason}.`,
    withdraw: `Ho so ${d.code} da duoc rut theo yeu cau cua Ong/Ba.`,
  };
  const sms = lines[action] ?? `Ho so ${d.code}: ${label}.`;
  const key = `dossier:${d.id}:${action}:${d.updatedAt.getTime()}`;
  if (d.contactPhone && opts.sms !== false) await sendSms(tx, ctx, `${key}:sms`, d.contactPhone, `Cong DVC: ${sms}`);
  if (d.contactEmail) {
    const body = [`Kính gửi Ông/Bà ${d.applicantName},`, '', `Hồ sơ ${d.code} – ${d.procedureName}: ${ACTION_LABELS[action]}.`, `Trạng thái: ${label}.`];
    if (opts.stepLabel) body.push(`Bước đang xử lý: ${opts.stepLabel}.`);
    if (d.statusReason) body.push(`Nội dung: ${d.statusReason}`);
    if (due) body.push(`Ngày hẹn trả kết quả: ${formatIsoDate(due)}.`);
    body.push('', 'Cổng Dịch vụ công');
    await sendEmail(tx, ctx, `${key}:email`, d.contactEmail, `Hồ sơ ${d.code}: ${label}`, body.join('\n'));
  }
}

// ---------------------------------------------------------------------------------------------
// Satisfaction

export const RATING_LABELS: Record<number, string> = { 3: 'Rất hài lòng', 2: 'Hài lòng', 1: 'Không hài lòng' };

/** Đánh giá mức độ hài lòng: once, by the applicant, after the result was returned. */
export async function rate(ctx: Ctx, id: string, rating: number, rawComment?: string | null) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (![1, 2, 3].includes(rating)) throw new AppError('RATING_INVALID');
  const comment = cleanText(rawComment ?? '').slice(0, 1000) || null;
  return ctx.deps.db.transaction(async (tx) => {
    const d = await lockDossier(tx, id);
    if (d.applicantId !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
    if (d.status !== DOSSIER_STATUS.RESULT_RETURNED) throw new AppError('RATING_NOT_YET');
    const inserted = await tx
      .insert(dossierRatings)
      .values({ dossierId: d.id, agencyId: d.agencyId, applicantId: actor.userId, rating, comment, at: ctx.deps.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw new AppError('RATING_EXISTS');
    await writeAudit(tx, ctx, { action: 'dossier.rate', entityType: 'dossier', entityId: d.id, agencyId: d.agencyId, after: { rating, comment } });
    return { rating, label: RATING_LABELS[rating]!, comment };
  });
}

export async function ratingOf(db: DbOrTx, dossierId: string) {
  const [r] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
  return r ? { rating: r.rating, label: RATING_LABELS[r.rating]!, comment: r.comment, at: r.at.toISOString() } : null;
}

/** The satisfaction and on-time figures of the officer's agencies (what feeds the unit statistics). */
export async function unitStatistics(ctx: Ctx) {
  const actor = officer(ctx);
  const units = await unitsOf(ctx, actor);
  const agencyIds = workAgencyIds(units);
  if (!agencyIds.length) throw new AppError('NO_RECEIVING_UNIT');
  const db = ctx.deps.db;
  const [ratings] = await db
    .select({
      total: count(),
      veryGood: sql<number>`count(*) filter (where ${dossierRatings.rating} = 3)`,
      good: sql<number>`count(*) filter (where ${dossierRatings.rating} = 2)`,
      bad: sql<number>`count(*) filter (where ${dossierRatings.rating} = 1)`,
    })
    .from(dossierRatings)
    .where(inArray(dossierRatings.agencyId, agencyIds));
  const [timing] = await db
    .select({
      finished: sql<number>`count(*) filter (where ${dossiers.finishedAt} is not null)`,
      onTime: sql<number>`count(*) filter (where ${dossiers.onTime})`,
      online: sql<number>`count(*) filter (where ${dossiers.channel} = 2)`,
      all: count(),
      avgSubmitSeconds: sql<number | null>`avg(${dossiers.submitSeconds})`,
    })
    .from(dossiers)
    .where(inArray(dossiers.agencyId, agencyIds));
  const n = (v: unknown) => Number(v ?? 0);
  const total = n(ratings?.total);
  return {
    ratings: { total, veryGood: n(ratings?.veryGood), good: n(ratings?.good), bad: n(ratings?.bad), satisfiedShare: total ? (n(ratings?.veryGood) + n(ratings?.good)) / total : null },
    dossiers: {
      total: n(timing?.all),
      online: n(timing?.online),
      finished: n(timing?.finished),
      onTime: n(timing?.onTime),
      onTimeShare: n(timing?.finished) ? n(timing?.onTime) / n(timing?.finished) : null,
      avgLoginToSubmitSeconds: timing?.avgSubmitSeconds == null ? null : Math.round(Number(timing.avgSubmitSeconds)),
    },
  };
}
