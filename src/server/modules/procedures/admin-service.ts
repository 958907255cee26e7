// Danh mục thủ tục (issue 6): administration of the catalogue by high-level administrators and the
// Cục Kiểm soát thủ tục hành chính. Procedures are drafted, published and unpublished; each one
// carries its thành phần hồ sơ (with downloadable templates) and its e-form. The list shows how many
// working days publication took after the decision and flags the late ones (10-working-day rule).
import { DEFAULT_WORKFLOW, workflowProblems, type Workflow } from '../../../common/workflow.js';
import { putUpload } from '../../platform/files/stored.js';
import { and, asc, count, eq, inArray, isNotNull, like, ne, sql, type SQL } from 'drizzle-orm';
import { formFields, type EForm } from '../../../common/eform.js';
import {
  canManageCatalogue,
  PROCEDURE_CODE_PATTERN,
  type EffectiveState,
  type LifeEvent,
  type ProcedureLevel,
  type ProcedureStatus,
} from '../../../common/procedure-catalogue.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import type { DbOrTx } from '../../db/client.js';
import { everyWord } from '../../db/sql.js';
import { writeAudit } from '../../platform/audit.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { describeKind, detectDocument, UNREADABLE_ARCHIVE } from '../../platform/files/detect.js';
import { guardArchiveUpload } from '../../platform/files/zip-guard.js';
import { newId } from '../../platform/ids.js';
import { storedFiles } from '../../platform/tables.js';
import { vnDate, workCalendar } from '../../platform/workdays.js';
import { eformProblems } from './form-check.js';
import { publicationDelay, type Channel } from './service.js';
import { procedureDocuments, procedures } from './tables.js';

export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
const TEMPLATE_EXTS = ['pdf', 'doc', 'docx'];

type ProcedureRow = typeof procedures.$inferSelect;
type DocumentRow = typeof procedureDocuments.$inferSelect;

/** HIGH_ADMIN or ADMIN CỤC KSTTHC, signed in as an officer; CATALOGUE_ADMIN_REQUIRED otherwise. */
export function catalogueAdmin(ctx: Ctx): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (actor.kind !== 'officer' || !canManageCatalogue(actor.permissions)) throw new AppError('CATALOGUE_ADMIN_REQUIRED');
  return actor;
}

// ---------------------------------------------------------------------------------------------
// Reading

function effectiveState(p: Pick<ProcedureRow, 'effectiveFrom' | 'effectiveTo'>, today: string): EffectiveState {
  if (p.effectiveFrom > today) return 'upcoming';
  if (p.effectiveTo !== null && p.effectiveTo < today) return 'expired';
  return 'current';
}

