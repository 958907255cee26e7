// "Quản lý cơ quan/đơn vị" (issue 5): HTTP only; rules and authorisation live in tree.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { AppModule } from '../../app.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './tree.js';
import { AGENCY_KINDS } from './tables.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Kind = Type.Union([
  Type.Literal('ministry'),
  Type.Literal('province'),
  Type.Literal('commune'),
  Type.Literal('service_centre'),
  Type.Literal('one_stop_desk'),
  Type.Literal('department'),
  Type.Literal('bank'),
  Type.Literal('payment_intermediary'),
  Type.Literal('other'),
]);
// The literals above are AGENCY_KINDS (tables.ts); this fails to compile if one is added there.
const _kinds: Record<(typeof AGENCY_KINDS)[number], true> = {} as Record<Static<typeof Kind>, true>;
void _kinds;
const Id = Type.String({ format: 'uuid' });
const UnitRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const nodeFields = {
  ...UnitRef.properties,
  kind: Kind,
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  parentId: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  successor: Nullable(UnitRef),
  childCount: Type.Integer(),
  activeChildCount: Type.Integer(),
};
const Node = Type.Object(nodeFields);
const Detail = Type.Object({
  ...nodeFields,
  provinceCode: Nullable(Type.String()),
  adminUnitCode: Nullable(Type.String()),
  createdAt: Type.String(),
  parent: Nullable(UnitRef),
  path: Type.Array(UnitRef),
  mergedFrom: Type.Array(UnitRef),
  officerCount: Type.Integer(),
  canRestructure: Type.Boolean(),
  history: Type.Array(
    Type.Object({
      id: Type.String(),
      change: Type.String(),
      effectiveDate: Type.String(),
      before: Type.Unknown(),
      after: Type.Unknown(),
      actorName: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
});
const IdParams = Type.Object({ id: Id });
const Effective = Type.Object({ effectiveDate: IsoDate });
const tags = ['agencies'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const base = '/api/admin/agencies';
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(
    `${base}/children`,
    {
      schema: {
        tags,
        summary: 'Cây đơn vị: các đơn vị trực thuộc một đơn vị (không có parentId: các đơn vị gốc trong phạm vi quản lý)',
        querystring: Type.Object({ parentId: Type.Optional(Id), includeInactive: Type.Boolean({ default: false }) }),
        response: { 200: Type.Object({ items: Type.Array(Node) }) },
      },
    },
    async (req) => svc.listChildren(ctx(req), req.query.parentId, req.query.includeInactive),
  );

  app.get(
    `${base}/search`,
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị theo Mã định danh (đầu mã) hoặc tên (mọi từ, không phân biệt dấu), kèm đường dẫn trong cây',
        querystring: Type.Object({
          q: Type.String({ maxLength: 100, default: '' }),
          includeInactive: Type.Boolean({ default: false }),
          page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ ...nodeFields, path: Type.Array(UnitRef) })),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => svc.searchAgencies(ctx(req), req.query),
  );

  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'Một đơn vị: thông tin, số cán bộ, lịch sử thay đổi (mới nhất trước)', params: IdParams, response: { 200: Detail } } },
    async (req) => svc.getAgency(ctx(req), req.params.id),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Thêm đơn vị (trực thuộc một đơn vị trong phạm vi quản lý)',
        body: Type.Object({
          code: Type.String({ maxLength: 20 }),
          name: Type.String({ maxLength: 300 }),
          kind: Kind,
          parentId: Nullable(Id),
          validFrom: IsoDate,
        }),
        response: { 201: Detail },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createAgency(ctx(req), req.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Sửa (đổi tên, đổi Mã định danh, đổi loại) hoặc chuyển đơn vị cấp trên, từ một ngày hiệu lực',
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 300 })),
          code: Type.Optional(Type.String({ maxLength: 20 })),
          kind: Type.Optional(Kind),
          parentId: Type.Optional(Nullable(Id)),
          effectiveDate: IsoDate,
        }),
        response: { 200: Detail },
      },
    },
    async (req) => svc.updateAgency(ctx(req), req.params.id, req.body),
  );

  app.post(
    `${base}/:id/deactivate`,
    { schema: { tags, summary: 'Ngừng hoạt động (khi không còn đơn vị trực thuộc đang hoạt động)', params: IdParams, body: Effective, response: { 200: Detail } } },
    async (req) => svc.deactivateAgency(ctx(req), req.params.id, req.body.effectiveDate),
  );

  app.post(
    `${base}/:id/reactivate`,
    { schema: { tags, summary: 'Kích hoạt lại', params: IdParams, body: Effective, response: { 200: Detail } } },
    async (req) => svc.reactivateAgency(ctx(req), req.params.id, req.body.effectiveDate),
  );

  app.post(
    `${base}/merge`,
    {
      schema: {
        tags,
        summary: 'Sáp nhập các đơn vị vào một đơn vị (đơn vị cũ ngừng hoạt động, giữ lịch sử; tùy chọn chuyển cán bộ)',
        body: Type.Object({
          sourceIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
          targetId: Id,
          effectiveDate: IsoDate,
          moveOfficers: Type.Boolean({ default: false }),
        }),
        response: { 200: Detail },
      },
    },
    async (req) => svc.mergeAgencies(ctx(req), req.body),
  );
};

export const agenciesModule: AppModule = { name: 'agencies', routes };
