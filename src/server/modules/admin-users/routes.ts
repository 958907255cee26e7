import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { streamSheet, XLSX_TYPE } from '../../platform/files/xlsx.js';
import { formatVnDateTime } from '../../platform/clock.js';
import * as svc from './service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const UnitRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), status: Type.String() });
const userFields = {
  id: Type.String(),
  fullName: Type.String(),
  username: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  status: UserStatus,
  issuer: Type.String(),
  permissions: Type.Array(Type.String()),
  createdAt: Type.String(),
};
const UserItem = Type.Object({ ...userFields, units: Type.Array(UnitRef) });
const UserDetail = Type.Object({
  ...userFields,
  units: Type.Array(Type.Object({ ...UnitRef.properties, inScope: Type.Boolean() })),
  mustChangePassword: Type.Boolean(),
  grants: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), granted: Type.Boolean(), problem: Nullable(Type.String()) })),
});
const filterFields = {
  name: Type.Optional(Type.String({ maxLength: 100 })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  idNumber: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Optional(UserStatus),
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  otherAgencyId: Type.Optional(Type.String({ format: 'uuid' })),
  unassigned: Type.Optional(Type.Boolean()),
};
const Filters = Type.Object(filterFields);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['admin-users'];

const STATUS_LABEL = { active: 'Kích hoạt', inactive: 'Không kích hoạt' } as const;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const base = '/api/admin/users';
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Quản lý người dùng — tìm kiếm (trong phạm vi quản lý)',
        querystring: Type.Object({
          ...filterFields,
          page: Type.Integer({ minimum: 1, maximum: 2000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(UserItem),
            total: Type.Integer({ description: 'Number of matches, at most 2,000' }),
            totalCapped: Type.Boolean(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => svc.listUsers(ctx(req), req.query),
  );

  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: 'XUẤT EXCEL: đúng các dòng theo bộ lọc (tệp .xlsx, truyền dần)', querystring: Filters } },
    async (req, reply) => {
      const c = ctx(req);
      // Scope and filters are checked before the first byte, so a refusal is a proper error.
      const batches = svc.exportUsers(c, req.query);
      const first = await batches.next();
      let n = 0;
      async function* rows() {
        if (first.done) return;
        for (let batch = first.value; ; ) {
          yield batch.map((u) => ({
            stt: ++n,
            fullName: u.fullName,
            username: u.username ?? '',
            idNumber: u.idNumber ?? '',
            phone: u.phone ?? '',
            email: u.email ?? '',
            units: u.units.map((x) => `${x.code} ${x.name}`).join('; '),
            status: STATUS_LABEL[u.status],
            createdAt: formatVnDateTime(new Date(u.createdAt)),
          }));
          const next = await batches.next();
          if (next.done) return;
          batch = next.value;
        }
      }
      const stream = streamSheet(
        'Người dùng',
        [
          { header: 'STT', key: 'stt', width: 8 },
          { header: 'Tên', key: 'fullName', width: 28 },
          { header: 'Tên đăng nhập', key: 'username', width: 18 },
          { header: 'CMND/CCCD/MST/MCQ', key: 'idNumber', width: 16 },
          { header: 'Số điện thoại', key: 'phone', width: 14 },
          { header: 'Email', key: 'email', width: 24 },
          { header: 'Đơn vị', key: 'units', width: 50 },
          { header: 'Trạng thái', key: 'status', width: 16 },
          { header: 'Thời gian tạo', key: 'createdAt', width: 18 },
        ],
        rows(),
      );
      const stamp = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="danh-sach-nguoi-dung-${stamp}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  app.get(
    '/api/admin/agency-options',
    {
      schema: {
        tags,
        summary: 'Chọn cơ quan/đơn vị trong phạm vi quản lý (bộ lọc "Cơ quan", "NH/TGTT/Cơ quan khác", form thêm mới)',
        querystring: Type.Object({
          q: Type.String({ maxLength: 100, default: '' }),
          group: Type.Union([Type.Literal('state'), Type.Literal('other')], { default: 'state' }),
        }),
        response: { 200: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })) },
      },
    },
    async (req) => svc.agencyOptions(ctx(req), req.query.q, req.query.group),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: '+THÊM MỚI: tài khoản cán bộ (mật khẩu tạm gửi qua SMS)',
        body: Type.Object({
          fullName: Type.String({ maxLength: 200 }),
          username: Type.String({ maxLength: 60 }),
          idNumber: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
          phone: Type.String({ maxLength: 20 }),
          email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
          unitIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, default: [] }),
        }),
        response: { 201: UserDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createOfficer(ctx(req), req.body)),
  );

  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'Một người dùng: đơn vị, quyền và lý do không thể đổi từng quyền', params: IdParams, response: { 200: UserDetail } } },
    async (req) => svc.getUserDetail(ctx(req), req.params.id),
  );

  app.put(
    `${base}/:id/status`,
    {
      schema: {
        tags,
        summary: 'Kích hoạt / Không kích hoạt (ngừng kích hoạt đăng xuất mọi phiên)',
        params: IdParams,
        body: Type.Object({ status: UserStatus }),
        response: { 200: UserDetail },
      },
    },
    async (req) => svc.setUserStatus(ctx(req), req.params.id, req.body.status),
  );

  app.get(
    `${base}/:id/assignable-units`,
    {
      schema: {
        tags,
        summary: 'Gán người dùng vào đơn vị: đơn vị chưa gán, tìm theo Mã định danh hoặc Tên đơn vị',
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
    },
    async (req) => svc.searchAssignableUnits(ctx(req), req.params.id, req.query.q, req.query.page, req.query.pageSize),
  );

  app.post(
    `${base}/:id/units`,
    {
      schema: {
        tags,
        summary: 'Gán người dùng vào các đơn vị đã chọn (LƯU LẠI)',
        params: IdParams,
        body: Type.Object({ unitIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 50 }) }),
        response: { 200: UserDetail },
      },
    },
    async (req) => svc.assignUnits(ctx(req), req.params.id, req.body.unitIds),
  );

  app.delete(
    `${base}/:id/units/:unitId`,
    {
      schema: {
        tags,
        summary: 'Bỏ gán người dùng khỏi một đơn vị (Xóa)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), unitId: Type.String({ format: 'uuid' }) }),
        response: { 200: UserDetail },
      },
    },
    async (req) => svc.removeUnit(ctx(req), req.params.id, req.params.unitId),
  );

  app.put(
    `${base}/:id/permissions`,
    {
      schema: {
        tags,
        summary: 'Gán quyền người dùng: tập quyền mới (LƯU LẠI); quyền bị từ chối cho biết lý do',
        params: IdParams,
        body: Type.Object({ permissions: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 }) }),
        response: { 200: UserDetail },
      },
    },
    async (req) => svc.setPermissions(ctx(req), req.params.id, req.body.permissions),
  );
};

export const adminUsersModule: AppModule = { name: 'admin-users', routes };
