import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const tags = ['outbox-admin'];

const OutboxJob = Type.Object({
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

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags,
        summary: 'Tin nhắn/thư chưa gửi được: còn đang gửi lại quá 15 phút, hoặc đã ngừng gửi — cũ nhất trước',
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
    },
    async (req) => svc.listOutbox(ctx(req), req.query),
  );

  app.post(
    '/api/admin/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Gửi lại một tin nhắn/thư đã ngừng gửi',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: OutboxJob },
      },
    },
    async (req) => svc.retryJob(ctx(req), req.params.id),
  );
};

export const outboxAdminModule: AppModule = { name: 'outbox-admin', routes };
