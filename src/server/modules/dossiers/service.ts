// Hồ sơ (issue 6): online filing with a prefilled e-form and autosaved drafts, desk reception of
// in-person dossiers, and the reception queue (receive / ask for supplementation / refuse).
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { CHANNEL, DOSSIER_STATUS, DOSSIER_STATUS_LABELS, type Channel, type DossierStatus } from '../../../common/dossier-status.js';
import type { EForm, FormValues, ProvenanceMap } from '../../../common/eform.js';
import { ROLE_LABELS, type Workflow } from '../../../common/workflow.js';
import { cleanText, likeEscape } from '../../../common/text.js';
import { DOSSIER_ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { checkIdNumberShape, normalizeIdNumber } from '../../../common/vn-ids.js';
import { isUniqueViolation, type DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import { formatIsoDate } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { sendEmail, sendSms } from '../../platform/notify/jobs.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { PopulationUnavailable, type PopulationRecord } from '../../platform/population/port.js';
import { sessions } from '../../platform/tables.js';
import { vnDate, workCalendar } from '../../platform/workdays.js';
import { deskAgencyIds, getAgency, listReceivingAgencies, listUnits, type AgencyRow } from '../agencies/service.js';
import { getForFiling, getWorkflow, type ProcedureForFiling } from '../procedures/service.js';
import { getUser, type UserRow } from '../users/service.js';
import { users } from '../users/tables.js';
import { nextDossierCode } from './codes.js';
import { actionsFor, ratingOf, resumeAfterSupplement } from './processing.js';
import { allowedActions } from './workflow.js';
import { assertCitizenMayUse, assertOfficerUploaded, filesByIds, storePaper, type StoredPaper } from './files.js';
import { cleanValues, formProblems } from './form-validation.js';
import { applyLocked, prefillForm, spouseInHousehold, type Prefill, type PrefillSources } from './prefill.js';
import { renderReceipt } from './receipt-pdf.js';
import { apologyPdf, resultPdf } from './result.js';
import { citizenDocuments, dossierDocuments, dossierDrafts, dossierEvents, dossiers } from './tables.js';

export type DossierRow = typeof dossiers.$inferSelect;

export interface PaperRef {
  position: number;
  fileId: string;
  source?: 'upload' | 'scan' | 'store';
}

// ---------------------------------------------------------------------------------------------
// Actors

function citizen(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind === 'officer') throw new AppError('FORBIDDEN');
  return a;
}

function officer(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind !== 'officer') throw new AppError('FORBIDDEN');
  return a;
}

/**
 * The desk role of an officer (docs/decisions/0015-desk-permission-and-postal-accounts.md): a
 * one-stop officer holding "Tiếp nhận, trả kết quả hồ sơ" decides; a Vietnam Post employee holding
 * the postal desk permission takes papers in and hands results over, and never decides.
 */
export type DeskRole = 'desk' | 'postal';

export function deskRoleOf(actor: Actor): DeskRole | null {
  if (actor.permissions.has('DESK_RECEIVE')) return 'desk';
  if (actor.permissions.has('POSTAL_DESK')) return 'postal';
  return null;
}

/** The agencies the officer receives for, when their role is one of `allow`. */
async function officerAgencies(ctx: Ctx, actor: Actor, allow: readonly DeskRole[] = ['desk']): Promise<string[]> {
  const role = deskRoleOf(actor);
  if (!role || !allow.includes(role)) {
    throw new AppError('PERMISSION_REQUIRED', {
      message: 'Chức năng này dành cho cán bộ Bộ phận Một cửa được cấp quyền "Tiếp nhận, trả kết quả hồ sơ (Bộ phận Một cửa)". Đề nghị quản trị viên cấp quyền.',
      details: { permission: 'DESK_RECEIVE' },
    });
  }
  const ids = await deskAgencyIds(ctx.deps.db, actor.unitIds);
  if (ids.length === 0) throw new AppError('NO_RECEIVING_UNIT');
  return ids;
}

/** Who looks a citizen up at the desk, and how often (issue 13): per officer, per 10 minutes and per day. */
const LOOKUP_LIMITS = (userId: string) => [
  { key: `desk-lookup:10m:${userId}`, limit: 60, windowSeconds: 600 },
  { key: `desk-lookup:day:${userId}`, limit: 500, windowSeconds: 86_400 },
];

// ---------------------------------------------------------------------------------------------
// Prefill

/** The population record of a CCCD, null when none or when the database did not answer. */
async function lookupPerson(ctx: Ctx, idNumber: string | null): Promise<{ record: PopulationRecord | null; available: boolean }> {
  if (!idNumber) return { record: null, available: true };
  try {
    return { record: await ctx.deps.population.findByIdNumber(idNumber), available: true };
  } catch (e) {
    if (!(e instanceof PopulationUnavailable)) throw e;
    ctx.deps.log.warn({ err: e.message }, 'population database unavailable; prefilling from the account only');
    return { record: null, available: false };
  }
}

/**
 * Prefill of a form from the population database (issue 13, Decree 13/2023 on personal data).
 * The record is disclosed in full (with the household) only for an identity that was verified —
 * by VNeID (`identityVerifiedAt`), or by the desk officer who has the citizen and their CCCD in
 * front of them (`atDesk`, audited by the caller). Accounts an officer created at the desk are not
 * marked yet (docs/security.md, "Not covered"), so they get the rule for unverified identities. For an identity nobody
 * verified, the database may only confirm what the claimant typed: when the name and the full
 * birth date both match, those typed values are marked as confirmed; otherwise nothing of the
 * record is used, and the answer does not say whether one exists.
 */
