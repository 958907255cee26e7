// Hồ sơ (issue 6): online filing — start with a prefilled e-form, autosaved drafts, the submission
// (status 1 Mới đăng ký), and the citizen's supplementation of a dossier sent back to them.
import { and, eq, inArray } from 'drizzle-orm';
import { CHANNEL, DOSSIER_STATUS } from '../../../common/dossier-status.js';
import type { FormValues } from '../../../common/eform.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sessions } from '../../platform/tables.js';
import { getAgency, listReceivingAgencies } from '../agencies/service.js';
import { getForFiling } from '../procedures/service.js';
import { getUser } from '../users/service.js';
import { addEvent, agencyBrief, citizen, loadDossier, notifyApplicant, type PaperRef } from './access.js';
import { nextDossierCode } from './codes.js';
import { checkDelivery, deliveryPrefill } from './delivery.js';
import { assertDraftVersion, removeDraftAtVersion, writeDraftVersioned } from './draft-version.js';
import { assertCitizenMayUse, filesByIds } from './files.js';
import { cleanValues } from './form-validation.js';
import {
  appointmentFrom,
  checkDossier,
  checkPaperRefs,
  findBySubmissionKey,
  insertDossier,
  onceByKey,
  prefillFor,
  publicProcedure,
  receivingAgency,
  repeatedSubmission,
  replacePapers,
  requireForm,
  submissionResult,
  type DraftInput,
  type SubmitInput,
} from './intake.js';
import { resumeAfterSupplement } from './processing.js';
import { citizenDocuments, dossierDocuments, dossierDrafts, dossiers } from './tables.js';

// ---------------------------------------------------------------------------------------------
// Online filing: start, autosave, submit

export async function startFiling(ctx: Ctx, code: string) {
  const actor = citizen(ctx);
  const proc = await getForFiling(ctx.deps.db, ctx.deps.clock, code);
  const form = requireForm(proc);
  const user = await getUser(ctx.deps.db, actor.userId);
  if (!user) throw new AppError('NOT_AUTHENTICATED');
  const prefill = await prefillFor(ctx, user, form);
  const [draft] = await ctx.deps.db
    .select()
    .from(dossierDrafts)
    .where(and(eq(dossierDrafts.applicantId, actor.userId), eq(dossierDrafts.procedureId, proc.id)));
  const draftFiles = draft ? await describePapers(ctx.deps.db, (draft.documents as PaperRef[]) ?? []) : [];
  return {
    procedure: publicProcedure(proc, form),
    prefill,
    draft: draft
      ? {
          agencyId: draft.agencyId,
          agency: draft.agencyId ? agencyBrief(await getAgency(ctx.deps.db, draft.agencyId)) : null,
          formData: draft.formData as FormValues,
          documents: draftFiles,
          updatedAt: draft.updatedAt.toISOString(),
          version: draft.version,
        }
      : null,
    deliveryPrefill: await deliveryPrefill(ctx.deps.db, user, prefill.values.applicantResidence),
  };
}

async function describePapers(db: DbOrTx, refs: readonly PaperRef[]) {
  const files = new Map((await filesByIds(db, refs.map((r) => r.fileId))).map((f) => [f.id, f]));
  return refs
    .filter((r) => files.has(r.fileId))
    .map((r) => {
      const f = files.get(r.fileId)!;
      return { position: r.position, fileId: r.fileId, source: r.source ?? 'upload', fileName: f.originalName, size: f.size, type: f.ext };
    });
}

export async function receivingAgencies(ctx: Ctx, code: string, q: string) {
  const proc = await getForFiling(ctx.deps.db, ctx.deps.clock, code);
  return listReceivingAgencies(ctx.deps.db, proc.level, q, 20);
}

/** Autosave: keeps whatever the citizen has typed so far; nothing is checked but ownership. */
export async function saveDraft(ctx: Ctx, code: string, input: DraftInput & { baseVersion?: number | null }) {
  const actor = citizen(ctx);
  const proc = await getForFiling(ctx.deps.db, ctx.deps.clock, code);
  const form = requireForm(proc);
  checkPaperRefs(proc, input.documents);
  await assertCitizenMayUse(ctx.deps.db, actor.userId, input.documents.map((d) => d.fileId));
  const formData = cleanValues(form, input.formData);
  const now = ctx.deps.clock.now();
  const documents = input.documents.map((d) => ({ position: d.position, fileId: d.fileId, source: d.source === 'store' ? 'store' : 'upload' }));
  // Issue 15: refused (DRAFT_VERSION_CONFLICT) when another tab saved since this one's version.
  const key = { applicantId: actor.userId, procedureId: proc.id, procedureCode: proc.code };
  const version = await writeDraftVersioned(ctx, key, { agencyId: input.agencyId ?? null, formData, documents }, input.baseVersion, now);
  return { savedAt: now.toISOString(), version };
}

export async function discardDraft(ctx: Ctx, code: string) {
  const actor = citizen(ctx);
  const proc = await getForFiling(ctx.deps.db, ctx.deps.clock, code);
  await ctx.deps.db.delete(dossierDrafts).where(and(eq(dossierDrafts.applicantId, actor.userId), eq(dossierDrafts.procedureId, proc.id)));
}

