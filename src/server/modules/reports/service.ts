// "Báo cáo tài khoản theo tháng" (SPEC §1.6, seed 004 mục 5): accounts created per unit per month
// inside the administrator's subtree, officer-assisted and self-registered counted separately.
//
// A report reads across modules (requests, registrations, accounts, units), so it reads their
// tables directly, read-only, and never writes.
import { and, asc, eq, gte, inArray, isNotNull, like, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { cleanText, likeEscape } from '../../../common/text.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { everyWord } from '../../db/sql.js';
import type { Ctx } from '../../platform/context.js';
import { readDataJson } from '../../platform/data-files.js';
import { AppError } from '../../platform/errors.js';
import { adminScope, subtreeIds, unitInScope, type AdminScope } from '../agencies/service.js';
import { adminUnits, agencies } from '../agencies/tables.js';
import { citizenAccountRequests as car } from '../citizen-accounts/tables.js';
import { registrations } from '../registration/tables.js';
import { users } from '../users/tables.js';

export const MAX_MONTHS = 24;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Units that create accounts at the desk (SPEC §1.2 unit rule): listed even with no account in the period. */
const DESK_KINDS = ['service_centre', 'one_stop_desk'];

// ---------------------------------------------------------------------------------------------
// Months

/** The months from..to (YYYY-MM, inclusive), or VALIDATION_FAILED saying what is wrong. */
export function monthRange(from: string, to: string): string[] {
  const a = MONTH.exec(from.trim());
  const b = MONTH.exec(to.trim());
  if (!a || !b) throw new AppError('VALIDATION_FAILED', { message: 'Tháng phải có dạng YYYY-MM (ví dụ 2026-01).' });
  const start = Number(a[1]) * 12 + Number(a[2]) - 1;
  const end = Number(b[1]) * 12 + Number(b[2]) - 1;
  if (Number(a[1]) < 2000 || Number(b[1]) > 2100) throw new AppError('VALIDATION_FAILED', { message: 'Năm của tháng báo cáo phải từ 2000 đến 2100.' });
  if (end < start) throw new AppError('VALIDATION_FAILED', { message: '"Từ tháng" phải trước hoặc trùng "Đến tháng".' });
  if (end - start + 1 > MAX_MONTHS) {
    throw new AppError('VALIDATION_FAILED', { message: `Báo cáo tối đa ${MAX_MONTHS} tháng; hãy chọn khoảng thời gian ngắn hơn.` });
  }
  const months: string[] = [];
  for (let m = start; m <= end; m++) months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** First instant of the month (YYYY-MM) in Vietnam time (UTC+7 all year, no daylight saving). */
function vnMonthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+07:00`);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** "2026-01" → "01/2026": column headers of the table and the workbook. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** Month of an instant in Vietnam time, computed by the database. */
const vnMonth = (col: AnyColumn) => sql<string>`to_char(${col} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')`;

// ---------------------------------------------------------------------------------------------
// CCCD → 2025 province

let provinceOfPrefix: Map<string, string> | null = null;

/**
 * The 2025 province (QĐ 19/2025 code) of a 12-digit CCCD: its first 3 digits are 0 + the pre-2025
 * code of the province where the birth was registered (src/common/cccd-provinces.ts), mapped to
 * the province it became (data/cccd-province-2025.json). Null for a 9-digit CMND or an unknown code.
 */
export function provinceOfCccd(idNumber: string | null): string | null {
  if (!idNumber || !/^\d{12}$/.test(idNumber)) return null;
  if (!provinceOfPrefix) {
    const file = readDataJson<{ provinces: { newCode: string; oldCodes: string[] }[] }>('cccd-province-2025.json');
    provinceOfPrefix = new Map(file.provinces.flatMap((p) => p.oldCodes.map((old) => [`0${old}`, p.newCode] as const)));
  }
  return provinceOfPrefix.get(idNumber.slice(0, 3)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// The report

export interface MonthlyQuery {
  from: string;
  to: string;
  /** Only this unit and the units below it (must be in scope). */
  unitId?: string;
}

export interface UnitReportRow {
  id: string;
  code: string;
  name: string;
  status: 'active' | 'inactive';
  /** The unit it was merged into (sáp nhập), when it was. */
  mergedInto: { code: string; name: string } | null;
  counts: number[];
  total: number;
}

export interface ProvinceReportRow {
  /** 2025 province code; null for accounts whose CMND/CCCD names no province (9-digit CMND). */
  provinceCode: string | null;
  name: string;
  counts: number[];
  total: number;
}

export interface MonthlyReport {
  months: string[];
  title: string;
  scopeLabel: string;
  units: UnitReportRow[];
  selfRegistered: ProvinceReportRow[];
  /** Why the self-registered rows are left out (a unit filter below province level), else null. */
  selfRegisteredNote: string | null;
  totals: { officer: number[]; self: number[]; all: number[]; officerTotal: number; selfTotal: number; total: number };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export async function monthlyReport(ctx: Ctx, q: MonthlyQuery): Promise<MonthlyReport> {
  const months = monthRange(q.from, q.to);
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const db = ctx.deps.db;
  const start = vnMonthStart(months[0]!);
  const end = vnMonthStart(nextMonth(months[months.length - 1]!));
  const index = new Map(months.map((m, i) => [m, i]));

  // Which units: the filter's subtree inside the scope, or the whole scope (null = everywhere).
  let unitIds: string[] | null = scope.unitIds ? [...scope.unitIds] : null;
  let filterUnit: typeof agencies.$inferSelect | null = null;
  if (q.unitId) {
    const [found] = await db.select().from(agencies).where(eq(agencies.id, q.unitId));
    if (!found) throw new AppError('AGENCY_NOT_FOUND');
    filterUnit = found;
    if (!unitInScope(scope, filterUnit.id)) throw new AppError('OUT_OF_SCOPE', { details: { unitIds: [filterUnit.id] } });
    unitIds = (await subtreeIds(db, [filterUnit.id])).filter((id) => unitInScope(scope, id));
  }

  const units = await officerAssisted(db, unitIds, start, end, index, months.length);
  const { rows: selfRegistered, note } = await selfRegisteredRows(db, scope, filterUnit, start, end, index, months.length);

  const officer = months.map((_, i) => sum(units.map((u) => u.counts[i]!)));
  const self = months.map((_, i) => sum(selfRegistered.map((p) => p.counts[i]!)));
  const scopeLabel = await scopeLabelOf(db, scope, filterUnit);
  return {
    months,
    title: `Báo cáo số tài khoản tạo theo tháng từ ${monthLabel(months[0]!)} đến ${monthLabel(months[months.length - 1]!)} — ${scopeLabel}`,
    scopeLabel,
    units,
    selfRegistered,
    selfRegisteredNote: note,
    totals: {
      officer,
      self,
      all: months.map((_, i) => officer[i]! + self[i]!),
      officerTotal: sum(officer),
      selfTotal: sum(self),
      total: sum(officer) + sum(self),
    },
  };
}

/**
 * Officer-assisted accounts: completed "Tạo tài khoản công dân" requests, by "Đơn vị tạo" (the unit
 * chosen at step 1) and by the month, in Vietnam time, when the account was created. Rows: every
 * unit that created an account in the period, and every active centre/desk of the units in view
 * even with none (so a desk that created nothing shows up with zeros).
 */
async function officerAssisted(
  db: DbOrTx,
  unitIds: string[] | null,
  start: Date,
  end: Date,
  index: Map<string, number>,
  width: number,
): Promise<UnitReportRow[]> {
  if (unitIds && unitIds.length === 0) return [];
  const month = vnMonth(car.completedAt);
  const where = [eq(car.status, 'completed'), gte(car.completedAt, start), lt(car.completedAt, end)];
  if (unitIds) where.push(inArray(car.agencyId, unitIds));
  const counted = await db
    .select({ agencyId: car.agencyId, month, n: sql<number>`count(*)::int` })
    .from(car)
    .where(and(...where))
    .groupBy(car.agencyId, month);
  const desks = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.status, 'active'), inArray(agencies.kind, DESK_KINDS), ...(unitIds ? [inArray(agencies.id, unitIds)] : [])));
  const ids = [...new Set([...counted.map((c) => c.agencyId), ...desks.map((d) => d.id)])];
  if (ids.length === 0) return [];
  const info = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, status: agencies.status, successorId: agencies.successorId })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  const successorIds = info.map((a) => a.successorId).filter((x): x is string => !!x);
  const successors = new Map(
    successorIds.length
      ? (await db.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.id, successorIds))).map(
          (s) => [s.id, { code: s.code, name: s.name }] as const,
        )
      : [],
  );
  const rows = new Map<string, UnitReportRow>(
    info.map((a) => [
      a.id,
      {
        id: a.id,
        code: a.code,
        name: a.name,
        status: a.status === 'inactive' ? 'inactive' : 'active',
        mergedInto: a.successorId ? (successors.get(a.successorId) ?? null) : null,
        counts: new Array<number>(width).fill(0),
        total: 0,
      },
    ]),
  );
  for (const c of counted) {
    const row = rows.get(c.agencyId);
    const i = index.get(c.month);
    if (!row || i === undefined) continue;
    row.counts[i]! += Number(c.n);
    row.total += Number(c.n);
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name, 'vi'));
}

