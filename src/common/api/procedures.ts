// "Thủ tục hành chính" (procedures module): the public catalogue (routes.ts) and its administration,
// /api/admin/procedures (admin-routes.ts). The states' labels and who may manage the catalogue are
// in src/common/procedure-catalogue.ts, whose types are derived from the schemas here.
import { Type } from 'typebox';
import { endpoint, NoContent, Nullable, PageQuery } from './contract.js';

// ---- shared pieces ---------------------------------------------------------------------------

export const ProcedureStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('unpublished')]);
/** Cấp thực hiện. */
export const ProcedureLevel = Type.Union([Type.Literal('commune'), Type.Literal('province'), Type.Literal('ministry')]);
/** Where today falls in the procedure's effective period. */
export const EffectiveState = Type.Union([Type.Literal('upcoming'), Type.Literal('current'), Type.Literal('expired')]);

/** A fee or charge as answers show it. */
export const Fee = Type.Object({ label: Type.String(), amountVnd: Type.Number(), unit: Type.Optional(Type.String()) });

/**
 * Nhóm sự kiện (life events), as the national portal groups procedures for citizens; the labels are
 * in src/common/procedure-catalogue.ts (LIFE_EVENTS), each procedure lists the events it serves.
 */
export const LifeEvent = Type.Union([
  Type.Literal('khai-sinh'),
  Type.Literal('ket-hon'),
  Type.Literal('khai-tu'),
  Type.Literal('cu-tru'),
  Type.Literal('dat-dai'),
  Type.Literal('hoc-tap-viec-lam'),
  Type.Literal('giay-to-chung-thuc'),
]);

/** Cách thức thực hiện: trực tiếp, trực tuyến, qua dịch vụ bưu chính. */
export const ChannelKind = Type.Union([Type.Literal('direct'), Type.Literal('online'), Type.Literal('post')]);

/** One way of filing (Cách thức thực hiện) with its own time and fees. */
export const ProcedureChannel = Type.Object({
  kind: ChannelKind,
  processingDays: Type.Integer({ description: 'Working days; 0 = within the day of receipt' }),
  timeNote: Nullable(Type.String()),
  fees: Type.Array(Fee),
  note: Nullable(Type.String()),
});

// ---- the public catalogue (routes.ts) --------------------------------------------------------

const summaryFields = {
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.String(),
  implementingAgency: Type.String(),
  processingDays: Type.Integer({ description: 'Working days; 0 = within the day of receipt' }),
  processingNote: Nullable(Type.String()),
  fees: Type.Array(Fee),
  fullyOnline: Type.Boolean({ description: 'Dịch vụ công trực tuyến toàn trình' }),
  onlineFiling: Type.Boolean({ description: 'Có biểu mẫu điện tử: nộp được trên cổng' }),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
};

/** A procedure in force, as the public list shows it. */
export const ProcedureSummary = Type.Object(summaryFields);

/** A procedure in force with its thành phần hồ sơ. */
export const ProcedureDetail = Type.Object({
  ...summaryFields,
  /** Căn cứ pháp lý: one legal document a line. */
  legalBasis: Nullable(Type.String()),
  /** Trình tự thực hiện: the steps in order. */
  steps: Type.Array(Type.String()),
  /** Cách thức thực hiện, each with its time and fees. */
  channels: Type.Array(ProcedureChannel),
  /** Đối tượng thực hiện. */
  applicants: Nullable(Type.String()),
  /** Điều kiện thực hiện (null: none beyond the documents). */
  conditions: Nullable(Type.String()),
  /** Kết quả thực hiện. */
  result: Nullable(Type.String()),
  lifeEvents: Type.Array(LifeEvent),
  documents: Type.Array(
    Type.Object({
      position: Type.Integer(),
      name: Type.String(),
      quantity: Type.String(),
      required: Type.Boolean(),
      templateName: Nullable(Type.String()),
      hasTemplate: Type.Boolean({ description: 'A template file can be downloaded from …/documents/:position/template' }),
      /** What the download is: an uploaded file (its type) or the e-form printed blank ('pdf'). */
      templateType: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
});

export const listProcedures = endpoint({
  method: 'GET',
  url: '/api/procedures',
  summary: 'Danh mục thủ tục hành chính đang có hiệu lực (tìm theo mã hoặc tên, không cần dấu)',
  schema: {
    querystring: Type.Object({
      q: Type.Optional(Type.String({ maxLength: 200 })),
      field: Type.Optional(Type.String({ maxLength: 200, description: 'Lĩnh vực, exactly as the catalogue names it' })),
      lifeEvent: Type.Optional(LifeEvent),
      ...PageQuery,
    }),
    response: {
      200: Type.Object({ items: Type.Array(ProcedureSummary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }),
    },
  },
});

/** "Thủ tục được sử dụng nhiều nhất": procedures in force ranked by dossiers filed lately. */
export const listMostUsedProcedures = endpoint({
  method: 'GET',
  url: '/api/procedures/most-used',
  summary: 'Thủ tục được sử dụng nhiều nhất: xếp theo số hồ sơ nộp trong 90 ngày gần nhất (chỉ số đếm)',
  schema: {
    querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 20, default: 6 }) }),
    response: {
      200: Type.Object({
        days: Type.Integer({ description: 'The window counted, in days up to today' }),
        items: Type.Array(
          Type.Object({
            code: Type.String(),
            name: Type.String(),
            field: Type.String(),
            fullyOnline: Type.Boolean(),
            onlineFiling: Type.Boolean(),
            dossiers: Type.Integer({ description: 'Dossiers filed for it in the window' }),
          }),
        ),
      }),
    },
  },
});

