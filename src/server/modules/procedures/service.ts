// Thủ tục hành chính: the public catalogue (issue 6). A procedure is shown while it is published
// and in force on today's date in Vietnam, so an expired one disappears by itself.
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { EForm } from '../../../common/eform.js';
import { DEFAULT_WORKFLOW, type Workflow } from '../../../common/workflow.js';
import { LIFE_EVENTS, type ChannelKind, type LifeEvent } from '../../../common/procedure-catalogue.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { everyWord } from '../../db/sql.js';
import type { Clock } from '../../platform/clock.js';
import { readDataJson } from '../../platform/data-files.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { storedFiles } from '../../platform/tables.js';
import { vnDate, workCalendar } from '../../platform/workdays.js';
import { procedureDocuments, procedures } from './tables.js';

/** Publication within 10 working days of the decision (seed 001). */
export const PUBLICATION_WORKING_DAYS = 10;

type ProcedureRow = typeof procedures.$inferSelect;

function inForce(today: string): SQL {
  return and(
    eq(procedures.status, 'published'),
    lte(procedures.effectiveFrom, today),
    or(isNull(procedures.effectiveTo), gte(procedures.effectiveTo, today)),
  )!;
}

export interface CatalogueQuery {
  q?: string;
  field?: string;
  lifeEvent?: LifeEvent;
  page: number;
  pageSize: number;
}

/** The public list: by code prefix or every word of the name (accents optional), by field. */
export async function listPublished(db: DbOrTx, clock: Clock, query: CatalogueQuery) {
  const where: SQL[] = [inForce(vnDate(clock.now()))];
  const q = cleanText(query.q ?? '');
  if (/^\d+\.\d*/.test(q)) where.push(like(procedures.code, `${likeEscape(q)}%`));
  else where.push(...everyWord(procedures.nameSearch, q));
  if (query.field) where.push(eq(procedures.field, cleanText(query.field)));
  if (query.lifeEvent) where.push(sql`${procedures.lifeEvents} @> array[${query.lifeEvent}]::text[]`);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(procedures)
      .where(and(...where))
      .orderBy(asc(procedures.field), asc(procedures.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(procedures).where(and(...where)),
  ]);
  return { items: rows.map(summary), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

function summary(p: ProcedureRow) {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    implementingAgency: p.implementingAgency,
    processingDays: p.processingDays,
    processingNote: p.processingNote,
    fees: p.fees as { label: string; amountVnd: number; unit?: string }[],
    fullyOnline: p.fullyOnline,
    /** An e-form exists: the dossier can be filed on the portal. */
    onlineFiling: p.form !== null,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
  };
}

type Fee = { label: string; amountVnd: number; unit?: string };
export interface Channel {
  kind: ChannelKind;
  processingDays: number;
  timeNote: string | null;
  fees: Fee[];
  note: string | null;
}

/** The lĩnh vực and nhóm sự kiện of the catalogue in force, each with how many procedures it has. */
export async function catalogueGroups(db: DbOrTx, clock: Clock) {
  const where = inForce(vnDate(clock.now()));
  const [fields, events] = await Promise.all([
    db.select({ field: procedures.field, n: count() }).from(procedures).where(where).groupBy(procedures.field).orderBy(asc(procedures.field)),
    db
      .select({ key: sql<string>`e.key`, n: sql<number>`count(*)` })
      .from(sql`${procedures} cross join lateral unnest(${procedures.lifeEvents}) as e(key)`)
      .where(where)
      .groupBy(sql`e.key`),
  ]);
  const byEvent = new Map(events.map((e) => [e.key, Number(e.n)]));
  return {
    fields: fields.map((f) => ({ field: f.field, count: Number(f.n) })),
    lifeEvents: LIFE_EVENTS.map((e) => ({ key: e.key, count: byEvent.get(e.key) ?? 0 })),
  };
}

/** The dossiers module's answer: dossiers filed per procedure code since a moment (app.ts wires it). */
export type UsageCounts = (db: DbOrTx, since: Date, limit: number) => Promise<{ procedureCode: string; dossiers: number }[]>;

export const MOST_USED_DAYS = 90;

/**
 * "Thủ tục được sử dụng nhiều nhất": the procedures in force with the most dossiers filed in the
 * last 90 days; when fewer have any, the others in force follow (0 dossiers), online ones first.
 */
export async function mostUsed(db: DbOrTx, clock: Clock, counts: UsageCounts, limit: number) {
  const now = clock.now();
  const since = new Date(now.getTime() - MOST_USED_DAYS * 86_400_000);
  // More than asked: some counted codes may have left the catalogue since.
  const used = await counts(db, since, limit * 3);
  const byCode = new Map(used.map((u) => [u.procedureCode, u.dossiers]));
  const where = inForce(vnDate(now));
  const counted = used.length ? await db.select().from(procedures).where(and(where, inArray(procedures.code, used.map((u) => u.procedureCode)))) : [];
  let rows = counted.sort((a, b) => byCode.get(b.code)! - byCode.get(a.code)! || a.name.localeCompare(b.name, 'vi')).slice(0, limit);
  if (rows.length < limit) {
    const taken = rows.map((r) => r.code);
    const more = await db
      .select()
      .from(procedures)
      .where(taken.length ? and(where, sql`${procedures.code} not in (${sql.join(taken.map((c) => sql`${c}`), sql`, `)})`) : where)
      .orderBy(sql`${procedures.form} is null`, asc(procedures.name))
      .limit(limit - rows.length);
    rows = [...rows, ...more];
  }
  return {
    days: MOST_USED_DAYS,
    items: rows.map((p) => ({ code: p.code, name: p.name, field: p.field, fullyOnline: p.fullyOnline, onlineFiling: p.form !== null, dossiers: byCode.get(p.code) ?? 0 })),
  };
}

/** How many procedures are in force, and how many of them can be filed on the portal. */
export async function catalogueCounts(db: DbOrTx, clock: Clock) {
  const [r] = await db
    .select({ all: count(), online: sql<number>`count(*) filter (where ${procedures.form} is not null)` })
    .from(procedures)
    .where(inForce(vnDate(clock.now())));
  return { proceduresInForce: Number(r?.all ?? 0), proceduresOnline: Number(r?.online ?? 0) };
}

/** A procedure in force and its thành phần hồ sơ in order; PROCEDURE_NOT_FOUND otherwise. */
async function findInForce(db: DbOrTx, clock: Clock, code: string) {
  const [p] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.code, code), inForce(vnDate(clock.now()))));
  if (!p) throw new AppError('PROCEDURE_NOT_FOUND');
  const documents = await db
    .select()
    .from(procedureDocuments)
    .where(eq(procedureDocuments.procedureId, p.id))
    .orderBy(asc(procedureDocuments.position));
  return { p, documents };
}