/**
 * Self-registered accounts: accounts the citizen opened without an officer. Two ways exist:
 *  - "Đăng ký" on the portal (modules/registration): a completed citizen registration — the same
 *    row `wasSelfRegistered()` looks for — counted in the month it completed (the account is
 *    created in that transaction);
 *  - the first "Đăng nhập bằng VNeID" of a CCCD with no account (modules/vneid): an account with a
 *    VNeID subject whose identity was verified when it was created (a later link to an existing
 *    account verifies it at a later sign-in), that no registration and no desk request opened.
 * Organisation registrations (MST) are not citizen accounts and are left out; so are accounts
 * loaded by seeds or migrations, which have neither trace. The audit log is not used: it records
 * the same events but may be pruned, and scanning it by time is far costlier than these tables.
 *
 * Such accounts have no unit. They are attributed to the 2025 province of their CCCD (first three
 * digits, see provinceOfCccd). A national administrator sees every province, plus a row for
 * 9-digit CMND, which name no province; a level-1 administrator sees the provinces of the units
 * in their subtree. With a unit filter they are shown only when the unit is a province's: below
 * that, a province's self-registrations say nothing about the unit.
 */
async function selfRegisteredRows(
  db: DbOrTx,
  scope: AdminScope,
  filterUnit: typeof agencies.$inferSelect | null,
  start: Date,
  end: Date,
  index: Map<string, number>,
  width: number,
): Promise<{ rows: ProvinceReportRow[]; note: string | null }> {
  let provinces: Set<string> | null = null; // null = every province, and the row of unknown ones
  if (filterUnit) {
    const code = filterUnit.kind === 'province' ? (filterUnit.provinceCode ?? filterUnit.adminUnitCode) : null;
    if (!code) {
      return {
        rows: [],
        note: 'Tài khoản tự đăng ký không gắn với đơn vị nên chỉ được thống kê theo tỉnh (theo số CCCD): chọn đơn vị cấp tỉnh hoặc bỏ chọn đơn vị để xem.',
      };
    }
    provinces = new Set([code]);
  } else if (scope.unitIds) {
    const ids = [...scope.unitIds];
    const found = ids.length
      ? await db
          .selectDistinct({ code: sql<string | null>`coalesce(${agencies.provinceCode}, case when ${agencies.kind} = 'province' then ${agencies.adminUnitCode} end)` })
          .from(agencies)
          .where(inArray(agencies.id, ids))
      : [];
    provinces = new Set(found.map((f) => f.code).filter((c): c is string => !!c));
  }
  if (provinces && provinces.size === 0) return { rows: [], note: null };

  const registered = db
    .select({ idNumber: registrations.idNumber, month: vnMonth(registrations.completedAt).as('month') })
    .from(registrations)
    .where(and(eq(registrations.kind, 'citizen'), eq(registrations.status, 'completed'), gte(registrations.completedAt, start), lt(registrations.completedAt, end)));
  const byVneid = db
    .select({ idNumber: users.idNumber, month: vnMonth(users.createdAt).as('month') })
    .from(users)
    .where(
      and(
        eq(users.kind, 'citizen'),
        isNotNull(users.vneidSub),
        gte(users.createdAt, start),
        lt(users.createdAt, end),
        sql`${users.identityVerifiedAt} <= ${users.createdAt} + interval '1 minute'`,
        sql`not exists (select 1 from ${registrations} r where r.user_id = ${users.id})`,
        sql`not exists (select 1 from ${car} c where c.user_id = ${users.id} and c.status = 'completed')`,
      ),
    );
  // Grouped by the CCCD's first three digits in the database: a few hundred rows come back.
  const grouped = rowsOf<{ prefix: string | null; month: string; n: number }>(
    await db.execute(sql`
      select case when x.id_number ~ '^[0-9]{12}$' then substr(x.id_number, 1, 3) end as prefix, x.month, count(*)::int as n
      from (${registered} union all ${byVneid}) x
      group by 1, 2`),
  );
  const names = new Map(
    (await db.select({ code: adminUnits.code, name: adminUnits.name }).from(adminUnits).where(eq(adminUnits.level, 'province'))).map((p) => [p.code, p.name]),
  );
  const rows = new Map<string | null, ProvinceReportRow>();
  // Every province in view is listed, even with no self-registration (34 rows at most).
  for (const code of provinces ?? names.keys()) rows.set(code, { provinceCode: code, name: names.get(code) ?? code, counts: new Array<number>(width).fill(0), total: 0 });
  for (const g of grouped) {
    const code = g.prefix ? provinceOfCccd(`${g.prefix}000000000`) : null;
    if (provinces && (!code || !provinces.has(code))) continue;
    const i = index.get(g.month);
    if (i === undefined) continue;
    let row = rows.get(code);
    if (!row) {
      row = { provinceCode: code, name: code ? (names.get(code) ?? code) : 'Không xác định tỉnh (CMND 9 số)', counts: new Array<number>(width).fill(0), total: 0 };
      rows.set(code, row);
    }
    row.counts[i]! += Number(g.n);
    row.total += Number(g.n);
  }
  return {
    rows: [...rows.values()].sort((a, b) => (a.provinceCode ?? '99z').localeCompare(b.provinceCode ?? '99z')),
    note: null,
  };
}

