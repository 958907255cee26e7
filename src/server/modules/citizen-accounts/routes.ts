import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import * as c from '../../../common/api/citizen-accounts.js';
import { routeOptions } from '../../../common/api/contract.js';
import { normalizeIdNumber } from '../../../common/vn-ids.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import { accountExistsRideAlong } from '../users/service.js';
import { renderRequestForm } from './pdf.js';
import * as svc from './service.js';

/** The number the look-up will ask about, before validation (the service checks it again). */
function lookupParam(req: FastifyRequest): string | null {
  const raw = (req.query as { idNumber?: unknown }).idNumber;
  return typeof raw === 'string' && raw.length <= 20 ? normalizeIdNumber(raw) : null;
}

const tags = ['citizen-accounts'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(c.listAccountRequests.url, routeOptions(c.listAccountRequests, tags), async (req) => svc.listRequests(ctx(req), req.query));

  app.get(c.getAccountFormContext.url, routeOptions(c.getAccountFormContext, tags), async (req) => svc.formContext(ctx(req)));

  app.get(
    c.lookupAccount.url,
    {
      ...routeOptions(c.lookupAccount, tags),
      // One round trip: the answer is read in the session's statement (docs/decisions/0005).
      config: { rideAlong: { read: accountExistsRideAlong, param: lookupParam } },
    },
    async (req) => svc.lookup(ctx(req), req.query.idNumber, req.rideAlong),
  );

  const upload = routeOptions(c.uploadAccountAttachment, tags);
  app.post(c.uploadAccountAttachment.url, { ...upload, schema: { ...upload.schema, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const cx = ctx(req);
    if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
    let result: Awaited<ReturnType<typeof svc.uploadAttachment>> | undefined;
    let files = 0;
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      files += 1;
      if (files > 1) throw new AppError('FILE_TOO_MANY');
      const data = await part.toBuffer();
      result = await svc.uploadAttachment(cx, { filename: part.filename, data });
    }
    if (!result) throw new AppError('FILE_REQUIRED');
    return reply.status(201).send(result);
  });

  app.post(c.createAccountRequest.url, routeOptions(c.createAccountRequest, tags), async (req, reply) =>
    reply.status(201).send(await svc.createRequest(ctx(req), req.body)),
  );

  app.get(c.getAccountRequest.url, routeOptions(c.getAccountRequest, tags), async (req) => svc.getRequest(ctx(req), req.params.id));

  app.put(c.updateAccountRequest.url, routeOptions(c.updateAccountRequest, tags), async (req) => svc.updateRequest(ctx(req), req.params.id, req.body));

  app.post(c.cancelAccountRequest.url, routeOptions(c.cancelAccountRequest, tags), async (req) => svc.cancelRequest(ctx(req), req.params.id));

  app.get(c.downloadAccountRequestForm.url, routeOptions(c.downloadAccountRequestForm, tags), async (req, reply) => {
    const detail = await svc.getRequest(ctx(req), req.params.id);
    const pdf = await renderRequestForm(detail, deps.clock.now());
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="giay-de-nghi-tao-tai-khoan-${detail.idNumber}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get(c.downloadAccountAttachment.url, routeOptions(c.downloadAccountAttachment, tags), async (req, reply) => {
    const f = await svc.readAttachment(ctx(req), req.params.id);
    return reply
      .type(f.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('cache-control', 'no-store')
      .send(f.data);
  });

  app.post(c.sendAccountOtp.url, routeOptions(c.sendAccountOtp, tags), async (req) => svc.sendOtp(ctx(req), req.params.id));

  app.post(c.completeAccountRequest.url, routeOptions(c.completeAccountRequest, tags), async (req) =>
    svc.completeRequest(ctx(req), req.params.id, req.body.otp),
  );
};

export const citizenAccountsModule: AppModule = { name: 'citizen-accounts', routes };
