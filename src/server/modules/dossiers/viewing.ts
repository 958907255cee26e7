// Hồ sơ (issue 6, issue 7): viewing dossiers — the citizen's list, a dossier's detail (for its
// applicant and the officers of its agency), the receipt, the signed result and the apology letter.
import { and, asc, count, desc, eq, or } from 'drizzle-orm';
import { cleanText } from '../../../common/text.js';
import { containsFolded } from '../../platform/text-search.js';
import { DOSSIER_STATUS, DOSSIER_STATUS_LABELS, receiptKind, type Channel, type DossierStatus } from '../../../common/dossier-status.js';
import type { FormValues, ProvenanceMap } from '../../../common/eform.js';
import { ROLE_LABELS, type Workflow } from '../../../common/workflow.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getAgency } from '../agencies/service.js';
import { getForFiling, getWorkflow } from '../procedures/service.js';
import { getUser } from '../users/service.js';
import { agencyBrief, agencyNames, apologySigner, authorizeView, citizen, codeContains, loadDossier, publicTrackingUrl, type DossierRow, type PaperSource } from './access.js';
import { filesByIds } from './files.js';
import { actionsFor } from './processing.js';
import { deliveryView, returnPlaceOf } from './delivery.js';
import { ratingOf } from './rating.js';
import { renderReceipt } from './receipt-pdf.js';
import { apologyPdf, resultData, resultPdf, verifyUrl } from './result.js';
import { renderResult } from './result-pdf.js';
import { dossierDocuments, dossierEvents, dossiers } from './tables.js';
import { allowedActions } from './workflow.js';

// ---------------------------------------------------------------------------------------------
// The citizen's dossiers

/**
 * The citizen's dossiers, newest first. `q` finds a dossier by its code, its procedure's code or
 * name (typed without diacritics too); `status` keeps one status.
 */
export async function listMine(ctx: Ctx, query: { q?: string; status?: number; page: number; pageSize: number }) {
  const actor = citizen(ctx);
  const db = ctx.deps.db;
  const { page, pageSize } = query;
  const q = cleanText(query.q ?? '');
  const where = and(
    eq(dossiers.applicantId, actor.userId),
    query.status ? eq(dossiers.status, query.status) : undefined,
    q
      ? or(
          codeContains(q),
          eq(dossiers.procedureCode, q),
          containsFolded(dossiers.procedureName, q),
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: dossiers.id,
        code: dossiers.code,
        procedureCode: dossiers.procedureCode,
        procedureName: dossiers.procedureName,
        status: dossiers.status,
        channel: dossiers.channel,
        submittedAt: dossiers.submittedAt,
        appointmentDate: dossiers.appointmentDate,
        extendedDate: dossiers.extendedDate,
        agencyId: dossiers.agencyId,
      })
      .from(dossiers)
      .where(where)
      .orderBy(desc(dossiers.submittedAt), desc(dossiers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(dossiers).where(where),
  ]);
  const names = await agencyNames(db, rows.map((r) => r.agencyId));
  return {
    items: rows.map((r) => ({
      ...r,
      submittedAt: r.submittedAt.toISOString(),
      statusLabel: DOSSIER_STATUS_LABELS[r.status as DossierStatus],
      agencyName: names.get(r.agencyId) ?? '',
    })),
    total: Number(total?.n ?? 0),
    page,
    pageSize,
  };
}

export async function getDossier(ctx: Ctx, id: string) {
  const db = ctx.deps.db;
  const d = await loadDossier(db, id);
  const actor = await authorizeView(ctx, d);
  // Every officer's view of a citizen's data is audited (Decree 13/2023).
  if (actor.kind === 'officer') {
    await writeAudit(db, ctx, { action: 'dossier.view', entityType: 'dossier', entityId: d.id, agencyId: d.agencyId, after: { code: d.code, applicantId: d.applicantId } });
  }
  return dossierDetail(ctx, d);
}