/** publicationDelay, or null when the dates lie outside the holiday data (nothing to count on). */
function delayOf(p: Pick<ProcedureRow, 'decisionDate' | 'publishedAt'>, now: Date): { workingDays: number; late: boolean } | null {
  try {
    return publicationDelay(p, now);
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

const listColumns = {
  id: procedures.id,
  code: procedures.code,
  name: procedures.name,
  field: procedures.field,
  level: procedures.level,
  status: procedures.status,
  effectiveFrom: procedures.effectiveFrom,
  effectiveTo: procedures.effectiveTo,
  decisionRef: procedures.decisionRef,
  decisionDate: procedures.decisionDate,
  publishedAt: procedures.publishedAt,
  updatedAt: procedures.updatedAt,
  hasForm: sql<boolean>`${procedures.form} is not null`,
};
type ListRow = Pick<
  ProcedureRow,
  'id' | 'code' | 'name' | 'field' | 'level' | 'status' | 'effectiveFrom' | 'effectiveTo' | 'decisionRef' | 'decisionDate' | 'publishedAt' | 'updatedAt'
> & { hasForm: boolean };

function listItem(r: ListRow, now: Date, today: string) {
  const effective = effectiveState(r, today);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    field: r.field,
    level: r.level as ProcedureLevel,
    status: r.status as ProcedureStatus,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    effective,
    /** Shown in the public catalogue today. */
    inForce: r.status === 'published' && effective === 'current',
    decisionRef: r.decisionRef,
    decisionDate: r.decisionDate,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    publication: delayOf(r, now),
    hasForm: Boolean(r.hasForm),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export interface AdminListQuery {
  q?: string;
  status?: ProcedureStatus;
  /** Only the procedures published late, or still unpublished past the 10 working days. */
  late?: boolean;
  page: number;
  pageSize: number;
}

/** Every procedure whatever its state: by code prefix or name words (accents optional), status, lateness. */
export async function listAll(ctx: Ctx, query: AdminListQuery) {
  catalogueAdmin(ctx);
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();
  const today = vnDate(now);
  const where: SQL[] = [];
  const q = cleanText(query.q ?? '');
  if (/^\d+\.\d*/.test(q)) where.push(like(procedures.code, `${likeEscape(q)}%`));
  else where.push(...everyWord(procedures.nameSearch, q));
  if (query.status) where.push(eq(procedures.status, query.status));
  const offset = (query.page - 1) * query.pageSize;

  let rows: ListRow[];
  let total: number;
  if (query.late) {
    // Lateness is counted in working days from the holiday calendar, so it is decided here rather
    // than in SQL: a light pass over the procedures that have a decision (a catalogue holds a few
    // thousand), then the page's rows.
    const candidates = await db
      .select({ id: procedures.id, decisionDate: procedures.decisionDate, publishedAt: procedures.publishedAt })
      .from(procedures)
      .where(and(...where, isNotNull(procedures.decisionDate)))
      .orderBy(asc(procedures.code));
    const late = candidates.filter((c) => delayOf(c, now)?.late).map((c) => c.id);
    total = late.length;
    const pageIds = late.slice(offset, offset + query.pageSize);
    rows = pageIds.length ? await db.select(listColumns).from(procedures).where(inArray(procedures.id, pageIds)).orderBy(asc(procedures.code)) : [];
  } else {
    const [page, [n]] = await Promise.all([
      db
        .select(listColumns)
        .from(procedures)
        .where(and(...where))
        .orderBy(asc(procedures.code))
        .limit(query.pageSize)
        .offset(offset),
      db.select({ n: count() }).from(procedures).where(and(...where)),
    ]);
    rows = page;
    total = Number(n?.n ?? 0);
  }
  return { items: rows.map((r) => listItem(r, now, today)), total, page: query.page, pageSize: query.pageSize };
}

async function loadProcedure(db: DbOrTx, id: string): Promise<ProcedureRow> {
  const [p] = await db.select().from(procedures).where(eq(procedures.id, id));
  if (!p) throw new AppError('PROCEDURE_NOT_FOUND', { message: 'Không tìm thấy thủ tục hành chính này trong danh mục.' });
  return p;
}

async function documentsOf(db: DbOrTx, procedureId: string) {
  return db
    .select({ doc: procedureDocuments, file: { originalName: storedFiles.originalName, size: storedFiles.size, ext: storedFiles.ext } })
    .from(procedureDocuments)
    .leftJoin(storedFiles, eq(storedFiles.id, procedureDocuments.templateFileId))
    .where(eq(procedureDocuments.procedureId, procedureId))
    .orderBy(asc(procedureDocuments.position));
}

async function detailOf(db: DbOrTx, p: ProcedureRow, now: Date) {
  const docs = await documentsOf(db, p.id);
  const form = (p.form as EForm | null) ?? null;
  return {
    ...listItem({ ...p, hasForm: form !== null }, now, vnDate(now)),
    implementingAgency: p.implementingAgency,
    processingDays: p.processingDays,
    processingNote: p.processingNote,
    fees: p.fees as { label: string; amountVnd: number; unit?: string }[],
    fullyOnline: p.fullyOnline,
    legalBasis: p.legalBasis,
    steps: p.steps as string[],
    channels: p.channels as Channel[],
    applicants: p.applicants,
    conditions: p.conditions,
    result: p.result,
    lifeEvents: p.lifeEvents as LifeEvent[],
    form,
    formFieldCount: form ? formFields(form).length : 0,
    documents: docs.map(({ doc, file }) => ({
      id: doc.id,
      position: doc.position,
      name: doc.name,
      quantity: doc.quantity,
      required: doc.required,
      templateName: doc.templateName,
      note: doc.note,
      printableForm: doc.printableForm,
      template: doc.templateFileId && file ? { fileName: file.originalName, size: file.size, type: file.ext } : null,
    })),
  };
}

export async function getProcedure(ctx: Ctx, id: string) {
  catalogueAdmin(ctx);
  return detailOf(ctx.deps.db, await loadProcedure(ctx.deps.db, id), ctx.deps.clock.now());
}

// ---------------------------------------------------------------------------------------------
// Creating and editing

export interface DocumentInput {
  /** An existing document of this procedure (keeps its template); absent for a new one. */
  id?: string;
  name: string;
  quantity: string;
  required: boolean;
  templateName?: string | null;
  note?: string | null;
  printableForm?: boolean;
}

interface ChannelInput {
  kind: Channel['kind'];
  processingDays: number;
  timeNote?: string | null;
  fees: { label: string; amountVnd: number; unit?: string }[];
  note?: string | null;
}

export interface ProcedureInput {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  implementingAgency: string;
  processingDays: number;
  processingNote?: string | null;
  fees: { label: string; amountVnd: number; unit?: string }[];
  fullyOnline: boolean;
  legalBasis?: string | null;
  effectiveFrom: string;
  effectiveTo?: string | null;
  decisionRef?: string | null;
  decisionDate?: string | null;
  /** The national database's sections: left out, an update keeps what is stored. */
  steps?: string[];
  channels?: ChannelInput[];
  applicants?: string | null;
  conditions?: string | null;
  result?: string | null;
  lifeEvents?: LifeEvent[];
  documents: DocumentInput[];
}

const optText = (v: string | null | undefined): string | null => {
  const t = cleanText(v ?? '');
  return t === '' ? null : t;
};

/** Cleaned values and the rules no schema can say: code shape, from ≤ to, a countable decision date. */
function cleanInput(input: ProcedureInput) {
  const code = cleanText(input.code);
  if (!PROCEDURE_CODE_PATTERN.test(code)) throw new AppError('PROCEDURE_CODE_INVALID', { details: { code } });
  const effectiveTo = input.effectiveTo ?? null;
  if (effectiveTo !== null && effectiveTo < input.effectiveFrom) {
    throw new AppError('PROCEDURE_EFFECTIVE_RANGE_INVALID', { details: { effectiveFrom: input.effectiveFrom, effectiveTo } });
  }
  const decisionDate = input.decisionDate ?? null;
  if (decisionDate !== null) {
    const cal = workCalendar();
    const year = Number(decisionDate.slice(0, 4));
    if (year < cal.firstYear || year > cal.lastYear) {
      throw new AppError('PROCEDURE_DECISION_DATE_INVALID', {
        message: `Ngày quyết định công bố phải trong các năm ${cal.firstYear}–${cal.lastYear} (những năm có lịch nghỉ lễ để tính số ngày làm việc).`,
        details: { decisionDate },
      });
    }
  }
  const name = cleanText(input.name);
  const kinds = (input.channels ?? []).map((c) => c.kind);
  if (new Set(kinds).size !== kinds.length) throw new AppError('PROCEDURE_CHANNEL_REPEATED', { details: { channels: kinds } });
  const cleanFees = (fees: ProcedureInput['fees']) =>
    fees.map((f) => ({ label: cleanText(f.label), amountVnd: f.amountVnd, ...(optText(f.unit) ? { unit: optText(f.unit)! } : {}) }));
  const multiline = (v: string | null | undefined) =>
    v === undefined ? undefined : (v ?? '').normalize('NFC').split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter(Boolean).join('\n') || null;
  // Left out (undefined), a section is not part of the change.
  const sections = {
    ...(input.steps !== undefined ? { steps: input.steps.map((x) => x.normalize('NFC').trim()).filter(Boolean) } : {}),
    ...(input.channels !== undefined
      ? {
          channels: input.channels.map((c) => ({ kind: c.kind, processingDays: c.processingDays, timeNote: optText(c.timeNote), fees: cleanFees(c.fees), note: optText(c.note) })),
        }
      : {}),
    ...(input.applicants !== undefined ? { applicants: multiline(input.applicants) ?? null } : {}),
    ...(input.conditions !== undefined ? { conditions: multiline(input.conditions) ?? null } : {}),
    ...(input.result !== undefined ? { result: multiline(input.result) ?? null } : {}),
    ...(input.lifeEvents !== undefined ? { lifeEvents: [...new Set(input.lifeEvents)] } : {}),
  };
  return {
    sections,
    values: {
      code,
      name,
      nameSearch: searchKey(name),
      field: cleanText(input.field),
      level: input.level,
      implementingAgency: cleanText(input.implementingAgency),
      processingDays: input.processingDays,
      processingNote: optText(input.processingNote),
      fees: cleanFees(input.fees),
      fullyOnline: input.fullyOnline,
      legalBasis: input.legalBasis?.normalize('NFC').trim() || null,
      effectiveFrom: input.effectiveFrom,
      effectiveTo,
      decisionRef: optText(input.decisionRef),
      decisionDate,
    },
    documents: input.documents.map((d) => ({
      id: d.id ?? null,
      name: cleanText(d.name),
      quantity: cleanText(d.quantity),
      required: d.required,
      templateName: optText(d.templateName),
      note: optText(d.note),
      printableForm: d.printableForm,
    })),
  };
}

type Cleaned = ReturnType<typeof cleanInput>;

async function assertCodeFree(tx: DbOrTx, code: string, exceptId: string | null) {
  const where = exceptId ? and(eq(procedures.code, code), ne(procedures.id, exceptId)) : eq(procedures.code, code);
  const [taken] = await tx.select({ id: procedures.id }).from(procedures).where(where);
  if (taken) throw new AppError('PROCEDURE_CODE_TAKEN', { details: { code } });
}

/** The unique index answers a race between two creations of the same code. */
function codeTakenOnConflict(err: unknown, code: string): never {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string } };
  if (e?.code === '23505' || e?.cause?.code === '23505') throw new AppError('PROCEDURE_CODE_TAKEN', { details: { code } });
  throw err;
}

/** Replaces the thành phần hồ sơ: kept documents (by id) keep their template, positions follow the list. */
async function writeDocuments(tx: DbOrTx, procedureId: string, docs: Cleaned['documents'], existing: DocumentRow[]) {
  const byId = new Map(existing.map((d) => [d.id, d]));
  const unknown = docs.filter((d) => d.id !== null && !byId.has(d.id));
  if (unknown.length) throw new AppError('PROCEDURE_DOCUMENT_NOT_FOUND', { details: { documentIds: unknown.map((d) => d.id) } });
  const kept = new Set(docs.flatMap((d) => (d.id ? [d.id] : [])));
  const removed = existing.filter((d) => !kept.has(d.id)).map((d) => d.id);
  if (removed.length) await tx.delete(procedureDocuments).where(inArray(procedureDocuments.id, removed));
  for (const [i, d] of docs.entries()) {
    const values = { position: i + 1, name: d.name, quantity: d.quantity, required: d.required, templateName: d.templateName, note: d.note };
    // Left out, "is the tờ khai" keeps what is stored (false for a new document).
    const printable = d.printableForm === undefined ? {} : { printableForm: d.printableForm };
    if (d.id) await tx.update(procedureDocuments).set({ ...values, ...printable }).where(eq(procedureDocuments.id, d.id));
    else await tx.insert(procedureDocuments).values({ id: newId(), procedureId, ...values, ...printable, templateFileId: null });
  }
}

const docSummary = (docs: { name: string; required: boolean }[]) => docs.map((d) => `${d.name}${d.required ? '' : ' (nếu có)'}`);

/** A new procedure, as a draft (not shown to citizens until published). */
export async function createProcedure(ctx: Ctx, input: ProcedureInput) {
  catalogueAdmin(ctx);
  const c = cleanInput(input);
  const now = ctx.deps.clock.now();
  const id = newId();
  try {
    await ctx.deps.db.transaction(async (tx) => {
      await assertCodeFree(tx, c.values.code, null);
      await tx.insert(procedures).values({ id, ...c.values, ...c.sections, form: null, status: 'draft', publishedAt: null, createdAt: now, updatedAt: now });
      await writeDocuments(tx, id, c.documents, []);
      const { nameSearch: _ns, ...shown } = c.values;
      await writeAudit(tx, ctx, {
        action: 'procedure.create',
        entityType: 'procedure',
        entityId: id,
        after: { ...shown, ...c.sections, status: 'draft', documents: docSummary(c.documents) },
      });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    codeTakenOnConflict(err, c.values.code);
  }
  return getProcedure(ctx, id);
}

const EDITABLE = [
  'code',
  'name',
  'field',
  'level',
  'implementingAgency',
  'processingDays',
  'processingNote',
  'fees',
  'fullyOnline',
  'legalBasis',
  'effectiveFrom',
  'effectiveTo',
  'decisionRef',
  'decisionDate',
] as const;

const SECTIONS = ['steps', 'channels', 'applicants', 'conditions', 'result', 'lifeEvents'] as const;

/** Metadata and thành phần hồ sơ. The code is fixed once the procedure has been published. */
export async function updateProcedure(ctx: Ctx, id: string, input: ProcedureInput) {
  catalogueAdmin(ctx);
  const c = cleanInput(input);
  const now = ctx.deps.clock.now();
  try {
    await ctx.deps.db.transaction(async (tx) => {
      const p = await loadProcedure(tx, id);
      if (c.values.code !== p.code) {
        if (p.status !== 'draft' || p.publishedAt !== null) throw new AppError('PROCEDURE_CODE_LOCKED', { details: { code: p.code } });
        await assertCodeFree(tx, c.values.code, id);
      }
      const existing = await tx.select().from(procedureDocuments).where(eq(procedureDocuments.procedureId, id)).orderBy(asc(procedureDocuments.position));
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const k of EDITABLE) {
        if (JSON.stringify(p[k]) !== JSON.stringify(c.values[k])) {
          before[k] = p[k];
          after[k] = c.values[k];
        }
      }
      for (const k of SECTIONS) {
        if (k in c.sections && JSON.stringify(p[k]) !== JSON.stringify(c.sections[k])) {
          before[k] = p[k];
          after[k] = c.sections[k];
        }
      }
      // A new decision restarts the 10 working days: publication counts from it (now, if the
      // procedure is already public; when it is published next, otherwise).
      let publishedAt = p.publishedAt;
      if ('decisionDate' in after) publishedAt = p.status === 'published' ? now : null;
      await tx
        .update(procedures)
        .set({ ...c.values, ...c.sections, publishedAt, updatedAt: now })
        .where(eq(procedures.id, id));
      const docsBefore = docSummary(existing);
      const docsAfter = docSummary(c.documents);
      const docsChanged =
        JSON.stringify(existing.map((d) => [d.id, d.name, d.quantity, d.required, d.templateName, d.note])) !==
          JSON.stringify(c.documents.map((d) => [d.id, d.name, d.quantity, d.required, d.templateName, d.note])) ||
        c.documents.some((d) => d.printableForm !== undefined && d.printableForm !== (existing.find((x) => x.id === d.id)?.printableForm ?? false));
      await writeDocuments(tx, id, c.documents, existing);
      if (docsChanged) {
        before.documents = docsBefore;
        after.documents = docsAfter;
      }
      if (Object.keys(after).length > 0) {
        await writeAudit(tx, ctx, { action: 'procedure.update', entityType: 'procedure', entityId: id, before: { code: p.code, ...before }, after });
      }
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    codeTakenOnConflict(err, c.values.code);
  }
  return getProcedure(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Publishing

/**
 * Shown to citizens (while in force). A procedure without an e-form may be published: citizens read
 * it but cannot file online yet (the page warns). The first publication under the current decision
 * is kept: unpublishing and publishing again does not make it late.
 */
export async function publishProcedure(ctx: Ctx, id: string) {
  catalogueAdmin(ctx);
  const now = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    const p = await loadProcedure(tx, id);
    if (p.status === 'published') throw new AppError('PROCEDURE_ALREADY_PUBLISHED');
    if (effectiveState(p, vnDate(now)) === 'expired') {
      throw new AppError('PROCEDURE_EXPIRED', { details: { effectiveTo: p.effectiveTo } });
    }
    const publishedAt = p.publishedAt ?? now;
    await tx.update(procedures).set({ status: 'published', publishedAt, updatedAt: now }).where(eq(procedures.id, id));
    await writeAudit(tx, ctx, {
      action: 'procedure.publish',
      entityType: 'procedure',
      entityId: id,
      before: { code: p.code, name: p.name, status: p.status },
      after: { status: 'published', publishedAt, hasForm: p.form !== null },
    });
  });
  return getProcedure(ctx, id);
}

/** Withdrawn from the public catalogue; dossiers already filed are not affected. */
export async function unpublishProcedure(ctx: Ctx, id: string) {
  catalogueAdmin(ctx);
  const now = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    const p = await loadProcedure(tx, id);
    if (p.status !== 'published') throw new AppError('PROCEDURE_NOT_PUBLISHED');
    await tx.update(procedures).set({ status: 'unpublished', updatedAt: now }).where(eq(procedures.id, id));
    await writeAudit(tx, ctx, {
      action: 'procedure.unpublish',
      entityType: 'procedure',
      entityId: id,
      before: { code: p.code, name: p.name, status: p.status },
      after: { status: 'unpublished' },
    });
  });
  return getProcedure(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// E-form

/** Stores the e-form after checking it; FORM_DEFINITION_INVALID with the problems otherwise. */
export async function setForm(ctx: Ctx, id: string, input: unknown) {
  catalogueAdmin(ctx);
  const problems = await eformProblems(input);
  if (problems.length) throw new AppError('FORM_DEFINITION_INVALID', { details: { problems } });
  const form = input as EForm;
  const fieldCount = formFields(form).length;
  const now = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    const p = await loadProcedure(tx, id);
    const old = (p.form as EForm | null) ?? null;
    await tx.update(procedures).set({ form, updatedAt: now }).where(eq(procedures.id, id));
    await writeAudit(tx, ctx, {
      action: 'procedure.form_set',
      entityType: 'procedure',
      entityId: id,
      before: { code: p.code, form: old ? `${old.title} (${formFields(old).length} trường)` : null },
      after: { form: `${form.title} (${fieldCount} trường)` },
    });
  });
  return { title: form.title, fieldCount, sectionCount: form.layout.length };
}

/**
 * The processing workflow (issue 7): steps, the role acting at each, time budgets in working days,
 * which steps sign or seal. Null returns the procedure to DEFAULT_WORKFLOW. Dossiers already in
 * processing keep their current step key; a key the new workflow lacks is refused.
 */
/**
 * The step keys a procedure's dossiers are at now. Dossiers are downstream of the catalogue, so the
 * procedures module does not import them: app.ts hands it the dossiers module's answer (ADR 0016).
 */
export type StepsInUse = (db: DbOrTx, procedureId: string) => Promise<string[]>;

export async function setWorkflow(ctx: Ctx, id: string, input: unknown, stepsInUse: StepsInUse) {
  catalogueAdmin(ctx);
  const workflow = input === null ? null : (input as Workflow);
  const problems = workflow === null ? [] : workflowProblems(workflow);
  if (problems.length) throw new AppError('WORKFLOW_DEFINITION_INVALID', { details: { problems } });
  const now = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    const p = await loadProcedure(tx, id);
    const keys = new Set((workflow ?? DEFAULT_WORKFLOW).steps.map((st) => st.key));
    const missing = (await stepsInUse(tx, id)).filter((k) => !keys.has(k));
    if (missing.length) {
      throw new AppError('WORKFLOW_DEFINITION_INVALID', {
        details: { problems: missing.map((k) => `Có hồ sơ đang ở bước "${k}": quy trình mới phải giữ bước này.`) },
      });
    }
    await tx.update(procedures).set({ workflow, updatedAt: now }).where(eq(procedures.id, id));
    await writeAudit(tx, ctx, {
      action: 'procedure.workflow_set',
      entityType: 'procedure',
      entityId: id,
      before: { code: p.code, workflow: p.workflow },
      after: { workflow },
    });
  });
  return { steps: (workflow ?? DEFAULT_WORKFLOW).steps.length, custom: workflow !== null };
}

