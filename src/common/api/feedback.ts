// Phản ánh, kiến nghị (PAKN, feedback module, issue 15): a signed-in citizen sends feedback about a
// procedure or one of their own dossiers to the agency responsible; officers of that agency holding
// "Trả lời phản ánh, kiến nghị" (FEEDBACK_ANSWER) read and answer it; an answered one whose sender
// agreed to it is published on "/phan-anh-kien-nghi" without anything that names the sender.
import { Type } from 'typebox';
import { endpoint, Nullable, PageQuery, UnitRef } from './contract.js';

/** What the form and the service both check (after NFC and collapsing spaces). */
export const FEEDBACK_LIMITS = {
  titleMin: 10,
  titleMax: 200,
  contentMin: 20,
  contentMax: 4000,
  answerMin: 20,
  answerMax: 4000,
} as const;

export const FEEDBACK_STATUSES = ['received', 'processing', 'answered'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  answered: 'Đã trả lời',
};

const Status = Type.Union([Type.Literal('received'), Type.Literal('processing'), Type.Literal('answered')]);
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
/** Generous bounds at the edge (a huge body never reaches the service); the exact limits are FEEDBACK_LIMITS. */
const LongText = (max: number) => Type.String({ maxLength: max });

/** What the feedback is about: a procedure of the catalogue, or one of the citizen's dossiers. */
const About = Type.Object({
  kind: Type.Union([Type.Literal('procedure'), Type.Literal('dossier')]),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  dossierId: Nullable(Type.String()),
  dossierCode: Nullable(Type.String()),
});

/** One feedback as its sender sees it. */
const MyFeedback = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  content: Type.String(),
  about: About,
  agency: UnitRef,
  consentPublic: Type.Boolean(),
  status: Status,
  statusLabel: Type.String(),
  createdAt: Type.String(),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});

export const sendFeedback = endpoint({
  method: 'POST',
  url: '/api/my/feedback',
  summary: 'Gửi phản ánh, kiến nghị về một thủ tục hành chính hoặc một hồ sơ của mình',
  schema: {
    body: Type.Object({
      /** The procedure's code (with agencyId), or … */
      procedureCode: Type.Optional(Type.String({ maxLength: 30 })),
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      /** … one of the citizen's own dossiers (its agency receives the feedback). */
      dossierId: Type.Optional(Type.String({ format: 'uuid' })),
      title: LongText(1000),
      content: LongText(20000),
      consentPublic: Type.Boolean({ description: 'Đồng ý công khai nội dung phản ánh và trả lời (không công khai thông tin cá nhân)' }),
      submissionKey: Type.String({ minLength: 8, maxLength: 80, description: 'Idempotency key: a repeat returns the first feedback' }),
    }),
    response: { 201: MyFeedback },
  },
});

export const listMyFeedback = endpoint({
  method: 'GET',
  url: '/api/my/feedback',
  summary: 'Phản ánh, kiến nghị của tôi (mọi trạng thái), mới nhất trước',
  schema: {
    querystring: Type.Object({ ...PageQuery }),
    response: { 200: Type.Object({ items: Type.Array(MyFeedback), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
  },
});

export const getMyFeedback = endpoint({
  method: 'GET',
  url: '/api/my/feedback/:id',
  summary: 'Một phản ánh, kiến nghị của tôi và câu trả lời',
  schema: { params: IdParams, response: { 200: MyFeedback } },
});

/** A published one: question, answer, agency and dates; nothing about the sender. */
const PublicFeedback = Type.Object({
  code: Type.String(),
  title: Type.String(),
  content: Type.String(),
  procedureName: Type.String(),
  agencyName: Type.String(),
  createdAt: Type.String(),
  answer: Type.String(),
  answeredAt: Type.String(),
});

export const listPublicFeedback = endpoint({
  method: 'GET',
  url: '/api/feedback',
  summary: 'Phản ánh, kiến nghị đã được trả lời và được người gửi đồng ý công khai (tìm không cần dấu)',
  schema: {
    querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }),
    response: { 200: Type.Object({ items: Type.Array(PublicFeedback), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
  },
});

// ---- back office ------------------------------------------------------------------------------

const OfficerListItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  procedureName: Type.String(),
  dossierCode: Nullable(Type.String()),
  agency: UnitRef,
  status: Status,
  statusLabel: Type.String(),
  consentPublic: Type.Boolean(),
  createdAt: Type.String(),
  answeredAt: Nullable(Type.String()),
});

export const listAgencyFeedback = endpoint({
  method: 'GET',
  url: '/api/admin/feedback',
  summary: 'Phản ánh, kiến nghị gửi tới các cơ quan của cán bộ (lọc theo trạng thái, ngày gửi; tìm theo mã, tiêu đề, nội dung không cần dấu)',
  schema: {
    querystring: Type.Object({
      q: Type.Optional(Type.String({ maxLength: 100 })),
      status: Type.Optional(Status),
      from: Type.Optional(Type.String({ format: 'date' })),
      to: Type.Optional(Type.String({ format: 'date' })),
      ...PageQuery,
    }),
    response: { 200: Type.Object({ items: Type.Array(OfficerListItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
  },
});

const OfficerDetail = Type.Object({
  ...MyFeedback.properties,
  citizen: Type.Object({ fullName: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()) }),
  answeredByName: Nullable(Type.String()),
});

export const getAgencyFeedback = endpoint({
  method: 'GET',
  url: '/api/admin/feedback/:id',
  summary: 'Xem một phản ánh, kiến nghị và thông tin liên hệ của người gửi (được ghi nhật ký)',
  schema: { params: IdParams, response: { 200: OfficerDetail } },
});

export const startFeedback = endpoint({
  method: 'POST',
  url: '/api/admin/feedback/:id/start',
  summary: 'Nhận xử lý phản ánh, kiến nghị (chuyển sang Đang xử lý)',
  schema: { params: IdParams, response: { 200: OfficerDetail } },
});

export const answerFeedback = endpoint({
  method: 'POST',
  url: '/api/admin/feedback/:id/answer',
  summary: 'Trả lời phản ánh, kiến nghị; người gửi nhận tin nhắn/thư báo',
  schema: { params: IdParams, body: Type.Object({ answer: LongText(20000) }), response: { 200: OfficerDetail } },
});