/** The catalogue's groups for the home page: by lĩnh vực and by nhóm sự kiện, with counts in force. */
export const listProcedureGroups = endpoint({
  method: 'GET',
  url: '/api/procedures/groups',
  summary: 'Thủ tục theo lĩnh vực và theo nhóm sự kiện (số thủ tục đang có hiệu lực)',
  schema: {
    response: {
      200: Type.Object({
        fields: Type.Array(Type.Object({ field: Type.String(), count: Type.Integer() })),
        lifeEvents: Type.Array(Type.Object({ key: LifeEvent, count: Type.Integer() })),
      }),
    },
  },
});

/** Số liệu công khai: aggregate figures of the dossiers handled this year, no personal data. */
export const getPublicFigures = endpoint({
  method: 'GET',
  url: '/api/portal/figures',
  summary: 'Tình hình giải quyết hồ sơ năm nay: số đã tiếp nhận, đã giải quyết, tỷ lệ đúng hạn, trực tuyến, hài lòng (số tổng hợp, lưu đệm vài phút)',
  schema: {
    response: {
      200: Type.Object({
        year: Type.Integer(),
        /** From 1 January of the year (Vietnam time) to the moment counted. */
        from: Type.String({ description: 'YYYY-MM-DD' }),
        countedAt: Type.String({ description: 'ISO instant the figures were counted' }),
        received: Type.Integer({ description: 'Hồ sơ đã tiếp nhận' }),
        receivedOnline: Type.Integer({ description: 'Of which filed online' }),
        resolved: Type.Integer({ description: 'Hồ sơ đã giải quyết' }),
        resolvedOnTime: Type.Integer(),
        onTimeShare: Nullable(Type.Number({ description: 'resolvedOnTime / resolved, 0..1' })),
        onlineShare: Nullable(Type.Number({ description: 'receivedOnline / received, 0..1' })),
        ratings: Type.Integer({ description: 'Đánh giá received' }),
        satisfiedShare: Nullable(Type.Number({ description: 'Hài lòng or rất hài lòng / ratings, 0..1' })),
        proceduresInForce: Type.Integer(),
        proceduresOnline: Type.Integer({ description: 'In force with an e-form (fileable on the portal)' }),
      }),
    },
  },
});

export const getProcedure = endpoint({
  method: 'GET',
  url: '/api/procedures/:code',
  summary: 'Một thủ tục: thời hạn, phí, lệ phí, căn cứ pháp lý và thành phần hồ sơ',
  schema: {
    params: Type.Object({ code: Type.String({ maxLength: 30 }) }),
    response: { 200: ProcedureDetail },
  },
});

/** The file itself (doc, docx or pdf), as an attachment. */
export const downloadProcedureTemplate = endpoint({
  method: 'GET',
  url: '/api/procedures/:code/documents/:position/template',
  summary: 'Tải mẫu đơn, tờ khai của một thành phần hồ sơ (thủ tục đang có hiệu lực)',
  schema: {
    params: Type.Object({ code: Type.String({ maxLength: 30 }), position: Type.Integer({ minimum: 1, maximum: 1000 }) }),
    response: {},
  },
});

// ---- administration (admin-routes.ts) --------------------------------------------------------

const ADMIN = '/api/admin/procedures';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const OptText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

const FeeInput = Type.Object({
  label: Text(300),
  amountVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
  unit: Type.Optional(Type.String({ maxLength: 50 })),
});

