import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Registration = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]),
  status: Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('completed')]),
  idNumber: Type.String(),
  fullName: Type.String(),
  representativeName: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  phone: Type.String(),
  email: Nullable(Type.String()),
  otp: Nullable(
    Type.Object({ expiresAt: Type.String(), resendAvailableAt: Type.String(), attemptsRemaining: Type.Number(), ttlSeconds: Type.Number() }),
  ),
});

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['registration'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const base = '/api/registrations';
  // Public: no session. Every change still carries the CSRF token (app.ts).
  const ctx = (req: Parameters<typeof ctxOf>[0]) => ctxOf(req, deps, null);

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Đăng ký: thông tin tài khoản, gửi OTP tới số điện thoại',
        body: Type.Object({
          kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]),
          idNumber: Type.String({ maxLength: 20 }),
          fullName: Type.String({ maxLength: 300 }),
          birthDate: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
          representativeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          phone: Type.String({ maxLength: 20 }),
          email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
        }),
        response: { 201: Registration },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.startRegistration(ctx(req), req.body)),
  );

  app.get(`${base}/:id`, { schema: { tags, summary: 'Trạng thái đăng ký (tiếp tục sau khi tải lại trang)', params: Params, response: { 200: Registration } } }, async (req) =>
    svc.getRegistration(ctx(req), req.params.id),
  );

  app.post(`${base}/:id/otp`, { schema: { tags, summary: 'Gửi lại OTP', params: Params, response: { 200: Registration } } }, async (req) =>
    svc.resendCode(ctx(req), req.params.id),
  );

  app.post(
    `${base}/:id/verify`,
    { schema: { tags, summary: 'Xác thực OTP', params: Params, body: Type.Object({ otp: Type.String({ maxLength: 10 }) }), response: { 200: Registration } } },
    async (req) => svc.verifyCode(ctx(req), req.params.id, req.body.otp),
  );

  app.post(
    `${base}/:id/complete`,
    {
      schema: {
        tags,
        summary: 'Mật khẩu và Nhập lại mật khẩu → tạo tài khoản',
        params: Params,
        body: Type.Object({ password: Type.String({ maxLength: 200 }), passwordConfirm: Type.String({ maxLength: 200 }) }),
        response: { 201: Registration },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.completeRegistration(ctx(req), req.params.id, req.body)),
  );
};

export const registrationModule: AppModule = { name: 'registration', routes };
