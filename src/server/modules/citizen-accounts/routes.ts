import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import { renderRequestForm } from './pdf.js';
import * as svc from './service.js';
import { accountExistsRideAlong } from '../users/service.js';
import { normalizeIdNumber } from '../../../common/vn-ids.js';
import type { FastifyRequest } from 'fastify';

/** The number the look-up will ask about, before validation (the service checks it again). */
function lookupParam(req: FastifyRequest): string | null {
  const raw = (req.query as { idNumber?: unknown }).idNumber;
  return typeof raw === 'string' && raw.length <= 20 ? normalizeIdNumber(raw) : null;
}

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Unit = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('completed'), Type.Literal('cancelled')]);

const Detail = Type.Object({
  id: Type.String(),
  status: Status,
  idNumber: Type.String(),
  fullName: Type.String(),
  birthDate: Type.String(),
  phone: Type.String(),
  email: Nullable(Type.String()),
  unit: Unit,
  officer: Type.Object({ id: Type.String(), fullName: Type.String(), phone: Nullable(Type.String()) }),
  attachment: Nullable(Type.Object({ id: Type.String(), fileName: Type.String(), size: Type.Number(), type: Type.String() })),
  createdAt: Type.String(),
  completedAt: Nullable(Type.String()),
  otp: Nullable(Type.Object({ expiresAt: Type.String(), resendAvailableAt: Type.String(), attemptsRemaining: Type.Number() })),
});

const Input = Type.Object({
  idNumber: Type.String({ maxLength: 20 }),
  fullName: Type.String({ maxLength: 200 }),
  birthDate: Type.String({ maxLength: 10 }),
  phone: Type.String({ maxLength: 20 }),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  unitId: Type.String({ format: 'uuid' }),
  attachmentId: Type.String({ format: 'uuid' }),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['citizen-accounts'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const base = '/api/citizen-account-requests';
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản công dân — danh sách (đơn vị của cán bộ)',
        querystring: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 100 })),
          phone: Type.Optional(Type.String({ maxLength: 20 })),
          idNumber: Type.Optional(Type.String({ maxLength: 20 })),
          officer: Type.Optional(Type.String({ maxLength: 100 })),
          unitId: Type.Optional(Type.String({ format: 'uuid' })),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          status: Type.Optional(Status),
          page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                fullName: Type.String(),
                idNumber: Type.String(),
                phone: Type.String(),
                status: Status,
                createdAt: Type.String(),
                completedAt: Nullable(Type.String()),
                officerName: Type.String(),
                unitName: Type.String(),
              }),
            ),
            total: Type.Integer({ description: 'Number of matches, at most 10,000' }),
            totalCapped: Type.Boolean({ description: 'true when more than 10,000 rows match' }),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => svc.listRequests(ctx(req), req.query),
  );

  app.get(
    `${base}/form-context`,
    {
      schema: {
        tags,
        summary: 'Thông tin cán bộ và các đơn vị được phép tạo tài khoản',
        response: {
          200: Type.Object({
            officer: Type.Object({ fullName: Type.String(), phone: Nullable(Type.String()) }),
            units: Type.Array(Unit),
            allUnits: Type.Array(Unit),
            noEligibleUnitMessage: Nullable(Type.String()),
          }),
        },
      },
    },
    async (req) => svc.formContext(ctx(req)),
  );

  app.get(
    `${base}/lookup`,
    {
      schema: {
        tags,
        summary: 'Tra cứu: đã có tài khoản với số CMND/CCCD này chưa',
        querystring: Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 20 }) }),
        response: { 200: Type.Object({ idNumber: Type.String(), kind: Type.String(), exists: Type.Boolean() }) },
      },
      // One round trip: the answer is read in the session's statement (docs/decisions/0005).
      config: { rideAlong: { read: accountExistsRideAlong, param: lookupParam } },
    },
    async (req) => svc.lookup(ctx(req), req.query.idNumber, req.rideAlong),
  );

  app.post(
    `${base}/attachments`,
    {
      schema: {
        tags,
        summary: 'Đính kèm CCCD/CMND: đúng 1 file doc, docx hoặc pdf, tối đa 5 MB (multipart/form-data, field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ id: Type.String(), fileName: Type.String(), size: Type.Number(), type: Type.String() }) },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
      let result: Awaited<ReturnType<typeof svc.uploadAttachment>> | undefined;
      let files = 0;
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        files += 1;
        if (files > 1) throw new AppError('FILE_TOO_MANY');
        const data = await part.toBuffer();
        result = await svc.uploadAttachment(c, { filename: part.filename, data });
      }
      if (!result) throw new AppError('FILE_REQUIRED');
      return reply.status(201).send(result);
    },
  );

  app.post(
    base,
    { schema: { tags, summary: 'Bước 1: lưu thông tin tài khoản (bản nháp)', body: Input, response: { 201: Detail } } },
    async (req, reply) => reply.status(201).send(await svc.createRequest(ctx(req), req.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'Chi tiết yêu cầu', params: IdParams, response: { 200: Detail } } }, async (req) =>
    svc.getRequest(ctx(req), req.params.id),
  );

  app.put(
    `${base}/:id`,
    { schema: { tags, summary: 'Sửa bản nháp', params: IdParams, body: Input, response: { 200: Detail } } },
    async (req) => svc.updateRequest(ctx(req), req.params.id, req.body),
  );

  app.post(`${base}/:id/cancel`, { schema: { tags, summary: 'Hủy bản nháp', params: IdParams, response: { 200: Detail } } }, async (req) =>
    svc.cancelRequest(ctx(req), req.params.id),
  );

  app.get(
    `${base}/:id/form.pdf`,
    { schema: { tags, summary: 'Bước 2: Tải xuống giấy đề nghị tạo tài khoản (PDF)', params: IdParams } },
    async (req, reply) => {
      const detail = await svc.getRequest(ctx(req), req.params.id);
      const pdf = await renderRequestForm(detail, deps.clock.now());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="giay-de-nghi-tao-tai-khoan-${detail.idNumber}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    `${base}/:id/attachment`,
    { schema: { tags, summary: 'Xem file CCCD/CMND đính kèm (mỗi lần xem được ghi nhật ký)', params: IdParams } },
    async (req, reply) => {
      const f = await svc.readAttachment(ctx(req), req.params.id);
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('cache-control', 'no-store')
        .send(f.data);
    },
  );

  app.post(
    `${base}/:id/otp`,
    {
      schema: {
        tags,
        summary: 'Bước 2: Gửi mã OTP (6 số, hiệu lực 2 phút; gửi lại làm mã cũ hết hiệu lực)',
        params: IdParams,
        response: {
          200: Type.Object({ expiresAt: Type.String(), resendAvailableAt: Type.String(), sendsRemaining: Type.Integer(), ttlSeconds: Type.Integer() }),
        },
      },
    },
    async (req) => svc.sendOtp(ctx(req), req.params.id),
  );

  app.post(
    `${base}/:id/complete`,
    {
      schema: {
        tags,
        summary: 'Bước 3: Tạo tài khoản với mã OTP mới nhất',
        params: IdParams,
        body: Type.Object({ otp: Type.String({ maxLength: 12 }) }),
        response: { 200: Detail },
      },
    },
    async (req) => svc.completeRequest(ctx(req), req.params.id, req.body.otp),
  );
};

export const citizenAccountsModule: AppModule = { name: 'citizen-accounts', routes };
