import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The last dossier number given by an agency on a day (Vietnam time). A code is taken by
 * incrementing this row inside the transaction that creates the dossier: concurrent receptions
 * queue on the row (no duplicates), and a rolled-back reception gives its number back (no gaps).
 * One row per agency and day, distributed with the agency (ARCHITECTURE "Database portability").
 */
export const dossierCounters = pgTable(
  'dossier_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Hồ sơ: one dossier filed for a procedure, online by the citizen or at the desk by an officer.
 * `status` is the national list (src/common/dossier-status.ts), `channel` 1 trực tiếp · 2 trực
 * tuyến · 3 bưu chính. `agency_id` is the receiving agency (the distribution key at scale).
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    agencyId: uuid('agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    processingDays: integer('processing_days').notNull(),
    applicantId: uuid('applicant_id').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number'),
    channel: smallint('channel').notNull(),
    status: smallint('status').notNull(),
    formData: jsonb('form_data').notNull(),
    /** Where each prefilled field came from at submission ({ field: { source, locked } }). */
    provenance: jsonb('provenance').notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    submittedAt: ts('submitted_at').notNull(),
    receivedAt: ts('received_at'),
    receivedBy: uuid('received_by'),
    /** Ngày hẹn trả kết quả (Vietnam date), counted in working days from reception. */
    appointmentDate: date('appointment_date', { mode: 'string' }),
    /** The reason of the last refusal or supplementation request. */
    statusReason: text('status_reason'),
    /** Online only: when the citizen signed in for the session that submitted, and the seconds to submission. */
    loginAt: ts('login_at'),
    submitSeconds: integer('submit_seconds'),
    /** The citizen's (or desk's) idempotency key: a repeated submission returns the first dossier. */
    submissionKey: text('submission_key').notNull(),
    createdBy: uuid('created_by').notNull(),
    updatedAt: ts('updated_at').notNull(),
    // ---- Processing (issue 7) ----
    /** The workflow step the dossier is at (status 4), from the procedure's workflow. */
    step: text('step'),
    stepStartedAt: ts('step_started_at'),
    /** When the step's time budget runs out (Vietnam date). */
    stepDueDate: date('step_due_date', { mode: 'string' }),
    /** Set while the citizen supplements a received dossier: the clock is stopped. */
    pausedAt: ts('paused_at'),
    /** A later promised date after an extension (gia hạn); appointment_date stays the one that counts for on-time. */
    extendedDate: date('extended_date', { mode: 'string' }),
    finishedAt: ts('finished_at'),
    returnedAt: ts('returned_at'),
    /** Finished no later than the promised date, the citizen's time not counted. */
    onTime: boolean('on_time'),
    /** Phí, lệ phí / nghĩa vụ tài chính asked for (VND), and when it was paid. */
    feeAmount: integer('fee_amount'),
    feePaidAt: ts('fee_paid_at'),
    /** The signed e-result (stored_files) and the token of its public verification page. */
    resultFileId: uuid('result_file_id'),
    verifyToken: text('verify_token'),
    // ---- Hình thức nhận kết quả (issue 15, src/common/delivery.ts) ----
    /** in_person · post · electronic; null for dossiers filed before the choice was asked (0022). */
    deliveryMethod: text('delivery_method'),
    /** By post: { recipientName, phone, address, communeCode, communeName, provinceCode, provinceName }. */
    deliveryAddress: jsonb('delivery_address'),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    uniqueIndex('dossiers_verify_token_uq').on(t.verifyToken),
    // The officers' work lists: what is being processed in their agencies, most urgent first.
    // One index range per agency, already in the list's order.
    index('dossiers_work_order_idx').on(t.agencyId, t.appointmentDate, t.submittedAt).where(sql`${t.status} in (2, 4, 5, 6, 9)`),
    uniqueIndex('dossiers_submission_key_uq').on(t.createdBy, t.submissionKey),
    index('dossiers_applicant_idx').on(t.applicantId, t.submittedAt.desc(), t.id),
    index('dossiers_queue_idx').on(t.agencyId, t.status, t.submittedAt),
    check('dossiers_status_ck', sql`${t.status} between 1 and 10`),
    check('dossiers_channel_ck', sql`${t.channel} between 1 and 3`),
    check('dossiers_delivery_ck', sql`${t.deliveryMethod} is null or ${t.deliveryMethod} in ('in_person', 'electronic') or (${t.deliveryMethod} = 'post' and ${t.deliveryAddress} is not null)`),
  ],
);

/** The papers of a dossier: one row per uploaded or scanned file, per thành phần hồ sơ. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id').notNull(),
    /** procedure_documents.position of the thành phần hồ sơ this file answers. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    fileId: uuid('file_id').notNull(),
    /** upload (citizen) · scan (desk) · store (attached from Kho dữ liệu). */
    source: text('source').notNull(),
    addedAt: ts('added_at').notNull(),
    addedBy: uuid('added_by').notNull(),
  },
  (t) => [
    index('dossier_documents_dossier_idx').on(t.dossierId, t.position),
    check('dossier_documents_source_ck', sql`${t.source} in ('upload', 'scan', 'store')`),
  ],
);

