// Processing a received dossier (issue 7): every workflow action checked against the procedure's
// workflow and the actor's role in the dossier's agency, the deadline rules (pause while
// supplementing, extension, on-time), withdrawal and stop. Beside it: the officers' work list
// (work-list.ts), satisfaction ratings (rating.ts), the unit statistics (statistics.ts), and the
// officer's scope they share (officer-scope.ts).
import { and, eq } from 'drizzle-orm';
import { DOSSIER_STATUS, DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../common/dossier-status.js';
import { cleanText } from '../../../common/text.js';
import { ACTION_LABELS, ROLE_LABELS, type DossierAction, type Workflow } from '../../../common/workflow.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import { formatIsoDate } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import { extensionProblem, isOnTime, pausedWorkingDays, shiftDue } from '../../platform/deadlines.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { sendEmail, sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS, type SmsText } from '../../platform/notify/sms-texts.js';
import { workCalendar } from '../../platform/workdays.js';
import { getAgency } from '../agencies/service.js';
import { getWorkflow } from '../procedures/service.js';
import { apologySigner } from './access.js';
import { rolesIn, unitsOf } from './officer-scope.js';
import { dossierEvents, dossiers } from './tables.js';
import { allowedActions, plan, WorkflowRefusal, type ActorRoles } from './workflow.js';

type DossierRow = typeof dossiers.$inferSelect;

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

/** A result document `ResultHooks.prepare` made: its bytes, and what to set on the dossier besides the file. */
export interface PreparedResult {
  pdf: Buffer;
  set: Partial<DossierRow>;
}

/** Hooks the service wires in (result.ts): producing and sealing the signed result. */
export interface ResultHooks {
  /**
   * Renders and signs (or seals) the result of `d`, the dossier as the action leaves it. Slow (a
   * PDF, a PAdES signature): `act` calls it outside its transaction, with no row lock held.
   */
  prepare(ctx: Ctx, d: DossierRow, signs: 'sign' | 'seal'): Promise<PreparedResult>;
  /** Stores what `prepare` made, inside the action's transaction; answers what to set on the dossier. */
  store(tx: DbOrTx, ctx: Ctx, d: DossierRow, prepared: PreparedResult): Promise<Partial<DossierRow>>;
  /** Puts the result in the citizen's Kho dữ liệu when it is returned. */
  deliver(tx: DbOrTx, ctx: Ctx, d: DossierRow): Promise<void>;
}

function refusalError(e: WorkflowRefusal): AppError {
  return e.why === 'WRONG_ROLE'
    ? new AppError('DOSSIER_ACTION_NOT_ALLOWED', { message: `Bạn không có vai trò thực hiện "${ACTION_LABELS[e.action]}" ở bước này của hồ sơ.` })
    : new AppError('DOSSIER_STATUS_CONFLICT', { message: `Không thể "${ACTION_LABELS[e.action]}" khi hồ sơ đang ở trạng thái hiện tại. Hãy tải lại trang.` });
}

export async function lockDossier(tx: DbOrTx, id: string): Promise<DossierRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('DOSSIER_NOT_FOUND');
  const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  if (!d) throw new AppError('DOSSIER_NOT_FOUND');
  return d;
}

/** What a prepared result was made from: the row's version and the fields the document reads. */
function basisOf(d: DossierRow, signs: 'sign' | 'seal'): string {
  return JSON.stringify([signs, d.updatedAt.getTime(), d.status, d.step, d.agencyId, d.resultFileId, d.verifyToken, d.formData]);
}

/**
 * One workflow action by an officer (or, for withdrawal and payment, the applicant). The row is
 * locked for the transaction, so two officers acting at once cannot both move it.
 *
 * Rendering and signing the result is slow, and is never done under that lock (it would hold up
 * every other action on the dossier meanwhile). An action that signs checks the locked row and
 * lets it go, the document is made from that state, then the row is locked and checked again and
 * the document stored, provided the row is still the one it was made from. If another action
 * changed it in between, the document is made once more; a second change answers
 * DOSSIER_STATUS_CONFLICT, as any concurrent change.
 */
