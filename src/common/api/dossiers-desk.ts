// Hồ sơ (dossiers module), the officers' side: desk reception of in-person dossiers, the reception
// queue (receive / ask for supplementation / refuse), and processing (the work list, the unit's
// figures, one workflow action). Shared schemas are in dossiers.ts.
import { Type } from 'typebox';
import { endpoint, Nullable, UnitRef } from './contract.js';
import {
  ActionSummary,
  CodeParams,
  DossierActionName,
  DossierDetail,
  DossierPage,
  DossierResult,
  FilingProcedure,
  IdParams,
  Prefill,
  StoredPaper,
  startFiling,
  SubmitBody,
} from './dossiers.js';

// ---- desk reception ----------------------------------------------------------------------------------

export const deskFindCitizen = endpoint({
  method: 'GET',
  url: '/api/desk/citizens',
  summary: 'Tìm công dân theo CMND/CCCD',
  schema: {
    querystring: Type.Object({ idNumber: Type.String({ maxLength: 20 }) }),
    response: {
      200: Type.Object({
        account: Nullable(
          Type.Object({
            id: Type.String(),
            fullName: Type.String(),
            idNumber: Nullable(Type.String()),
            birthDate: Nullable(Type.String()),
            phone: Nullable(Type.String()),
            status: Type.String(),
          }),
        ),
        population: Nullable(Type.Object({ fullName: Type.String(), birthDate: Type.String() })),
        populationAvailable: Type.Boolean(),
      }),
    },
  },
});

export const deskAgencies = endpoint({
  method: 'GET',
  url: '/api/desk/agencies',
  summary: 'Cơ quan tiếp nhận của cán bộ',
  schema: { response: { 200: Type.Array(Type.Object({ ...UnitRef.properties, kind: Type.String() })) } },
});

export const deskStartFiling = endpoint({
  method: 'GET',
  url: '/api/desk/filing/:code',
  summary: 'Tiếp nhận trực tiếp: biểu mẫu điền sẵn cho công dân',
  schema: {
    params: CodeParams,
    querystring: Type.Object({ citizenId: Type.String({ maxLength: 40 }) }),
    response: {
      200: Type.Object({
        procedure: FilingProcedure,
        prefill: Prefill,
        citizen: Type.Object({ id: Type.String(), fullName: Type.String(), idNumber: Nullable(Type.String()), phone: Nullable(Type.String()) }),
        agencies: Type.Array(UnitRef),
        /** The postal address proposed for "Nhận qua dịch vụ bưu chính" (issue 15). */
        deliveryPrefill: startFiling.schema.response[200].properties.deliveryPrefill,
      }),
    },
  },
});

export const deskReceive = endpoint({
  method: 'POST',
  url: '/api/desk/filing/:code',
  summary: 'Tiếp nhận hồ sơ trực tiếp (đủ bản điện tử của giấy tờ bắt buộc)',
  schema: {
    params: CodeParams,
    body: Type.Object({ ...SubmitBody.properties, citizenId: Type.String({ format: 'uuid' }) }),
    response: { 201: DossierResult },
  },
});

/** Multipart, field "file" (the route declares consumes). */
export const deskUploadPaper = endpoint({
  method: 'POST',
  url: '/api/desk/papers',
  summary: 'Tải lên bản quét giấy tờ (PDF, JPG, PNG; tối đa 10 MB)',
  schema: { response: { 201: StoredPaper } },
});

// ---- the reception queue ---------------------------------------------------------------------------------

