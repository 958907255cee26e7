// Hồ sơ (issue 6): desk reception of in-person dossiers (find the citizen, scan the papers,
// receive), and the reception queue of online dossiers (receive / ask for supplementation / refuse).
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { CHANNEL, DOSSIER_STATUS, DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../common/dossier-status.js';
import { cleanText } from '../../../common/text.js';
import { checkIdNumberShape, normalizeIdNumber } from '../../../common/vn-ids.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { deskAgencyIds, getAgency, type AgencyRow } from '../agencies/service.js';
import { getForFiling } from '../procedures/service.js';
import { findCitizenByIdNumber, getUser, type UserRow } from '../users/service.js';
import { addEvent, agencyBrief, agencyNames, codeOrApplicantId, deskRoleOf, loadDossier, notifyApplicant, officer, officerAgencies, type DossierRow, type Notice } from './access.js';
import { nextDossierCode } from './codes.js';
import { checkDelivery, deliveryPrefill } from './delivery.js';
import { assertOfficerUploaded, storePaper, type StoredPaper } from './files.js';
import {
  appointmentFrom,
  checkDossier,
  findBySubmissionKey,
  insertDossier,
  lookupPerson,
  onceByKey,
  prefillFor,
  publicProcedure,
  receivingAgency,
  repeatedSubmission,
  requireForm,
  submissionResult,
  type SubmitInput,
} from './intake.js';
import { dossiers } from './tables.js';

/** Who looks a citizen up at the desk, and how often (issue 13): per officer, per 10 minutes and per day. */
const LOOKUP_LIMITS = (userId: string) => [
  { key: `desk-lookup:10m:${userId}`, limit: 60, windowSeconds: 600 },
  { key: `desk-lookup:day:${userId}`, limit: 500, windowSeconds: 86_400 },
];

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
  const account = await findCitizenByIdNumber(ctx.deps.db, id);
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
    procedure: publicProcedure(proc, form),
    prefill,
    citizen: { id: user.id, fullName: user.fullName, idNumber: user.idNumber, phone: user.phone },
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name })),
    deliveryPrefill: await deliveryPrefill(ctx.deps.db, user, prefill.values.applicantResidence),
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
  // Hình thức nhận kết quả (issue 15): as the citizen tells the desk; in person when not recorded.
  const delivery = await checkDelivery(db, input.delivery, 'in_person');
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
      delivery,
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
  if (q) where.push(codeOrApplicantId(q));
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
