// "Đăng ký" (registration module): a citizen or an organisation opens an account on the portal —
// the form, an OTP to the phone, then the password. Public: no session (writes still carry CSRF).
import { Type } from 'typebox';
import { endpoint, Nullable } from './contract.js';

const BASE = '/api/registrations';

export const RegistrationKind = Type.Union([Type.Literal('citizen'), Type.Literal('organisation')]);
export const RegistrationStatus = Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('completed')]);

export const Registration = Type.Object({
  id: Type.String(),
  kind: RegistrationKind,
  status: RegistrationStatus,
  idNumber: Type.String(),
  fullName: Type.String(),
  representativeName: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  phone: Type.String(),
  email: Nullable(Type.String()),
  /** The latest code sent, while the phone is not yet verified. */
  otp: Nullable(
    Type.Object({ expiresAt: Type.String(), resendAvailableAt: Type.String(), attemptsRemaining: Type.Number(), ttlSeconds: Type.Number() }),
  ),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const startRegistration = endpoint({
  method: 'POST',
  url: BASE,
  summary: 'Đăng ký: thông tin tài khoản, gửi OTP tới số điện thoại',
  schema: {
    body: Type.Object({
      kind: RegistrationKind,
      idNumber: Type.String({ maxLength: 20 }),
      fullName: Type.String({ maxLength: 300 }),
      birthDate: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
      representativeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
      phone: Type.String({ maxLength: 20 }),
      email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    }),
    response: { 201: Registration },
  },
});

export const getRegistration = endpoint({
  method: 'GET',
  url: `${BASE}/:id`,
  summary: 'Trạng thái đăng ký (tiếp tục sau khi tải lại trang)',
  schema: { params: IdParams, response: { 200: Registration } },
});

export const resendRegistrationOtp = endpoint({
  method: 'POST',
  url: `${BASE}/:id/otp`,
  summary: 'Gửi lại OTP',
  schema: { params: IdParams, response: { 200: Registration } },
});

export const verifyRegistration = endpoint({
  method: 'POST',
  url: `${BASE}/:id/verify`,
  summary: 'Xác thực OTP',
  schema: { params: IdParams, body: Type.Object({ otp: Type.String({ maxLength: 10 }) }), response: { 200: Registration } },
});

export const completeRegistration = endpoint({
  method: 'POST',
  url: `${BASE}/:id/complete`,
  summary: 'Mật khẩu và Nhập lại mật khẩu → tạo tài khoản',
  schema: {
    params: IdParams,
    body: Type.Object({ password: Type.String({ maxLength: 200 }), passwordConfirm: Type.String({ maxLength: 200 }) }),
    response: { 201: Registration },
  },
});
