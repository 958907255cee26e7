import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { routeOptions, type Endpoint } from '../../../common/api/contract.js';
import * as c from '../../../common/api/dossiers.js';
import * as desk from '../../../common/api/dossiers-desk.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import { storePaper } from './files.js';
import * as processing from './processing.js';
import { addressUnits } from './delivery.js';
import { rate } from './rating.js';
import { unitStatistics } from './statistics.js';
import { workList } from './work-list.js';
import { resultByToken, resultHooks, verifyByToken, verifyUpload } from './result.js';
import * as svc from './service.js';
import { track } from './tracking.js';

const tags = ['dossiers'];

/** Route options of a multipart upload endpoint: its contract, and what /docs says it consumes. */
function multipart<E extends Endpoint>(e: E) {
  const o = routeOptions(e, tags);
  return { ...o, schema: { ...o.schema, consumes: ['multipart/form-data'] } };
}

/** The one file of a multipart request, with the text fields sent before it. */
async function oneFile(req: FastifyRequest): Promise<{ filename: string; data: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('FILE_REQUIRED', { message: 'Phải chọn 1 tệp để tải lên.' });
  let file: { filename: string; data: Buffer } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of req.parts({ limits: { fileSize: 10 * 1024 * 1024 + 1, files: 2 } })) {
    if (part.type === 'file') {
      if (file) throw new AppError('FILE_TOO_MANY', { message: 'Mỗi lần chỉ tải lên 1 tệp.' });
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('PAPER_TOO_LARGE');
      file = { filename: part.filename, data };
    } else fields[part.fieldname] = String(part.value ?? '');
  }
  if (!file) throw new AppError('FILE_REQUIRED', { message: 'Phải chọn 1 tệp để tải lên.' });
  return { ...file, fields };
}