/** One procedure in force, with its thành phần hồ sơ; PROCEDURE_NOT_FOUND otherwise. */
export async function getPublished(db: DbOrTx, clock: Clock, code: string) {
  const { p, documents } = await findInForce(db, clock, code);
  const fileIds = documents.flatMap((d) => (d.templateFileId ? [d.templateFileId] : []));
  const exts = new Map(
    fileIds.length ? (await db.select({ id: storedFiles.id, ext: storedFiles.ext }).from(storedFiles).where(inArray(storedFiles.id, fileIds))).map((f) => [f.id, f.ext]) : [],
  );
  return {
    ...summary(p),
    legalBasis: p.legalBasis,
    steps: p.steps as string[],
    channels: p.channels as Channel[],
    applicants: p.applicants,
    conditions: p.conditions,
    result: p.result,
    lifeEvents: p.lifeEvents as LifeEvent[],
    documents: documents.map((d) => {
      const printed = d.templateFileId === null && d.printableForm && p.form !== null;
      return {
        position: d.position,
        name: d.name,
        quantity: d.quantity,
        required: d.required,
        templateName: d.templateName,
        /** A template file can be downloaded (GET …/documents/:position/template). */
        hasTemplate: d.templateFileId !== null || printed,
        templateType: printed ? 'pdf' : d.templateFileId !== null ? (exts.get(d.templateFileId) ?? null) : null,
        note: d.note,
      };
    }),
  };
}

/**
 * The template (mẫu đơn, tờ khai) of a document of a procedure in force: its uploaded file, or, for
 * the tờ khai without one, the procedure's e-form to print blank; PROCEDURE_TEMPLATE_NOT_FOUND when neither.
 */
export async function publishedTemplate(
  db: DbOrTx,
  clock: Clock,
  code: string,
  position: number,
): Promise<{ fileId: string } | { form: EForm; procedure: { code: string; name: string; implementingAgency: string }; documentName: string } | null> {
  const [p] = await db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, implementingAgency: procedures.implementingAgency, form: procedures.form })
    .from(procedures)
    .where(and(eq(procedures.code, code), inForce(vnDate(clock.now()))));
  if (!p) throw new AppError('PROCEDURE_NOT_FOUND');
  const [d] = await db
    .select({ fileId: procedureDocuments.templateFileId, printableForm: procedureDocuments.printableForm, name: procedureDocuments.name })
    .from(procedureDocuments)
    .where(and(eq(procedureDocuments.procedureId, p.id), eq(procedureDocuments.position, position)));
  if (!d) return null;
  if (d.fileId) return { fileId: d.fileId };
  if (d.printableForm && p.form) return { form: p.form as EForm, procedure: { code: p.code, name: p.name, implementingAgency: p.implementingAgency }, documentName: d.name };
  return null;
}

/** What filing a dossier needs: the procedure in force, its e-form and its thành phần hồ sơ. */
export interface ProcedureForFiling {
  id: string;
  code: string;
  name: string;
  level: string;
  processingDays: number;
  fullyOnline: boolean;
  form: EForm | null;
  documents: { position: number; name: string; quantity: string; required: boolean; templateName: string | null }[];
}

export async function getForFiling(db: DbOrTx, clock: Clock, code: string): Promise<ProcedureForFiling> {
  const { p, documents } = await findInForce(db, clock, code);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    level: p.level,
    processingDays: p.processingDays,
    fullyOnline: p.fullyOnline,
    form: (p.form as EForm | null) ?? null,
    documents: documents.map((d) => ({ position: d.position, name: d.name, quantity: d.quantity, required: d.required, templateName: d.templateName })),
  };
}

