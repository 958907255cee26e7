// Hồ sơ (dossiers module), the citizen's side: online filing with a prefilled e-form and autosaved
// drafts, papers, "Hồ sơ của tôi", Kho dữ liệu, the result and apology letters, public
// verification of signed results and tracking. The desk and the processing officers' endpoints
// are in dossiers-desk.ts; both share the schemas declared here.
import { Type } from 'typebox';
import type { EForm, FormValues } from '../eform.js';
import type { DossierAction } from '../workflow.js';
import { endpoint, NoContent, Nullable, UnitRef } from './contract.js';

// ---- shared pieces ------------------------------------------------------------------------------

export const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 30 }) });
/** Page and page size of the dossier lists (deeper pages than PageQuery allows). */
export const DossierPage = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const PaperSource = Type.Union([Type.Literal('upload'), Type.Literal('scan'), Type.Literal('store')]);

/** A file attached to a document of the procedure, as the citizen or the desk sends it. */
export const PaperRef = Type.Object({
  position: Type.Integer({ minimum: 1, maximum: 100 }),
  fileId: Type.String({ format: 'uuid' }),
  source: Type.Optional(PaperSource),
});
export const FormDataInput = Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 2000 }), { maxProperties: 200 });
export const DraftBody = Type.Object({
  agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  formData: FormDataInput,
  documents: Type.Array(PaperRef, { maxItems: 40 }),
});
/**
 * Hình thức nhận kết quả as sent (src/common/delivery.ts). Loose on purpose: the service checks it
 * and answers DELIVERY_METHOD_REQUIRED / DELIVERY_METHOD_INVALID / DELIVERY_ADDRESS_REQUIRED /
 * DELIVERY_ADDRESS_UNIT_INVALID / DELIVERY_PHONE_INVALID.
 */