async function dossierDetail(ctx: Ctx, d: DossierRow) {
  const db = ctx.deps.db;
  const workflow = await getWorkflow(db, d.procedureId);
  const [papers, events, agency, proc, receiver] = await Promise.all([
    db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, d.id)).orderBy(asc(dossierDocuments.position), asc(dossierDocuments.addedAt)),
    db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id)).orderBy(asc(dossierEvents.at)),
    getAgency(db, d.agencyId),
    getForFiling(db, ctx.deps.clock, d.procedureCode).catch(() => null),
    d.receivedBy ? getUser(db, d.receivedBy) : Promise.resolve(null),
  ]);
  const files = new Map((await filesByIds(db, papers.map((p) => p.fileId))).map((f) => [f.id, f]));
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    processingDays: d.processingDays,
    agency: agencyBrief(agency),
    applicant: { id: d.applicantId, fullName: d.applicantName, idNumber: d.applicantIdNumber },
    channel: d.channel,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
    statusReason: d.statusReason,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: d.receivedAt?.toISOString() ?? null,
    receivedByName: receiver?.fullName ?? null,
    appointmentDate: d.appointmentDate,
    submitSeconds: d.submitSeconds,
    // Processing (issue 7)
    workflow: workflow.steps.map((s) => ({ key: s.key, label: s.label, role: ROLE_LABELS[s.role], days: s.days, signs: s.signs ?? null })),
    step: d.step,
    stepDueDate: d.stepDueDate,
    extendedDate: d.extendedDate,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    returnedAt: d.returnedAt?.toISOString() ?? null,
    onTime: d.onTime,
    paused: d.pausedAt !== null,
    feeAmount: d.feeAmount,
    feePaidAt: d.feePaidAt?.toISOString() ?? null,
    hasResult: d.resultFileId !== null,
    /** Shown to the applicant once the result is returned; always to the officers. */
    verifyToken: ctx.actor?.kind === 'officer' || d.status === DOSSIER_STATUS.RESULT_RETURNED ? d.verifyToken : null,
    rating: await ratingOf(db, d.id),
    delivery: deliveryView(d),
    actions: ctx.actor?.kind === 'officer' ? await actionsFor(ctx, d, workflow) : citizenActions(workflow, d),
    formData: d.formData as FormValues,
    provenance: d.provenance as ProvenanceMap,
    form: proc?.form ?? null,
    requiredDocuments: proc?.documents ?? [],
    documents: papers.map((p) => {
      const f = files.get(p.fileId);
      return { position: p.position, name: p.name, fileId: p.fileId, source: p.source as PaperSource, fileName: f?.originalName ?? '', size: f?.size ?? 0, type: f?.ext ?? '' };
    }),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actorName: e.actorName,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: DOSSIER_STATUS_LABELS[e.toStatus as DossierStatus],
      reason: e.reason,
    })),
  };
}

/** What the applicant may do: withdraw while the dossier is open, pay a financial obligation. */
function citizenActions(w: Workflow, d: DossierRow) {
  return allowedActions(w, { status: d.status as DossierStatus, step: d.step }, { desk: false, post: false, member: false, permissions: new Set(), applicant: true });
}

/** The dossier's receipt as a PDF: the Giấy tiếp nhận, or before reception of an online filing the Phiếu xác nhận nộp hồ sơ (receiptKind). */
export async function receiptPdf(ctx: Ctx, id: string): Promise<{ code: string; kind: 'submission' | 'reception'; pdf: Buffer }> {
  const db = ctx.deps.db;
  const d = await loadDossier(db, id);
  await authorizeView(ctx, d);
  const detail = await dossierDetail(ctx, d);
  const agency = await getAgency(db, d.agencyId);
  const province = agency?.parentId ? await getAgency(db, agency.parentId) : null;
  const counts = new Map<number, number>();
  for (const p of detail.documents) counts.set(p.position, (counts.get(p.position) ?? 0) + 1);
  const required = detail.requiredDocuments;
  const documents = required.length
    ? required.filter((r) => counts.has(r.position)).map((r) => ({ name: r.name, quantity: r.quantity, files: counts.get(r.position)! }))
    : [...counts.entries()].map(([pos, files]) => ({ name: detail.documents.find((x) => x.position === pos)!.name, quantity: '', files }));
  const values = d.formData as FormValues;
  const pdf = await renderReceipt(
    {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      agencyName: agency?.name ?? '',
      provinceName: province?.kind === 'province' ? province.name : null,
      applicantName: d.applicantName,
      applicantIdNumber: d.applicantIdNumber,
      applicantAddress: values.applicantResidence ?? null,
      phone: d.contactPhone,
      email: d.contactEmail,
      channel: d.channel as Channel,
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      appointmentDate: d.appointmentDate,
      processingDays: d.processingDays,
      receivedByName: detail.receivedByName,
      documents,
      status: d.status as DossierStatus,
      statusLabel: detail.statusLabel,
      trackingUrl: publicTrackingUrl(ctx, d.code),
      returnPlace: returnPlaceOf(d, agency?.name ?? ''),
    },
    ctx.deps.clock.now(),
  );
  return { code: d.code, kind: receiptKind(d), pdf };
}

