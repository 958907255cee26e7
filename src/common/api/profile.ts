// "Thông tin tài khoản" (profile module): what the portal holds about the signed-in citizen or
// organisation, what they may edit, verified phone/e-mail changes and a first password.
import { Type } from 'typebox';
import { endpoint, Nullable } from './contract.js';

export const Sex = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export const ContactChannel = Type.Union([Type.Literal('phone'), Type.Literal('email')]);

export const Profile = Type.Object({
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
  /** The fields the citizen may no longer edit (verified through VNeID or at the desk). */
  verifiedFields: Type.Array(Type.String()),
  hasPassword: Type.Boolean(),
  createdAt: Type.String(),
});

/** A change of phone or e-mail waiting for the code sent to the new value. */
export const ContactChange = Type.Object({
  id: Type.String(),
  channel: ContactChannel,
  value: Type.String(),
  expiresAt: Type.String(),
  resendAvailableAt: Type.String(),
  ttlSeconds: Type.Number(),
});

export const getProfile = endpoint({
  method: 'GET',
  url: '/api/profile',
  summary: 'Thông tin tài khoản',
  schema: { response: { 200: Profile } },
});

export const editProfile = endpoint({
  method: 'PUT',
  url: '/api/profile',
  summary: 'Sửa thông tin tài khoản (trừ thông tin đã xác thực qua VNeID)',
  schema: {
    body: Type.Object({
      fullName: Type.Optional(Type.String({ maxLength: 300 })),
      birthDate: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
      sex: Type.Optional(Nullable(Sex)),
      permanentAddress: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
      representativeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    }),
    response: { 200: Profile },
  },
});

export const startContactChange = endpoint({
  method: 'POST',
  url: '/api/profile/contact-changes',
  summary: 'Đổi số điện thoại hoặc email: gửi OTP tới giá trị mới',
  schema: {
    body: Type.Object({ channel: ContactChannel, value: Type.String({ maxLength: 254 }) }),
    response: { 201: ContactChange },
  },
});

export const confirmContactChange = endpoint({
  method: 'POST',
  url: '/api/profile/contact-changes/:id/confirm',
  summary: 'Xác nhận đổi số điện thoại/email bằng OTP',
  schema: {
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
    body: Type.Object({ otp: Type.String({ maxLength: 10 }) }),
    response: { 200: Profile },
  },
});

export const setFirstPassword = endpoint({
  method: 'POST',
  url: '/api/profile/password',
  summary: 'Đặt mật khẩu cho tài khoản mở bằng VNeID',
  schema: {
    body: Type.Object({ newPassword: Type.String({ maxLength: 200 }), newPasswordConfirm: Type.String({ maxLength: 200 }) }),
    response: { 200: Profile },
  },
});