// ---------------------------------------------------------------------------------------------
// Templates (mẫu đơn, tờ khai)

async function loadDocument(db: DbOrTx, procedureId: string, documentId: string): Promise<DocumentRow> {
  const [d] = await db
    .select()
    .from(procedureDocuments)
    .where(and(eq(procedureDocuments.id, documentId), eq(procedureDocuments.procedureId, procedureId)));
  if (!d) throw new AppError('PROCEDURE_DOCUMENT_NOT_FOUND', { details: { documentId } });
  return d;
}

function baseName(fileName: string): string {
  return cleanText(fileName.split(/[\\/]/).pop() ?? '').slice(0, 200);
}

/** A pdf, doc or docx (by content) of at most 5 MB, downloadable by citizens beside the document. */
export async function uploadTemplate(ctx: Ctx, procedureId: string, documentId: string, file: { filename: string; data: Buffer }) {
  const actor = catalogueAdmin(ctx);
  await loadDocument(ctx.deps.db, procedureId, documentId);
  if (file.data.length === 0) throw new AppError('FILE_EMPTY');
  if (file.data.length > MAX_TEMPLATE_BYTES) throw new AppError('FILE_TOO_LARGE');
  // A docx is a zip: its unpacked size is checked before anything else reads it (zip bombs).
  const archive = await guardArchiveUpload(ctx, { data: file.data, fileName: file.filename }, { kind: 'docx', purpose: 'procedure-template' });
  const detected = archive === 'invalid' ? UNREADABLE_ARCHIVE : await detectDocument(file.data);
  if (!detected || !TEMPLATE_EXTS.includes(detected.ext)) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', {
      message: `File "${baseName(file.filename)}" là ${describeKind(detected)}, không phải doc, docx hoặc pdf. Mẫu đơn, tờ khai phải là file doc, docx hoặc pdf.`,
      details: { detected: detected?.ext ?? null },
    });
  }
  const originalName = baseName(file.filename) || `mau.${detected.ext}`;
  const row = await putUpload(ctx, file.data, { originalName, ext: detected.ext, mime: detected.mime, purpose: 'procedure-template', keyPrefix: 'procedure-templates', uploadedBy: actor.userId });
  const { id } = row;
  const now = row.createdAt as Date;
  await ctx.deps.db.transaction(async (tx) => {
    const p = await loadProcedure(tx, procedureId);
    const d = await loadDocument(tx, procedureId, documentId);
    await tx.insert(storedFiles).values(row);
    await tx.update(procedureDocuments).set({ templateFileId: id }).where(eq(procedureDocuments.id, documentId));
    await tx.update(procedures).set({ updatedAt: now }).where(eq(procedures.id, procedureId));
    await writeAudit(tx, ctx, {
      action: 'procedure.template_upload',
      entityType: 'procedure',
      entityId: procedureId,
      before: { code: p.code, document: d.name, templateFileId: d.templateFileId },
      after: { templateFileId: id, originalName, size: row.size },
    });
  });
  return { fileName: originalName, size: row.size, type: detected.ext };
}