async function scopeLabelOf(db: DbOrTx, scope: AdminScope, filterUnit: { name: string } | null): Promise<string> {
  if (filterUnit) return filterUnit.name;
  if (!scope.unitIds) return 'Toàn quốc';
  const roots = scope.actor.unitIds.length
    ? await db.select({ name: agencies.name }).from(agencies).where(inArray(agencies.id, [...scope.actor.unitIds])).orderBy(asc(agencies.name))
    : [];
  return roots.map((r) => r.name).join('; ') || 'Phạm vi quản lý';
}

// ---------------------------------------------------------------------------------------------
// Excel

/** The same table as the page, one sheet: units, their sum, provinces (self-registered), their sum, total. */
export function reportSheet(r: MonthlyReport) {
  const columns = [
    { header: 'Mã định danh', key: 'code', width: 18 },
    { header: 'Đơn vị', key: 'name', width: 52 },
    ...r.months.map((m, i) => ({ header: monthLabel(m), key: `m${i}`, width: 10 })),
    { header: 'Tổng', key: 'total', width: 10 },
  ];
  const line = (code: string, name: string, counts: number[], total: number) => ({
    code,
    name,
    total,
    ...Object.fromEntries(counts.map((n, i) => [`m${i}`, n])),
  });
  const rows: Record<string, unknown>[] = [{ name: 'Tài khoản do cán bộ tạo tại Một cửa' }];
  for (const u of r.units) {
    const marker = u.mergedInto ? ` (đã sáp nhập vào ${u.mergedInto.name})` : u.status === 'inactive' ? ' (ngừng hoạt động)' : '';
    rows.push(line(u.code, `${u.name}${marker}`, u.counts, u.total));
  }
  rows.push(line('', 'Cộng cán bộ tạo tại Một cửa', r.totals.officer, r.totals.officerTotal));
  rows.push({ name: 'Tài khoản tự đăng ký (theo tỉnh của số CCCD)' });
  if (r.selfRegisteredNote) rows.push({ name: r.selfRegisteredNote });
  for (const p of r.selfRegistered) rows.push(line(p.provinceCode ?? '', p.name, p.counts, p.total));
  rows.push(line('', 'Cộng tự đăng ký', r.totals.self, r.totals.selfTotal));
  rows.push(line('', 'Tổng cộng', r.totals.all, r.totals.total));
  return { name: 'Báo cáo tháng', title: r.title, columns, rows };
}

// ---------------------------------------------------------------------------------------------
// Unit picker

/**
 * Units in the administrator's scope whose Mã định danh starts with, or whose name contains every
 * word of, `q` — inactive and merged ones included, since reports and the audit log look back.
 * Used by the "Đơn vị" filters of the monthly report and the audit log.
 */
export async function scopeUnits(ctx: Ctx, q: string, limit = 20) {
  const scope = await adminScope(ctx.deps.db, ctx.actor);
  const where: SQL[] = [sql`${agencies.kind} not in ('bank', 'payment_intermediary', 'other')`];
  const text = cleanText(q);
  if (/^[0-9.]/.test(text)) where.push(like(agencies.code, `${likeEscape(text.toUpperCase())}%`));
  else where.push(...everyWord(agencies.nameSearch, text));
  if (scope.unitIds) where.push(inArray(agencies.id, [...scope.unitIds]));
  return ctx.deps.db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, status: agencies.status })
    .from(agencies)
    .where(and(...where))
    .orderBy(asc(agencies.code))
    .limit(limit);
}