function sendPdf(reply: import('fastify').FastifyReply, name: string, pdf: Buffer) {
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const asCitizen = (req: FastifyRequest) => ctxOf(req, deps, requireActor(req, { audience: 'citizen' }));
  const asOfficer = (req: FastifyRequest) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));
  const asAnyone = (req: FastifyRequest) => ctxOf(req, deps, requireActor(req));

  // ---- Online filing (citizen) ------------------------------------------------------------
  app.get(c.listProcedureAgencies.url, routeOptions(c.listProcedureAgencies, tags), async (req) =>
    svc.receivingAgencies(ctxOf(req, deps), req.params.code, req.query.q ?? ''),
  );

  app.get(c.startFiling.url, routeOptions(c.startFiling, tags), async (req) => svc.startFiling(asCitizen(req), req.params.code));

  // Hình thức nhận kết quả by post: the 2025 provinces and their communes (issue 15).
  app.get(c.listAddressUnits.url, routeOptions(c.listAddressUnits, tags), async (req) => addressUnits(asAnyone(req), req.query.province));

  app.put(c.saveDraft.url, routeOptions(c.saveDraft, tags), async (req) => svc.saveDraft(asCitizen(req), req.params.code, req.body));

  app.delete(c.discardDraft.url, routeOptions(c.discardDraft, tags), async (req, reply) => {
    await svc.discardDraft(asCitizen(req), req.params.code);
    return reply.status(204).send(null);
  });

  app.post(c.submitOnline.url, routeOptions(c.submitOnline, tags), async (req, reply) =>
    reply.status(201).send(await svc.submitOnline(asCitizen(req), req.params.code, req.body, req.auth?.tokenHash ?? null)),
  );

  app.post(c.uploadMyPaper.url, multipart(c.uploadMyPaper), async (req, reply) => {
    const ctx = asCitizen(req);
    const f = await oneFile(req);
    return reply.status(201).send(await storePaper(ctx, ctx.actor!, f));
  });

  // ---- The citizen's dossiers ---------------------------------------------------------------
  app.get(c.listMyDossiers.url, routeOptions(c.listMyDossiers, tags), async (req) => svc.listMine(asCitizen(req), req.query));

  app.get(c.getMyDossier.url, routeOptions(c.getMyDossier, tags), async (req) => svc.getDossier(asCitizen(req), req.params.id));

  app.post(c.supplementDossier.url, routeOptions(c.supplementDossier, tags), async (req) => svc.supplement(asCitizen(req), req.params.id, req.body));

  app.get(c.receiptPdf.url, routeOptions(c.receiptPdf, tags), async (req, reply) => {
    const r = await svc.receiptPdf(asAnyone(req), req.params.id);
    return sendPdf(reply, `${r.kind === 'submission' ? 'phieu-xac-nhan-nop-ho-so' : 'giay-tiep-nhan'}-${r.code}.pdf`, r.pdf);
  });

  app.get(c.downloadPaper.url, routeOptions(c.downloadPaper, tags), async (req, reply) => {
    const f = await svc.downloadPaper(asAnyone(req), req.params.id);
    return reply
      .type(f.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(f.data);
  });

  // ---- Kho dữ liệu ----------------------------------------------------------------------------
  app.get(c.listStore.url, routeOptions(c.listStore, tags), async (req) => svc.listStore(asCitizen(req)));

  app.post(c.addToStore.url, multipart(c.addToStore), async (req, reply) => {
    const ctx = asCitizen(req);
    const f = await oneFile(req);
    const stored = await storePaper(ctx, ctx.actor!, f);
    return reply.status(201).send(await svc.addToStore(ctx, f.fields.title ?? '', stored.id));
  });

  app.delete(c.removeFromStore.url, routeOptions(c.removeFromStore, tags), async (req, reply) => {
    await svc.removeFromStore(asCitizen(req), req.params.id);
    return reply.status(204).send(null);
  });

  // ---- Desk (officer) -----------------------------------------------------------------------
  app.get(desk.deskFindCitizen.url, routeOptions(desk.deskFindCitizen, tags), async (req) => svc.deskFindCitizen(asOfficer(req), req.query.idNumber));

  app.get(desk.deskAgencies.url, routeOptions(desk.deskAgencies, tags), async (req) => svc.officerReceivingAgencies(asOfficer(req)));

  app.get(desk.deskStartFiling.url, routeOptions(desk.deskStartFiling, tags), async (req) =>
    svc.deskStart(asOfficer(req), req.params.code, req.query.citizenId),
  );

  app.post(desk.deskReceive.url, routeOptions(desk.deskReceive, tags), async (req, reply) =>
    reply.status(201).send(await svc.deskReceive(asOfficer(req), req.params.code, req.body)),
  );

  app.post(desk.deskUploadPaper.url, multipart(desk.deskUploadPaper), async (req, reply) =>
    reply.status(201).send(await svc.deskUploadPaper(asOfficer(req), () => oneFile(req))),
  );

  app.get(desk.listQueue.url, routeOptions(desk.listQueue, tags), async (req) => svc.listQueue(asOfficer(req), req.query));

  app.get(desk.getDeskDossier.url, routeOptions(desk.getDeskDossier, tags), async (req) => svc.getDossier(asOfficer(req), req.params.id));

  for (const [e, action] of [
    [desk.receiveDossier, 'receive'],
    [desk.requestSupplement, 'supplement'],
    [desk.refuseDossier, 'refuse'],
  ] as const) {
    app.post(e.url, routeOptions(e, tags), async (req) => svc.decide(asOfficer(req), req.params.id, action, req.body.reason));
  }

  // ---- Processing (issue 7) -------------------------------------------------------------------
  app.get(desk.workList.url, routeOptions(desk.workList, tags), async (req) => workList(asOfficer(req), req.query));

  app.get(desk.unitStatistics.url, routeOptions(desk.unitStatistics, tags), async (req) => unitStatistics(asOfficer(req)));

  app.post(desk.actOnDossier.url, routeOptions(desk.actOnDossier, tags), async (req) =>
    processing.act(asOfficer(req), req.params.id, req.params.action, req.body, resultHooks),
  );

  app.post(c.withdrawDossier.url, routeOptions(c.withdrawDossier, tags), async (req) =>
    processing.act(asCitizen(req), req.params.id, 'withdraw', req.body, resultHooks),
  );

  app.post(c.rateDossier.url, routeOptions(c.rateDossier, tags), async (req, reply) =>
    reply.status(201).send(await rate(asCitizen(req), req.params.id, req.body.criteria, req.body.comment)),
  );

  app.get(c.resultPdf.url, routeOptions(c.resultPdf, tags), async (req, reply) => {
    const r = await svc.resultForViewer(asAnyone(req), req.params.id);
    return sendPdf(reply, `ket-qua-${r.code}.pdf`, r.pdf);
  });

  app.get(desk.resultPreviewPdf.url, routeOptions(desk.resultPreviewPdf, tags), async (req, reply) => {
    const r = await svc.resultPreviewFor(asOfficer(req), req.params.id);
    return sendPdf(reply, `xem-truoc-ket-qua-${r.code}.pdf`, r.pdf);
  });

  app.get(c.apologyPdf.url, routeOptions(c.apologyPdf, tags), async (req, reply) => {
    const r = await svc.apologyForViewer(asAnyone(req), req.params.id);
    return sendPdf(reply, `phieu-xin-loi-${r.code}.pdf`, r.pdf);
  });

  app.get(c.verifyByToken.url, routeOptions(c.verifyByToken, tags), async (req) => verifyByToken(ctxOf(req, deps), req.params.token));

  app.get(c.verifiedDocumentPdf.url, routeOptions(c.verifiedDocumentPdf, tags), async (req, reply) => {
    const r = await resultByToken(ctxOf(req, deps), req.params.token);
    return sendPdf(reply, `ket-qua-${r.code}.pdf`, r.pdf);
  });

  app.post(c.verifyUpload.url, multipart(c.verifyUpload), async (req) => {
    const f = await oneFile(req);
    return verifyUpload(ctxOf(req, deps), f.data);
  });

  app.get(c.trackDossier.url, routeOptions(c.trackDossier, tags), async (req) => track(ctxOf(req, deps), req.query.code, req.query.phone));
};

export const dossiersModule: AppModule = { name: 'dossiers', routes };