export async function prefillFor(
  ctx: Ctx,
  user: UserRow,
  form: EForm,
  opts: { atDesk?: boolean } = {},
): Promise<Prefill & { populationAvailable: boolean; populationFound: boolean }> {
  const verified = user.identityVerifiedAt !== null || opts.atDesk === true;
  const person = await lookupPerson(ctx, user.idNumber);
  const record = person.record && !verified ? confirmedClaim(user, person.record) : person.record;
  let spouse: PrefillSources['spouse'] = null;
  const member = record && verified ? spouseInHousehold(record) : null;
  if (member) spouse = { member, record: member.idNumber ? (await lookupPerson(ctx, member.idNumber)).record : null };
  const sources: PrefillSources = {
    account: {
      fullName: user.fullName,
      idNumber: user.idNumber,
      birthDate: user.birthDate,
      sex: user.sex === 'male' || user.sex === 'female' ? user.sex : null,
      permanentAddress: user.permanentAddress,
      phone: user.phone,
      email: user.email,
      identityVerified: user.identityVerifiedAt !== null,
    },
    person: record,
    spouse,
  };
  return { ...prefillForm(form, sources), populationAvailable: person.available, populationFound: record !== null };
}

function sameName(a: string, b: string): boolean {
  return cleanText(a).toLocaleLowerCase('vi') === cleanText(b).toLocaleLowerCase('vi');
}

/**
 * What an unverified claimant may learn from the population record of the CCCD they typed: only
 * their own typed name, birth date and (when it agrees) sex, confirmed — never the address, the
 * household or any value they did not type. Null when the name or the full birth date differ.
 */
function confirmedClaim(user: UserRow, r: PopulationRecord): PopulationRecord | null {
  if (!user.birthDate || user.birthDate !== r.birthDate || !sameName(user.fullName, r.fullName)) return null;
  return {
    idNumber: r.idNumber,
    fullName: user.fullName,
    birthDate: user.birthDate,
    sex: (user.sex === r.sex ? r.sex : undefined) as PopulationRecord['sex'],
    ethnicity: '',
    nationality: '',
    permanentAddress: '',
    currentAddress: '',
    householdId: '',
    household: [],
  };
}

function requireForm(p: ProcedureForFiling): EForm {
  if (!p.form) throw new AppError('PROCEDURE_NOT_ONLINE');
  return p.form;
}

function publicProcedure(p: ProcedureForFiling) {
  return { code: p.code, name: p.name, processingDays: p.processingDays, fullyOnline: p.fullyOnline, documents: p.documents, form: p.form };
}

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
    procedure: publicProcedure(proc),
    prefill,
    draft: draft
      ? {
          agencyId: draft.agencyId,
          agency: draft.agencyId ? agencyBrief(await getAgency(ctx.deps.db, draft.agencyId)) : null,
          formData: draft.formData as FormValues,
          documents: draftFiles,
          updatedAt: draft.updatedAt.toISOString(),
        }
      : null,
  };
}

