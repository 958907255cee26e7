// "Báo cáo" (reports module): the monthly report of accounts created, its Excel export, and the
// picker of units in scope used by the report's and the audit log's filters.
import { Type } from 'typebox';
import { endpoint, Nullable } from './contract.js';

// Months are checked by the service, so a wrong one gets a message saying what is wrong.
export const MonthlyQuery = Type.Object({
  from: Type.String({ maxLength: 10, description: 'Từ tháng, YYYY-MM' }),
  to: Type.String({ maxLength: 10, description: 'Đến tháng, YYYY-MM (tối đa 24 tháng)' }),
  unitId: Type.Optional(Type.String({ format: 'uuid', description: 'Chỉ đơn vị này và các đơn vị cấp dưới' })),
});

/** One count a month, in the order of `months`. */
const Counts = Type.Array(Type.Integer());

export const MonthlyReport = Type.Object({
  months: Type.Array(Type.String()),
  title: Type.String(),
  scopeLabel: Type.String(),
  units: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
      /** The unit it was merged into (sáp nhập), when it was. */
      mergedInto: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
      counts: Counts,
      total: Type.Integer(),
    }),
  ),
  /** By province; provinceCode null for accounts whose CMND/CCCD names no province (9-digit CMND). */
  selfRegistered: Type.Array(Type.Object({ provinceCode: Nullable(Type.String()), name: Type.String(), counts: Counts, total: Type.Integer() })),
  /** Why the self-registered rows are left out (a unit filter below province level), else null. */
  selfRegisteredNote: Nullable(Type.String()),
  totals: Type.Object({
    officer: Counts,
    self: Counts,
    all: Counts,
    officerTotal: Type.Integer(),
    selfTotal: Type.Integer(),
    total: Type.Integer(),
  }),
});

export const getMonthlyReport = endpoint({
  method: 'GET',
  url: '/api/admin/reports/monthly',
  summary: 'Báo cáo tài khoản theo tháng: số tài khoản tạo theo đơn vị (cán bộ tạo) và theo tỉnh (tự đăng ký), trong phạm vi quản lý',
  schema: { querystring: MonthlyQuery, response: { 200: MonthlyReport } },
});

/** The workbook itself (xlsx), as an attachment. */
export const exportMonthlyReport = endpoint({
  method: 'GET',
  url: '/api/admin/reports/monthly.xlsx',
  summary: 'Xuất Excel: đúng bảng của báo cáo tháng',
  schema: { querystring: MonthlyQuery, response: {} },
});

export const ScopeUnit = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), status: Type.String() });

export const listScopeUnits = endpoint({
  method: 'GET',
  url: '/api/admin/reports/units',
  summary: 'Chọn đơn vị trong phạm vi quản lý (kể cả đơn vị đã ngừng hoạt động, sáp nhập) cho bộ lọc báo cáo và nhật ký',
  schema: {
    querystring: Type.Object({ q: Type.String({ maxLength: 100, default: '' }) }),
    response: { 200: Type.Array(ScopeUnit) },
  },
});
