// "Nhật ký hệ thống" (audit-viewer module): the one endpoint that lists audit rows.
import { Type } from 'typebox';
import { endpoint, Nullable, PageQuery, UnitRef } from './contract.js';

export const AuditItem = Type.Object({
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
  unit: Nullable(UnitRef),
  ip: Nullable(Type.String()),
  /** The changed fields before and after, as the service recorded them (any JSON). */
  before: Type.Unknown(),
  after: Type.Unknown(),
  /** Readable names of the units and users whose ids appear in before/after. */
  refs: Type.Record(Type.String(), Type.String()),
});

export const listAuditLog = endpoint({
  method: 'GET',
  url: '/api/admin/audit-log',
  summary: 'Nhật ký hệ thống: ai làm gì, với ai, khi nào — trong phạm vi quản lý, mới nhất trước',
  schema: {
    querystring: Type.Object({
      from: Type.Optional(Type.String({ maxLength: 10, description: 'Từ ngày, YYYY-MM-DD (giờ Việt Nam)' })),
      to: Type.Optional(Type.String({ maxLength: 10, description: 'Đến ngày, YYYY-MM-DD (giờ Việt Nam)' })),
      action: Type.Optional(Type.String({ maxLength: 60 })),
      actor: Type.Optional(Type.String({ maxLength: 100, description: 'Người thực hiện: họ tên hoặc tên đăng nhập' })),
      subject: Type.Optional(Type.String({ maxLength: 100, description: 'Người dùng liên quan: họ tên, tên đăng nhập, CMND/CCCD hoặc mã' })),
      unitId: Type.Optional(Type.String({ format: 'uuid' })),
      ...PageQuery,
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
});