export const DeliveryInput = Type.Object(
  {
    method: Type.Optional(Type.String({ maxLength: 20, description: 'in_person (Nhận trực tiếp tại Bộ phận Một cửa) · post (qua dịch vụ bưu chính công ích) · electronic (bản điện tử)' })),
    /** By post only. */
    post: Type.Optional(
      Type.Object(
        {
          recipientName: Type.Optional(Type.String({ maxLength: 100 })),
          phone: Type.Optional(Type.String({ maxLength: 20 })),
          address: Type.Optional(Type.String({ maxLength: 300, description: 'Số nhà, đường/phố, thôn/xóm' })),
          communeCode: Type.Optional(Type.String({ maxLength: 10, description: 'Mã xã/phường (đơn vị hành chính 2025)' })),
          provinceCode: Type.Optional(Type.String({ maxLength: 10, description: 'Mã tỉnh/thành phố (đơn vị hành chính 2025)' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const SubmitBody = Type.Object({
  ...DraftBody.properties,
  agencyId: Type.String({ format: 'uuid' }),
  submissionKey: Type.String({ minLength: 8, maxLength: 80, description: 'Idempotency key: a repeat returns the first dossier' }),
  /** Required for online filing; at the desk it defaults to in_person (the citizen is there). */
  delivery: Type.Optional(DeliveryInput),
});

/** A postal delivery address, with the unit names as they were at submission. */
export const DeliveryAddressSchema = Type.Object({
  recipientName: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  communeCode: Type.String(),
  communeName: Type.String(),
  provinceCode: Type.String(),
  provinceName: Type.String(),
});
/** The choice stored on the dossier; null for dossiers filed before it was asked. */
export const DeliveryView = Type.Object({
  method: Type.Union([Type.Literal('in_person'), Type.Literal('post'), Type.Literal('electronic')]),
  label: Type.String(),
  post: Nullable(Type.Object({ ...DeliveryAddressSchema.properties, line: Type.String({ description: 'Địa chỉ đầy đủ để gửi' }) })),
});

/** A satisfaction rating (src/common/rating.ts): the overall level, and each criterion's (null for a rating given before criteria). */
export const RatingView = Type.Object({
  rating: Type.Integer({ description: 'Mức chung: mức thấp nhất của các tiêu chí (3 Rất hài lòng, 2 Hài lòng, 1 Không hài lòng)' }),
  label: Type.String(),
  satisfied: Type.Boolean(),
  criteria: Nullable(Type.Array(Type.Object({ key: Type.String(), label: Type.String(), level: Type.Integer(), levelLabel: Type.String() }))),
  comment: Nullable(Type.String()),
  at: Type.String(),
});

/** The dossier after submission, reception or a decision of the desk. */
export const DossierResult = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Type.Integer(),
  statusLabel: Type.String(),
  submittedAt: Type.String(),
  appointmentDate: Nullable(Type.String()),
  submitSeconds: Nullable(Type.Integer()),
});

/** What an upload of a paper answers. */
export const StoredPaper = Type.Object({ id: Type.String(), fileName: Type.String(), size: Type.Number(), type: Type.String() });

/** The e-form of a procedure (src/common/eform.ts): a JSON Schema and its layout, arbitrary JSON by nature. */
export const EFormSchema = Type.Unsafe<EForm>(Type.Unknown({ description: 'Biểu mẫu điện tử (EForm: title, schema, layout)' }));
export const EFormOrNull = Type.Unsafe<EForm | null>(Type.Unknown({ description: 'Biểu mẫu điện tử (EForm: title, schema, layout) hoặc null' }));
/** The values of an e-form, field name → text. */
export const FormValuesSchema = Type.Unsafe<FormValues>(Type.Record(Type.String(), Type.String()));
export const Provenance = Type.Object({
  source: Type.Union([Type.Literal('population'), Type.Literal('household'), Type.Literal('vneid'), Type.Literal('profile'), Type.Literal('derived')]),
  label: Type.String(),
  locked: Type.Boolean(),
});
/** Where each prefilled field came from; a verified source locks the field. */
export const ProvenanceMapSchema = Type.Record(Type.String(), Provenance);

/** Every action of a dossier's history and workflow (src/common/workflow.ts ACTION_LABELS). */
export const DossierActionName = Type.Unsafe<DossierAction>(
  Type.String({
    enum: [
      'submitted',
      'received_in_person',
      'received',
      'supplement_requested',
      'supplemented',
      'refused',
      'start',
      'forward',
      'send_back',
      'transfer',
      'request_payment',
      'paid',
      'finish',
      'extend',
      'return_result',
      'withdraw',
      'stop',
    ],
  }),
);

/** A paper the procedure asks for ("thành phần hồ sơ"). */
export const ProcedureDocument = Type.Object({
  position: Type.Integer(),
  name: Type.String(),
  quantity: Type.String(),
  required: Type.Boolean(),
  templateName: Nullable(Type.String()),
});

/** The procedure as filing shows it: its papers and its e-form. */
export const FilingProcedure = Type.Object({
  code: Type.String(),
  name: Type.String(),
  processingDays: Type.Integer(),
  fullyOnline: Type.Boolean(),
  documents: Type.Array(ProcedureDocument),
  form: EFormSchema,
});

/** The prefilled values with their sources, and whether the population database answered and knew the person. */
export const Prefill = Type.Object({
  values: FormValuesSchema,
  provenance: ProvenanceMapSchema,
  populationAvailable: Type.Boolean(),
  populationFound: Type.Boolean(),
});

/** A file attached to a document of a draft. */
export const DescribedPaper = Type.Object({
  position: Type.Integer(),
  fileId: Type.String(),
  source: PaperSource,
  fileName: Type.String(),
  size: Type.Number(),
  type: Type.String(),
});

/** One dossier as the citizen and the officers see it. */
export const DossierDetail = Type.Object({
  id: Type.String(),
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  processingDays: Type.Integer(),
  agency: Nullable(UnitRef),
  applicant: Type.Object({ id: Type.String(), fullName: Type.String(), idNumber: Nullable(Type.String()) }),
  channel: Type.Integer(),
  status: Type.Integer(),
  statusLabel: Type.String(),
  statusReason: Nullable(Type.String()),
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  receivedByName: Nullable(Type.String()),
  appointmentDate: Nullable(Type.String()),
  submitSeconds: Nullable(Type.Integer()),
  workflow: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      role: Type.String(),
      days: Type.Integer(),
      /** The step signs the result (the leader's) or seals it: its actor may preview the result first. */
      signs: Nullable(Type.Union([Type.Literal('sign'), Type.Literal('seal')])),
    }),
  ),
  step: Nullable(Type.String()),
  stepDueDate: Nullable(Type.String()),
  extendedDate: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  onTime: Nullable(Type.Boolean()),
  paused: Type.Boolean(),
  feeAmount: Nullable(Type.Integer()),
  feePaidAt: Nullable(Type.String()),
  hasResult: Type.Boolean(),
  /** Shown to the applicant once the result is returned; always to the officers. */
  verifyToken: Nullable(Type.String()),
  rating: Nullable(RatingView),
  /** Hình thức nhận kết quả (issue 15). */
  delivery: Nullable(DeliveryView),
  /** What the viewer may do now (the officer by their role in the workflow; the applicant: withdraw, pay). */
  actions: Type.Array(DossierActionName),
  formData: FormValuesSchema,
  provenance: ProvenanceMapSchema,
  form: EFormOrNull,
  requiredDocuments: Type.Array(ProcedureDocument),
  documents: Type.Array(
    Type.Object({
      position: Type.Integer(),
      name: Type.String(),
      fileId: Type.String(),
      source: PaperSource,
      fileName: Type.String(),
      size: Type.Number(),
      type: Type.String(),
    }),
  ),
  events: Type.Array(
    Type.Object({
      at: Type.String(),
      action: Type.String(),
      actorName: Nullable(Type.String()),
      fromStatus: Nullable(Type.Integer()),
      toStatus: Type.Integer(),
      toStatusLabel: Type.String(),
      reason: Nullable(Type.String()),
    }),
  ),
});

/** A paper of the citizen's Kho dữ liệu. */
export const StoreItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.String({ description: 'upload (công dân tải lên) hoặc result (kết quả được trả)' }),
  fileId: Type.String(),
  fileName: Type.String(),
  size: Type.Number(),
  type: Type.String(),
  createdAt: Type.String(),
});

/** A workflow action's answer: where the dossier is now. */
export const ActionSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Type.Integer(),
  statusLabel: Type.String(),
  step: Nullable(Type.String()),
  appointmentDate: Nullable(Type.String()),
  extendedDate: Nullable(Type.String()),
  onTime: Nullable(Type.Boolean()),
});

