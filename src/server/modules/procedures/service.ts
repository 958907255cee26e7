// Thủ tục hành chính: the public catalogue (issue 6). A procedure is shown while it is published
// and in force on today's date in Vietnam, so an expired one disappears by itself.
import { and, asc, count, eq, gte, inArray, isNull, like, lte, or, type SQL } from 'drizzle-orm';
import type { EForm } from '../../../common/eform.js';
import { DEFAULT_WORKFLOW, type Workflow } from '../../../common/workflow.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { everyWord } from '../../db/sql.js';
import type { Clock } from '../../platform/clock.js';
import { readDataJson } from '../../platform/data-files.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
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
  page: number;
  pageSize: number;
}

/** The public list: by code prefix or every word of the name (accents optional), by field. */
export async function listPublished(db: DbOrTx, clock: Clock, query: CatalogueQuery) {
  const where: SQL[] = [inForce(vnDate(clock.now()))];
  const q = cleanText(query.q ?? '');
  if (/^\d+\.\d*/.test(q)) where.push(like(procedures.code, `${likeEscape(q)}%`));
  else where.push(...everyWord(procedures.nameSearch, q));
  if (query.field) where.push(eq(procedures.field, query.field));
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
  return {
    ...summary(p),
    legalBasis: p.legalBasis,
    documents: documents.map((d) => ({
      position: d.position,
      name: d.name,
      quantity: d.quantity,
      required: d.required,
      templateName: d.templateName,
      /** A template file can be downloaded (GET …/documents/:position/template). */
      hasTemplate: d.templateFileId !== null,
      note: d.note,
    })),
  };
}

/** The template file (mẫu đơn, tờ khai) of a document of a procedure in force. */
export async function publishedTemplateFileId(db: DbOrTx, clock: Clock, code: string, position: number): Promise<string | null> {
  const [p] = await db
    .select({ id: procedures.id })
    .from(procedures)
    .where(and(eq(procedures.code, code), inForce(vnDate(clock.now()))));
  if (!p) throw new AppError('PROCEDURE_NOT_FOUND');
  const [d] = await db
    .select({ fileId: procedureDocuments.templateFileId })
    .from(procedureDocuments)
    .where(and(eq(procedureDocuments.procedureId, p.id), eq(procedureDocuments.position, position)));
  return d?.fileId ?? null;
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
    documents: { name: string; quantity: string; required: boolean; templateName?: string; note?: string }[];
    form?: EForm;
    workflow?: Workflow;
  }[];
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
          note: d.note ?? null,
        })),
      );
    });
    created++;
  }
  return created;
}
