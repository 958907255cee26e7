// "Nhập danh sách cán bộ" (officer-import module): the template, the upload that checks every row
// (a preview, nothing written), the administrator's imports, confirm and discard. A preview not
// confirmed within PREVIEW_TTL_MINUTES of its upload expires: its rows are removed and confirming it
// answers 410 IMPORT_PREVIEW_EXPIRED.
import { Type } from 'typebox';
import { endpoint, Nullable } from './contract.js';

const BASE = '/api/admin/officer-imports';

/** How long an uploaded list waits for "Nhập" before it expires (counted from the upload). */
export const PREVIEW_TTL_MINUTES = 30;

export const ImportStatus = Type.Union([Type.Literal('preview'), Type.Literal('imported'), Type.Literal('discarded'), Type.Literal('expired')]);
export const ImportAction = Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('unchanged'), Type.Literal('skip')]);
export const ImportChange = Type.Union([Type.Literal('assign_unit'), Type.Literal('grant_permission')]);

/** How many rows create, update, change nothing or are skipped. */
export const ImportCounts = Type.Object({ create: Type.Integer(), update: Type.Integer(), unchanged: Type.Integer(), skip: Type.Integer() });

export const ImportRow = Type.Object({
  no: Type.Integer({ description: 'Position among the data rows, from 1' }),
  stt: Type.String(),
  fullName: Type.String(),
  unit: Type.String({ description: 'The "Đơn vị" cell as written' }),
  idNumber: Type.String(),
  phone: Type.String(),
  unitId: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  action: ImportAction,
  changes: Type.Array(ImportChange),
  problems: Type.Array(Type.String()),
});

const summaryFields = {
  id: Type.String(),
  fileName: Type.String(),
  status: ImportStatus,
  rowCount: Type.Integer(),
  createdAt: Type.String(),
  importedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String({ description: 'While a preview: when it expires unless confirmed (PREVIEW_TTL_MINUTES after the upload)' })),
  /** What the import did, once imported. */
  result: Nullable(ImportCounts),
};
export const ImportSummary = Type.Object(summaryFields);
export const ImportDetail = Type.Object({
  ...summaryFields,
  counts: ImportCounts,
  sameFileImportedAt: Nullable(Type.String({ description: 'When this administrator last imported a file with the same content' })),
  rows: Type.Array(ImportRow),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The workbook itself (xlsx), as an attachment. */
export const downloadImportTemplate = endpoint({
  method: 'GET',
  url: `${BASE}/template.xlsx`,
  summary: 'Tải biểu mẫu danh sách cán bộ bộ phận một cửa (.xlsx)',
  schema: { response: {} },
});

/** multipart/form-data with the file in field "file". */
export const uploadOfficerList = endpoint({
  method: 'POST',
  url: BASE,
  summary: 'Tải lên danh sách (.xlsx, multipart field "file", tối đa 5 MB, 5.000 dòng): kiểm tra từng dòng, chưa ghi gì; bản xem trước được giữ 30 phút',
  schema: { response: { 201: ImportDetail } },
});

export const listOfficerImports = endpoint({
  method: 'GET',
  url: BASE,
  summary: 'Các lần nhập danh sách của quản trị viên, mới nhất trước',
  schema: {
    querystring: Type.Object({
      page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
      pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
    }),
    response: { 200: Type.Object({ items: Type.Array(ImportSummary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
  },
});

export const getOfficerImport = endpoint({
  method: 'GET',
  url: `${BASE}/:id`,
  summary: 'Một lần nhập: các dòng, thao tác dự kiến và vấn đề',
  schema: { params: IdParams, response: { 200: ImportDetail } },
});

export const confirmOfficerImport = endpoint({
  method: 'POST',
  url: `${BASE}/:id/confirm`,
  summary:
    'Nhập các dòng hợp lệ (kiểm tra lại tất cả; dòng có vấn đề bị bỏ qua), trong một giao dịch; bản xem trước quá 30 phút kể từ khi tải lên đã hết hạn (410 IMPORT_PREVIEW_EXPIRED)',
  schema: { params: IdParams, response: { 200: ImportDetail } },
});

export const discardOfficerImport = endpoint({
  method: 'DELETE',
  url: `${BASE}/:id`,
  summary: 'Hủy bản xem trước (không ghi gì)',
  schema: { params: IdParams, response: { 200: ImportDetail } },
});