export const TokenParams = Type.Object({ token: Type.String({ maxLength: 60 }) });

/** The checks of one PDF and the one verdict derived from them (src/common/signature-verdict.ts). */
export const VerifyCheck = Type.Object({
  verdict: Type.Object({
    status: Type.Union([
      Type.Literal('valid'),
      Type.Literal('modified'),
      Type.Literal('unknown_signer'),
      Type.Literal('unsigned'),
      Type.Literal('not_pdf'),
      Type.Literal('not_registered'),
    ]),
    title: Type.String(),
    explanation: Type.String(),
    reasons: Type.Array(Type.String()),
  }),
  signed: Type.Boolean(),
  authentic: Type.Boolean(),
  signatures: Type.Array(
    Type.Object({
      signerName: Type.String(),
      signedAt: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      intact: Type.Boolean(),
      trusted: Type.Boolean(),
      coversWholeFile: Type.Boolean(),
    }),
  ),
});

// ---- online filing (citizen) ----------------------------------------------------------------------

export const listProcedureAgencies = endpoint({
  method: 'GET',
  url: '/api/procedures/:code/agencies',
  summary: 'Cơ quan tiếp nhận hồ sơ của thủ tục (tìm theo tên, không cần dấu)',
  schema: {
    params: CodeParams,
    querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
    response: {
      200: Type.Array(
        Type.Object({
          id: Type.String(),
          code: Type.String(),
          name: Type.String(),
          provinceCode: Nullable(Type.String()),
          /** The province the agency belongs to ("UBND tỉnh Quảng Ngãi"), null for a province or ministry. */
          provinceName: Nullable(Type.String()),
        }),
      ),
    },
  },
});