export async function act(ctx: Ctx, id: string, action: DossierAction, input: ActionInput, hooks: ResultHooks) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  const units = actor.kind === 'officer' ? await unitsOf(ctx, actor) : [];
  const reason = cleanText(input.reason ?? '') || null;
  if (reason && reason.length > 2000) throw new AppError('VALIDATION_FAILED', { message: 'Nội dung dài quá 2000 ký tự.' });
  const now = ctx.deps.clock.now();
  const cal = workCalendar();
  let prepared: { basis: string; result: PreparedResult } | null = null;
  const apply = async (tx: DbOrTx) => {
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
    /** What the history keeps besides `detailsOf` (the extension's signatory). */
    let extra: Record<string, unknown> = {};
    if (p.step !== d.step || p.status !== d.status) {
      const step = w.steps.find((s) => s.key === p.step);
      set.stepStartedAt = step ? now : null;
      // A step's budget never runs past the promise made to the citizen (the new one after an extension).
      const budget = step ? cal.appointmentDate(now, step.days) : null;
      const promise = d.extendedDate ?? d.appointmentDate;
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
        // "Hạn bước" follows the new promise: the step at work gets until the new date.
        if (d.step) set.stepDueDate = input.newDate!;
        // The letter is signed for the agency by its leader, fixed when the extension is made.
        extra = { signerName: await apologySigner(tx, d.agencyId, actor.userId) };
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
    if (p.signs) {
      const next = { ...d, ...set } as DossierRow;
      const basis = basisOf(d, p.signs);
      // Nothing written yet: the transaction ends, and the result is made without the lock.
      if (prepared?.basis !== basis) return { done: false as const, next, signs: p.signs, basis };
      Object.assign(set, await hooks.store(tx, ctx, next, prepared.result));
    }
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
      details: withExtra(detailsOf(action, d, updated!, reason), extra),
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
    return { done: true as const, answer: summary(updated!) };
  };
  for (let round = 0; ; round++) {
    const outcome = await ctx.deps.db.transaction(apply);
    if (outcome.done) return outcome.answer;
    if (round === 2) throw new AppError('DOSSIER_STATUS_CONFLICT');
    // Outside the transaction: its end let the row lock go.
    prepared = { basis: outcome.basis, result: await hooks.prepare(ctx, outcome.next, outcome.signs) };
  }
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

function withExtra(details: Record<string, unknown> | null, extra: Record<string, unknown>): Record<string, unknown> | null {
  return details && { ...details, ...extra };
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
 * promised date (and the new one of an extension) moves by the working days they held it.
 */
export function resumeAfterSupplement(d: DossierRow, now: Date): Partial<DossierRow> {
  const held = d.pausedAt ? pausedWorkingDays(d.pausedAt, now) : 0;
  return {
    status: DOSSIER_STATUS.PROCESSING,
    pausedAt: null,
    appointmentDate: d.appointmentDate ? shiftDue(d.appointmentDate, held) : d.appointmentDate,
    extendedDate: d.extendedDate ? shiftDue(d.extendedDate, held) : d.extendedDate,
    stepDueDate: d.stepDueDate ? shiftDue(d.stepDueDate, held) : d.stepDueDate,
    statusReason: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Notifications

async function notify(tx: DbOrTx, ctx: Ctx, d: DossierRow, action: DossierAction, opts: { sms?: boolean; stepLabel?: string } = {}) {
  const label = DOSSIER_STATUS_LABELS[d.status as DossierStatus];
  const due = d.extendedDate ?? d.appointmentDate;
  const { code } = d;
  const reason = d.statusReason ?? '';
  const texts: Partial<Record<DossierAction, () => SmsText>> = {
    start: () => SMS_TEXTS.processingStarted({ code, dueDate: due }),
    supplement_requested: () => SMS_TEXTS.supplementRequested({ code, reason }),
    request_payment: () => SMS_TEXTS.paymentRequested({ code, amountVnd: d.feeAmount ?? 0 }),
    finish: () => SMS_TEXTS.processingFinished({ code }),
    return_result: () => SMS_TEXTS.resultReturned({ code }),
    extend: () => SMS_TEXTS.dossierExtended({ code, newDate: d.extendedDate! }),
    stop: () => SMS_TEXTS.processingStopped({ code, reason }),
    withdraw: () => SMS_TEXTS.withdrawn({ code }),
  };
  const sms = texts[action]?.() ?? SMS_TEXTS.statusChanged({ code, statusLabel: label });
  const key = `dossier:${d.id}:${action}:${d.updatedAt.getTime()}`;
  // A copy of each goes into the applicant's "Thông báo" (platform/notify/inbox.ts).
  const inbox = { accountId: d.applicantId, dossierId: d.id };
  if (d.contactPhone && opts.sms !== false) await sendSms(tx, ctx, `${key}:sms`, d.contactPhone, sms, inbox);
  if (d.contactEmail) {
    const body = [`Kính gửi Ông/Bà ${d.applicantName},`, '', `Hồ sơ ${d.code} – ${d.procedureName}: ${ACTION_LABELS[action]}.`, `Trạng thái: ${label}.`];
    if (opts.stepLabel) body.push(`Bước đang xử lý: ${opts.stepLabel}.`);
    if (d.statusReason) body.push(`Nội dung: ${d.statusReason}`);
    if (due) body.push(`Ngày hẹn trả kết quả: ${formatIsoDate(due)}.`);
    body.push('', 'Cổng Dịch vụ công');
    await sendEmail(tx, ctx, `${key}:email`, d.contactEmail, `Hồ sơ ${d.code}: ${label}`, body.join('\n'), inbox);
  }
}