export const listQueue = endpoint({
  method: 'GET',
  url: '/api/desk/dossiers',
  summary: 'Hồ sơ của đơn vị theo trạng thái (mặc định: 1 Mới đăng ký – chờ tiếp nhận)',
  schema: {
    querystring: Type.Object({ status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })), q: Type.Optional(Type.String({ maxLength: 60 })), ...DossierPage }),
    response: {
      200: Type.Object({
        items: Type.Array(
          Type.Object({
            id: Type.String(),
            code: Type.String(),
            procedureCode: Type.String(),
            procedureName: Type.String(),
            applicantName: Type.String(),
            applicantIdNumber: Nullable(Type.String()),
            channel: Type.Integer(),
            status: Type.Integer(),
            statusLabel: Type.String(),
            submittedAt: Type.String(),
            appointmentDate: Nullable(Type.String()),
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

export const getDeskDossier = endpoint({
  method: 'GET',
  url: '/api/desk/dossiers/:id',
  summary: 'Chi tiết hồ sơ',
  schema: { params: IdParams, response: { 200: DossierDetail } },
});

const Reason = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) });

export const receiveDossier = endpoint({
  method: 'POST',
  url: '/api/desk/dossiers/:id/receive',
  summary: 'Tiếp nhận hồ sơ trực tuyến',
  schema: { params: IdParams, body: Reason, response: { 200: DossierResult } },
});

export const requestSupplement = endpoint({
  method: 'POST',
  url: '/api/desk/dossiers/:id/request-supplement',
  summary: 'Yêu cầu bổ sung (kèm lý do)',
  schema: { params: IdParams, body: Reason, response: { 200: DossierResult } },
});

export const refuseDossier = endpoint({
  method: 'POST',
  url: '/api/desk/dossiers/:id/refuse',
  summary: 'Từ chối tiếp nhận (kèm lý do)',
  schema: { params: IdParams, body: Reason, response: { 200: DossierResult } },
});

// ---- processing (issue 7) -----------------------------------------------------------------------------------

/** A PDF file, no JSON: the result as it would be signed now, marked as an unsigned preview. */
export const resultPreviewPdf = endpoint({
  method: 'GET',
  url: '/api/work/dossiers/:id/result-preview.pdf',
  summary: 'Xem trước kết quả trước khi ký (chỉ người ký ở bước hiện tại)',
  schema: { params: IdParams, response: {} },
});

export const WorkItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  agencyName: Type.String(),
  status: Type.Integer(),
  statusLabel: Type.String(),
  step: Nullable(Type.Object({ key: Type.String(), label: Type.String(), role: Type.String() })),
  stepDueDate: Nullable(Type.String()),
  appointmentDate: Nullable(Type.String()),
  extendedDate: Nullable(Type.String()),
  urgency: Type.Union([Type.Literal('overdue'), Type.Literal('today'), Type.Literal('soon'), Type.Literal('later')]),
  paused: Type.Boolean(),
  actions: Type.Array(DossierActionName),
});

export const workList = endpoint({
  method: 'GET',
  url: '/api/work/dossiers',
  summary: 'Hồ sơ đang giải quyết của đơn vị, khẩn cấp trước (quá hạn, đến hạn hôm nay, sắp đến hạn)',
  schema: {
    querystring: Type.Object({
      bucket: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('today'), Type.Literal('soon'), Type.Literal('all')])),
      q: Type.Optional(Type.String({ maxLength: 60 })),
      // Each page reads page × pageSize rows per agency: deep pages are for search, not scrolling.
      page: Type.Integer({ minimum: 1, maximum: 500, default: 1 }),
      pageSize: DossierPage.pageSize,
    }),
    response: {
      200: Type.Object({
        items: Type.Array(WorkItem),
        total: Type.Integer(),
        /** Dossiers overdue, due today and due within two working days (whatever the bucket). */
        counts: Type.Object({ overdue: Type.Integer(), today: Type.Integer(), soon: Type.Integer() }),
        page: Type.Integer(),
        pageSize: Type.Integer(),
      }),
    },
  },
});

export const unitStatistics = endpoint({
  method: 'GET',
  url: '/api/work/statistics',
  summary: 'Đúng hạn, trực tuyến, mức độ hài lòng của đơn vị',
  schema: {
    response: {
      200: Type.Object({
        ratings: Type.Object({
          total: Type.Integer(),
          veryGood: Type.Integer(),
          good: Type.Integer(),
          bad: Type.Integer(),
          /** Share of ratings whose overall level (the lowest of their criteria, src/common/rating.ts) is Hài lòng or Rất hài lòng. */
          satisfiedShare: Nullable(Type.Number()),
          /** Per criterion (issue 15): how many rated it, and the share Hài lòng or Rất hài lòng; older single ratings have none. */
          criteria: Type.Array(
            Type.Object({ key: Type.String(), label: Type.String(), rated: Type.Integer(), satisfiedShare: Nullable(Type.Number()) }),
          ),
        }),
        dossiers: Type.Object({
          total: Type.Integer(),
          online: Type.Integer(),
          finished: Type.Integer(),
          onTime: Type.Integer(),
          onTimeShare: Nullable(Type.Number()),
          avgLoginToSubmitSeconds: Nullable(Type.Integer()),
        }),
      }),
    },
  },
});

export const OfficerAction = Type.Union(
  (['start', 'forward', 'finish', 'send_back', 'supplement_requested', 'request_payment', 'paid', 'transfer', 'extend', 'return_result', 'stop'] as const).map((a) =>
    Type.Literal(a),
  ),
);

export const actOnDossier = endpoint({
  method: 'POST',
  url: '/api/work/dossiers/:id/actions/:action',
  summary: 'Một thao tác xử lý hồ sơ, kiểm tra theo quy trình của thủ tục và vai trò của cán bộ',
  schema: {
    params: Type.Object({ id: Type.String({ maxLength: 40 }), action: OfficerAction }),
    body: Type.Object({
      reason: Type.Optional(Type.String({ maxLength: 2000 })),
      newDate: Type.Optional(Type.String({ maxLength: 10 })),
      amountVnd: Type.Optional(Type.Integer()),
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
    }),
    response: { 200: ActionSummary },
  },
});