export const startFiling = endpoint({
  method: 'GET',
  url: '/api/filing/:code',
  summary: 'Bắt đầu nộp hồ sơ: thủ tục, biểu mẫu, dữ liệu điền sẵn (kèm nguồn) và bản nháp',
  schema: {
    params: CodeParams,
    response: {
      200: Type.Object({
        procedure: FilingProcedure,
        prefill: Prefill,
        draft: Nullable(
          Type.Object({
            agencyId: Nullable(Type.String()),
            agency: Nullable(UnitRef),
            formData: FormValuesSchema,
            documents: Type.Array(DescribedPaper),
            updatedAt: Type.String(),
            /** Sent back as `baseVersion` of the next save and `draftVersion` of the submission. */
            version: Type.Integer(),
          }),
        ),
        /** The postal address proposed for "Nhận qua dịch vụ bưu chính": the citizen's, when known. */
        deliveryPrefill: Type.Object({
          recipientName: Type.String(),
          phone: Nullable(Type.String()),
          address: Nullable(Type.String()),
          communeCode: Nullable(Type.String()),
          provinceCode: Nullable(Type.String()),
        }),
      }),
    },
  },
});

/**
 * Issue 15, two tabs on one draft: the version of the draft the tab last read or saved (null: it
 * knows of none). Another version on the server → 409 DRAFT_VERSION_CONFLICT with
 * `details.currentVersion`; sending that version overwrites knowingly. Left out: no check (API
 * clients of before); the portal always sends it.
 */
const DraftVersion = Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2147483647 })));
export const SaveDraftBody = Type.Object({ ...DraftBody.properties, baseVersion: DraftVersion });
/** Online submission: the draft version the tab holds, checked as a save's (a stale tab is refused). */
export const OnlineSubmitBody = Type.Object({ ...SubmitBody.properties, draftVersion: DraftVersion });

export const saveDraft = endpoint({
  method: 'PUT',
  url: '/api/filing/:code/draft',
  summary: 'Tự động lưu bản nháp (409 DRAFT_VERSION_CONFLICT khi bản nháp đã được lưu từ cửa sổ khác)',
  schema: { params: CodeParams, body: SaveDraftBody, response: { 200: Type.Object({ savedAt: Type.String(), version: Type.Integer() }) } },
});

export const discardDraft = endpoint({
  method: 'DELETE',
  url: '/api/filing/:code/draft',
  summary: 'Xóa bản nháp',
  schema: { params: CodeParams, response: { 204: NoContent } },
});

export const submitOnline = endpoint({
  method: 'POST',
  url: '/api/filing/:code/submit',
  summary: 'Nộp hồ sơ trực tuyến: cấp mã hồ sơ, giấy tiếp nhận, SMS/e-mail',
  schema: { params: CodeParams, body: OnlineSubmitBody, response: { 201: DossierResult } },
});

export const listAddressUnits = endpoint({
  method: 'GET',
  url: '/api/address-units',
  summary: 'Đơn vị hành chính (từ 01/07/2025) cho địa chỉ nhận kết quả: các tỉnh/thành phố, hoặc các xã/phường của một tỉnh',
  schema: {
    querystring: Type.Object({ province: Type.Optional(Type.String({ maxLength: 10 })) }),
    response: { 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) },
  },
});

