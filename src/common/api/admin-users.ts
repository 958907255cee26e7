// "Quản trị hệ thống >> Quản lý người dùng" (admin-users module): search officers, XUẤT EXCEL,
// +THÊM MỚI, Kích hoạt / Không kích hoạt, "Gán người dùng vào đơn vị", "Gán quyền người dùng",
// and the unit picker of its filters and forms.
import { Type } from 'typebox';
import { endpoint, Nullable } from './contract.js';

const BASE = '/api/admin/users';

export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);

/**
 * Tên đăng nhập: 3–50 characters, letters without accents, digits, dot, underscore, hyphen, not
 * starting with a sign. The service lower-cases it (and checks it again).
 */
export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$';
/**
 * The route takes any short string and the service applies USERNAME_PATTERN (after trimming and
 * lowercasing), so a bad name answers USERNAME_INVALID with its own message, not a generic
 * VALIDATION_FAILED; the web's form uses the same pattern.
 */
export const Username = Type.String({ maxLength: 60 });

/** A unit a user is assigned to (inactive ones included, so their status is sent). */
export const UserUnit = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), status: Type.String() });

const userFields = {
  id: Type.String(),
  fullName: Type.String(),
  username: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  status: UserStatus,
  /** Who issued the account (VNPOST for Bưu điện Việt Nam's officers). */
  issuer: Type.String(),
  permissions: Type.Array(Type.String()),
  createdAt: Type.String(),
};

/** A row of the list. */
export const UserItem = Type.Object({ ...userFields, units: Type.Array(UserUnit) });

/** One user: units (and whether each is in the administrator's scope), and each grantable permission. */
export const UserDetail = Type.Object({
  ...userFields,
  units: Type.Array(Type.Object({ ...UserUnit.properties, inScope: Type.Boolean() })),
  mustChangePassword: Type.Boolean(),
  grants: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      granted: Type.Boolean(),
      /** Why this permission cannot change for this administrator, else null. */
      problem: Nullable(Type.String()),
    }),
  ),
});

const filterFields = {
  name: Type.Optional(Type.String({ maxLength: 100 })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  idNumber: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Optional(UserStatus),
  agencyId: Type.Optional(Type.String({ format: 'uuid', description: 'Cơ quan: người dùng của đơn vị này và các đơn vị cấp dưới' })),
  otherAgencyId: Type.Optional(Type.String({ format: 'uuid', description: 'NH/TGTT/Cơ quan khác' })),
  unassigned: Type.Optional(Type.Boolean({ description: 'Không được gán cơ quan' })),
};
export const UserFilters = Type.Object(filterFields);

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const listUsers = endpoint({
  method: 'GET',
  url: BASE,
  summary: 'Quản lý người dùng — tìm kiếm (trong phạm vi quản lý)',
  schema: {
    querystring: Type.Object({
      ...filterFields,
      page: Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: 'A page beyond the last answers the last page' }),
      pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    }),
    response: {
      200: Type.Object({
        items: Type.Array(UserItem),
        total: Type.Integer({ description: 'Number of matches, at most 2,000' }),
        totalCapped: Type.Boolean(),
        page: Type.Integer({ description: 'The page answered: the one asked for, or the last one when that lies beyond it' }),
        pageSize: Type.Integer(),
      }),
    },
  },
});

/** The workbook itself (xlsx, streamed), as an attachment. */
export const exportUsers = endpoint({
  method: 'GET',
  url: `${BASE}/export.xlsx`,
  summary: 'XUẤT EXCEL: đúng các dòng theo bộ lọc (tệp .xlsx, truyền dần)',
  schema: { querystring: UserFilters, response: {} },
});

export const listAgencyOptions = endpoint({
  method: 'GET',
  url: '/api/admin/agency-options',
  summary: 'Chọn cơ quan/đơn vị trong phạm vi quản lý (bộ lọc "Cơ quan", "NH/TGTT/Cơ quan khác", form thêm mới)',
  schema: {
    querystring: Type.Object({
      q: Type.String({ maxLength: 100, default: '' }),
      group: Type.Union([Type.Literal('state'), Type.Literal('other')], { default: 'state' }),
    }),
    response: { 200: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })) },
  },
});

export const createUser = endpoint({
  method: 'POST',
  url: BASE,
  summary: '+THÊM MỚI: tài khoản cán bộ (mật khẩu tạm gửi qua SMS)',
  schema: {
    body: Type.Object({
      fullName: Type.String({ maxLength: 200 }),
      username: Username,
      idNumber: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
      phone: Type.String({ maxLength: 20 }),
      email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
      unitIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, default: [] }),
    }),
    response: { 201: UserDetail },
  },
});

export const getUser = endpoint({
  method: 'GET',
  url: `${BASE}/:id`,
  summary: 'Một người dùng: đơn vị, quyền và lý do không thể đổi từng quyền',
  schema: { params: IdParams, response: { 200: UserDetail } },
});

export const setUserStatus = endpoint({
  method: 'PUT',
  url: `${BASE}/:id/status`,
  summary: 'Kích hoạt / Không kích hoạt (ngừng kích hoạt đăng xuất mọi phiên)',
  schema: { params: IdParams, body: Type.Object({ status: UserStatus }), response: { 200: UserDetail } },
});

export const listAssignableUnits = endpoint({
  method: 'GET',
  url: `${BASE}/:id/assignable-units`,
  summary: 'Gán người dùng vào đơn vị: đơn vị chưa gán, tìm theo Mã định danh hoặc Tên đơn vị',
  schema: {
    params: IdParams,
    querystring: Type.Object({
      q: Type.String({ maxLength: 100, default: '' }),
      page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
      pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
    }),
    response: {
      200: Type.Object({
        items: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: Type.String() })),
        total: Type.Integer(),
        page: Type.Integer(),
        pageSize: Type.Integer(),
      }),
    },
  },
});

export const assignUserUnits = endpoint({
  method: 'POST',
  url: `${BASE}/:id/units`,
  summary: 'Gán người dùng vào các đơn vị đã chọn (LƯU LẠI)',
  schema: {
    params: IdParams,
    body: Type.Object({ unitIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 50 }) }),
    response: { 200: UserDetail },
  },
});

export const removeUserUnit = endpoint({
  method: 'DELETE',
  url: `${BASE}/:id/units/:unitId`,
  summary: 'Bỏ gán người dùng khỏi một đơn vị (Xóa)',
  schema: {
    params: Type.Object({ id: Type.String({ format: 'uuid' }), unitId: Type.String({ format: 'uuid' }) }),
    response: { 200: UserDetail },
  },
});

export const setUserPermissions = endpoint({
  method: 'PUT',
  url: `${BASE}/:id/permissions`,
  summary: 'Gán quyền người dùng: tập quyền mới (LƯU LẠI); quyền bị từ chối cho biết lý do',
  schema: {
    params: IdParams,
    body: Type.Object({ permissions: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 }) }),
    response: { 200: UserDetail },
  },
});