export const ProcedureDocumentInput = Type.Object({
  id: Type.Optional(Type.String({ format: 'uuid', description: 'An existing document (keeps its template); absent for a new one' })),
  name: Text(500),
  quantity: Text(100),
  required: Type.Boolean(),
  templateName: OptText(300),
  note: OptText(1000),
  printableForm: Type.Optional(Type.Boolean({ description: 'This is the tờ khai: without an uploaded file, its template is the e-form printed blank (PDF)' })),
});

const ChannelInput = Type.Object({
  kind: ChannelKind,
  processingDays: Type.Integer({ minimum: 0, maximum: 365 }),
  timeNote: OptText(1000),
  fees: Type.Array(FeeInput, { maxItems: 20 }),
  note: OptText(1000),
});

export const ProcedureInput = Type.Object({
  code: Type.String({ maxLength: 30, description: 'Mã thủ tục, e.g. 1.001193' }),
  name: Text(500),
  field: Text(200),
  level: ProcedureLevel,
  implementingAgency: Text(300),
  processingDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Working days; 0 = within the day of receipt' }),
  processingNote: OptText(1000),
  fees: Type.Array(FeeInput, { maxItems: 20 }),
  fullyOnline: Type.Boolean({ description: 'Dịch vụ công trực tuyến toàn trình' }),
  legalBasis: OptText(5000),
  effectiveFrom: IsoDate,
  effectiveTo: Type.Optional(Nullable(IsoDate)),
  decisionRef: OptText(200),
  decisionDate: Type.Optional(Nullable(IsoDate)),
  // The national database's sections; left out, an update keeps what is stored.
  steps: Type.Optional(Type.Array(Text(3000), { maxItems: 30, description: 'Trình tự thực hiện, one step an item' })),
  channels: Type.Optional(Type.Array(ChannelInput, { maxItems: 3, description: 'Cách thức thực hiện; each kind at most once' })),
  applicants: OptText(1000),
  conditions: OptText(5000),
  result: OptText(1000),
  lifeEvents: Type.Optional(Type.Array(LifeEvent, { maxItems: 7, uniqueItems: true })),
  documents: Type.Array(ProcedureDocumentInput, { maxItems: 50 }),
});

const adminItemFields = {
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: ProcedureLevel,
  status: ProcedureStatus,
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  effective: EffectiveState,
  inForce: Type.Boolean({ description: 'Shown in the public catalogue today' }),
  decisionRef: Nullable(Type.String()),
  decisionDate: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  /** Working days from the decision to publication (to today while unpublished); null without a decision. */
  publication: Nullable(Type.Object({ workingDays: Type.Integer(), late: Type.Boolean() })),
  hasForm: Type.Boolean(),
  updatedAt: Type.String(),
};

/** A procedure in any state, as the administration's list shows it. */
export const AdminProcedureItem = Type.Object(adminItemFields);

/** The stored template file of a document. */
export const ProcedureTemplate = Type.Object({ fileName: Type.String(), size: Type.Number(), type: Type.String() });

