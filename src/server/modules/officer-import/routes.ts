import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import { XLSX_TYPE } from '../../platform/files/xlsx.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Status = Type.Union([Type.Literal('preview'), Type.Literal('imported'), Type.Literal('discarded')]);
const Counts = Type.Object({ create: Type.Integer(), update: Type.Integer(), unchanged: Type.Integer(), skip: Type.Integer() });
const Row = Type.Object({
  no: Type.Integer({ description: 'Position among the data rows, from 1' }),
  stt: Type.String(),
  fullName: Type.String(),
  unit: Type.String({ description: 'The "Đơn vị" cell as written' }),
  idNumber: Type.String(),
  phone: Type.String(),
  unitId: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('unchanged'), Type.Literal('skip')]),
  changes: Type.Array(Type.Union([Type.Literal('assign_unit'), Type.Literal('grant_permission')])),
  problems: Type.Array(Type.String()),
});
const summaryFields = {
  id: Type.String(),
  fileName: Type.String(),
  status: Status,
  rowCount: Type.Integer(),
  createdAt: Type.String(),
  importedAt: Nullable(Type.String()),
  result: Nullable(Counts),
};
const Summary = Type.Object(summaryFields);
const Detail = Type.Object({
  ...summaryFields,
  counts: Counts,
  sameFileImportedAt: Nullable(Type.String({ description: 'When this administrator last imported a file with the same content' })),
  rows: Type.Array(Row),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['officer-import'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const base = '/api/admin/officer-imports';
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    `${base}/template.xlsx`,
    { schema: { tags, summary: 'Tải biểu mẫu danh sách cán bộ bộ phận một cửa (.xlsx)' } },
    async (req, reply) => {
      const data = await svc.templateWorkbook(ctx(req));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="bieu-mau-danh-sach-can-bo-mot-cua.xlsx"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Tải lên danh sách (.xlsx, multipart field "file", tối đa 5 MB, 5.000 dòng): kiểm tra từng dòng, chưa ghi gì',
        consumes: ['multipart/form-data'],
        response: { 201: Detail },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      await svc.scopeOf(c); // administrators only, before reading the upload
      if (!req.isMultipart()) throw new AppError('IMPORT_FILE_INVALID', { message: 'Hãy chọn 1 file danh sách (.xlsx) để tải lên.' });
      let file: { fileName: string; data: Buffer } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type !== 'file') continue;
          if (file) throw new AppError('IMPORT_FILE_INVALID', { message: 'Mỗi lần chỉ tải lên 1 file danh sách.' });
          file = { fileName: part.filename, data: await part.toBuffer() };
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
          throw new AppError('IMPORT_FILE_INVALID', { message: 'Mỗi lần chỉ tải lên 1 file danh sách.' });
        }
        throw err;
      }
      if (!file) throw new AppError('IMPORT_FILE_INVALID', { message: 'Hãy chọn 1 file danh sách (.xlsx) để tải lên.' });
      return reply.status(201).send(await svc.previewImport(c, file));
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Các lần nhập danh sách của quản trị viên, mới nhất trước',
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(Summary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
      },
    },
    async (req) => svc.listImports(ctx(req), req.query.page, req.query.pageSize),
  );

  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'Một lần nhập: các dòng, thao tác dự kiến và vấn đề', params: IdParams, response: { 200: Detail } } },
    async (req) => svc.getImport(ctx(req), req.params.id),
  );

  app.post(
    `${base}/:id/confirm`,
    {
      schema: {
        tags,
        summary: 'Nhập các dòng hợp lệ (kiểm tra lại tất cả; dòng có vấn đề bị bỏ qua), trong một giao dịch',
        params: IdParams,
        response: { 200: Detail },
      },
    },
    async (req) => svc.confirmImport(ctx(req), req.params.id),
  );

  app.delete(
    `${base}/:id`,
    { schema: { tags, summary: 'Hủy bản xem trước (không ghi gì)', params: IdParams, response: { 200: Detail } } },
    async (req) => svc.discardImport(ctx(req), req.params.id),
  );
};

export const officerImportModule: AppModule = { name: 'officer-import', routes };