/** Multipart, field "file" (the route declares consumes). */
export const uploadMyPaper = endpoint({
  method: 'POST',
  url: '/api/my/papers',
  summary: 'Tải lên 1 giấy tờ (PDF, JPG, PNG; tối đa 10 MB; multipart, trường "file")',
  schema: { response: { 201: StoredPaper } },
});

// ---- the citizen's dossiers -------------------------------------------------------------------------

export const listMyDossiers = endpoint({
  method: 'GET',
  url: '/api/my/dossiers',
  summary: 'Hồ sơ của tôi (tìm theo mã hồ sơ hoặc tên thủ tục, không cần dấu; lọc theo trạng thái)',
  schema: {
    querystring: Type.Object({
      q: Type.Optional(Type.String({ maxLength: 100, description: 'Mã hồ sơ, mã thủ tục hoặc tên thủ tục (không phân biệt dấu)' })),
      status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
      ...DossierPage,
    }),
    response: {
      200: Type.Object({
        items: Type.Array(
          Type.Object({
            id: Type.String(),
            code: Type.String(),
            procedureCode: Type.String(),
            procedureName: Type.String(),
            status: Type.Integer(),
            statusLabel: Type.String(),
            channel: Type.Integer(),
            submittedAt: Type.String(),
            appointmentDate: Nullable(Type.String()),
            extendedDate: Nullable(Type.String()),
            agencyId: Type.String(),
            agencyName: Type.String(),
          }),
        ),
        total: Type.Integer(),
        page: Type.Integer(),
        pageSize: Type.Integer(),
      }),
    },
  },
});

export const getMyDossier = endpoint({
  method: 'GET',
  url: '/api/my/dossiers/:id',
  summary: 'Chi tiết hồ sơ',
  schema: { params: IdParams, response: { 200: DossierDetail } },
});

export const supplementDossier = endpoint({
  method: 'POST',
  url: '/api/my/dossiers/:id/supplement',
  summary: 'Bổ sung hồ sơ theo yêu cầu',
  schema: { params: IdParams, body: DraftBody, response: { 200: DossierResult } },
});

/** A PDF file, no JSON. */
export const receiptPdf = endpoint({
  method: 'GET',
  url: '/api/dossiers/:id/receipt.pdf',
  summary: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả, hoặc Phiếu xác nhận nộp hồ sơ trực tuyến khi hồ sơ chưa được tiếp nhận (PDF)',
  schema: { params: IdParams, response: {} },
});

/** The paper's bytes, no JSON. */
export const downloadPaper = endpoint({
  method: 'GET',
  url: '/api/papers/:id',
  summary: 'Tải một giấy tờ',
  schema: { params: IdParams, response: {} },
});

export const withdrawDossier = endpoint({
  method: 'POST',
  url: '/api/my/dossiers/:id/withdraw',
  summary: 'Công dân rút hồ sơ',
  schema: { params: IdParams, body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }), response: { 200: ActionSummary } },
});

export const rateDossier = endpoint({
  method: 'POST',
  url: '/api/my/dossiers/:id/rating',
  summary:
    'Đánh giá mức độ hài lòng theo từng tiêu chí (access, time, staff, result: 3 Rất hài lòng, 2 Hài lòng, 1 Không hài lòng) và ý kiến, một lần sau khi nhận kết quả',
  schema: {
    params: IdParams,
    body: Type.Object({
      /** Loose on purpose: the service answers RATING_CRITERION_MISSING / RATING_INVALID. */
      criteria: Type.Object(
        {
          access: Type.Optional(Type.Integer()),
          time: Type.Optional(Type.Integer()),
          staff: Type.Optional(Type.Integer()),
          result: Type.Optional(Type.Integer()),
        },
        { additionalProperties: false },
      ),
      comment: Type.Optional(Type.String({ maxLength: 1000 })),
    }),
    response: { 201: RatingView },
  },
});

