// "Quản lý cơ quan/đơn vị" (agencies module): the agency tree level by level, search, one unit with
// its history, and the changes (add, edit, move, deactivate, reactivate, merge), each from an
// effective date.
import { Type } from 'typebox';
import { endpoint, Nullable, UnitRef } from './contract.js';

const BASE = '/api/admin/agencies';

/** The kinds of units (agencies.kind; the agencies module checks this list against its table's). */
export const AgencyKind = Type.Union([
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
export const AgencyStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
export const HistoryChange = Type.Union([
  Type.Literal('created'),
  Type.Literal('renamed'),
  Type.Literal('recoded'),
  Type.Literal('moved'),
  Type.Literal('kind_changed'),
  Type.Literal('deactivated'),
  Type.Literal('reactivated'),
  Type.Literal('merged'),
]);

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Id = Type.String({ format: 'uuid' });

/** The kinds a unit without a parent may have (the tops of the tree: ministries, provinces, banks…). */
export const TOP_LEVEL_KINDS = ['ministry', 'province', 'bank', 'payment_intermediary', 'other'] as const;

export const ScheduledAction = Type.Union([Type.Literal('update'), Type.Literal('deactivate')]);
export const ScheduledStatus = Type.Union([Type.Literal('pending'), Type.Literal('applied'), Type.Literal('cancelled'), Type.Literal('failed')]);

/**
 * A change saved with a Ngày hiệu lực after today (issue 15): what will change on that date. An
 * update names only the fields it changes (`parent` present for a move; null: to the top level).
 */
const plannedFields = {
  id: Type.String(),
  action: ScheduledAction,
  effectiveDate: Type.String(),
  name: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  kind: Type.Optional(AgencyKind),
  parent: Type.Optional(Nullable(UnitRef)),
};
export const PlannedChange = Type.Object(plannedFields);

/** A scheduled change with what became of it (the unit's "Thay đổi dự kiến", newest first). */
export const ScheduledChange = Type.Object({
  ...plannedFields,
  status: ScheduledStatus,
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  /** Why it could not be applied on its date. */
  failure: Nullable(Type.String()),
});

const nodeFields = {
  ...UnitRef.properties,
  kind: AgencyKind,
  status: AgencyStatus,
  parentId: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  /** The unit it was merged into (sáp nhập), when it was. */
  successor: Nullable(UnitRef),
  /** Children shown with the current "include inactive" choice; 0 makes the node a leaf. */
  childCount: Type.Integer(),
  activeChildCount: Type.Integer(),
  /** The change planned for a later date, if any (one at a time). */
  planned: Nullable(PlannedChange),
};
export const AgencyNode = Type.Object(nodeFields);

/**
 * What a history row records before or after a change: only the fields that change took part in
 * (a rename: name; a move: parentId, parentCode, parentName; a merge: status, validTo, successor…).
 * Kinds are plain text here: a row keeps the kind as it was when written.
 */
export const HistorySnapshot = Type.Object({
  code: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  parentId: Type.Optional(Nullable(Type.String())),
  parentCode: Type.Optional(Nullable(Type.String())),
  parentName: Type.Optional(Nullable(Type.String())),
  status: Type.Optional(AgencyStatus),
  validTo: Type.Optional(Nullable(Type.String())),
  successorId: Type.Optional(Nullable(Type.String())),
  successorCode: Type.Optional(Type.String()),
  successorName: Type.Optional(Type.String()),
  /** The units merged into this one (on the receiving unit's row). */
  mergedFrom: Type.Optional(Type.Array(UnitRef)),
  officersMoved: Type.Optional(Type.Integer()),
  /** The administrative unit of a reference unit created from the 2025 list. */
  adminUnitCode: Type.Optional(Nullable(Type.String())),
  /** "admin-units-2025" for the reference units created from that list. */
  source: Type.Optional(Type.String()),
});

export const HistoryRow = Type.Object({
  id: Type.String(),
  change: HistoryChange,
  effectiveDate: Type.String(),
  before: Nullable(HistorySnapshot),
  after: Nullable(HistorySnapshot),
  actorName: Nullable(Type.String()),
  at: Type.String(),
});

export const AgencyDetail = Type.Object({
  ...nodeFields,
  provinceCode: Nullable(Type.String()),
  adminUnitCode: Nullable(Type.String()),
  createdAt: Type.String(),
  parent: Nullable(UnitRef),
  /** Ancestors from the top of the administrator's scope down to the parent. */
  path: Type.Array(UnitRef),
  mergedFrom: Type.Array(UnitRef),
  officerCount: Type.Integer(),
  /** False for the top of a level-1 administrator's subtree: only a national one moves it. */
  canRestructure: Type.Boolean(),
  /** Newest first. */
  history: Type.Array(HistoryRow),
  /** Changes scheduled for a later date and what became of them, newest first (the last 20). */
  scheduledChanges: Type.Array(ScheduledChange),
});

const IdParams = Type.Object({ id: Id });
const Effective = Type.Object({ effectiveDate: IsoDate });

export const listAgencyChildren = endpoint({
  method: 'GET',
  url: `${BASE}/children`,
  summary: 'Cây đơn vị: các đơn vị trực thuộc một đơn vị (không có parentId: các đơn vị gốc trong phạm vi quản lý)',
  schema: {
    querystring: Type.Object({ parentId: Type.Optional(Id), includeInactive: Type.Boolean({ default: false }) }),
    response: { 200: Type.Object({ items: Type.Array(AgencyNode) }) },
  },
});

export const searchAgencies = endpoint({
  method: 'GET',
  url: `${BASE}/search`,
  summary: 'Tìm đơn vị theo Mã định danh (đầu mã) hoặc tên (mọi từ, không phân biệt dấu), kèm đường dẫn trong cây',
  schema: {
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
});

export const getAgency = endpoint({
  method: 'GET',
  url: `${BASE}/:id`,
  summary: 'Một đơn vị: thông tin, số cán bộ, lịch sử thay đổi (mới nhất trước)',
  schema: { params: IdParams, response: { 200: AgencyDetail } },
});

/**
 * The longest Tên đơn vị the agencies module accepts (after tidying spaces). The body schemas cap
 * the raw string a little higher, so a name just over the limit gets the service's own message.
 */
export const AGENCY_NAME_MAX_LENGTH = 250;
const AgencyName = Type.String({ maxLength: AGENCY_NAME_MAX_LENGTH + 50 });

export const createAgency = endpoint({
  method: 'POST',
  url: BASE,
  summary: 'Thêm đơn vị (trực thuộc một đơn vị trong phạm vi quản lý)',
  schema: {
    body: Type.Object({
      code: Type.String({ maxLength: 20 }),
      name: AgencyName,
      kind: AgencyKind,
      parentId: Nullable(Id),
      validFrom: IsoDate,
    }),
    response: { 201: AgencyDetail },
  },
});

export const updateAgency = endpoint({
  method: 'PATCH',
  url: `${BASE}/:id`,
  summary: 'Sửa (đổi tên, đổi Mã định danh, đổi loại) hoặc chuyển đơn vị cấp trên, từ một ngày hiệu lực',
  schema: {
    params: IdParams,
    body: Type.Object({
      name: Type.Optional(AgencyName),
      code: Type.Optional(Type.String({ maxLength: 20 })),
      kind: Type.Optional(AgencyKind),
      parentId: Type.Optional(Nullable(Id)),
      effectiveDate: IsoDate,
      /**
       * Required (true) to move a unit below a unit of another province (another top of the tree):
       * without it the answer is AGENCY_CROSS_PROVINCE_CONFIRM_REQUIRED with both paths in details.
       */
      confirmCrossProvince: Type.Optional(Type.Boolean()),
    }),
    response: { 200: AgencyDetail },
  },
});

export const deactivateAgency = endpoint({
  method: 'POST',
  url: `${BASE}/:id/deactivate`,
  summary: 'Ngừng hoạt động (khi không còn đơn vị trực thuộc đang hoạt động)',
  schema: { params: IdParams, body: Effective, response: { 200: AgencyDetail } },
});

export const reactivateAgency = endpoint({
  method: 'POST',
  url: `${BASE}/:id/reactivate`,
  summary: 'Kích hoạt lại',
  schema: { params: IdParams, body: Effective, response: { 200: AgencyDetail } },
});

export const mergeAgencies = endpoint({
  method: 'POST',
  url: `${BASE}/merge`,
  summary: 'Sáp nhập các đơn vị vào một đơn vị (đơn vị cũ ngừng hoạt động, giữ lịch sử; tùy chọn chuyển cán bộ)',
  schema: {
    body: Type.Object({
      sourceIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
      targetId: Id,
      effectiveDate: IsoDate,
      moveOfficers: Type.Boolean({ default: false }),
    }),
    response: { 200: AgencyDetail },
  },
});

export const cancelScheduledChange = endpoint({
  method: 'POST',
  url: `${BASE}/:id/scheduled-changes/:changeId/cancel`,
  summary: 'Hủy một thay đổi dự kiến (chưa đến ngày hiệu lực) của đơn vị',
  schema: { params: Type.Object({ id: Id, changeId: Id }), response: { 200: AgencyDetail } },
});

export const listScheduledChanges = endpoint({
  method: 'GET',
  url: `${BASE}/scheduled-changes`,
  summary: 'Các thay đổi dự kiến của đơn vị trong phạm vi quản lý (mặc định: chưa đến ngày hiệu lực), ngày hiệu lực gần nhất trước',
  schema: {
    querystring: Type.Object({
      status: Type.Optional(ScheduledStatus),
      page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
      pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    }),
    response: {
      200: Type.Object({
        items: Type.Array(Type.Object({ ...ScheduledChange.properties, unit: UnitRef, path: Type.Array(UnitRef) })),
        total: Type.Integer(),
        page: Type.Integer(),
        pageSize: Type.Integer(),
      }),
    },
  },
});

export const listUnitPaths = endpoint({
  method: 'GET',
  url: `${BASE}/paths`,
  summary: 'Đường dẫn trong cây (tỉnh › xã › …) của các đơn vị, để bộ chọn đơn vị phân biệt các đơn vị trùng tên',
  schema: {
    querystring: Type.Object({ ids: Type.String({ maxLength: 37 * 100, description: 'Mã (uuid) các đơn vị, cách nhau bởi dấu phẩy; tối đa 100' }) }),
    response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), path: Type.Array(UnitRef) })) }) },
  },
});
