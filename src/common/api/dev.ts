// The dev outbox (dev module, never registered in production): every SMS and e-mail the dev
// transports "delivered", for testers and the tests.
import { Type } from 'typebox';
import { endpoint, Nullable } from './contract.js';

export const DevMessage = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  to: Type.String(),
  subject: Nullable(Type.String()),
  body: Type.String(),
  createdAt: Type.String(),
});

export const listDevOutbox = endpoint({
  method: 'GET',
  url: '/api/dev/outbox',
  summary: 'Tin nhắn SMS và email đã gửi qua kênh thử nghiệm (mới nhất trước; không có khi NODE_ENV=production)',
  schema: {
    querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }),
    response: { 200: Type.Array(DevMessage) },
  },
});
