// /api/admin/procedures: the catalogue's administration (HIGH_ADMIN, ADMIN CỤC KSTTHC). Registered
// by the procedures module's routes plugin. Who may act is decided in admin-service.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import * as admin from './admin-service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const tags = ['procedures-admin'];
const base = '/api/admin/procedures';

const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('unpublished')]);
const Level = Type.Union([Type.Literal('commune'), Type.Literal('province'), Type.Literal('ministry')]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const OptText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Fee = Type.Object({
  label: Text(300),
  amountVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
  unit: Type.Optional(Type.String({ maxLength: 50 })),
});

const DocumentInput = Type.Object({
  id: Type.Optional(Type.String({ format: 'uuid', description: 'An existing document (keeps its template); absent for a new one' })),
  name: Text(500),
  quantity: Text(100),
  required: Type.Boolean(),
  templateName: OptText(300),
  note: OptText(1000),
});

const ProcedureInput = Type.Object({
  code: Type.String({ maxLength: 30, description: 'Mã thủ tục, e.g. 1.001193' }),
  name: Text(500),
  field: Text(200),
  level: Level,
  implementingAgency: Text(300),
  processingDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Working days; 0 = within the day of receipt' }),
  processingNote: OptText(1000),
  fees: Type.Array(Fee, { maxItems: 20 }),
  fullyOnline: Type.Boolean({ description: 'Dịch vụ công trực tuyến toàn trình' }),
  legalBasis: OptText(5000),
  effectiveFrom: IsoDate,
  effectiveTo: Type.Optional(Nullable(IsoDate)),
  decisionRef: OptText(200),
  decisionDate: Type.Optional(Nullable(IsoDate)),
  documents: Type.Array(DocumentInput, { maxItems: 50 }),
});

const Publication = Nullable(Type.Object({ workingDays: Type.Integer(), late: Type.Boolean() }));
const ListItem = {
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.String(),
  status: Status,
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  effective: Type.Union([Type.Literal('upcoming'), Type.Literal('current'), Type.Literal('expired')]),
  inForce: Type.Boolean({ description: 'Shown in the public catalogue today' }),
  decisionRef: Nullable(Type.String()),
  decisionDate: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  publication: Publication,
  hasForm: Type.Boolean(),
  updatedAt: Type.String(),
};
const Template = Type.Object({ fileName: Type.String(), size: Type.Number(), type: Type.String() });
const Detail = Type.Object({
  ...ListItem,
  implementingAgency: Type.String(),
  processingDays: Type.Integer(),
  processingNote: Nullable(Type.String()),
  fees: Type.Array(Type.Object({ label: Type.String(), amountVnd: Type.Number(), unit: Type.Optional(Type.String()) })),
  fullyOnline: Type.Boolean(),
  legalBasis: Nullable(Type.String()),
  form: Type.Unknown({ description: 'The e-form (EForm) or null' }),
  formFieldCount: Type.Integer(),
  documents: Type.Array(
    Type.Object({
      id: Type.String(),
      position: Type.Integer(),
      name: Type.String(),
      quantity: Type.String(),
      required: Type.Boolean(),
      templateName: Nullable(Type.String()),
      note: Nullable(Type.String()),
      template: Nullable(Template),
    }),
  ),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocParams = Type.Object({ id: Type.String({ format: 'uuid' }), documentId: Type.String({ format: 'uuid' }) });

/** attachment; with an ASCII fallback and the exact (UTF-8) name for browsers that read it. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendFile(reply: FastifyReply, f: { data: Buffer; fileName: string; mime: string }) {
  return reply.type(f.mime).header('content-disposition', contentDisposition(f.fileName)).header('x-content-type-options', 'nosniff').send(f.data);
}

const TEMPLATE_MESSAGES = {
  FILE_REQUIRED: 'Phải đính kèm 1 file mẫu đơn, tờ khai (doc, docx hoặc pdf).',
  FILE_TOO_MANY: 'Chỉ được tải lên 1 file mẫu cho mỗi thành phần hồ sơ.',
} as const;

/** The one file of a multipart upload; the plugin's limits (1 file, 5 MB) answer in our words. */
async function oneFile(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('FILE_REQUIRED', { message: TEMPLATE_MESSAGES.FILE_REQUIRED });
  let file: { filename: string; data: Buffer } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      if (file) throw new AppError('FILE_TOO_MANY', { message: TEMPLATE_MESSAGES.FILE_TOO_MANY });
      file = { filename: part.filename, data: await part.toBuffer() };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('FILE_TOO_MANY', { message: TEMPLATE_MESSAGES.FILE_TOO_MANY });
    throw err;
  }
  if (!file) throw new AppError('FILE_REQUIRED', { message: TEMPLATE_MESSAGES.FILE_REQUIRED });
  return file;
}

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: FastifyRequest) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Danh mục thủ tục (quản trị): mọi trạng thái, tìm theo mã hoặc tên không cần dấu, lọc trạng thái và công bố chậm',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          status: Type.Optional(Status),
          late: Type.Optional(Type.Boolean({ description: 'Chỉ thủ tục công bố chậm (quá 10 ngày làm việc kể từ ngày quyết định)' })),
          page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object(ListItem)), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
      },
    },
    async (req) => admin.listAll(ctx(req), req.query),
  );

  app.post(
    base,
    { schema: { tags, summary: 'Thêm thủ tục (bản nháp)', body: ProcedureInput, response: { 201: Detail } } },
    async (req, reply) => reply.status(201).send(await admin.createProcedure(ctx(req), req.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'Chi tiết thủ tục (quản trị)', params: IdParams, response: { 200: Detail } } }, async (req) =>
    admin.getProcedure(ctx(req), req.params.id),
  );

  app.put(
    `${base}/:id`,
    { schema: { tags, summary: 'Sửa thông tin và thành phần hồ sơ của thủ tục', params: IdParams, body: ProcedureInput, response: { 200: Detail } } },
    async (req) => admin.updateProcedure(ctx(req), req.params.id, req.body),
  );

  app.post(`${base}/:id/publish`, { schema: { tags, summary: 'Công bố thủ tục', params: IdParams, response: { 200: Detail } } }, async (req) =>
    admin.publishProcedure(ctx(req), req.params.id),
  );

  app.post(`${base}/:id/unpublish`, { schema: { tags, summary: 'Ngừng công bố thủ tục', params: IdParams, response: { 200: Detail } } }, async (req) =>
    admin.unpublishProcedure(ctx(req), req.params.id),
  );

  app.put(
    `${base}/:id/form`,
    {
      schema: {
        tags,
        summary: 'Đặt biểu mẫu điện tử: { title, schema (JSON Schema 2020-12), layout }; lỗi FORM_DEFINITION_INVALID kèm danh sách vấn đề',
        params: IdParams,
        body: Type.Unknown({ description: 'EForm (src/common/eform.ts)' }),
        response: { 200: Type.Object({ title: Type.String(), fieldCount: Type.Integer(), sectionCount: Type.Integer() }) },
      },
    },
    async (req) => admin.setForm(ctx(req), req.params.id, req.body),
  );

  app.put(
    `${base}/:id/workflow`,
    {
      schema: {
        tags,
        summary: 'Đặt quy trình xử lý: { steps: [{ key, label, role, days, signs? }] }; lỗi WORKFLOW_DEFINITION_INVALID',
        params: IdParams,
        body: Type.Unknown({ description: 'Workflow (src/common/workflow.ts)' }),
        response: { 200: Type.Object({ steps: Type.Integer(), custom: Type.Boolean() }) },
      },
    },
    async (req) => admin.setWorkflow(ctx(req), req.params.id, req.body ?? {}),
  );

  app.delete(
    `${base}/:id/workflow`,
    {
      schema: {
        tags,
        summary: 'Trở về quy trình xử lý mặc định (tiếp nhận → chuyên viên → lãnh đạo → trả kết quả)',
        params: IdParams,
        response: { 200: Type.Object({ steps: Type.Integer(), custom: Type.Boolean() }) },
      },
    },
    async (req) => admin.setWorkflow(ctx(req), req.params.id, null),
  );

  app.post(
    `${base}/:id/documents/:documentId/template`,
    {
      schema: {
        tags,
        summary: 'Tải lên mẫu đơn, tờ khai của một thành phần hồ sơ: 1 file doc, docx hoặc pdf, tối đa 5 MB (multipart, field "file")',
        consumes: ['multipart/form-data'],
        params: DocParams,
        response: { 201: Template },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      admin.catalogueAdmin(c);
      const file = await oneFile(req);
      return reply.status(201).send(await admin.uploadTemplate(c, req.params.id, req.params.documentId, file));
    },
  );

  app.get(`${base}/:id/documents/:documentId/template`, { schema: { tags, summary: 'Tải xuống mẫu (quản trị, mọi trạng thái)', params: DocParams } }, async (req, reply) =>
    sendFile(reply, await admin.adminTemplate(ctx(req), req.params.id, req.params.documentId)),
  );

  app.delete(`${base}/:id/documents/:documentId/template`, { schema: { tags, summary: 'Gỡ mẫu của thành phần hồ sơ', params: DocParams } }, async (req, reply) => {
    await admin.removeTemplate(ctx(req), req.params.id, req.params.documentId);
    return reply.status(204).send();
  });
};
