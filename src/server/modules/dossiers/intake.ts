// Hồ sơ (issue 6): what online filing (filing.ts) and desk reception (reception.ts) share — the
// prefill from the population database, the checks a new dossier must pass, and the keyed insert
// that stores a submission once however often it is sent.
import { and, eq } from 'drizzle-orm';
import { CHANNEL, DOSSIER_STATUS_LABELS, type Channel, type DossierStatus } from '../../../common/dossier-status.js';
import type { EForm, FormValues, ProvenanceMap } from '../../../common/eform.js';
import { cleanText } from '../../../common/text.js';
import { isUniqueViolation, type DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { PopulationUnavailable, type PopulationRecord } from '../../platform/population/port.js';
import { vnDate, workCalendar } from '../../platform/workdays.js';
import { getAgency, type AgencyRow } from '../agencies/service.js';
import type { ProcedureForFiling } from '../procedures/service.js';
import type { UserRow } from '../users/service.js';
import type { DossierRow, PaperRef } from './access.js';
import type { DeliveryChoice, DeliveryInputRaw } from './delivery.js';
import { cleanValues, formProblems } from './form-validation.js';
import { applyLocked, prefillForm, spouseInHousehold, type Prefill, type PrefillSources } from './prefill.js';
import { dossierDocuments, dossierEvents, dossiers } from './tables.js';

// ---------------------------------------------------------------------------------------------
// Prefill

/** The population record of a CCCD, null when none or when the database did not answer. */
export async function lookupPerson(ctx: Ctx, idNumber: string | null): Promise<{ record: PopulationRecord | null; available: boolean }> {
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

export function requireForm(p: ProcedureForFiling): EForm {
  if (!p.form) throw new AppError('PROCEDURE_NOT_ONLINE');
  return p.form;
}

/** The procedure as filing shows it, with its e-form (`requireForm` of the caller). */
export function publicProcedure(p: ProcedureForFiling, form: EForm) {
  return { code: p.code, name: p.name, processingDays: p.processingDays, fullyOnline: p.fullyOnline, documents: p.documents, form };
}

// ---------------------------------------------------------------------------------------------
// What a new dossier must satisfy

export interface DraftInput {
  agencyId?: string | null;
  formData: Record<string, unknown>;
  documents: PaperRef[];
}

const MAX_PAPERS = 40;

export function checkPaperRefs(proc: ProcedureForFiling, refs: readonly PaperRef[]): void {
  if (refs.length > MAX_PAPERS) throw new AppError('VALIDATION_FAILED', { message: `Một hồ sơ có tối đa ${MAX_PAPERS} tệp.` });
  const positions = new Set(proc.documents.map((d) => d.position));
  const bad = refs.filter((r) => !positions.has(r.position));
  if (bad.length) throw new AppError('VALIDATION_FAILED', { message: 'Tệp đính kèm không thuộc thành phần hồ sơ nào của thủ tục.' });
}

export interface Checked {
  values: FormValues;
  provenance: ProvenanceMap;
  papers: PaperRef[];
}

/** Everything a dossier must satisfy before it exists: locked fields, the schema, the papers. */
export async function checkDossier(ctx: Ctx, proc: ProcedureForFiling, form: EForm, prefill: Prefill, input: DraftInput): Promise<Checked> {
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
  delivery?: DeliveryInputRaw;
}

export async function receivingAgency(db: DbOrTx, proc: ProcedureForFiling, agencyId: string): Promise<AgencyRow> {
  const a = await getAgency(db, agencyId);
  const kinds = proc.level === 'commune' ? ['commune'] : proc.level === 'province' ? ['province', 'service_centre'] : ['ministry'];
  if (!a || a.status !== 'active' || !kinds.includes(a.kind)) throw new AppError('AGENCY_NOT_RECEIVING');
  return a;
}

export function appointmentFrom(proc: { processingDays: number }, at: Date): string {
  return workCalendar().appointmentDate(at, proc.processingDays);
}

// ---------------------------------------------------------------------------------------------
// A keyed submission: stored once, answered alike

/**
 * Runs a keyed write once: when a concurrent request with the same idempotency key committed
 * first, the unique index refuses this one and the first dossier is returned instead.
 */
export async function onceByKey(db: DbOrTx, createdBy: string, key: string, write: () => Promise<DossierRow>): Promise<DossierRow> {
  try {
    return await write();
  } catch (err) {
    if (!isUniqueViolation(err, 'dossiers_submission_key_uq')) throw err;
    const first = await findBySubmissionKey(db, createdBy, key);
    if (!first) throw err;
    return first;
  }
}

export async function findBySubmissionKey(db: DbOrTx, createdBy: string, key: string): Promise<DossierRow | null> {
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
export function repeatedSubmission(d: DossierRow, want: { procedureCode: string; agencyId: string; applicantId: string }) {
  if (d.procedureCode !== want.procedureCode || d.agencyId !== want.agencyId || d.applicantId !== want.applicantId) {
    throw new AppError('SUBMISSION_KEY_REUSED');
  }
  return submissionResult(d);
}

export function submissionResult(d: DossierRow) {
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
  /** Hình thức nhận kết quả (delivery.ts checkDelivery). */
  delivery: DeliveryChoice;
}

export async function insertDossier(tx: DbOrTx, ctx: Ctx, n: NewDossier): Promise<DossierRow> {
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
    deliveryMethod: n.delivery.method,
    deliveryAddress: n.delivery.address,
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
    after: { code: row.code, procedureCode: row.procedureCode, status: row.status, channel: row.channel, applicantId: row.applicantId, papers: n.checked.papers.length, delivery: row.deliveryMethod },
  });
  return row;
}

export async function replacePapers(
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
