import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Sex = Type.Union([Type.Literal('male'), Type.Literal('female')]);

const Profile = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]),
  idNumber: Nullable(Type.String()),
  fullName: Type.String(),
  birthDate: Nullable(Type.String()),
  sex: Nullable(Sex),
  permanentAddress: Nullable(Type.String()),
  representativeName: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  identityVerified: Type.Boolean(),
  identityVerifiedAt: Nullable(Type.String()),
  identityVerifiedBy: Nullable(Type.Union([Type.Literal('vneid'), Type.Literal('desk')])),
  verifiedFields: Type.Array(Type.String()),
  hasPassword: Type.Boolean(),
  createdAt: Type.String(),
});

const ContactChange = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('phone'), Type.Literal('email')]),
  value: Type.String(),
  expiresAt: Type.String(),
  resendAvailableAt: Type.String(),
  ttlSeconds: Type.Number(),
});

const tags = ['profile'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  // Citizens and organisations, on the portal's own session.
  const ctx = (req: Parameters<typeof ctxOf>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'citizen' }));

  app.get('/api/profile', { schema: { tags, summary: 'Thông tin tài khoản', response: { 200: Profile } } }, async (req) => svc.getProfile(ctx(req)));

  app.put(
    '/api/profile',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin tài khoản (trừ thông tin đã xác thực qua VNeID)',
        body: Type.Object({
          fullName: Type.Optional(Type.String({ maxLength: 300 })),
          birthDate: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
          sex: Type.Optional(Nullable(Sex)),
          permanentAddress: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
          representativeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        }),
        response: { 200: Profile },
      },
    },
    async (req) => svc.editProfile(ctx(req), req.body),
  );

  app.post(
    '/api/profile/contact-changes',
    {
      schema: {
        tags,
        summary: 'Đổi số điện thoại hoặc email: gửi OTP tới giá trị mới',
        body: Type.Object({ channel: Type.Union([Type.Literal('phone'), Type.Literal('email')]), value: Type.String({ maxLength: 254 }) }),
        response: { 201: ContactChange },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.startContactChange(ctx(req), req.body)),
  );

  app.post(
    '/api/profile/contact-changes/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận đổi số điện thoại/email bằng OTP',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ otp: Type.String({ maxLength: 10 }) }),
        response: { 200: Profile },
      },
    },
    async (req) => svc.confirmContactChange(ctx(req), req.params.id, req.body.otp),
  );

  app.post(
    '/api/profile/password',
    {
      schema: {
        tags,
        summary: 'Đặt mật khẩu cho tài khoản mở bằng VNeID',
        body: Type.Object({ newPassword: Type.String({ maxLength: 200 }), newPasswordConfirm: Type.String({ maxLength: 200 }) }),
        response: { 200: Profile },
      },
    },
    async (req) => svc.setFirstPassword(ctx(req), req.body),
  );
};

export const profileModule: AppModule = { name: 'profile', routes };
