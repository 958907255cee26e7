// "Tin nhắn/thư gửi đi" (outbox-admin module): the SMS and e-mails that could not be delivered, for
// a high-level administrator, and sending a given-up one again. No payload (recipient, text) is shown.
import { Type } from 'typebox';
import { endpoint, Nullable } from './contract.js';

export const OutboxJob = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'notify.sms, notify.email, …' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('failed')], { description: 'pending: còn đang gửi lại; failed: đã ngừng gửi, chờ quản trị gửi lại' }),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  createdAt: Type.String({ description: 'Thời điểm tạo (lần gửi đầu tiên)' }),
  ageSeconds: Type.Integer(),
  lastError: Nullable(Type.String({ description: 'Lỗi lần gửi gần nhất (rút gọn, đã che số điện thoại, email)' })),
  nextAttemptAt: Nullable(Type.String({ description: 'Lần gửi lại kế tiếp; null khi đã ngừng gửi' })),
});

export const listOutbox = endpoint({
  method: 'GET',
  url: '/api/admin/outbox',
  summary: 'Tin nhắn/thư chưa gửi được: còn đang gửi lại quá 15 phút, hoặc đã ngừng gửi — cũ nhất trước',
  schema: {
    querystring: Type.Object({
      status: Type.Union([Type.Literal('problem'), Type.Literal('stuck'), Type.Literal('failed')], {
        default: 'problem',
        description: 'problem: cả hai; stuck: còn đang gửi lại; failed: đã ngừng gửi',
      }),
      page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
      pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    }),
    response: {
      200: Type.Object({
        items: Type.Array(OutboxJob),
        total: Type.Integer(),
        page: Type.Integer(),
        pageSize: Type.Integer(),
        counts: Type.Object({ stuck: Type.Integer(), failed: Type.Integer() }),
        stuckAfterSeconds: Type.Integer(),
      }),
    },
  },
});

export const retryOutboxJob = endpoint({
  method: 'POST',
  url: '/api/admin/outbox/:id/retry',
  summary: 'Gửi lại một tin nhắn/thư đã ngừng gửi',
  schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: OutboxJob } },
});