export async function removeTemplate(ctx: Ctx, procedureId: string, documentId: string) {
  catalogueAdmin(ctx);
  const now = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    const p = await loadProcedure(tx, procedureId);
    const d = await loadDocument(tx, procedureId, documentId);
    if (!d.templateFileId) throw new AppError('PROCEDURE_TEMPLATE_NOT_FOUND');
    await tx.update(procedureDocuments).set({ templateFileId: null }).where(eq(procedureDocuments.id, documentId));
    await tx.update(procedures).set({ updatedAt: now }).where(eq(procedures.id, procedureId));
    await writeAudit(tx, ctx, {
      action: 'procedure.template_remove',
      entityType: 'procedure',
      entityId: procedureId,
      before: { code: p.code, document: d.name, templateFileId: d.templateFileId },
      after: { templateFileId: null },
    });
  });
}

/** The bytes of a stored template, for the admin (any status) and the public route (in force). */
export async function readTemplateFile(db: DbOrTx, blobs: Ctx['deps']['blobs'], fileId: string | null) {
  if (!fileId) throw new AppError('PROCEDURE_TEMPLATE_NOT_FOUND');
  const [f] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!f) throw new AppError('PROCEDURE_TEMPLATE_NOT_FOUND');
  return { data: await blobs.get(f.storageKey), fileName: f.originalName, mime: f.mime };
}

export async function adminTemplate(ctx: Ctx, procedureId: string, documentId: string) {
  catalogueAdmin(ctx);
  const d = await loadDocument(ctx.deps.db, procedureId, documentId);
  return readTemplateFile(ctx.deps.db, ctx.deps.blobs, d.templateFileId);
}
