import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const tags = ['audit-viewer'];

const AuditItem = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  /** "Họ tên (tên đăng nhập)" of the actor when known, else what was typed (failed sign-in). */
  actorLabel: Nullable(Type.String()),
  action: Type.String(),
  actionLabel: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  entityLabel: Nullable(Type.String()),
  unit: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  ip: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  /** Readable names of the units and users whose ids appear in before/after. */
  refs: Type.Record(Type.String(), Type.String()),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    '/api/admin/audit-log',
    {
      schema: {
        tags,
        summary: 'Nhật ký hệ thống: ai làm gì, với ai, khi nào — trong phạm vi quản lý, mới nhất trước',
        querystring: Type.Object({
          from: Type.Optional(Type.String({ maxLength: 10, description: 'Từ ngày, YYYY-MM-DD (giờ Việt Nam)' })),
          to: Type.Optional(Type.String({ maxLength: 10, description: 'Đến ngày, YYYY-MM-DD (giờ Việt Nam)' })),
          action: Type.Optional(Type.String({ maxLength: 60 })),
          actor: Type.Optional(Type.String({ maxLength: 100, description: 'Người thực hiện: họ tên hoặc tên đăng nhập' })),
          subject: Type.Optional(Type.String({ maxLength: 100, description: 'Người dùng liên quan: họ tên, tên đăng nhập, CMND/CCCD hoặc mã' })),
          unitId: Type.Optional(Type.String({ format: 'uuid' })),
          page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(AuditItem),
            total: Type.Integer({ description: 'Number of matches, at most 10,000' }),
            totalCapped: Type.Boolean(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => svc.listAudit(ctx(req), req.query),
  );
};

export const auditViewerModule: AppModule = { name: 'audit-viewer', routes };
