import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Thủ tục hành chính: the catalogue citizens choose from (issue 6). */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey(),
    /** Mã thủ tục in the national database, e.g. 1.001193. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    /** Lĩnh vực, e.g. "Hộ tịch", "Chứng thực". */
    field: text('field').notNull(),
    /** Cấp thực hiện. */
    level: text('level').notNull(),
    /** Cơ quan thực hiện, as the catalogue words it ("Ủy ban nhân dân cấp xã"). */
    implementingAgency: text('implementing_agency').notNull(),
    /** Thời hạn giải quyết in working days; 0 = within the day of receipt. */
    processingDays: integer('processing_days').notNull(),
    processingNote: text('processing_note'),
    /** Phí, lệ phí: [{ label, amountVnd }] (amount 0 = miễn). */
    fees: jsonb('fees').notNull(),
    /** Dịch vụ công trực tuyến toàn trình (true) or một phần (false). */
    fullyOnline: boolean('fully_online').notNull(),
    /** Căn cứ pháp lý, one legal document a line. */
    legalBasis: text('legal_basis'),
    /** Trình tự thực hiện: string[], the steps in order. */
    steps: jsonb('steps').notNull().default(sql`'[]'::jsonb`),
    /** Cách thức thực hiện: [{ kind: direct|online|post, processingDays, timeNote, fees, note }]. */
    channels: jsonb('channels').notNull().default(sql`'[]'::jsonb`),
    /** Đối tượng thực hiện. */
    applicants: text('applicants'),
    /** Điều kiện thực hiện. */
    conditions: text('conditions'),
    /** Kết quả thực hiện. */
    result: text('result'),
    /** Nhóm sự kiện the procedure serves (keys of LIFE_EVENTS, src/common/procedure-catalogue.ts). */
    lifeEvents: text('life_events').array().notNull().default(sql`'{}'::text[]`),
    /** E-form: JSON Schema and layout (null until the form is built). */
    form: jsonb('form'),
    /** Processing workflow (src/common/workflow.ts); null = DEFAULT_WORKFLOW. */
    workflow: jsonb('workflow'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    /** Quyết định công bố: reference and date (the 10-working-day publication rule runs from it). */
    decisionRef: text('decision_ref'),
    decisionDate: date('decision_date', { mode: 'string' }),
    status: text('status').notNull().default('draft'),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('procedures_code_uq').on(t.code),
    index('procedures_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('procedures_field_idx').on(t.field),
    index('procedures_life_events_idx').using('gin', t.lifeEvents),
    check('procedures_status_ck', sql`${t.status} in ('draft', 'published', 'unpublished')`),
    check('procedures_level_ck', sql`${t.level} in ('commune', 'province', 'ministry')`),
    check('procedures_days_ck', sql`${t.processingDays} >= 0`),
  ],
);

/** Thành phần hồ sơ: the documents a dossier of the procedure must (or may) contain. */
export const procedureDocuments = pgTable(
  'procedure_documents',
  {
    id: uuid('id').primaryKey(),
    procedureId: uuid('procedure_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** "01 bản chính", "01 bản sao"… */
    quantity: text('quantity').notNull(),
    required: boolean('required').notNull(),
    /** Mẫu (template) name when the document has an official form, e.g. "Tờ khai đăng ký khai sinh". */
    templateName: text('template_name'),
    /** The template file (stored_files) citizens can download, when uploaded. */
    templateFileId: uuid('template_file_id'),
    /** The tờ khai itself: without an uploaded template, the e-form printed blank is its template. */
    printableForm: boolean('printable_form').notNull().default(false),
    note: text('note'),
  },
  (t) => [index('procedure_documents_proc_idx').on(t.procedureId, t.position)],
);