/** A procedure in any state with its e-form and thành phần hồ sơ (administration). */
export const AdminProcedureDetail = Type.Object({
  ...adminItemFields,
  implementingAgency: Type.String(),
  processingDays: Type.Integer(),
  processingNote: Nullable(Type.String()),
  fees: Type.Array(Fee),
  fullyOnline: Type.Boolean(),
  legalBasis: Nullable(Type.String()),
  steps: Type.Array(Type.String()),
  channels: Type.Array(ProcedureChannel),
  applicants: Nullable(Type.String()),
  conditions: Nullable(Type.String()),
  result: Nullable(Type.String()),
  lifeEvents: Type.Array(LifeEvent),
  /** The e-form definition (src/common/eform.ts): arbitrary JSON checked when set. */
  form: Type.Unknown({ description: 'The e-form (EForm) or null' }),
  formFieldCount: Type.Integer(),
  documents: Type.Array(
    Type.Object({
      id: Type.String(),
      position: Type.Integer(),
      name: Type.String(),
      quantity: Type.String(),
      required: Type.Boolean(),
      templateName: Nullable(Type.String()),
      note: Nullable(Type.String()),
      printableForm: Type.Boolean(),
      template: Nullable(ProcedureTemplate),
    }),
  ),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocParams = Type.Object({ id: Type.String({ format: 'uuid' }), documentId: Type.String({ format: 'uuid' }) });
const WorkflowSet = Type.Object({ steps: Type.Integer(), custom: Type.Boolean() });

export const listAdminProcedures = endpoint({
  method: 'GET',
  url: ADMIN,
  summary: 'Danh mục thủ tục (quản trị): mọi trạng thái, tìm theo mã hoặc tên không cần dấu, lọc trạng thái và công bố chậm',
  schema: {
    querystring: Type.Object({
      q: Type.Optional(Type.String({ maxLength: 200 })),
      status: Type.Optional(ProcedureStatus),
      late: Type.Optional(Type.Boolean({ description: 'Chỉ thủ tục công bố chậm (quá 10 ngày làm việc kể từ ngày quyết định)' })),
      ...PageQuery,
    }),
    response: { 200: Type.Object({ items: Type.Array(AdminProcedureItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
  },
});

export const createAdminProcedure = endpoint({
  method: 'POST',
  url: ADMIN,
  summary: 'Thêm thủ tục (bản nháp)',
  schema: { body: ProcedureInput, response: { 201: AdminProcedureDetail } },
});

export const getAdminProcedure = endpoint({
  method: 'GET',
  url: `${ADMIN}/:id`,
  summary: 'Chi tiết thủ tục (quản trị)',
  schema: { params: IdParams, response: { 200: AdminProcedureDetail } },
});

export const updateAdminProcedure = endpoint({
  method: 'PUT',
  url: `${ADMIN}/:id`,
  summary: 'Sửa thông tin và thành phần hồ sơ của thủ tục',
  schema: { params: IdParams, body: ProcedureInput, response: { 200: AdminProcedureDetail } },
});

export const publishAdminProcedure = endpoint({
  method: 'POST',
  url: `${ADMIN}/:id/publish`,
  summary: 'Công bố thủ tục',
  schema: { params: IdParams, response: { 200: AdminProcedureDetail } },
});

export const unpublishAdminProcedure = endpoint({
  method: 'POST',
  url: `${ADMIN}/:id/unpublish`,
  summary: 'Ngừng công bố thủ tục',
  schema: { params: IdParams, response: { 200: AdminProcedureDetail } },
});

export const setProcedureForm = endpoint({
  method: 'PUT',
  url: `${ADMIN}/:id/form`,
  summary: 'Đặt biểu mẫu điện tử: { title, schema (JSON Schema 2020-12), layout }; lỗi FORM_DEFINITION_INVALID kèm danh sách vấn đề',
  schema: {
    params: IdParams,
    body: Type.Unknown({ description: 'EForm (src/common/eform.ts)' }),
    response: { 200: Type.Object({ title: Type.String(), fieldCount: Type.Integer(), sectionCount: Type.Integer() }) },
  },
});

export const setProcedureWorkflow = endpoint({
  method: 'PUT',
  url: `${ADMIN}/:id/workflow`,
  summary: 'Đặt quy trình xử lý: { steps: [{ key, label, role, days, signs? }] }; lỗi WORKFLOW_DEFINITION_INVALID',
  schema: {
    params: IdParams,
    body: Type.Unknown({ description: 'Workflow (src/common/workflow.ts)' }),
    response: { 200: WorkflowSet },
  },
});

export const resetProcedureWorkflow = endpoint({
  method: 'DELETE',
  url: `${ADMIN}/:id/workflow`,
  summary: 'Trở về quy trình xử lý mặc định (tiếp nhận → chuyên viên → lãnh đạo → trả kết quả)',
  schema: { params: IdParams, response: { 200: WorkflowSet } },
});

/** Multipart, field "file" (the route declares consumes and reads the one file itself). */
export const uploadProcedureTemplate = endpoint({
  method: 'POST',
  url: `${ADMIN}/:id/documents/:documentId/template`,
  summary: 'Tải lên mẫu đơn, tờ khai của một thành phần hồ sơ: 1 file doc, docx hoặc pdf, tối đa 5 MB (multipart, field "file")',
  schema: { params: DocParams, response: { 201: ProcedureTemplate } },
});

/** The file itself, as an attachment. */
export const downloadAdminProcedureTemplate = endpoint({
  method: 'GET',
  url: `${ADMIN}/:id/documents/:documentId/template`,
  summary: 'Tải xuống mẫu (quản trị, mọi trạng thái)',
  schema: { params: DocParams, response: {} },
});

export const removeProcedureTemplate = endpoint({
  method: 'DELETE',
  url: `${ADMIN}/:id/documents/:documentId/template`,
  summary: 'Gỡ mẫu của thành phần hồ sơ',
  schema: { params: DocParams, response: { 204: NoContent } },
});