// ---------------------------------------------------------------------------------------------
// Result and apology letter (issue 7)

/** The signed e-result, for the applicant or an officer of the agency. */
export async function resultForViewer(ctx: Ctx, id: string): Promise<{ code: string; pdf: Buffer }> {
  const d = await loadDossier(ctx.deps.db, id);
  await authorizeView(ctx, d);
  // The citizen gets the result once it is returned to them; officers as soon as it is signed.
  if (ctx.actor?.kind !== 'officer' && d.status !== DOSSIER_STATUS.RESULT_RETURNED) throw new AppError('RESULT_NOT_READY');
  return { code: d.code, pdf: await resultPdf(ctx, d) };
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả of the latest extension. */
/**
 * The leader's look at the result before signing it: the document `finish`/`forward` would sign
 * now, unsigned and marked as a preview. Only for an officer who may take the signing action at
 * the dossier's current step (others of the agency: RESULT_PREVIEW_NOT_AVAILABLE; outsiders:
 * DOSSIER_NOT_FOUND). Audited: it shows the citizen's data.
 */
export async function resultPreviewFor(ctx: Ctx, id: string): Promise<{ code: string; pdf: Buffer }> {
  const db = ctx.deps.db;
  const d = await loadDossier(db, id);
  const actor = await authorizeView(ctx, d);
  if (actor.kind !== 'officer') throw new AppError('DOSSIER_NOT_FOUND');
  const w = await getWorkflow(db, d.procedureId);
  const step = d.status === DOSSIER_STATUS.PROCESSING ? w.steps.find((s) => s.key === d.step) : undefined;
  const actions = await actionsFor(ctx, d, w);
  if (step?.signs !== 'sign' || !(actions.includes('forward') || actions.includes('finish'))) throw new AppError('RESULT_PREVIEW_NOT_AVAILABLE');
  const pdf = await renderResult({ ...(await resultData(ctx, d, verifyUrl(ctx, d.verifyToken ?? 'xem-truoc'))), preview: true });
  await writeAudit(db, ctx, { action: 'dossier.result_preview', entityType: 'dossier', entityId: d.id, agencyId: d.agencyId, after: { code: d.code, applicantId: d.applicantId } });
  return { code: d.code, pdf };
}

export async function apologyForViewer(ctx: Ctx, id: string): Promise<{ code: string; pdf: Buffer }> {
  const db = ctx.deps.db;
  const d = await loadDossier(db, id);
  await authorizeView(ctx, d);
  const [e] = await db
    .select()
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, d.id), eq(dossierEvents.action, 'extend')))
    .orderBy(desc(dossierEvents.at))
    .limit(1);
  if (!e) throw new AppError('APOLOGY_NOT_FOUND');
  const x = e.details as { originalDate: string; newDate: string; reason: string; signerName?: string | null };
  // Extensions recorded before the signatory was kept with them: the agency's leader now.
  const signerName = x.signerName !== undefined ? x.signerName : await apologySigner(db, d.agencyId, e.actorId);
  return { code: d.code, pdf: await apologyPdf(ctx, d, { at: e.at, signerName, reason: x.reason, newDate: x.newDate, originalDate: x.originalDate }) };
}