/** The citizen submits online: the dossier gets its code and status 1 Mới đăng ký. */
export async function submitOnline(ctx: Ctx, code: string, input: SubmitInput & { draftVersion?: number | null }, sessionTokenHash: string | null) {
  const actor = citizen(ctx);
  const db = ctx.deps.db;
  const same = { procedureCode: code, agencyId: input.agencyId, applicantId: actor.userId };
  const repeat = await findBySubmissionKey(db, actor.userId, input.submissionKey);
  if (repeat) return repeatedSubmission(repeat, same);
  const proc = await getForFiling(db, ctx.deps.clock, code);
  const form = requireForm(proc);
  const agency = await receivingAgency(db, proc, input.agencyId);
  const user = await getUser(db, actor.userId);
  if (!user) throw new AppError('NOT_AUTHENTICATED');
  const prefill = await prefillFor(ctx, user, form);
  const checked = await checkDossier(ctx, proc, form, prefill, input);
  // Hình thức nhận kết quả: the citizen must choose (issue 15).
  const delivery = await checkDelivery(db, input.delivery);
  await assertCitizenMayUse(db, actor.userId, checked.papers.map((p) => p.fileId));
  const storeFiles = await storeFileIds(db, actor.userId, checked.papers);
  const now = ctx.deps.clock.now();
  const loginAt = sessionTokenHash ? await sessionStart(db, sessionTokenHash) : null;
  // Issue 15: a tab holding an older draft than the server's does not submit it.
  const draftKey = { applicantId: actor.userId, procedureId: proc.id, procedureCode: proc.code };
  await assertDraftVersion(ctx, draftKey, input.draftVersion);

  const row = await onceByKey(db, actor.userId, input.submissionKey, () => db.transaction(async (tx) => {
    const dossierCode = await nextDossierCode(tx, agency, now);
    const d = await insertDossier(tx, ctx, {
      code: dossierCode,
      agency,
      proc,
      applicant: user,
      channel: CHANNEL.ONLINE,
      status: DOSSIER_STATUS.NEW,
      checked,
      paperSource: (p) => (storeFiles.has(p.fileId) ? 'store' : 'upload'),
      now,
      receivedBy: null,
      appointmentDate: appointmentFrom(proc, now),
      loginAt,
      submissionKey: input.submissionKey,
      delivery,
    });
    await removeDraftAtVersion(tx, draftKey, input.draftVersion);
    await notifyApplicant(tx, ctx, d, 'submitted', user);
    return d;
  }));
  return repeatedSubmission(row, same);
}

async function storeFileIds(db: DbOrTx, citizenId: string, papers: readonly PaperRef[]): Promise<Set<string>> {
  const ids = papers.filter((p) => p.source === 'store').map((p) => p.fileId);
  if (!ids.length) return new Set();
  const rows = await db
    .select({ fileId: citizenDocuments.fileId })
    .from(citizenDocuments)
    .where(and(eq(citizenDocuments.ownerId, citizenId), inArray(citizenDocuments.fileId, ids)));
  return new Set(rows.map((r) => r.fileId));
}

async function sessionStart(db: DbOrTx, tokenHash: string): Promise<Date | null> {
  const [s] = await db.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return s?.createdAt ?? null;
}

// ---------------------------------------------------------------------------------------------
// Supplementation

/** A dossier waiting for supplementation: the citizen sends the corrected form and papers; it returns to the queue. */
export async function supplement(ctx: Ctx, id: string, input: DraftInput) {
  const actor = citizen(ctx);
  const db = ctx.deps.db;
  const d = await loadDossier(db, id);
  if (d.applicantId !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
  if (d.status !== DOSSIER_STATUS.SUPPLEMENT_REQUESTED) throw new AppError('DOSSIER_STATUS_CONFLICT');
  const proc = await getForFiling(db, ctx.deps.clock, d.procedureCode);
  const form = requireForm(proc);
  const user = await getUser(db, actor.userId);
  if (!user) throw new AppError('NOT_AUTHENTICATED');
  const prefill = await prefillFor(ctx, user, form);
  const checked = await checkDossier(ctx, proc, form, prefill, input);
  // Papers already in the dossier stay usable even if the citizen has since removed them from Kho dữ liệu.
  const kept = await db.select({ fileId: dossierDocuments.fileId, source: dossierDocuments.source }).from(dossierDocuments).where(eq(dossierDocuments.dossierId, d.id));
  const keptSource = new Map(kept.map((k) => [k.fileId, k.source as 'upload' | 'scan' | 'store']));
  await assertCitizenMayUse(db, actor.userId, checked.papers.map((p) => p.fileId).filter((id) => !keptSource.has(id)));
  const storeFiles = await storeFileIds(db, actor.userId, checked.papers);
  const now = ctx.deps.clock.now();
  const names = new Map(proc.documents.map((x) => [x.position, x.name]));
  return db.transaction(async (tx) => {
    // Not yet received: back to the reception queue. Already in processing: back to its step, the
    // promised date moved by the working days the citizen held it.
    const next = d.receivedAt ? resumeAfterSupplement(d, now) : { status: DOSSIER_STATUS.NEW, statusReason: null };
    const [updated] = await tx
      .update(dossiers)
      .set({ ...next, formData: checked.values, provenance: checked.provenance, updatedAt: now })
      .where(and(eq(dossiers.id, d.id), eq(dossiers.status, DOSSIER_STATUS.SUPPLEMENT_REQUESTED)))
      .returning();
    if (!updated) throw new AppError('DOSSIER_STATUS_CONFLICT');
    await replacePapers(tx, d.id, checked.papers, names, (p) => keptSource.get(p.fileId) ?? (storeFiles.has(p.fileId) ? 'store' : 'upload'), actor.userId, now);
    await addEvent(tx, ctx, updated, 'supplemented', DOSSIER_STATUS.SUPPLEMENT_REQUESTED, null, now);
    await writeAudit(tx, ctx, {
      action: 'dossier.supplement',
      entityType: 'dossier',
      entityId: d.id,
      agencyId: d.agencyId,
      before: { status: d.status, formData: d.formData },
      after: { status: updated.status, formData: updated.formData, papers: checked.papers.length },
    });
    await notifyApplicant(tx, ctx, updated, 'supplemented', user);
    return submissionResult(updated);
  });
}