/** Every status change of a dossier, with who made it and why (what the citizen sees as history). */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id').notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: smallint('from_status'),
    toStatus: smallint('to_status').notNull(),
    reason: text('reason'),
    /** What the action changed, for documents built from it (extension: original and new date, reason). */
    details: jsonb('details'),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.at)],
);

/** A citizen's unfinished online dossier, saved as they type: one per citizen and procedure. */
export const dossierDrafts = pgTable(
  'dossier_drafts',
  {
    id: uuid('id').primaryKey(),
    applicantId: uuid('applicant_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    agencyId: uuid('agency_id'),
    formData: jsonb('form_data').notNull(),
    /** [{ position, fileId, source }] */
    documents: jsonb('documents').notNull(),
    /** Raised by every save: a save or submission from a tab holding an older version is refused (issue 15). */
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('dossier_drafts_applicant_proc_uq').on(t.applicantId, t.procedureId)],
);

/** Kho dữ liệu: papers a citizen keeps to reuse (uploaded by them, or results issued to them). */
export const citizenDocuments = pgTable(
  'citizen_documents',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    fileId: uuid('file_id').notNull(),
    dossierId: uuid('dossier_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('citizen_documents_owner_idx').on(t.ownerId, t.createdAt.desc()),
    check('citizen_documents_kind_ck', sql`${t.kind} in ('upload', 'result')`),
  ],
);

/** Đánh giá mức độ hài lòng: once per dossier, after the result is returned (issue 7). */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    dossierId: uuid('dossier_id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    applicantId: uuid('applicant_id').notNull(),
    /** The overall level (src/common/rating.ts: the lowest of the criteria): 3 Rất hài lòng · 2 Hài lòng · 1 Không hài lòng. */
    rating: smallint('rating').notNull(),
    /** The level of each criterion (issue 15); all null for a rating given before criteria existed (0022). */
    accessLevel: smallint('access_level'),
    timeLevel: smallint('time_level'),
    staffLevel: smallint('staff_level'),
    resultLevel: smallint('result_level'),
    comment: text('comment'),
    at: ts('at').notNull(),
  },
  (t) => [
    index('dossier_ratings_agency_idx').on(t.agencyId, t.at),
    check('dossier_ratings_rating_ck', sql`${t.rating} between 1 and 3`),
    // Either no criteria (an old single rating) or all of them, each 1..3, the overall their lowest.
    check(
      'dossier_ratings_criteria_ck',
      sql`(${t.accessLevel} is null and ${t.timeLevel} is null and ${t.staffLevel} is null and ${t.resultLevel} is null) or (${t.accessLevel} between 1 and 3 and ${t.timeLevel} between 1 and 3 and ${t.staffLevel} between 1 and 3 and ${t.resultLevel} between 1 and 3 and ${t.rating} = least(${t.accessLevel}, ${t.timeLevel}, ${t.staffLevel}, ${t.resultLevel}))`,
    ),
  ],
);

/**
 * Sổ hộ tịch / sổ chứng thực (issue 15): the register a signed result is entered in when it is
 * signed (registers.ts). `last` is the last number an issuing agency gave in a book (KS: Sổ đăng ký
 * khai sinh, KH, KT, BSTL, SCT/BS, KQ) in a year (Vietnam time); taken by incrementing this row in
 * the transaction that stores the signed result, so concurrent signings queue on it (no
 * duplicates) and a rolled-back signing gives its number back (no gaps).
 */
export const resultRegisterCounters = pgTable(
  'result_register_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    book: text('book').notNull(),
    year: smallint('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.book, t.year] })],
);

/**
 * One entry of a register: Số (`number`) and Quyển số (`volume`, e.g. "01/2026") of a dossier's
 * signed result, and the personal identification number given to the person registered (birth
 * registration). `pin_source` says where that number came from: 'simulated' for the clearly
 * marked local allocation (registers.ts), 'population' when the national database issues it.
 */
export const resultRegisterEntries = pgTable(
  'result_register_entries',
  {
    agencyId: uuid('agency_id').notNull(),
    book: text('book').notNull(),
    year: smallint('year').notNull(),
    number: integer('number').notNull(),
    volume: text('volume').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    pin: text('pin'),
    pinSource: text('pin_source'),
    registeredAt: ts('registered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.book, t.year, t.number] }),
    uniqueIndex('result_register_entries_dossier_uq').on(t.dossierId),
    uniqueIndex('result_register_entries_pin_uq').on(t.pin),
    check('result_register_entries_pin_source_ck', sql`${t.pinSource} is null or ${t.pinSource} in ('simulated', 'population')`),
  ],
);
