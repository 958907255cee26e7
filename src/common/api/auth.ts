// Sign-in and sign-out of officers and citizens, the signed-in account, password change and
// "Quên mật khẩu" (auth module), and the CSRF token every write carries.
import { Type } from 'typebox';
import { endpoint, NoContent, Nullable, UnitRef } from './contract.js';

export const Audience = Type.Union([Type.Literal('officer'), Type.Literal('citizen')]);
export const UserKind = Type.Union([Type.Literal('officer'), Type.Literal('citizen'), Type.Literal('organisation')]);

/** When a code just sent stops working and when another may be asked for (every OTP answer has these). */
export const OtpTiming = Type.Object({ expiresAt: Type.String(), resendAvailableAt: Type.String(), ttlSeconds: Type.Number() });

/** A password reset under way: the same answer whether or not the identifier names an account. */
export const ResetStarted = Type.Object({ id: Type.String(), ...OtpTiming.properties });

const ResetParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const Me = Type.Object({
  id: Type.String(),
  kind: UserKind,
  audience: Audience,
  fullName: Type.String(),
  username: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  permissions: Type.Array(Type.String()),
  units: Type.Array(UnitRef),
});

export const getCsrfToken = endpoint({
  method: 'GET',
  url: '/api/auth/csrf',
  summary: 'Mã CSRF để gửi trong tiêu đề x-csrf-token của mọi yêu cầu thay đổi dữ liệu',
  schema: { response: { 200: Type.Object({ token: Type.String() }) } },
});

export const login = endpoint({
  method: 'POST',
  url: '/api/auth/login',
  summary: 'Đăng nhập (cán bộ: tên đăng nhập; công dân: số CMND/CCCD, mã số thuế hoặc số điện thoại)',
  schema: {
    description:
      'Sau nhiều lần sai mật khẩu, trình duyệt chưa có cookie thiết bị của tài khoản nhận 401 LOGIN_CODE_REQUIRED ' +
      '(details: challengeId, phoneHint) và phải gửi lại đúng tên đăng nhập và mật khẩu kèm challengeId và mã trong ' +
      'tin nhắn SMS; sai mật khẩu hoặc sai mã thì nhận 401 LOGIN_CODE_INVALID. ADR 0012.',
    body: Type.Object({
      audience: Audience,
      login: Type.String({ minLength: 1, maxLength: 100 }),
      password: Type.String({ minLength: 1, maxLength: 200 }),
      challengeId: Type.Optional(Type.String({ format: 'uuid' })),
      code: Type.Optional(Type.String({ maxLength: 10 })),
    }),
    response: { 200: Type.Object({ mustChangePassword: Type.Boolean() }) },
  },
});

export const logout = endpoint({
  method: 'POST',
  url: '/api/auth/logout',
  summary: 'Đăng xuất',
  schema: { response: { 204: NoContent } },
});

export const logoutEverywhere = endpoint({
  method: 'POST',
  url: '/api/auth/logout-all',
  summary: 'Đăng xuất khỏi mọi thiết bị',
  schema: { response: { 204: NoContent } },
});

export const startPasswordReset = endpoint({
  method: 'POST',
  url: '/api/auth/password-resets',
  summary: 'Quên mật khẩu: gửi OTP tới số điện thoại đã đăng ký (không cho biết tài khoản có tồn tại hay không)',
  schema: {
    body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) }),
    response: { 201: ResetStarted },
  },
});

export const resendPasswordResetOtp = endpoint({
  method: 'POST',
  url: '/api/auth/password-resets/:id/otp',
  summary: 'Quên mật khẩu: Gửi lại OTP',
  schema: { params: ResetParams, response: { 200: ResetStarted } },
});

export const completePasswordReset = endpoint({
  method: 'POST',
  url: '/api/auth/password-resets/:id/complete',
  summary: 'Quên mật khẩu: OTP và mật khẩu mới',
  schema: {
    params: ResetParams,
    body: Type.Object({
      otp: Type.String({ maxLength: 10 }),
      newPassword: Type.String({ maxLength: 200 }),
      newPasswordConfirm: Type.String({ maxLength: 200 }),
    }),
    response: { 204: NoContent },
  },
});

export const getMe = endpoint({
  method: 'GET',
  url: '/api/auth/me',
  summary: 'Tài khoản đang đăng nhập: họ tên, quyền và đơn vị',
  schema: { response: { 200: Me } },
});

export const changePassword = endpoint({
  method: 'POST',
  url: '/api/auth/change-password',
  summary: 'Đổi mật khẩu',
  schema: {
    body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) }),
    response: { 204: NoContent },
  },
});
