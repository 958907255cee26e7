import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import { storePaper } from './files.js';
import * as processing from './processing.js';
import { resultByToken, resultHooks, verifyByToken, verifyUpload } from './result.js';
import * as svc from './service.js';
import { track } from './tracking.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** Detailed bodies are documented by their TypeScript types; the schema lets them through whole. */
const Any = Type.Unknown();
const tags = ['dossiers'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const CodeParams = Type.Object({ code: Type.String({ maxLength: 30 }) });
const Paper = Type.Object({
  position: Type.Integer({ minimum: 1, maximum: 100 }),
  fileId: Type.String({ format: 'uuid' }),
  source: Type.Optional(Type.Union([Type.Literal('upload'), Type.Literal('scan'), Type.Literal('store')])),
});
const FormData = Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 2000 }), { maxProperties: 200 });
const Draft = Type.Object({
  agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  formData: FormData,
  documents: Type.Array(Paper, { maxItems: 40 }),
});
const Submit = Type.Object({
  ...Draft.properties,
  agencyId: Type.String({ format: 'uuid' }),
  submissionKey: Type.String({ minLength: 8, maxLength: 80, description: 'Idempotency key: a repeat returns the first dossier' }),
});
const Result = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Type.Integer(),
  statusLabel: Type.String(),
  submittedAt: Type.String(),
  appointmentDate: Nullable(Type.String()),
  submitSeconds: Nullable(Type.Integer()),
});
const StoredPaper = Type.Object({ id: Type.String(), fileName: Type.String(), size: Type.Number(), type: Type.String() });
const Page = { page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) };

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
  app.get(
    '/api/procedures/:code/agencies',
    {
      schema: {
        tags,
        summary: 'Cơ quan tiếp nhận hồ sơ của thủ tục (tìm theo tên, không cần dấu)',
        params: CodeParams,
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), provinceCode: Nullable(Type.String()) })) },
      },
    },
    async (req) => svc.receivingAgencies(ctxOf(req, deps), req.params.code, req.query.q ?? ''),
  );

  app.get(
    '/api/filing/:code',
    { schema: { tags, summary: 'Bắt đầu nộp hồ sơ: thủ tục, biểu mẫu, dữ liệu điền sẵn (kèm nguồn) và bản nháp', params: CodeParams, response: { 200: Any } } },
    async (req) => svc.startFiling(asCitizen(req), req.params.code),
  );

  app.put(
    '/api/filing/:code/draft',
    { schema: { tags, summary: 'Tự động lưu bản nháp', params: CodeParams, body: Draft, response: { 200: Type.Object({ savedAt: Type.String() }) } } },
    async (req) => svc.saveDraft(asCitizen(req), req.params.code, req.body),
  );

  app.delete('/api/filing/:code/draft', { schema: { tags, summary: 'Xóa bản nháp', params: CodeParams } }, async (req, reply) => {
    await svc.discardDraft(asCitizen(req), req.params.code);
    return reply.status(204).send();
  });

  app.post(
    '/api/filing/:code/submit',
    { schema: { tags, summary: 'Nộp hồ sơ trực tuyến: cấp mã hồ sơ, giấy tiếp nhận, SMS/e-mail', params: CodeParams, body: Submit, response: { 201: Result } } },
    async (req, reply) => reply.status(201).send(await svc.submitOnline(asCitizen(req), req.params.code, req.body, req.auth?.tokenHash ?? null)),
  );

  app.post(
    '/api/my/papers',
    { schema: { tags, summary: 'Tải lên 1 giấy tờ (PDF, JPG, PNG; tối đa 10 MB; multipart, trường "file")', consumes: ['multipart/form-data'], response: { 201: StoredPaper } } },
    async (req, reply) => {
      const c = asCitizen(req);
      const f = await oneFile(req);
      return reply.status(201).send(await storePaper(c, c.actor!, f));
    },
  );

  // ---- The citizen's dossiers ---------------------------------------------------------------
  app.get(
    '/api/my/dossiers',
    { schema: { tags, summary: 'Hồ sơ của tôi', querystring: Type.Object(Page), response: { 200: Any } } },
    async (req) => svc.listMine(asCitizen(req), req.query.page, req.query.pageSize),
  );

  app.get('/api/my/dossiers/:id', { schema: { tags, summary: 'Chi tiết hồ sơ', params: IdParams, response: { 200: Any } } }, async (req) =>
    svc.getDossier(asCitizen(req), req.params.id),
  );

  app.post(
    '/api/my/dossiers/:id/supplement',
    { schema: { tags, summary: 'Bổ sung hồ sơ theo yêu cầu', params: IdParams, body: Draft, response: { 200: Result } } },
    async (req) => svc.supplement(asCitizen(req), req.params.id, req.body),
  );

  app.get(
    '/api/dossiers/:id/receipt.pdf',
    { schema: { tags, summary: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)', params: IdParams } },
    async (req, reply) => {
      const r = await svc.receiptPdf(asAnyone(req), req.params.id);
      return sendPdf(reply, `giay-tiep-nhan-${r.code}.pdf`, r.pdf);
    },
  );

  app.get('/api/papers/:id', { schema: { tags, summary: 'Tải một giấy tờ', params: IdParams } }, async (req, reply) => {
    const f = await svc.downloadPaper(asAnyone(req), req.params.id);
    return reply
      .type(f.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(f.data);
  });

  // ---- Kho dữ liệu ----------------------------------------------------------------------------
  app.get('/api/my/store', { schema: { tags, summary: 'Kho dữ liệu của công dân', response: { 200: Any } } }, async (req) => svc.listStore(asCitizen(req)));

  app.post(
    '/api/my/store',
    { schema: { tags, summary: 'Thêm giấy tờ vào Kho dữ liệu (multipart: trường "title" rồi "file")', consumes: ['multipart/form-data'], response: { 201: Any } } },
    async (req, reply) => {
      const c = asCitizen(req);
      const f = await oneFile(req);
      const stored = await storePaper(c, c.actor!, f);
      return reply.status(201).send(await svc.addToStore(c, f.fields.title ?? '', stored.id));
    },
  );

  app.delete('/api/my/store/:id', { schema: { tags, summary: 'Xóa giấy tờ khỏi Kho dữ liệu', params: IdParams } }, async (req, reply) => {
    await svc.removeFromStore(asCitizen(req), req.params.id);
    return reply.status(204).send();
  });

  // ---- Desk (officer) -----------------------------------------------------------------------
  app.get(
    '/api/desk/citizens',
    { schema: { tags, summary: 'Tìm công dân theo CMND/CCCD', querystring: Type.Object({ idNumber: Type.String({ maxLength: 20 }) }), response: { 200: Any } } },
    async (req) => svc.deskFindCitizen(asOfficer(req), req.query.idNumber),
  );

  app.get('/api/desk/agencies', { schema: { tags, summary: 'Cơ quan tiếp nhận của cán bộ', response: { 200: Any } } }, async (req) =>
    svc.officerReceivingAgencies(asOfficer(req)),
  );

  app.get(
    '/api/desk/filing/:code',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận trực tiếp: biểu mẫu điền sẵn cho công dân',
        params: CodeParams,
        querystring: Type.Object({ citizenId: Type.String({ maxLength: 40 }) }),
        response: { 200: Any },
      },
    },
    async (req) => svc.deskStart(asOfficer(req), req.params.code, req.query.citizenId),
  );

  app.post(
    '/api/desk/filing/:code',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ trực tiếp (đủ bản điện tử của giấy tờ bắt buộc)',
        params: CodeParams,
        body: Type.Object({ ...Submit.properties, citizenId: Type.String({ format: 'uuid' }) }),
        response: { 201: Result },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.deskReceive(asOfficer(req), req.params.code, req.body)),
  );

  app.post(
    '/api/desk/papers',
    { schema: { tags, summary: 'Tải lên bản quét giấy tờ (PDF, JPG, PNG; tối đa 10 MB)', consumes: ['multipart/form-data'], response: { 201: StoredPaper } } },
    async (req, reply) => reply.status(201).send(await svc.deskUploadPaper(asOfficer(req), () => oneFile(req))),
  );

  app.get(
    '/api/desk/dossiers',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của đơn vị theo trạng thái (mặc định: 1 Mới đăng ký – chờ tiếp nhận)',
        querystring: Type.Object({ status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })), q: Type.Optional(Type.String({ maxLength: 60 })), ...Page }),
        response: { 200: Any },
      },
    },
    async (req) => svc.listQueue(asOfficer(req), req.query),
  );

  app.get('/api/desk/dossiers/:id', { schema: { tags, summary: 'Chi tiết hồ sơ', params: IdParams, response: { 200: Any } } }, async (req) =>
    svc.getDossier(asOfficer(req), req.params.id),
  );

  const Reason = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) });
  for (const [path, action, summary] of [
    ['receive', 'receive', 'Tiếp nhận hồ sơ trực tuyến'],
    ['request-supplement', 'supplement', 'Yêu cầu bổ sung (kèm lý do)'],
    ['refuse', 'refuse', 'Từ chối tiếp nhận (kèm lý do)'],
  ] as const) {
    app.post(
      `/api/desk/dossiers/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body: Reason, response: { 200: Result } } },
      async (req) => svc.decide(asOfficer(req), req.params.id, action, req.body.reason),
    );
  }

  // ---- Processing (issue 7) -------------------------------------------------------------------
  app.get(
    '/api/work/dossiers',
    {
      schema: {
        tags,
        summary: 'Hồ sơ đang giải quyết của đơn vị, khẩn cấp trước (quá hạn, đến hạn hôm nay, sắp đến hạn)',
        querystring: Type.Object({
          bucket: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('today'), Type.Literal('soon'), Type.Literal('all')])),
          q: Type.Optional(Type.String({ maxLength: 60 })),
          // Each page reads page × pageSize rows per agency: deep pages are for search, not scrolling.
          page: Type.Integer({ minimum: 1, maximum: 500, default: 1 }),
          pageSize: Page.pageSize,
        }),
        response: { 200: Any },
      },
    },
    async (req) => processing.workList(asOfficer(req), req.query),
  );

  app.get('/api/work/statistics', { schema: { tags, summary: 'Đúng hạn, trực tuyến, mức độ hài lòng của đơn vị', response: { 200: Any } } }, async (req) =>
    processing.unitStatistics(asOfficer(req)),
  );

  const ActionBody = Type.Object({
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    newDate: Type.Optional(Type.String({ maxLength: 10 })),
    amountVnd: Type.Optional(Type.Integer()),
    agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  });
  const OfficerAction = Type.Union(
    (['start', 'forward', 'finish', 'send_back', 'supplement_requested', 'request_payment', 'paid', 'transfer', 'extend', 'return_result', 'stop'] as const).map((a) =>
      Type.Literal(a),
    ),
  );
  app.post(
    '/api/work/dossiers/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Một thao tác xử lý hồ sơ, kiểm tra theo quy trình của thủ tục và vai trò của cán bộ',
        params: Type.Object({ id: Type.String({ maxLength: 40 }), action: OfficerAction }),
        body: ActionBody,
        response: { 200: Any },
      },
    },
    async (req) => processing.act(asOfficer(req), req.params.id, req.params.action, req.body, resultHooks),
  );

  app.post(
    '/api/my/dossiers/:id/withdraw',
    { schema: { tags, summary: 'Công dân rút hồ sơ', params: IdParams, body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }), response: { 200: Any } } },
    async (req) => processing.act(asCitizen(req), req.params.id, 'withdraw', req.body, resultHooks),
  );

  app.post(
    '/api/my/dossiers/:id/rating',
    {
      schema: {
        tags,
        summary: 'Đánh giá mức độ hài lòng (3 Rất hài lòng, 2 Hài lòng, 1 Không hài lòng), một lần sau khi nhận kết quả',
        params: IdParams,
        body: Type.Object({ rating: Type.Integer({ minimum: 1, maximum: 3 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) }),
        response: { 201: Any },
      },
    },
    async (req, reply) => reply.status(201).send(await processing.rate(asCitizen(req), req.params.id, req.body.rating, req.body.comment)),
  );

  app.get('/api/dossiers/:id/result.pdf', { schema: { tags, summary: 'Kết quả điện tử đã ký số (PDF)', params: IdParams } }, async (req, reply) => {
    const r = await svc.resultForViewer(asAnyone(req), req.params.id);
    return sendPdf(reply, `ket-qua-${r.code}.pdf`, r.pdf);
  });

  app.get('/api/dossiers/:id/apology.pdf', { schema: { tags, summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (PDF)', params: IdParams } }, async (req, reply) => {
    const r = await svc.apologyForViewer(asAnyone(req), req.params.id);
    return sendPdf(reply, `phieu-xin-loi-${r.code}.pdf`, r.pdf);
  });

  const Token = Type.Object({ token: Type.String({ maxLength: 60 }) });
  app.get('/api/verify/:token', { schema: { tags, summary: 'Xác thực văn bản điện tử (từ mã QR)', params: Token, response: { 200: Any } } }, async (req) =>
    verifyByToken(ctxOf(req, deps), req.params.token),
  );

  app.get('/api/verify/:token/document.pdf', { schema: { tags, summary: 'Bản gốc của văn bản điện tử (từ mã QR)', params: Token } }, async (req, reply) => {
    const r = await resultByToken(ctxOf(req, deps), req.params.token);
    return sendPdf(reply, `ket-qua-${r.code}.pdf`, r.pdf);
  });

  app.post(
    '/api/verify',
    { schema: { tags, summary: 'Kiểm tra một tệp PDF: chữ ký số còn nguyên vẹn, đáng tin cậy, do hệ thống này cấp (multipart "file")', consumes: ['multipart/form-data'], response: { 200: Any } } },
    async (req) => {
      const f = await oneFile(req);
      return verifyUpload(ctxOf(req, deps), f.data);
    },
  );

  app.get(
    '/api/tracking',
    {
      schema: {
        tags,
        summary: 'Tra cứu hồ sơ: mã hồ sơ và 4 số cuối số điện thoại đã đăng ký cho hồ sơ',
        querystring: Type.Object({ code: Type.String({ maxLength: 60 }), phone: Type.String({ maxLength: 15 }) }),
        response: { 200: Any },
      },
    },
    async (req) => track(ctxOf(req, deps), req.query.code, req.query.phone),
  );
};

export const dossiersModule: AppModule = { name: 'dossiers', routes };