function agencyBrief(a: AgencyRow | null) {
  return a ? { id: a.id, code: a.code, name: a.name } : null;
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

export interface DraftInput {
  agencyId?: string | null;
  formData: Record<string, unknown>;
  documents: PaperRef[];
}

const MAX_PAPERS = 40;

function checkPaperRefs(proc: ProcedureForFiling, refs: readonly PaperRef[]): void {
  if (refs.length > MAX_PAPERS) throw new AppError('VALIDATION_FAILED', { message: `Một hồ sơ có tối đa ${MAX_PAPERS} tệp.` });
  const positions = new Set(proc.documents.map((d) => d.position));
  const bad = refs.filter((r) => !positions.has(r.position));
  if (bad.length) throw new AppError('VALIDATION_FAILED', { message: 'Tệp đính kèm không thuộc thành phần hồ sơ nào của thủ tục.' });
}

/** Autosave: keeps whatever the citizen has typed so far; nothing is checked but ownership. */
export async function saveDraft(ctx: Ctx, code: string, input: DraftInput) {
  const actor = citizen(ctx);
  const proc = await getForFiling(ctx.deps.db, ctx.deps.clock, code);
  const form = requireForm(proc);
  checkPaperRefs(proc, input.documents);
  await assertCitizenMayUse(ctx.deps.db, actor.userId, input.documents.map((d) => d.fileId));
  const formData = cleanValues(form, input.formData);
  const now = ctx.deps.clock.now();
  const documents = input.documents.map((d) => ({ position: d.position, fileId: d.fileId, source: d.source === 'store' ? 'store' : 'upload' }));
  await ctx.deps.db
    .insert(dossierDrafts)
    .values({ id: newId(), applicantId: actor.userId, procedureId: proc.id, agencyId: input.agencyId ?? null, formData, documents, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [dossierDrafts.applicantId, dossierDrafts.procedureId],
      set: { agencyId: input.agencyId ?? null, formData, documents, updatedAt: now },
    });
  return { savedAt: now.toISOString() };
}

export async function discardDraft(ctx: Ctx, code: string) {
  const actor = citizen(ctx);
  const proc = await getForFiling(ctx.deps.db, ctx.deps.clock, code);
  await ctx.deps.db.delete(dossierDrafts).where(and(eq(dossierDrafts.applicantId, actor.userId), eq(dossierDrafts.procedureId, proc.id)));
}

interface Checked {
  values: FormValues;
  provenance: ProvenanceMap;
  papers: PaperRef[];
}

/** Everything a dossier must satisfy before it exists: locked fields, the schema, the papers. */
async function checkDossier(ctx: Ctx, proc: ProcedureForFiling, form: EForm, prefill: Prefill, input: DraftInput): Promise<Checked> {
  checkPaperRefs(proc, input.documents);
  const cleaned = cleanValues(form, input.formData);
  const { values, changed } = applyLocked(cleaned, prefill);
  if (changed.length) throw new AppError('FORM_LOCKED_FIELD_CHANGED', { details: { fields: changed } });
  const problems = await formProblems(form, values, vnDate(ctx.deps.clock.now()));
  if (problems.length) {
    throw new AppError('FORM_INVALID', {
      message: `Tờ khai chưa hợp lệ: ${problems.map((p) => `${p.label} – ${p.message.replace(/\.$/, '').toLowerCase()}`).join('; ')}.`,
      details: { problems },
    });
  }
  const given = new Set(input.documents.map((d) => d.position));
  const missing = proc.documents.filter((d) => d.required && !given.has(d.position));
  if (missing.length) {
    throw new AppError('DOSSIER_DOCUMENT_MISSING', {
      message: `Còn thiếu bản điện tử của giấy tờ bắt buộc: ${missing.map((d) => d.name).join('; ')}.`,
      details: { positions: missing.map((d) => d.position) },
    });
  }
  return { values, provenance: prefill.provenance, papers: input.documents };
}

export interface SubmitInput extends DraftInput {
  agencyId: string;
  submissionKey: string;
}

async function receivingAgency(db: DbOrTx, proc: ProcedureForFiling, agencyId: string): Promise<AgencyRow> {
  const a = await getAgency(db, agencyId);
  const kinds = proc.level === 'commune' ? ['commune'] : proc.level === 'province' ? ['province', 'service_centre'] : ['ministry'];
  if (!a || a.status !== 'active' || !kinds.includes(a.kind)) throw new AppError('AGENCY_NOT_RECEIVING');
  return a;
}

function appointmentFrom(proc: { processingDays: number }, at: Date): string {
  return workCalendar().appointmentDate(at, proc.processingDays);
}

/** The citizen submits online: the dossier gets its code and status 1 Mới đăng ký. */
export async function submitOnline(ctx: Ctx, code: string, input: SubmitInput, sessionTokenHash: string | null) {
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
  await assertCitizenMayUse(db, actor.userId, checked.papers.map((p) => p.fileId));
  const storeFiles = await storeFileIds(db, actor.userId, checked.papers);
  const now = ctx.deps.clock.now();
  const loginAt = sessionTokenHash ? await sessionStart(db, sessionTokenHash) : null;

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
    });
    await tx.delete(dossierDrafts).where(and(eq(dossierDrafts.applicantId, actor.userId), eq(dossierDrafts.procedureId, proc.id)));
    await notifyApplicant(tx, ctx, d, 'submitted', user);
    return d;
  }));
  return repeatedSubmission(row, same);
}

/**
 * Runs a keyed write once: when a concurrent request with the same idempotency key committed
 * first, the unique index refuses this one and the first dossier is returned instead.
 */
async function onceByKey(db: DbOrTx, createdBy: string, key: string, write: () => Promise<DossierRow>): Promise<DossierRow> {
  try {
    return await write();
  } catch (err) {
    if (!isUniqueViolation(err, 'dossiers_submission_key_uq')) throw err;
    const first = await findBySubmissionKey(db, createdBy, key);
    if (!first) throw err;
    return first;
  }
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

async function findBySubmissionKey(db: DbOrTx, createdBy: string, key: string): Promise<DossierRow | null> {
  const [d] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.createdBy, createdBy), eq(dossiers.submissionKey, key)));
  return d ?? null;
}

/**
 * The answer to a keyed submission: the dossier the key filed, when it is the same filing (same
 * procedure, receiving unit and applicant). A key reused for another filing — a stale form in a
 * second tab, a desk form kept from the previous citizen — is refused instead of answering with a
 * dossier the request did not ask for (another citizen's, at the desk).
 */
function repeatedSubmission(d: DossierRow, want: { procedureCode: string; agencyId: string; applicantId: string }) {
  if (d.procedureCode !== want.procedureCode || d.agencyId !== want.agencyId || d.applicantId !== want.applicantId) {
    throw new AppError('SUBMISSION_KEY_REUSED');
  }
  return submissionResult(d);
}

function submissionResult(d: DossierRow) {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
    submittedAt: d.submittedAt.toISOString(),
    appointmentDate: d.appointmentDate,
    submitSeconds: d.submitSeconds,
  };
}

interface NewDossier {
  code: string;
  agency: AgencyRow;
  proc: ProcedureForFiling;
  applicant: UserRow;
  channel: Channel;
  status: DossierStatus;
  checked: Checked;
  paperSource: (p: PaperRef) => 'upload' | 'scan' | 'store';
  now: Date;
  receivedBy: Actor | null;
  appointmentDate: string;
  loginAt: Date | null;
  submissionKey: string;
}

