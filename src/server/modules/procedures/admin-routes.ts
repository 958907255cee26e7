// /api/admin/procedures: the catalogue's administration (HIGH_ADMIN, ADMIN CỤC KSTTHC). Registered
// by the procedures module's routes plugin. Who may act is decided in admin-service.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { routeOptions } from '../../../common/api/contract.js';
import * as c from '../../../common/api/procedures.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import * as admin from './admin-service.js';

const tags = ['procedures-admin'];

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

export const adminRoutes = (opts: { stepsInUse: admin.StepsInUse }): FastifyPluginAsyncTypebox => async (app) => {
  const deps = app.deps;
  const ctx = (req: FastifyRequest) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(c.listAdminProcedures.url, routeOptions(c.listAdminProcedures, tags), async (req) => admin.listAll(ctx(req), req.query));

  app.post(c.createAdminProcedure.url, routeOptions(c.createAdminProcedure, tags), async (req, reply) =>
    reply.status(201).send(await admin.createProcedure(ctx(req), req.body)),
  );

  app.get(c.getAdminProcedure.url, routeOptions(c.getAdminProcedure, tags), async (req) => admin.getProcedure(ctx(req), req.params.id));

  app.put(c.updateAdminProcedure.url, routeOptions(c.updateAdminProcedure, tags), async (req) => admin.updateProcedure(ctx(req), req.params.id, req.body));

  app.post(c.publishAdminProcedure.url, routeOptions(c.publishAdminProcedure, tags), async (req) => admin.publishProcedure(ctx(req), req.params.id));

  app.post(c.unpublishAdminProcedure.url, routeOptions(c.unpublishAdminProcedure, tags), async (req) => admin.unpublishProcedure(ctx(req), req.params.id));

  app.put(c.setProcedureForm.url, routeOptions(c.setProcedureForm, tags), async (req) => admin.setForm(ctx(req), req.params.id, req.body));

  app.put(c.setProcedureWorkflow.url, routeOptions(c.setProcedureWorkflow, tags), async (req) => admin.setWorkflow(ctx(req), req.params.id, req.body ?? {}, opts.stepsInUse));

  app.delete(c.resetProcedureWorkflow.url, routeOptions(c.resetProcedureWorkflow, tags), async (req) => admin.setWorkflow(ctx(req), req.params.id, null, opts.stepsInUse));

  const upload = routeOptions(c.uploadProcedureTemplate, tags);
  app.post(c.uploadProcedureTemplate.url, { ...upload, schema: { ...upload.schema, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const cx = ctx(req);
    admin.catalogueAdmin(cx);
    const file = await oneFile(req);
    return reply.status(201).send(await admin.uploadTemplate(cx, req.params.id, req.params.documentId, file));
  });

  app.get(c.downloadAdminProcedureTemplate.url, routeOptions(c.downloadAdminProcedureTemplate, tags), async (req, reply) =>
    sendFile(reply, await admin.adminTemplate(ctx(req), req.params.id, req.params.documentId)),
  );

  app.delete(c.removeProcedureTemplate.url, routeOptions(c.removeProcedureTemplate, tags), async (req, reply) => {
    await admin.removeTemplate(ctx(req), req.params.id, req.params.documentId);
    return reply.status(204).send(null);
  });
};