/** The processing workflow of a procedure (its own, or the default one). */
export async function getWorkflow(db: DbOrTx, procedureId: string): Promise<Workflow> {
  const [p] = await db.select({ workflow: procedures.workflow }).from(procedures).where(eq(procedures.id, procedureId));
  return (p?.workflow as Workflow | null) ?? DEFAULT_WORKFLOW;
}

/**
 * Working days from the decision (Quyết định công bố) to publication, and whether that broke the
 * 10-working-day rule; for an unpublished procedure, counted to today.
 */
export function publicationDelay(p: Pick<ProcedureRow, 'decisionDate' | 'publishedAt'>, now: Date): { workingDays: number; late: boolean } | null {
  if (!p.decisionDate) return null;
  const until = vnDate(p.publishedAt ?? now);
  const workingDays = workCalendar().workingDaysBetween(p.decisionDate, until);
  return { workingDays, late: workingDays > PUBLICATION_WORKING_DAYS };
}

interface CatalogueFile {
  procedures: {
    code: string;
    name: string;
    field: string;
    implementingAgency: string;
    processingDays: number;
    processingNote?: string;
    fees: unknown[];
    fullyOnline: boolean;
    legalBasis?: string;
    steps?: string[];
    channels?: Channel[];
    applicants?: string;
    conditions?: string;
    result?: string;
    lifeEvents?: LifeEvent[];
    documents: { name: string; quantity: string; required: boolean; templateName?: string; note?: string; printableForm?: boolean }[];
    form?: EForm;
    workflow?: Workflow;
  }[];
}

function sections(p: CatalogueFile['procedures'][number]) {
  return {
    steps: p.steps ?? [],
    channels: p.channels ?? [],
    applicants: p.applicants ?? null,
    conditions: p.conditions ?? null,
    result: p.result ?? null,
    lifeEvents: p.lifeEvents ?? [],
  };
}

/** The demo catalogue (data/procedures-demo.json), published; procedures already there are kept. */
export async function seedDemoProcedures(db: Db, clock: Clock): Promise<number> {
  const data = readDataJson<CatalogueFile>('procedures-demo.json');
  const existing = new Set(
    (await db.select({ code: procedures.code }).from(procedures).where(inArray(procedures.code, data.procedures.map((p) => p.code)))).map((r) => r.code),
  );
  const now = clock.now();
  let created = 0;
  // A demo database made before the e-forms existed gets them, without touching a form an
  // administrator has set since.
  for (const p of data.procedures.filter((x) => existing.has(x.code) && x.form)) {
    await db
      .update(procedures)
      .set({ form: p.form, updatedAt: now })
      .where(and(eq(procedures.code, p.code), isNull(procedures.form)));
  }
  for (const p of data.procedures.filter((x) => existing.has(x.code) && x.workflow)) {
    await db
      .update(procedures)
      .set({ workflow: p.workflow, updatedAt: now })
      .where(and(eq(procedures.code, p.code), isNull(procedures.workflow)));
  }
  // …and the national database's sections (issue 15), where none has been written yet.
  for (const p of data.procedures.filter((x) => existing.has(x.code))) {
    const [row] = await db
      .update(procedures)
      .set({ ...sections(p), legalBasis: p.legalBasis ?? null, updatedAt: now })
      .where(and(eq(procedures.code, p.code), isNull(procedures.applicants), sql`${procedures.steps} = '[]'::jsonb`))
      .returning({ id: procedures.id });
    if (!row) continue;
    for (const [i, d] of p.documents.entries()) {
      if (d.printableForm) {
        await db
          .update(procedureDocuments)
          .set({ printableForm: true })
          .where(and(eq(procedureDocuments.procedureId, row.id), eq(procedureDocuments.position, i + 1), isNotNull(procedureDocuments.templateName)));
      }
    }
  }
  for (const p of data.procedures.filter((x) => !existing.has(x.code))) {
    await db.transaction(async (tx) => {
      const id = newId();
      await tx.insert(procedures).values({
        id,
        code: p.code,
        name: p.name,
        nameSearch: searchKey(p.name),
        field: p.field,
        level: 'commune',
        implementingAgency: p.implementingAgency,
        processingDays: p.processingDays,
        processingNote: p.processingNote ?? null,
        fees: p.fees,
        fullyOnline: p.fullyOnline,
        legalBasis: p.legalBasis ?? null,
        ...sections(p),
        form: p.form ?? null,
        workflow: p.workflow ?? null,
        effectiveFrom: '2025-07-01',
        status: 'published',
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(procedureDocuments).values(
        p.documents.map((d, i) => ({
          id: newId(),
          procedureId: id,
          position: i + 1,
          name: d.name,
          quantity: d.quantity,
          required: d.required,
          templateName: d.templateName ?? null,
          printableForm: d.printableForm ?? false,
          note: d.note ?? null,
        })),
      );
    });
    created++;
  }
  return created;
}
