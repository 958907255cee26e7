import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { adminRoutes, sendFile } from './admin-routes.js';
import { readTemplateFile } from './admin-service.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const summaryFields = {
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.String(),
  implementingAgency: Type.String(),
  processingDays: Type.Integer({ description: 'Working days; 0 = within the day of receipt' }),
  processingNote: Nullable(Type.String()),
  fees: Type.Array(Type.Object({ label: Type.String(), amountVnd: Type.Number(), unit: Type.Optional(Type.String()) })),
  fullyOnline: Type.Boolean({ description: 'Dịch vụ công trực tuyến toàn trình' }),
  onlineFiling: Type.Boolean({ description: 'Có biểu mẫu điện tử: nộp được trên cổng' }),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
};
const tags = ['procedures'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  app.get(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: 'Danh mục thủ tục hành chính đang có hiệu lực (tìm theo mã hoặc tên, không cần dấu)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          field: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object(summaryFields)), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }),
        },
      },
    },
    async (req) => svc.listPublished(deps.db, deps.clock, req.query),
  );

  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Một thủ tục: thời hạn, phí, lệ phí, căn cứ pháp lý và thành phần hồ sơ',
        params: Type.Object({ code: Type.String({ maxLength: 30 }) }),
        response: {
          200: Type.Object({
            ...summaryFields,
            legalBasis: Nullable(Type.String()),
            documents: Type.Array(
              Type.Object({
                position: Type.Integer(),
                name: Type.String(),
                quantity: Type.String(),
                required: Type.Boolean(),
                templateName: Nullable(Type.String()),
                hasTemplate: Type.Boolean({ description: 'A template file can be downloaded from …/documents/:position/template' }),
                note: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => svc.getPublished(deps.db, deps.clock, req.params.code),
  );

  app.get(
    '/api/procedures/:code/documents/:position/template',
    {
      schema: {
        tags,
        summary: 'Tải mẫu đơn, tờ khai của một thành phần hồ sơ (thủ tục đang có hiệu lực)',
        params: Type.Object({ code: Type.String({ maxLength: 30 }), position: Type.Integer({ minimum: 1, maximum: 1000 }) }),
      },
    },
    async (req, reply) => {
      const fileId = await svc.publishedTemplateFileId(deps.db, deps.clock, req.params.code, req.params.position);
      return sendFile(reply, await readTemplateFile(deps.db, deps.blobs, fileId));
    },
  );

  // The catalogue's administration lives in the same module (admin-routes.ts).
  await app.register(adminRoutes);
};

export const proceduresModule: AppModule = { name: 'procedures', routes };
