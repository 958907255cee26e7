import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions, type Endpoint } from '../../../common/api/contract.js';
import * as c from '../../../common/api/officer-import.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import { XLSX_TYPE } from '../../platform/files/xlsx.js';
import * as svc from './service.js';

const tags = ['officer-import'];

/** Route options of a multipart upload endpoint: its contract, and what /docs says it consumes. */
function multipart<E extends Endpoint>(e: E) {
  const o = routeOptions(e, tags);
  return { ...o, schema: { ...o.schema, consumes: ['multipart/form-data'] } };
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(c.downloadImportTemplate.url, routeOptions(c.downloadImportTemplate, tags), async (req, reply) => {
    const data = await svc.templateWorkbook(ctx(req));
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="bieu-mau-danh-sach-can-bo-mot-cua.xlsx"`)
      .header('cache-control', 'no-store')
      .send(data);
  });

  app.post(c.uploadOfficerList.url, multipart(c.uploadOfficerList), async (req, reply) => {
    const actor = ctx(req);
    await svc.scopeOf(actor); // administrators only, before reading the upload
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
    return reply.status(201).send(await svc.previewImport(actor, file));
  });

  app.get(c.listOfficerImports.url, routeOptions(c.listOfficerImports, tags), async (req) => svc.listImports(ctx(req), req.query.page, req.query.pageSize));

  app.get(c.getOfficerImport.url, routeOptions(c.getOfficerImport, tags), async (req) => svc.getImport(ctx(req), req.params.id));

  app.post(c.confirmOfficerImport.url, routeOptions(c.confirmOfficerImport, tags), async (req) => svc.confirmImport(ctx(req), req.params.id));

  app.delete(c.discardOfficerImport.url, routeOptions(c.discardOfficerImport, tags), async (req) => svc.discardImport(ctx(req), req.params.id));
};

/** Abandoned previews expire PREVIEW_TTL_MINUTES after their upload; this removes their rows. */
const EXPIRE_EVERY_MS = 10 * 60_000;

export const officerImportModule: AppModule = {
  name: 'officer-import',
  routes,
  schedules: [{ name: 'officer-import.previews.expire', everyMs: EXPIRE_EVERY_MS, run: async (deps, now) => void (await svc.expirePreviews(deps.db, now)) }],
};