async function insertDossier(tx: DbOrTx, ctx: Ctx, n: NewDossier): Promise<DossierRow> {
  const actor = ctx.actor!;
  const names = new Map(n.proc.documents.map((d) => [d.position, d.name]));
  const row: DossierRow = {
    id: newId(),
    code: n.code,
    agencyId: n.agency.id,
    procedureId: n.proc.id,
    procedureCode: n.proc.code,
    procedureName: n.proc.name,
    processingDays: n.proc.processingDays,
    applicantId: n.applicant.id,
    applicantName: n.applicant.fullName,
    applicantIdNumber: n.applicant.idNumber,
    channel: n.channel,
    status: n.status,
    formData: n.checked.values,
    provenance: n.checked.provenance,
    contactPhone: n.checked.values.contactPhone ?? n.applicant.phone,
    contactEmail: n.checked.values.contactEmail ?? n.applicant.email,
    submittedAt: n.now,
    receivedAt: n.receivedBy ? n.now : null,
    receivedBy: n.receivedBy?.userId ?? null,
    appointmentDate: n.appointmentDate,
    statusReason: null,
    loginAt: n.loginAt,
    submitSeconds: n.loginAt ? Math.max(0, Math.round((n.now.getTime() - n.loginAt.getTime()) / 1000)) : null,
    submissionKey: n.submissionKey,
    createdBy: actor.userId,
    updatedAt: n.now,
    step: null,
    stepStartedAt: null,
    stepDueDate: null,
    pausedAt: null,
    extendedDate: null,
    finishedAt: null,
    returnedAt: null,
    onTime: null,
    feeAmount: null,
    feePaidAt: null,
    resultFileId: null,
    verifyToken: null,
  };
  await tx.insert(dossiers).values(row);
  await replacePapers(tx, row.id, n.checked.papers, names, n.paperSource, actor.userId, n.now);
  await tx.insert(dossierEvents).values({
    id: newId(),
    dossierId: row.id,
    at: n.now,
    actorId: actor.userId,
    actorName: actor.fullName,
    action: n.channel === CHANNEL.ONLINE ? 'submitted' : 'received_in_person',
    fromStatus: null,
    toStatus: n.status,
    reason: null,
  });
  await writeAudit(tx, ctx, {
    action: n.channel === CHANNEL.ONLINE ? 'dossier.submit' : 'dossier.receive_in_person',
    entityType: 'dossier',
    entityId: row.id,
    agencyId: row.agencyId,
    after: { code: row.code, procedureCode: row.procedureCode, status: row.status, channel: row.channel, applicantId: row.applicantId, papers: n.checked.papers.length },
  });
  return row;
}

async function replacePapers(
  tx: DbOrTx,
  dossierId: string,
  papers: readonly PaperRef[],
  names: Map<number, string>,
  source: (p: PaperRef) => 'upload' | 'scan' | 'store',
  by: string,
  now: Date,
) {
  await tx.delete(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId));
  if (!papers.length) return;
  await tx.insert(dossierDocuments).values(
    papers.map((p) => ({ id: newId(), dossierId, position: p.position, name: names.get(p.position)!, fileId: p.fileId, source: source(p), addedAt: now, addedBy: by })),
  );
}

// ---------------------------------------------------------------------------------------------
// Notifications

type Notice = 'submitted' | 'received' | 'supplement' | 'refused' | 'supplemented';

function noticeText(d: DossierRow, kind: Notice): { sms: string; subject: string } {
  const appt = d.appointmentDate ? formatIsoDate(d.appointmentDate) : null;
  switch (kind) {
    case 'submitted':
      return {
        sms: `Cong DVC: Ho so ${d.code} (${d.procedureName}) da duoc nop truc tuyen, cho co quan tiep nhan.${appt ? ` Hen tra ket qua du kien: ${appt}.` : ''}`,
        subject: `Hồ sơ ${d.code} đã được nộp trực tuyến`,
      };
    case 'received':
      return { sms: `Cong DVC: Ho so ${d.code} (${d.procedureName}) da duoc tiep nhan. Hen tra ket qua: ${appt}.`, subject: `Hồ sơ ${d.code} đã được tiếp nhận` };
    case 'supplement':
      return {
        sms: `Cong DVC: Ho so ${d.code} can bo sung giay to: ${d.statusReason}. Vui long dang nhap Cong DVC de bo sung.`,
        subject: `Hồ sơ ${d.code} cần bổ sung giấy tờ`,
      };
    case 'refused':
      return { sms: `Cong DVC: Ho so ${d.code} khong duoc tiep nhan. Ly do: ${d.statusReason}.`, subject: `Hồ sơ ${d.code} không được tiếp nhận` };
    case 'supplemented':
      return {
        sms:
          d.status === DOSSIER_STATUS.PROCESSING
            ? `Cong DVC: Ho so ${d.code} da duoc bo sung, co quan tiep tuc xu ly.${appt ? ` Hen tra ket qua: ${appt}.` : ''}`
            : `Cong DVC: Ho so ${d.code} da duoc bo sung, cho co quan tiep nhan lai.`,
        subject: `Hồ sơ ${d.code} đã được bổ sung`,
      };
  }
}