/** A PDF file, no JSON. */
export const resultPdf = endpoint({
  method: 'GET',
  url: '/api/dossiers/:id/result.pdf',
  summary: 'Kết quả điện tử đã ký số (PDF)',
  schema: { params: IdParams, response: {} },
});

/** A PDF file, no JSON. */
export const apologyPdf = endpoint({
  method: 'GET',
  url: '/api/dossiers/:id/apology.pdf',
  summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (PDF)',
  schema: { params: IdParams, response: {} },
});

// ---- Kho dữ liệu --------------------------------------------------------------------------------------

export const listStore = endpoint({
  method: 'GET',
  url: '/api/my/store',
  summary: 'Kho dữ liệu của công dân',
  schema: { response: { 200: Type.Array(StoreItem) } },
});

/** Multipart: field "title", then "file" (the route declares consumes). */
export const addToStore = endpoint({
  method: 'POST',
  url: '/api/my/store',
  summary: 'Thêm giấy tờ vào Kho dữ liệu (multipart: trường "title" rồi "file")',
  schema: { response: { 201: StoreItem } },
});

export const removeFromStore = endpoint({
  method: 'DELETE',
  url: '/api/my/store/:id',
  summary: 'Xóa giấy tờ khỏi Kho dữ liệu',
  schema: { params: IdParams, response: { 204: NoContent } },
});

// ---- verification and tracking (public) -----------------------------------------------------------------

export const verifyByToken = endpoint({
  method: 'GET',
  url: '/api/verify/:token',
  summary: 'Xác thực văn bản điện tử (từ mã QR)',
  schema: {
    params: TokenParams,
    response: {
      200: Type.Object({
        code: Type.String(),
        procedureName: Type.String(),
        agencyName: Type.String(),
        /** "Nguyễn V. A.": enough to recognise one's own document. */
        applicantName: Type.String(),
        issuedAt: Nullable(Type.String()),
        ...VerifyCheck.properties,
      }),
    },
  },
});

/** The signed PDF, no JSON. */
export const verifiedDocumentPdf = endpoint({
  method: 'GET',
  url: '/api/verify/:token/document.pdf',
  summary: 'Bản gốc của văn bản điện tử (từ mã QR)',
  schema: { params: TokenParams, response: {} },
});

/** Multipart, field "file" (the route declares consumes). */
export const verifyUpload = endpoint({
  method: 'POST',
  url: '/api/verify',
  summary: 'Kiểm tra một tệp PDF: chữ ký số còn nguyên vẹn, đáng tin cậy, do hệ thống này cấp (multipart "file")',
  schema: {
    response: {
      200: Type.Object({
        ...VerifyCheck.properties,
        /** The dossier whose result the file is, byte for byte; null when this system did not issue it. */
        issuedHere: Nullable(Type.Object({ code: Type.String(), procedureName: Type.String() })),
      }),
    },
  },
});

export const trackDossier = endpoint({
  method: 'GET',
  url: '/api/tracking',
  summary: 'Tra cứu hồ sơ: mã hồ sơ và 4 số cuối số điện thoại đã đăng ký cho hồ sơ',
  schema: {
    querystring: Type.Object({ code: Type.String({ maxLength: 60 }), phone: Type.String({ maxLength: 15 }) }),
    response: {
      200: Type.Object({
        code: Type.String(),
        procedureName: Type.String(),
        agencyName: Type.String(),
        status: Type.Integer(),
        statusLabel: Type.String(),
        submittedAt: Type.String(),
        appointmentDate: Nullable(Type.String()),
        extendedDate: Nullable(Type.String()),
        returnedAt: Nullable(Type.String()),
        events: Type.Array(Type.Object({ at: Type.String(), action: Type.String(), toStatusLabel: Type.String() })),
      }),
    },
  },
});
