// Phản ánh, kiến nghị (issue 15). A signed-in citizen sends feedback about a procedure (to the
// receiving agency they choose for it) or about one of their own dossiers (to the dossier's
// agency). Officers holding FEEDBACK_ANSWER read and answer the feedback of the agencies their
// units serve; each opening is audited (the citizen's contact details are shown). The answer is
// sent to the citizen by SMS and e-mail through the outbox. An answered feedback whose sender
// agreed is public, without anything that names the sender.
import { and, count, desc, eq, gte, inArray, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { FEEDBACK_LIMITS, FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '../../../common/api/feedback.js';
import { cleanText, searchKey } from '../../../common/text.js';
import { isUniqueViolation, rowsOf, type DbOrTx } from '../../db/client.js';
import { everyWord } from '../../db/sql.js';
import { writeAudit } from '../../platform/audit.js';
import { assertPermission } from '../../platform/auth/guard.js';
import { vnDayStart } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { sendEmail, sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { getAgency, listUnits, type AgencyRow } from '../agencies/service.js';
import { getDossier } from '../dossiers/service.js';
import { getPublished } from '../procedures/service.js';
import { fullNamesOf, getUser } from '../users/service.js';
import { feedback, feedbackCounters } from './tables.js';

type FeedbackRow = typeof feedback.$inferSelect;

export const FEEDBACK_PERMISSION = 'FEEDBACK_ANSWER';
/** How many a citizen may send in 24 hours (a flood would bury the agency's list). */
export const DAILY_LIMIT = 10;

// ---------------------------------------------------------------------------------------------
// Actors and scope

function citizenOf(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind === 'officer') throw new AppError('FORBIDDEN');
  return a;
}

function officerOf(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind !== 'officer') throw new AppError('FORBIDDEN');
  assertPermission(a, FEEDBACK_PERMISSION);
  return a;
}

/** Parts of an agency (its desk, its departments) answer for it; an agency answers for itself only. */
const PART_OF_AGENCY = new Set(['one_stop_desk', 'department']);

/** The agencies whose feedback an officer answers: each active unit, and the agency a desk or department belongs to. */
export function servedAgencies(units: readonly Pick<AgencyRow, 'id' | 'parentId' | 'kind' | 'status'>[]): string[] {
  const ids = new Set<string>();
  for (const u of units) {
    if (u.status !== 'active') continue;
    ids.add(u.id);
    if (u.parentId && PART_OF_AGENCY.has(u.kind)) ids.add(u.parentId);
  }
  return [...ids];
}

async function officerScope(ctx: Ctx, actor: Actor): Promise<string[]> {
  return servedAgencies(await listUnits(ctx.deps.db, actor.unitIds));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(db: DbOrTx, id: string, forUpdate = false): Promise<FeedbackRow> {
  if (!UUID.test(id)) throw new AppError('FEEDBACK_NOT_FOUND');
  const q = db.select().from(feedback).where(eq(feedback.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('FEEDBACK_NOT_FOUND');
  return row;
}

/**
 * A feedback of one of the officer's agencies (`scope`, read before any transaction: never the
 * global handle inside one); FEEDBACK_NOT_FOUND for any other (its existence is not theirs to know).
 */
async function loadInScope(db: DbOrTx, scope: readonly string[], id: string, forUpdate = false): Promise<FeedbackRow> {
  const row = await load(db, id, forUpdate);
  if (!scope.includes(row.agencyId)) throw new AppError('FEEDBACK_NOT_FOUND');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Answers

async function agencyRefs(db: DbOrTx, ids: readonly string[]): Promise<Map<string, { id: string; code: string; name: string }>> {
  const rows = await listUnits(db, [...new Set(ids)]);
  return new Map(rows.map((a) => [a.id, { id: a.id, code: a.code, name: a.name }]));
}

function mine(f: FeedbackRow, agency: { id: string; code: string; name: string } | undefined) {
  return {
    id: f.id,
    code: f.code,
    title: f.title,
    content: f.content,
    about: {
      kind: f.aboutKind as 'procedure' | 'dossier',
      procedureCode: f.procedureCode,
      procedureName: f.procedureName,
      dossierId: f.dossierId,
      dossierCode: f.dossierCode,
    },
    agency: agency ?? { id: f.agencyId, code: '', name: '' },
    consentPublic: f.consentPublic,
    status: f.status as FeedbackStatus,
    statusLabel: FEEDBACK_STATUS_LABELS[f.status as FeedbackStatus],
    createdAt: f.createdAt.toISOString(),
    answer: f.answer,
    answeredAt: f.answeredAt?.toISOString() ?? null,
  };
}

async function mineWithAgency(db: DbOrTx, f: FeedbackRow) {
  return mine(f, (await agencyRefs(db, [f.agencyId])).get(f.agencyId));
}

async function officerDetail(db: DbOrTx, f: FeedbackRow) {
  const [base, citizen, names] = await Promise.all([
    mineWithAgency(db, f),
    getUser(db, f.citizenId),
    f.answeredBy ? fullNamesOf(db, [f.answeredBy]) : Promise.resolve(new Map<string, string>()),
  ]);
  return {
    ...base,
    citizen: { fullName: citizen?.fullName ?? '', phone: citizen?.phone ?? null, email: citizen?.email ?? null },
    answeredByName: f.answeredBy ? (names.get(f.answeredBy) ?? null) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The citizen

export interface SendInput {
  procedureCode?: string;
  agencyId?: string;
  dossierId?: string;
  title: string;
  content: string;
  consentPublic: boolean;
  submissionKey: string;
}

/** `value` cleaned (NFC, one space), or `code` when its length is outside [min, max]. */
function text(value: string, min: number, max: number, code: 'FEEDBACK_TITLE_INVALID' | 'FEEDBACK_CONTENT_INVALID' | 'FEEDBACK_ANSWER_INVALID', multiline = false): string {
  // Content and answers keep their paragraphs: spaces collapse inside each line, blank lines at most one.
  const clean = multiline
    ? value
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : cleanText(value);
  if ([...clean].length < min || [...clean].length > max) throw new AppError(code, { details: { min, max, length: [...clean].length } });
  return clean;
}

/** The agencies that receive a procedure of `level` (as for filing: dossiers/intake.ts receivingAgency). */
function receives(level: string, kind: string): boolean {
  const kinds = level === 'commune' ? ['commune'] : level === 'province' ? ['province', 'service_centre'] : ['ministry'];
  return kinds.includes(kind);
}

async function nextCode(tx: DbOrTx, year: number): Promise<string> {
  const [row] = rowsOf<{ last: number }>(
    await tx.execute(sql`
      insert into ${feedbackCounters} (year, last) values (${year}, 1)
      on conflict (year) do update set last = ${feedbackCounters}.last + 1
      returning last`),
  );
  return `PAKN-${year}-${String(Number(row!.last)).padStart(6, '0')}`;
}

async function findByKey(db: DbOrTx, citizenId: string, key: string): Promise<FeedbackRow | null> {
  const [row] = await db.select().from(feedback).where(and(eq(feedback.citizenId, citizenId), eq(feedback.submissionKey, key)));
  return row ?? null;
}

export async function send(ctx: Ctx, input: SendInput) {
  const actor = citizenOf(ctx);
  const db = ctx.deps.db;
  const repeat = await findByKey(db, actor.userId, input.submissionKey);
  if (repeat) return mineWithAgency(db, repeat);

  const byDossier = !!input.dossierId;
  const byProcedure = !!input.procedureCode;
  if (byDossier === byProcedure || (byProcedure && !input.agencyId)) throw new AppError('FEEDBACK_SUBJECT_REQUIRED');

  // What it is about, and who receives it. Another citizen's dossier answers DOSSIER_NOT_FOUND
  // (getDossier's own check), which the refusal audit records.
  let about: Pick<FeedbackRow, 'aboutKind' | 'procedureCode' | 'procedureName' | 'dossierId' | 'dossierCode' | 'agencyId'>;
  if (byDossier) {
    const d = await getDossier(ctx, input.dossierId!);
    if (!d.agency) throw new AppError('DOSSIER_NOT_FOUND');
    about = { aboutKind: 'dossier', procedureCode: d.procedureCode, procedureName: d.procedureName, dossierId: d.id, dossierCode: d.code, agencyId: d.agency.id };
  } else {
    const proc = await getPublished(db, ctx.deps.clock, cleanText(input.procedureCode!));
    const agency = await getAgency(db, input.agencyId!);
    if (!agency || agency.status !== 'active' || !receives(proc.level, agency.kind)) throw new AppError('AGENCY_NOT_RECEIVING');
    about = { aboutKind: 'procedure', procedureCode: proc.code, procedureName: proc.name, dossierId: null, dossierCode: null, agencyId: agency.id };
  }

  const title = text(input.title, FEEDBACK_LIMITS.titleMin, FEEDBACK_LIMITS.titleMax, 'FEEDBACK_TITLE_INVALID');
  const content = text(input.content, FEEDBACK_LIMITS.contentMin, FEEDBACK_LIMITS.contentMax, 'FEEDBACK_CONTENT_INVALID', true);

  const now = ctx.deps.clock.now();
  const [sent] = await db
    .select({ n: count() })
    .from(feedback)
    .where(and(eq(feedback.citizenId, actor.userId), gte(feedback.createdAt, new Date(now.getTime() - 24 * 3_600_000))));
  if (Number(sent?.n ?? 0) >= DAILY_LIMIT) throw new AppError('FEEDBACK_DAILY_LIMIT');

  try {
    const row = await db.transaction(async (tx) => {
      const code = await nextCode(tx, Number(vnYear(now)));
      const values: FeedbackRow = {
        id: newId(),
        code,
        citizenId: actor.userId,
        ...about,
        title,
        content,
        consentPublic: input.consentPublic,
        status: 'received',
        answer: null,
        answeredAt: null,
        answeredBy: null,
        search: searchKey(`${code} ${title} ${content} ${about.procedureName} ${about.dossierCode ?? ''}`),
        submissionKey: input.submissionKey,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(feedback).values(values);
      // The audit row names the feedback, not what it says (the content is the citizen's own data).
      await writeAudit(tx, ctx, {
        action: 'feedback.send',
        entityType: 'feedback',
        entityId: values.id,
        agencyId: values.agencyId,
        after: { code, about: about.aboutKind, procedureCode: about.procedureCode, dossierCode: about.dossierCode, consentPublic: values.consentPublic },
      });
      return values;
    });
    return mineWithAgency(db, row);
  } catch (err) {
    // The same submission sent twice at once: the second answers with the first.
    if (!isUniqueViolation(err, 'feedback_submission_uq')) throw err;
    const first = await findByKey(db, actor.userId, input.submissionKey);
    if (!first) throw err;
    return mineWithAgency(db, first);
  }
}

function vnYear(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4);
}

export async function listMine(ctx: Ctx, query: { page: number; pageSize: number }) {
  const actor = citizenOf(ctx);
  const db = ctx.deps.db;
  const where = eq(feedback.citizenId, actor.userId);
  const { rows, total, agencies } = await pageOf(db, where, feedback.createdAt, query);
  return { items: rows.map((r) => mine(r, agencies.get(r.agencyId))), total, page: query.page, pageSize: query.pageSize };
}

export async function getMine(ctx: Ctx, id: string) {
  const actor = citizenOf(ctx);
  const row = await load(ctx.deps.db, id);
  if (row.citizenId !== actor.userId) throw new AppError('FEEDBACK_NOT_FOUND');
  return mineWithAgency(ctx.deps.db, row);
}

// ---------------------------------------------------------------------------------------------
// The public list

/** One page of feedback, newest first by `newest`, its total, and the agencies it names. */
async function pageOf(db: Ctx['deps']['db'], where: SQL, newest: AnyColumn, query: { page: number; pageSize: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(feedback)
      .where(where)
      .orderBy(desc(newest), desc(feedback.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(feedback).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), agencies: await agencyRefs(db, rows.map((r) => r.agencyId)) };
}

export async function listPublic(ctx: Ctx, query: { q?: string; page: number; pageSize: number }) {
  const db = ctx.deps.db;
  const where = and(eq(feedback.status, 'answered'), eq(feedback.consentPublic, true), ...everyWord(feedback.search, query.q ?? ''))!;
  const { rows, total, agencies } = await pageOf(db, where, feedback.answeredAt, query);
  return {
    // Only what the question and its answer say: no name, account, dossier code or contact of the sender.
    items: rows.map((r) => ({
      code: r.code,
      title: r.title,
      content: r.content,
      procedureName: r.procedureName,
      agencyName: agencies.get(r.agencyId)?.name ?? '',
      createdAt: r.createdAt.toISOString(),
      answer: r.answer ?? '',
      answeredAt: (r.answeredAt ?? r.updatedAt).toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// The back office

export interface OfficerQuery {
  q?: string;
  status?: FeedbackStatus;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listForOfficer(ctx: Ctx, query: OfficerQuery) {
  const actor = officerOf(ctx);
  const db = ctx.deps.db;
  const scope = await officerScope(ctx, actor);
  if (!scope.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const conditions: SQL[] = [inArray(feedback.agencyId, scope), ...everyWord(feedback.search, query.q ?? '')];
  if (query.status) conditions.push(eq(feedback.status, query.status));
  if (query.from) conditions.push(gte(feedback.createdAt, vnDayStart(query.from)));
  if (query.to) conditions.push(lt(feedback.createdAt, new Date(vnDayStart(query.to).getTime() + 86_400_000)));
  const where = and(...conditions)!;
  const { rows, total, agencies } = await pageOf(db, where, feedback.createdAt, query);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      procedureName: r.procedureName,
      dossierCode: r.dossierCode,
      agency: agencies.get(r.agencyId) ?? { id: r.agencyId, code: '', name: '' },
      status: r.status as FeedbackStatus,
      statusLabel: FEEDBACK_STATUS_LABELS[r.status as FeedbackStatus],
      consentPublic: r.consentPublic,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** An officer opens a feedback: the citizen's name and contacts are shown, so the view is audited. */
export async function getForOfficer(ctx: Ctx, id: string) {
  const actor = officerOf(ctx);
  const db = ctx.deps.db;
  const row = await loadInScope(db, await officerScope(ctx, actor), id);
  await writeAudit(db, ctx, { action: 'feedback.view', entityType: 'feedback', entityId: row.id, agencyId: row.agencyId, after: { code: row.code, citizenId: row.citizenId } });
  return officerDetail(db, row);
}

/** "Nhận xử lý": Đã tiếp nhận → Đang xử lý (again on an already started one changes nothing). */
export async function start(ctx: Ctx, id: string) {
  const actor = officerOf(ctx);
  const db = ctx.deps.db;
  const scope = await officerScope(ctx, actor);
  const row = await db.transaction(async (tx) => {
    const f = await loadInScope(tx, scope, id, true);
    if (f.status === 'answered') throw new AppError('FEEDBACK_ALREADY_ANSWERED');
    if (f.status === 'processing') return f;
    const now = ctx.deps.clock.now();
    const [updated] = await tx.update(feedback).set({ status: 'processing', updatedAt: now }).where(eq(feedback.id, f.id)).returning();
    await writeAudit(tx, ctx, { action: 'feedback.start', entityType: 'feedback', entityId: f.id, agencyId: f.agencyId, before: { status: f.status }, after: { code: f.code, status: 'processing' } });
    return updated!;
  });
  return officerDetail(db, row);
}

/** The answer: stored once, the citizen told by SMS and e-mail (and in their inbox). */
export async function answer(ctx: Ctx, id: string, input: { answer: string }) {
  const actor = officerOf(ctx);
  const db = ctx.deps.db;
  const scope = await officerScope(ctx, actor);
  const row = await db.transaction(async (tx) => {
    const f = await loadInScope(tx, scope, id, true);
    if (f.status === 'answered') throw new AppError('FEEDBACK_ALREADY_ANSWERED');
    const answerText = text(input.answer, FEEDBACK_LIMITS.answerMin, FEEDBACK_LIMITS.answerMax, 'FEEDBACK_ANSWER_INVALID', true);
    const now = ctx.deps.clock.now();
    const [updated] = await tx
      .update(feedback)
      .set({ status: 'answered', answer: answerText, answeredAt: now, answeredBy: actor.userId, updatedAt: now })
      .where(eq(feedback.id, f.id))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'feedback.answer',
      entityType: 'feedback',
      entityId: f.id,
      agencyId: f.agencyId,
      before: { status: f.status },
      after: { code: f.code, status: 'answered', answerLength: [...answerText].length },
    });
    await notifyCitizen(tx, ctx, updated!);
    return updated!;
  });
  return officerDetail(db, row);
}

async function notifyCitizen(tx: DbOrTx, ctx: Ctx, f: FeedbackRow) {
  const citizen = await getUser(tx, f.citizenId);
  if (!citizen) return;
  const key = `feedback:${f.id}:answered`;
  const inbox = { accountId: citizen.id, dossierId: f.dossierId };
  if (citizen.phone) await sendSms(tx, ctx, `${key}:sms`, citizen.phone, SMS_TEXTS.feedbackAnswered({ code: f.code, title: f.title }), inbox);
  if (citizen.email) {
    const agency = await getAgency(tx, f.agencyId);
    const url = `${ctx.deps.config.publicUrl.replace(/\/$/, '')}/phan-anh-kien-nghi`;
    const body = [
      `Kính gửi Ông/Bà ${citizen.fullName},`,
      '',
      `Phản ánh, kiến nghị ${f.code} – ${f.title} của Ông/Bà đã được ${agency?.name ?? 'cơ quan tiếp nhận'} trả lời.`,
      '',
      'Nội dung trả lời:',
      f.answer ?? '',
      '',
      `Xem phản ánh, kiến nghị và câu trả lời: ${url}`,
      '',
      'Cổng Dịch vụ công',
    ].join('\n');
    await sendEmail(tx, ctx, `${key}:email`, citizen.email, `Phản ánh, kiến nghị ${f.code} đã được trả lời`, body, inbox);
  }
}