function noticeEmailBody(d: DossierRow, kind: Notice, url: string): string {
  const appt = d.appointmentDate ? formatIsoDate(d.appointmentDate) : null;
  const lines = [`Kính gửi Ông/Bà ${d.applicantName},`, ''];
  if (kind === 'submitted') lines.push(`Hồ sơ ${d.code} – ${d.procedureName} đã được nộp trực tuyến thành công và đang chờ cơ quan tiếp nhận.`, appt ? `Ngày hẹn trả kết quả dự kiến: ${appt}.` : '');
  if (kind === 'received') lines.push(`Hồ sơ ${d.code} – ${d.procedureName} đã được tiếp nhận.`, `Ngày hẹn trả kết quả: ${appt}.`);
  if (kind === 'supplement') lines.push(`Hồ sơ ${d.code} – ${d.procedureName} cần bổ sung giấy tờ.`, `Nội dung yêu cầu bổ sung: ${d.statusReason}`, 'Vui lòng đăng nhập Cổng Dịch vụ công để bổ sung hồ sơ.');
  if (kind === 'refused') lines.push(`Hồ sơ ${d.code} – ${d.procedureName} không được tiếp nhận.`, `Lý do: ${d.statusReason}`);
  if (kind === 'supplemented') {
    lines.push(
      d.status === DOSSIER_STATUS.PROCESSING
        ? `Hồ sơ ${d.code} – ${d.procedureName} đã được bổ sung; cơ quan tiếp tục xử lý. Ngày hẹn trả kết quả: ${appt}.`
        : `Hồ sơ ${d.code} – ${d.procedureName} đã được bổ sung và đang chờ cơ quan tiếp nhận lại.`,
    );
  }
  lines.push('', `Tra cứu hồ sơ: ${url}`, '', 'Cổng Dịch vụ công');
  return lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}

async function notifyApplicant(tx: DbOrTx, ctx: Ctx, d: DossierRow, kind: Notice, applicant?: UserRow | null) {
  const text = noticeText(d, kind);
  const key = `dossier:${d.id}:${kind}:${d.updatedAt.getTime()}`;
  const phone = d.contactPhone ?? applicant?.phone ?? null;
  const email = d.contactEmail ?? applicant?.email ?? null;
  if (phone) await sendSms(tx, ctx, `${key}:sms`, phone, text.sms);
  if (email) await sendEmail(tx, ctx, `${key}:email`, email, text.subject, noticeEmailBody(d, kind, trackingUrl(ctx, d)));
}

function trackingUrl(ctx: Ctx, d: DossierRow): string {
  return `${ctx.deps.config.publicUrl.replace(/\/$/, '')}/ho-so-cua-toi/${d.id}`;
}

// ---------------------------------------------------------------------------------------------
// The citizen's dossiers

