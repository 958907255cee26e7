import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { buildWorkbook, XLSX_TYPE } from '../../platform/files/xlsx.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const tags = ['reports'];

// Months are checked by the service, so a wrong one gets a message saying what is wrong.
const MonthlyQuery = Type.Object({
  from: Type.String({ maxLength: 10, description: 'Từ tháng, YYYY-MM' }),
  to: Type.String({ maxLength: 10, description: 'Đến tháng, YYYY-MM (tối đa 24 tháng)' }),
  unitId: Type.Optional(Type.String({ format: 'uuid', description: 'Chỉ đơn vị này và các đơn vị cấp dưới' })),
});
const Counts = Type.Array(Type.Integer());
const MonthlyReport = Type.Object({
  months: Type.Array(Type.String()),
  title: Type.String(),
  scopeLabel: Type.String(),
  units: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
      mergedInto: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
      counts: Counts,
      total: Type.Integer(),
    }),
  ),
  selfRegistered: Type.Array(Type.Object({ provinceCode: Nullable(Type.String()), name: Type.String(), counts: Counts, total: Type.Integer() })),
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

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    '/api/admin/reports/monthly',
    {
      schema: {
        tags,
        summary: 'Báo cáo tài khoản theo tháng: số tài khoản tạo theo đơn vị (cán bộ tạo) và theo tỉnh (tự đăng ký), trong phạm vi quản lý',
        querystring: MonthlyQuery,
        response: { 200: MonthlyReport },
      },
    },
    async (req) => svc.monthlyReport(ctx(req), req.query),
  );

  app.get(
    '/api/admin/reports/monthly.xlsx',
    { schema: { tags, summary: 'Xuất Excel: đúng bảng của báo cáo tháng', querystring: MonthlyQuery } },
    async (req, reply) => {
      const report = await svc.monthlyReport(ctx(req), req.query);
      const file = await buildWorkbook([svc.reportSheet(report)]);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="bao-cao-tai-khoan-${report.months[0]}-${report.months[report.months.length - 1]}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  app.get(
    '/api/admin/reports/units',
    {
      schema: {
        tags,
        summary: 'Chọn đơn vị trong phạm vi quản lý (kể cả đơn vị đã ngừng hoạt động, sáp nhập) cho bộ lọc báo cáo và nhật ký',
        querystring: Type.Object({ q: Type.String({ maxLength: 100, default: '' }) }),
        response: { 200: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), status: Type.String() })) },
      },
    },
    async (req) => svc.scopeUnits(ctx(req), req.query.q),
  );
};

export const reportsModule: AppModule = { name: 'reports', routes };
