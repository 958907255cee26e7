// "Tạo tài khoản công dân" (citizen-accounts module): an officer of the one-stop desk creates a
// citizen's account — look-up, draft with the CCCD scan, request form (PDF), OTP, account.
import { Type } from 'typebox';
import { endpoint, Nullable, UnitRef } from './contract.js';

const BASE = '/api/citizen-account-requests';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const AccountRequestStatus = Type.Union([Type.Literal('draft'), Type.Literal('completed'), Type.Literal('cancelled')]);

/** The CCCD/CMND scan attached to a request. */
export const AccountRequestAttachment = Type.Object({ id: Type.String(), fileName: Type.String(), size: Type.Number(), type: Type.String() });

export const AccountRequestDetail = Type.Object({
  id: Type.String(),
  status: AccountRequestStatus,
  idNumber: Type.String(),
  fullName: Type.String(),
  birthDate: Type.String(),
  phone: Type.String(),
  email: Nullable(Type.String()),
  unit: UnitRef,
  officer: Type.Object({ id: Type.String(), fullName: Type.String(), phone: Nullable(Type.String()) }),
  attachment: Nullable(AccountRequestAttachment),
  createdAt: Type.String(),
  completedAt: Nullable(Type.String()),
  /** The latest code sent for a draft, if any. */
  otp: Nullable(Type.Object({ expiresAt: Type.String(), resendAvailableAt: Type.String(), attemptsRemaining: Type.Number() })),
});

export const AccountRequestInput = Type.Object({
  idNumber: Type.String({ maxLength: 20 }),
  fullName: Type.String({ maxLength: 200 }),
  birthDate: Type.String({ maxLength: 10 }),
  phone: Type.String({ maxLength: 20 }),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  unitId: Type.String({ format: 'uuid' }),
  attachmentId: Type.String({ format: 'uuid' }),
});

export const listAccountRequests = endpoint({
  method: 'GET',
  url: BASE,
  summary: 'Tạo tài khoản công dân — danh sách (đơn vị của cán bộ)',
  schema: {
    querystring: Type.Object({
      name: Type.Optional(Type.String({ maxLength: 100 })),
      phone: Type.Optional(Type.String({ maxLength: 20 })),
      idNumber: Type.Optional(Type.String({ maxLength: 20 })),
      officer: Type.Optional(Type.String({ maxLength: 100 })),
      unitId: Type.Optional(Type.String({ format: 'uuid' })),
      from: Type.Optional(IsoDate),
      to: Type.Optional(IsoDate),
      status: Type.Optional(AccountRequestStatus),
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
            status: AccountRequestStatus,
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
});

export const getAccountFormContext = endpoint({
  method: 'GET',
  url: `${BASE}/form-context`,
  summary: 'Thông tin cán bộ và các đơn vị được phép tạo tài khoản',
  schema: {
    response: {
      200: Type.Object({
        officer: Type.Object({ fullName: Type.String(), phone: Nullable(Type.String()) }),
        units: Type.Array(UnitRef),
        /** Every unit of the officer, for the "Đơn vị tạo" search filter. */
        allUnits: Type.Array(UnitRef),
        noEligibleUnitMessage: Nullable(Type.String()),
      }),
    },
  },
});

export const lookupAccount = endpoint({
  method: 'GET',
  url: `${BASE}/lookup`,
  summary: 'Tra cứu: đã có tài khoản với số CMND/CCCD này chưa',
  schema: {
    querystring: Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 20 }) }),
    response: { 200: Type.Object({ idNumber: Type.String(), kind: Type.String(), exists: Type.Boolean() }) },
  },
});

/** Multipart, field "file" (the route declares consumes and reads the one file itself). */
export const uploadAccountAttachment = endpoint({
  method: 'POST',
  url: `${BASE}/attachments`,
  summary: 'Đính kèm CCCD/CMND: đúng 1 file doc, docx hoặc pdf, tối đa 5 MB (multipart/form-data, field "file")',
  schema: { response: { 201: AccountRequestAttachment } },
});

export const createAccountRequest = endpoint({
  method: 'POST',
  url: BASE,
  summary: 'Bước 1: lưu thông tin tài khoản (bản nháp)',
  schema: { body: AccountRequestInput, response: { 201: AccountRequestDetail } },
});

export const getAccountRequest = endpoint({
  method: 'GET',
  url: `${BASE}/:id`,
  summary: 'Chi tiết yêu cầu',
  schema: { params: IdParams, response: { 200: AccountRequestDetail } },
});

export const updateAccountRequest = endpoint({
  method: 'PUT',
  url: `${BASE}/:id`,
  summary: 'Sửa bản nháp',
  schema: { params: IdParams, body: AccountRequestInput, response: { 200: AccountRequestDetail } },
});

export const cancelAccountRequest = endpoint({
  method: 'POST',
  url: `${BASE}/:id/cancel`,
  summary: 'Hủy bản nháp',
  schema: { params: IdParams, response: { 200: AccountRequestDetail } },
});

/** The request form itself (PDF), as an attachment. */
export const downloadAccountRequestForm = endpoint({
  method: 'GET',
  url: `${BASE}/:id/form.pdf`,
  summary: 'Bước 2: Tải xuống giấy đề nghị tạo tài khoản (PDF)',
  schema: { params: IdParams, response: {} },
});

/** The attached file itself, as an attachment. */
export const downloadAccountAttachment = endpoint({
  method: 'GET',
  url: `${BASE}/:id/attachment`,
  summary: 'Xem file CCCD/CMND đính kèm (mỗi lần xem được ghi nhật ký)',
  schema: { params: IdParams, response: {} },
});

export const sendAccountOtp = endpoint({
  method: 'POST',
  url: `${BASE}/:id/otp`,
  summary: 'Bước 2: Gửi mã OTP (6 số, hiệu lực 2 phút; gửi lại làm mã cũ hết hiệu lực)',
  schema: {
    params: IdParams,
    response: {
      200: Type.Object({ expiresAt: Type.String(), resendAvailableAt: Type.String(), sendsRemaining: Type.Integer(), ttlSeconds: Type.Integer() }),
    },
  },
});

export const completeAccountRequest = endpoint({
  method: 'POST',
  url: `${BASE}/:id/complete`,
  summary: 'Bước 3: Tạo tài khoản với mã OTP mới nhất',
  schema: {
    params: IdParams,
    body: Type.Object({ otp: Type.String({ maxLength: 12 }) }),
    response: { 200: AccountRequestDetail },
  },
});