export async function listMine(ctx: Ctx, page: number, pageSize: number) {
  const actor = citizen(ctx);
  const db = ctx.deps.db;
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
      .where(eq(dossiers.applicantId, actor.userId))
      .orderBy(desc(dossiers.submittedAt), desc(dossiers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(dossiers).where(eq(dossiers.applicantId, actor.userId)),
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

async function agencyNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await listUnits(db, unique);
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function loadDossier(db: DbOrTx, id: string): Promise<DossierRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('DOSSIER_NOT_FOUND');
  const [d] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!d) throw new AppError('DOSSIER_NOT_FOUND');
  return d;
}

/** Who may see a dossier: its applicant, or an officer of the receiving agency. */
async function authorizeView(ctx: Ctx, d: DossierRow): Promise<Actor> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (actor.kind === 'officer') {
    assertDossierRole(actor);
    // The desk of the agency, and the officers who process its dossiers (a unit of the agency, or
    // the agency itself: the work list's scope, processing.ts workAgencyIds).
    const units = await listUnits(ctx.deps.db, actor.unitIds);
    if (!officerServes(units, d.agencyId)) throw new AppError('DOSSIER_NOT_FOUND');
  } else if (d.applicantId !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
  return actor;
}

/** An officer without any dossier role (DOSSIER_ROLE_PERMISSIONS) reads no dossier. */
export function assertDossierRole(actor: Actor): void {
  if (!DOSSIER_ROLE_PERMISSIONS.some((p) => actor.permissions.has(p))) throw new AppError('PERMISSION_REQUIRED');
}

/** An officer serves an agency when one of their active units is the agency or belongs to it. */
function officerServes(units: readonly AgencyRow[], agencyId: string): boolean {
  return units.some((u) => u.status === 'active' && (u.id === agencyId || u.parentId === agencyId));
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
    workflow: workflow.steps.map((s) => ({ key: s.key, label: s.label, role: ROLE_LABELS[s.role], days: s.days })),
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
    actions: ctx.actor?.kind === 'officer' ? await actionsFor(ctx, d, workflow) : citizenActions(workflow, d),
    formData: d.formData as FormValues,
    provenance: d.provenance as ProvenanceMap,
    form: proc?.form ?? null,
    requiredDocuments: proc?.documents ?? [],
    documents: papers.map((p) => {
      const f = files.get(p.fileId);
      return { position: p.position, name: p.name, fileId: p.fileId, source: p.source, fileName: f?.originalName ?? '', size: f?.size ?? 0, type: f?.ext ?? '' };
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

/** What the applicant may do: withdraw while the dossier is open, pay a financial obligation. */
function citizenActions(w: Workflow, d: DossierRow) {
  return allowedActions(w, { status: d.status as DossierStatus, step: d.step }, { desk: false, post: false, member: false, permissions: new Set(), applicant: true });
}

async function addEvent(tx: DbOrTx, ctx: Ctx, d: DossierRow, action: string, from: number, reason: string | null, now: Date) {
  await tx.insert(dossierEvents).values({
    id: newId(),
    dossierId: d.id,
    at: now,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.fullName ?? null,
    action,
    fromStatus: from,
    toStatus: d.status,
    reason,
  });
}

export async function receiptPdf(ctx: Ctx, id: string): Promise<{ code: string; pdf: Buffer }> {
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
      statusLabel: detail.statusLabel,
      trackingUrl: trackingUrl(ctx, d),
    },
    ctx.deps.clock.now(),
  );
  return { code: d.code, pdf };
}

// ---------------------------------------------------------------------------------------------
// Desk: find the citizen, receive an in-person dossier

/**
 * "Tra cứu" at the desk: the account and the population record of the CMND/CCCD of a citizen who
 * came in person. Only desk (or postal desk) officers of a reception unit, for a reception;
 * throttled per officer, and every look-up is audited: who looked at whose data (Decree 13/2023).
 */
export async function deskFindCitizen(ctx: Ctx, idNumber: string) {
  const actor = officer(ctx);
  const agencyIds = await officerAgencies(ctx, actor, ['desk', 'postal']);
  const id = normalizeIdNumber(cleanText(idNumber));
  const shape = checkIdNumberShape(id);
  if (!shape.ok) throw new AppError('INVALID_ID_NUMBER', { message: shape.message });
  await enforceRateLimits(ctx.deps.db, LOOKUP_LIMITS(actor.userId), ctx.deps.clock.now());
  const [account] = await ctx.deps.db
    .select()
    .from(users)
    .where(and(eq(users.idNumber, id), inArray(users.kind, ['citizen'])))
    .limit(1);
  const person = await lookupPerson(ctx, id);
  await writeAudit(ctx.deps.db, ctx, {
    action: 'citizen.lookup',
    entityType: 'user',
    entityId: account?.id ?? null,
    agencyId: agencyIds[0] ?? null,
    after: { idNumber: id, purpose: 'reception', account: account ? true : false, population: person.record ? true : false },
  });
  return {
    account: account
      ? { id: account.id, fullName: account.fullName, idNumber: account.idNumber, birthDate: account.birthDate, phone: account.phone, status: account.status }
      : null,
    population: person.record ? { fullName: person.record.fullName, birthDate: person.record.birthDate } : null,
    populationAvailable: person.available,
  };
}

async function deskCitizen(ctx: Ctx, citizenId: string): Promise<UserRow> {
  if (!/^[0-9a-f-]{36}$/i.test(citizenId)) throw new AppError('CITIZEN_NOT_FOUND');
  const u = await getUser(ctx.deps.db, citizenId);
  if (!u || u.kind !== 'citizen') throw new AppError('CITIZEN_NOT_FOUND');
  if (u.status !== 'active') throw new AppError('CITIZEN_INACTIVE');
  return u;
}

/**
 * "Tải lên bản quét" at the desk: a scan for a reception, so only desk (or postal desk) officers of a
 * reception unit (issue 13, authz matrix). Checked before `read` takes the upload off the request.
 */
export async function deskUploadPaper(ctx: Ctx, read: () => Promise<{ filename: string; data: Buffer }>): Promise<StoredPaper> {
  const actor = officer(ctx);
  await officerAgencies(ctx, actor, ['desk', 'postal']);
  return storePaper(ctx, actor, await read());
}

export async function deskStart(ctx: Ctx, code: string, citizenId: string) {
  const actor = officer(ctx);
  const agencyIds = await officerAgencies(ctx, actor, ['desk', 'postal']);
  const proc = await getForFiling(ctx.deps.db, ctx.deps.clock, code);
  const form = requireForm(proc);
  const user = await deskCitizen(ctx, citizenId);
  await enforceRateLimits(ctx.deps.db, LOOKUP_LIMITS(actor.userId), ctx.deps.clock.now());
  // The citizen is at the desk with their CCCD: the officer sees the population record to receive.
  const prefill = await prefillFor(ctx, user, form, { atDesk: true });
  await writeAudit(ctx.deps.db, ctx, {
    action: 'citizen.prefill_view',
    entityType: 'user',
    entityId: user.id,
    agencyId: agencyIds[0] ?? null,
    after: { procedureCode: proc.code, purpose: 'reception', population: prefill.populationFound },
  });
  const kinds = proc.level === 'commune' ? ['commune'] : proc.level === 'province' ? ['province', 'service_centre'] : ['ministry'];
  const agencies = (await Promise.all(agencyIds.map((id) => getAgency(ctx.deps.db, id)))).filter(
    (a): a is AgencyRow => !!a && a.status === 'active' && kinds.includes(a.kind),
  );
  return {
    procedure: publicProcedure(proc),
    prefill,
    citizen: { id: user.id, fullName: user.fullName, idNumber: user.idNumber, phone: user.phone },
    agencies: agencies.map(agencyBrief),
  };
}

export interface DeskInput extends SubmitInput {
  citizenId: string;
}

/** An officer receives an in-person dossier: every required paper scanned, status 2 Được tiếp nhận. */
export async function deskReceive(ctx: Ctx, code: string, input: DeskInput) {
  const actor = officer(ctx);
  const db = ctx.deps.db;
  const agencyIds = await officerAgencies(ctx, actor, ['desk', 'postal']);
  const same = { procedureCode: code, agencyId: input.agencyId, applicantId: input.citizenId };
  const repeat = await findBySubmissionKey(db, actor.userId, input.submissionKey);
  if (repeat) return repeatedSubmission(repeat, same);
  // A postal employee takes the papers in; the one-stop desk decides whether to receive them.
  const postal = deskRoleOf(actor) === 'postal';
  const proc = await getForFiling(db, ctx.deps.clock, code);
  const form = requireForm(proc);
  if (!agencyIds.includes(input.agencyId)) throw new AppError('DOSSIER_OUT_OF_SCOPE');
  const agency = await receivingAgency(db, proc, input.agencyId);
  const user = await deskCitizen(ctx, input.citizenId);
  const prefill = await prefillFor(ctx, user, form, { atDesk: true });
  const checked = await checkDossier(ctx, proc, form, prefill, input);
  await assertOfficerUploaded(db, actor.userId, checked.papers.map((p) => p.fileId));
  const now = ctx.deps.clock.now();
  const row = await onceByKey(db, actor.userId, input.submissionKey, () => db.transaction(async (tx) => {
    const dossierCode = await nextDossierCode(tx, agency, now);
    const d = await insertDossier(tx, ctx, {
      code: dossierCode,
      agency,
      proc,
      applicant: user,
      channel: postal ? CHANNEL.POST : CHANNEL.IN_PERSON,
      status: postal ? DOSSIER_STATUS.NEW : DOSSIER_STATUS.RECEIVED,
      checked,
      paperSource: () => 'scan',
      now,
      receivedBy: postal ? null : actor,
      appointmentDate: appointmentFrom(proc, now),
      loginAt: null,
      submissionKey: input.submissionKey,
    });
    await notifyApplicant(tx, ctx, d, postal ? 'submitted' : 'received', user);
    return d;
  }));
  return repeatedSubmission(row, same);
}

// ---------------------------------------------------------------------------------------------
// Desk: the reception queue

export interface QueueQuery {
  status?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listQueue(ctx: Ctx, query: QueueQuery) {
  const actor = officer(ctx);
  const agencyIds = await officerAgencies(ctx, actor);
  const db = ctx.deps.db;
  const where = [inArray(dossiers.agencyId, agencyIds), eq(dossiers.status, query.status ?? DOSSIER_STATUS.NEW)];
  // By dossier code (any part of it) or the applicant's CMND/CCCD.
  const q = cleanText(query.q ?? '');
  if (q) where.push(sql`(${dossiers.code} like ${`%${likeEscape(q.toUpperCase())}%`} or ${dossiers.applicantIdNumber} = ${q})`);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(dossiers)
      .where(and(...where))
      .orderBy(asc(dossiers.submittedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(dossiers).where(and(...where)),
  ]);
  const names = await agencyNames(db, rows.map((r) => r.agencyId));
  return {
    items: rows.map((d) => ({
      id: d.id,
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      applicantName: d.applicantName,
      applicantIdNumber: d.applicantIdNumber,
      channel: d.channel,
      status: d.status,
      statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
      submittedAt: d.submittedAt.toISOString(),
      appointmentDate: d.appointmentDate,
      agencyName: names.get(d.agencyId) ?? '',
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

type QueueAction = 'receive' | 'supplement' | 'refuse';

const ACTIONS: Record<QueueAction, { to: DossierStatus; event: string; audit: string; notice: Notice; needsReason: boolean }> = {
  receive: { to: DOSSIER_STATUS.RECEIVED, event: 'received', audit: 'dossier.receive', notice: 'received', needsReason: false },
  supplement: { to: DOSSIER_STATUS.SUPPLEMENT_REQUESTED, event: 'supplement_requested', audit: 'dossier.request_supplement', notice: 'supplement', needsReason: true },
  refuse: { to: DOSSIER_STATUS.REFUSED, event: 'refused', audit: 'dossier.refuse', notice: 'refused', needsReason: true },
};

/** Receive, ask for supplementation, or refuse an online dossier waiting in the queue (status 1). */
export async function decide(ctx: Ctx, id: string, action: QueueAction, rawReason?: string | null) {
  const actor = officer(ctx);
  const db = ctx.deps.db;
  const a = ACTIONS[action];
  const reason = cleanText(rawReason ?? '') || null;
  if (a.needsReason && (!reason || reason.length < 5)) throw new AppError('REASON_REQUIRED');
  if (reason && reason.length > 1000) throw new AppError('VALIDATION_FAILED', { message: 'Lý do dài quá 1000 ký tự.' });
  const d = await loadDossier(db, id);
  if (!(await officerAgencies(ctx, actor)).includes(d.agencyId)) throw new AppError('DOSSIER_NOT_FOUND');
  if (d.status !== DOSSIER_STATUS.NEW) throw new AppError('DOSSIER_STATUS_CONFLICT');
  const now = ctx.deps.clock.now();
  const applicant = await getUser(db, d.applicantId);
  return db.transaction(async (tx) => {
    const set: Partial<DossierRow> = { status: a.to, statusReason: a.needsReason ? reason : null, updatedAt: now };
    if (action === 'receive') Object.assign(set, { receivedAt: now, receivedBy: actor.userId, appointmentDate: appointmentFrom(d, now) });
    // A refused dossier promises nothing any more.
    if (action === 'refuse') set.appointmentDate = null;
    const [updated] = await tx
      .update(dossiers)
      .set(set)
      .where(and(eq(dossiers.id, d.id), eq(dossiers.status, DOSSIER_STATUS.NEW)))
      .returning();
    if (!updated) throw new AppError('DOSSIER_STATUS_CONFLICT');
    await addEvent(tx, ctx, updated, a.event, d.status, reason, now);
    await writeAudit(tx, ctx, {
      action: a.audit,
      entityType: 'dossier',
      entityId: d.id,
      agencyId: d.agencyId,
      before: { status: d.status, appointmentDate: d.appointmentDate },
      after: { status: updated.status, appointmentDate: updated.appointmentDate, reason },
    });
    await notifyApplicant(tx, ctx, updated, a.notice, applicant);
    return submissionResult(updated);
  });
}

export async function officerReceivingAgencies(ctx: Ctx) {
  const actor = officer(ctx);
  const ids = deskRoleOf(actor) ? await deskAgencyIds(ctx.deps.db, actor.unitIds) : [];
  const rows = await Promise.all(ids.map((id) => getAgency(ctx.deps.db, id)));
  return rows.filter((a): a is AgencyRow => !!a).map((a) => ({ ...agencyBrief(a)!, kind: a.kind }));
}

// ---------------------------------------------------------------------------------------------
// Kho dữ liệu

export async function listStore(ctx: Ctx) {
  const actor = citizen(ctx);
  const rows = await ctx.deps.db
    .select()
    .from(citizenDocuments)
    .where(eq(citizenDocuments.ownerId, actor.userId))
    .orderBy(desc(citizenDocuments.createdAt))
    .limit(200);
  const files = new Map((await filesByIds(ctx.deps.db, rows.map((r) => r.fileId))).map((f) => [f.id, f]));
  return rows.map((r) => {
    const f = files.get(r.fileId);
    return { id: r.id, title: r.title, kind: r.kind, fileId: r.fileId, fileName: f?.originalName ?? '', size: f?.size ?? 0, type: f?.ext ?? '', createdAt: r.createdAt.toISOString() };
  });
}

export async function addToStore(ctx: Ctx, title: string, fileId: string) {
  const actor = citizen(ctx);
  const clean = cleanText(title);
  if (clean.length < 2 || clean.length > 200) throw new AppError('STORE_TITLE_INVALID');
  const [file] = await filesByIds(ctx.deps.db, [fileId]);
  if (!file || file.uploadedBy !== actor.userId) throw new AppError('FILE_NOT_FOUND');
  const row = { id: newId(), ownerId: actor.userId, title: clean, kind: 'upload', fileId, dossierId: null, createdAt: ctx.deps.clock.now() };
  await ctx.deps.db.transaction(async (tx) => {
    await tx.insert(citizenDocuments).values(row);
    await writeAudit(tx, ctx, { action: 'store.add', entityType: 'citizen_document', entityId: row.id, after: { title: clean, fileId } });
  });
  return { id: row.id, title: clean, kind: row.kind, fileId, fileName: file.originalName, size: file.size, type: file.ext, createdAt: row.createdAt.toISOString() };
}

export async function removeFromStore(ctx: Ctx, id: string) {
  const actor = citizen(ctx);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('FILE_NOT_FOUND');
  await ctx.deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(citizenDocuments)
      .where(and(eq(citizenDocuments.id, id), eq(citizenDocuments.ownerId, actor.userId)))
      .returning();
    if (!row) throw new AppError('FILE_NOT_FOUND');
    // The file itself stays: dossiers that already hold it keep their copy.
    await writeAudit(tx, ctx, { action: 'store.remove', entityType: 'citizen_document', entityId: id, before: { title: row.title, fileId: row.fileId } });
  });
}

// ---------------------------------------------------------------------------------------------
// Downloading a paper

/** A paper's bytes, for its uploader, the owner of the Kho dữ liệu holding it, or anyone who may see a dossier holding it. */
export async function downloadPaper(ctx: Ctx, fileId: string) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new AppError('FILE_NOT_FOUND');
  const db = ctx.deps.db;
  const [file] = await filesByIds(db, [fileId]);
  if (!file) throw new AppError('FILE_NOT_FOUND');
  let allowed = file.uploadedBy === actor.userId && file.purpose !== 'id-scan';
  if (!allowed && actor.kind !== 'officer') {
    const [inStore] = await db
      .select({ id: citizenDocuments.id })
      .from(citizenDocuments)
      .where(and(eq(citizenDocuments.ownerId, actor.userId), eq(citizenDocuments.fileId, fileId)));
    allowed = !!inStore;
  }
  if (!allowed) {
    const holders = await db
      .select({ applicantId: dossiers.applicantId, agencyId: dossiers.agencyId })
      .from(dossierDocuments)
      .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
      .where(eq(dossierDocuments.fileId, fileId));
    if (actor.kind === 'officer') {
      // The same rule as the dossier itself (authorizeView): whoever may open the dossier may open its papers.
      const units = await listUnits(db, actor.unitIds);
      allowed = DOSSIER_ROLE_PERMISSIONS.some((p) => actor.permissions.has(p)) && holders.some((h) => officerServes(units, h.agencyId));
    } else allowed = holders.some((h) => h.applicantId === actor.userId);
  }
  if (!allowed) throw new AppError('FILE_NOT_FOUND');
  return { name: file.originalName, mime: file.mime, data: await ctx.deps.blobs.get(file.storageKey) };
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
  const x = e.details as { originalDate: string; newDate: string; reason: string };
  return { code: d.code, pdf: await apologyPdf(ctx, d, { at: e.at, officerName: e.actorName ?? '', reason: x.reason, newDate: x.newDate, originalDate: x.originalDate }) };
}
