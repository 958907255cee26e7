// Bulk officer import (SPEC §1.7; issue 5): a province receives the lists of one-stop officers of
// its communes and wards (and of its own service centre) and enables them in one go. Upload →
// preview (every row with its planned action and its problems; nothing is written but the preview
// itself) → confirm (everything re-checked, the valid rows written in one transaction, audited) or
// discard. A preview not confirmed within PREVIEW_TTL_MINUTES of its upload expires: confirming it
// answers 410 IMPORT_PREVIEW_EXPIRED, and the schedule below removes its rows (names, CCCD and phone
// numbers) within minutes. Re-importing the same list changes nothing: each row is then "unchanged".
import { createHash } from 'node:crypto';
import { and, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { adminLevel, grantProblem, type Grantor, type GrantTarget } from '../../../common/grant-rules.js';
import { PREVIEW_TTL_MINUTES } from '../../../common/api/officer-import.js';
import { cleanText, searchKey } from '../../../common/text.js';
import { ELIGIBLE_UNIT_NAME_PARTS, isEligibleAccountUnit } from '../../../common/units.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit, writeAudits } from '../../platform/audit.js';
import { generatePassword, hashPassword } from '../../platform/auth/password.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { buildWorkbook, readWorkbook } from '../../platform/files/xlsx.js';
import { guardArchiveUpload } from '../../platform/files/zip-guard.js';
import { newId } from '../../platform/ids.js';
import { sendSmsMany } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { adminScope, unitInScope, type AdminScope } from '../agencies/service.js';
import { agencies } from '../agencies/tables.js';
import { createAccounts } from '../users/service.js';
import { userPermissions, userUnits, users } from '../users/tables.js';
import {
  checkRowFields,
  COLUMNS,
  duplicateOf,
  EXAMPLE_ROWS,
  matchUnit,
  parseOfficerList,
  TEMPLATE_PROVIDER,
  TEMPLATE_TITLE,
  unitReference,
  type SourceRow,
  type UnitCandidate,
} from './parse.js';
import { officerImports } from './tables.js';

/** The permission the list is for: "Quyền tạo tài khoản công dân". */
export const IMPORT_PERMISSION = 'CITIZEN_ACCOUNT_CREATE';

export type Action = 'create' | 'update' | 'unchanged' | 'skip';
export type Change = 'assign_unit' | 'grant_permission';

/** A row as the preview shows it (and as officer_imports.rows keeps it). */
export interface ImportRow extends SourceRow {
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  /** The existing account of this CMND/CCCD, or the one the import created. */
  userId: string | null;
  action: Action;
  changes: Change[];
  problems: string[];
}

export interface Counts {
  create: number;
  update: number;
  unchanged: number;
  skip: number;
}

type ImportRecord = typeof officerImports.$inferSelect;
type Status = 'preview' | 'imported' | 'discarded' | 'expired';

const PREVIEW_TTL_MS = PREVIEW_TTL_MINUTES * 60_000;

/** When a preview uploaded at `createdAt` expires. */
function expiryOf(createdAt: Date): Date {
  return new Date(new Date(createdAt).getTime() + PREVIEW_TTL_MS);
}

/**
 * The status as the administrator sees it: a preview past its expiry is expired even before the
 * schedule has removed its rows.
 */
function statusAt(r: Pick<ImportRecord, 'status' | 'createdAt'>, now: Date): Status {
  if (r.status === 'preview' && expiryOf(r.createdAt) <= now) return 'expired';
  return r.status as Status;
}

export async function scopeOf(ctx: Ctx): Promise<AdminScope> {
  return adminScope(ctx.deps.db, ctx.actor);
}

// ---------------------------------------------------------------------------------------------
// Planning: what each row would do, against the database as it is now

interface ExistingUser {
  id: string;
  kind: string;
  username: string | null;
  idNumber: string | null;
  fullName: string;
  status: string;
  issuer: string;
  unitIds: string[];
  permissions: string[];
}

function grantorOf(scope: AdminScope): Grantor {
  return { userId: scope.actor.userId, level: scope.level };
}

/**
 * Each row's unit, account, problems and planned action. Reads through `db` only (pass the
 * transaction at confirm time). Used for the preview and again, on fresh data, when confirming.
 */
export async function planRows(db: DbOrTx, scope: AdminScope, source: readonly SourceRow[]): Promise<ImportRow[]> {
  const checked = source.map((r) => ({ r, c: checkRowFields(r) }));
  const duplicates = duplicateOf(checked.map(({ r, c }) => ({ no: r.no, idNumber: c.idNumber ?? '' })));

  // Units named by the rows: by Mã định danh or by name, active ones only.
  const codes = new Set<string>();
  const nameKeys = new Set<string>();
  for (const { r } of checked) {
    if (!r.unit) continue;
    const ref = unitReference(r.unit);
    if ('code' in ref) codes.add(ref.code);
    else if (ref.nameKey) nameKeys.add(ref.nameKey);
  }
  const candidates: UnitCandidate[] =
    codes.size + nameKeys.size === 0
      ? []
      : await db
          .select({ id: agencies.id, code: agencies.code, name: agencies.name })
          .from(agencies)
          .where(
            and(
              eq(agencies.status, 'active'),
              or(
                codes.size ? inArray(agencies.code, [...codes]) : sql`false`,
                nameKeys.size ? inArray(agencies.nameSearch, [...nameKeys]) : sql`false`,
              ),
            ),
          );

  // Accounts of the CMND/CCCD numbers, and accounts already using them as a login name.
  const idNumbers = [...new Set(checked.map(({ c }) => c.idNumber).filter((v): v is string => !!v))];
  const existing: ExistingUser[] = idNumbers.length
    ? await db
        .select({
          id: users.id,
          kind: users.kind,
          username: users.username,
          idNumber: users.idNumber,
          fullName: users.fullName,
          status: users.status,
          issuer: users.issuer,
          unitIds: sql<string[]>`${users.unitIds}::text[]`,
          permissions: users.permissions,
        })
        .from(users)
        .where(or(inArray(users.idNumber, idNumbers), inArray(users.username, idNumbers)))
    : [];
  const byIdNumber = new Map(existing.filter((u) => u.idNumber).map((u) => [u.idNumber!, u]));
  const usernameOwner = new Map(existing.filter((u) => u.username).map((u) => [u.username!, u]));
  const userUnitIds = [...new Set(existing.flatMap((u) => u.unitIds))];
  const activeUnitNames = new Map<string, string>(
    userUnitIds.length
      ? (
          await db
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .where(and(inArray(agencies.id, userUnitIds), eq(agencies.status, 'active')))
        ).map((a) => [a.id, a.name])
      : [],
  );

  const grantor = grantorOf(scope);
  const mayCreate = scope.level === 'national' || scope.actor.permissions.has('USER_CREATE');
  return checked.map(({ r, c }) => {
    const problems = [...c.problems];
    const earlier = duplicates.get(r.no);
    if (earlier !== undefined) {
      const first = source.find((x) => x.no === earlier)!;
      problems.push(`Trùng số CMND/CCCD với dòng ${earlier}${first.stt ? ` (STT ${first.stt})` : ''} ở phía trên; mỗi cán bộ chỉ ghi một dòng.`);
    }
    let unit: UnitCandidate | null = null;
    let unitUsable = false;
    if (r.unit) {
      const m = matchUnit(r.unit, candidates, (id) => unitInScope(scope, id));
      if (!m.ok) problems.push(m.problem);
      else {
        unit = m.unit;
        unitUsable = isEligibleAccountUnit(unit.name);
        if (!unitUsable) {
          problems.push(
            `Đơn vị "${unit.name}" không phải Trung tâm phục vụ hành chính công hoặc Bộ phận một cửa, nên cán bộ của đơn vị không được cấp "Quyền tạo tài khoản công dân".`,
          );
        }
      }
    }
    // The unit's own problem is said above; the grant rules below then judge the account only.
    const rowUnitName = unit && unitUsable ? unit.name : ELIGIBLE_UNIT_NAME_PARTS[1];

    let user: ExistingUser | undefined;
    if (c.idNumber) {
      user = byIdNumber.get(c.idNumber);
      if (user) {
        if (user.kind !== 'officer') {
          problems.push('Số CMND/CCCD này là của một tài khoản công dân/tổ chức; không dùng tài khoản đó làm tài khoản cán bộ được.');
        } else if (scope.unitIds && user.unitIds.length > 0 && !user.unitIds.some((u) => unitInScope(scope, u))) {
          problems.push('Số CMND/CCCD này là của một cán bộ thuộc đơn vị ngoài phạm vi quản lý của bạn.');
        } else {
          if (user.status !== 'active') {
            problems.push('Tài khoản cán bộ của số CMND/CCCD này đang "Không kích hoạt"; hãy kích hoạt trong Quản lý người dùng trước khi nhập.');
          }
          if (c.fullName && searchKey(user.fullName) !== searchKey(c.fullName)) {
            problems.push(`Họ và tên không khớp với tài khoản đã có của số CMND/CCCD này ("${user.fullName}"); hãy kiểm tra lại số CMND/CCCD.`);
          }
          const target: GrantTarget = {
            userId: user.id,
            kind: user.kind,
            issuer: user.issuer,
            unitNames: [...user.unitIds.map((u) => activeUnitNames.get(u)).filter((n): n is string => !!n), rowUnitName],
            inScope: true, // the row's unit, inside the scope, is assigned first
            level: adminLevel(new Set(user.permissions)),
          };
          const refused = grantProblem(grantor, target, IMPORT_PERMISSION, 'grant');
          if (refused) problems.push(refused);
        }
      } else {
        if (!mayCreate) problems.push('Tài khoản của bạn chưa được cấp "Quyền cho thêm mới người dùng" nên không tạo được tài khoản cán bộ mới.');
        const owner = usernameOwner.get(c.idNumber);
        if (owner) problems.push(`Tên đăng nhập ${c.idNumber} đã được dùng cho một tài khoản khác.`);
        const target: GrantTarget = { userId: '', kind: 'officer', issuer: 'PORTAL', unitNames: [rowUnitName], inScope: true, level: null };
        const refused = grantProblem(grantor, target, IMPORT_PERMISSION, 'grant');
        if (refused) problems.push(refused);
      }
    }

    const row: ImportRow = {
      ...r,
      // Shown as they will be stored once valid (without the spaces and dots typed inside).
      idNumber: c.idNumber ?? r.idNumber,
      phone: c.phone ?? r.phone,
      unitId: unit?.id ?? null,
      unitCode: unit?.code ?? null,
      unitName: unit?.name ?? null,
      userId: user?.id ?? null,
      action: 'skip',
      changes: [],
      problems,
    };
    if (problems.length > 0) return row;
    if (!user) return { ...row, action: 'create', changes: ['assign_unit', 'grant_permission'] };
    const changes: Change[] = [];
    if (!user.unitIds.includes(unit!.id)) changes.push('assign_unit');
    if (!user.permissions.includes(IMPORT_PERMISSION)) changes.push('grant_permission');
    return { ...row, action: changes.length ? 'update' : 'unchanged', changes };
  });
}

export function countRows(rows: readonly ImportRow[]): Counts {
  const counts: Counts = { create: 0, update: 0, unchanged: 0, skip: 0 };
  for (const r of rows) counts[r.action] += 1;
  return counts;
}

function sourceOf(rows: readonly ImportRow[]): SourceRow[] {
  return rows.map(({ no, stt, fullName, unit, idNumber, phone }) => ({ no, stt, fullName, unit, idNumber, phone }));
}

// ---------------------------------------------------------------------------------------------
// Upload → preview

/** Reads the uploaded list, checks every row and keeps the preview. Nothing else is written. */
export async function previewImport(ctx: Ctx, file: { fileName: string; data: Buffer }) {
  const scope = await scopeOf(ctx);
  const db = ctx.deps.db;
  const sheets = await readXlsx(ctx, file);
  const parsed = parseOfficerList(sheets);
  if (!parsed.ok) {
    if (parsed.error === 'TOO_LARGE') throw new AppError('IMPORT_TOO_LARGE', { details: { rows: parsed.rows } });
    if (parsed.error === 'NO_ROWS') {
      throw new AppError('IMPORT_FILE_INVALID', { message: 'File không có dòng nào dưới hàng tiêu đề (STT, Họ và tên, Đơn vị, CMND/CCCD, Số điện thoại).' });
    }
    throw new AppError('IMPORT_FILE_INVALID', {
      message: 'Không tìm thấy hàng tiêu đề với các cột STT, Họ và tên, Đơn vị, CMND/CCCD, Số điện thoại. Hãy dùng biểu mẫu tải về từ trang này.',
    });
  }
  const rows = await planRows(db, scope, parsed.rows);
  const fileHash = createHash('sha256').update(file.data).digest('hex');
  const record: ImportRecord = {
    id: newId(),
    createdBy: scope.actor.userId,
    createdAt: ctx.deps.clock.now(),
    fileName: cleanFileName(file.fileName),
    fileHash,
    status: 'preview',
    rowCount: rows.length,
    rows,
    importedAt: null,
    result: null,
  };
  await db.insert(officerImports).values(record);
  return toDetail(record, record.createdAt, await lastImportOf(db, scope, fileHash));
}

const XLSX_EXTS = new Set(['xlsx', 'zip']);

const UNREADABLE_XLSX = 'Không đọc được file Excel (file hỏng hoặc không phải .xlsx).';

/**
 * The sheets of a real .xlsx (judged by content, not by name); IMPORT_FILE_INVALID otherwise.
 * An .xlsx is a zip: its unpacked size is checked (FILE_ARCHIVE_TOO_LARGE) before file-type or
 * exceljs read it, so a zip bomb never reaches exceljs, which unpacks everything in memory.
 */
async function readXlsx(ctx: Ctx, file: { fileName: string; data: Buffer }) {
  const { data } = file;
  const zip = data.length > 4 && data.readUInt32BE(0) === 0x504b0304; // "PK\3\4"
  if (zip && (await guardArchiveUpload(ctx, file, { kind: 'xlsx', purpose: 'officer-import' })) === 'invalid') {
    throw new AppError('IMPORT_FILE_INVALID', { message: UNREADABLE_XLSX });
  }
  const type = zip ? await fileTypeFromBuffer(data) : undefined;
  if (!type || !XLSX_EXTS.has(type.ext)) {
    const what = type ? `định dạng ${type.ext.toUpperCase()}` : data.length === 0 ? 'file rỗng' : 'không phải bảng tính Excel';
    throw new AppError('IMPORT_FILE_INVALID', {
      message: `File tải lên (${what}) không phải bảng tính Excel .xlsx. Hãy dùng biểu mẫu tải về từ trang này (các cột STT, Họ và tên, Đơn vị, CMND/CCCD, Số điện thoại).`,
    });
  }
  try {
    return await readWorkbook(data);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID', { message: UNREADABLE_XLSX });
  }
}

function cleanFileName(name: string): string {
  const n = cleanText(name.replace(/[\\/]/g, ' ')).slice(0, 200);
  return n || 'danh-sach.xlsx';
}

// ---------------------------------------------------------------------------------------------
// Reading

async function ownImport(db: DbOrTx, scope: AdminScope, id: string): Promise<ImportRecord> {
  const [row] = await db
    .select()
    .from(officerImports)
    .where(and(eq(officerImports.id, id), eq(officerImports.createdBy, scope.actor.userId)));
  if (!row) throw new AppError('IMPORT_NOT_FOUND');
  return row;
}

/** When this administrator last imported a file with these very bytes. */
async function lastImportOf(db: DbOrTx, scope: AdminScope, fileHash: string): Promise<Date | null> {
  const [row] = await db
    .select({ importedAt: officerImports.importedAt })
    .from(officerImports)
    .where(and(eq(officerImports.createdBy, scope.actor.userId), eq(officerImports.fileHash, fileHash), eq(officerImports.status, 'imported')))
    .orderBy(desc(officerImports.importedAt))
    .limit(1);
  return row?.importedAt ?? null;
}

function toSummary(r: Omit<ImportRecord, 'rows'>, now: Date) {
  const status = statusAt(r, now);
  return {
    id: r.id,
    fileName: r.fileName,
    status,
    rowCount: r.rowCount,
    createdAt: new Date(r.createdAt).toISOString(),
    importedAt: r.importedAt ? new Date(r.importedAt).toISOString() : null,
    expiresAt: status === 'preview' ? expiryOf(r.createdAt).toISOString() : null,
    result: (r.result as Counts | null) ?? null,
  };
}

function toDetail(r: ImportRecord, now: Date, sameFileImportedAt: Date | null = null) {
  // An expired preview shows none of its rows, as once the schedule has removed them.
  const rows = statusAt(r, now) === 'expired' ? [] : (r.rows as ImportRow[]);
  return {
    ...toSummary(r, now),
    counts: countRows(rows),
    sameFileImportedAt: sameFileImportedAt ? new Date(sameFileImportedAt).toISOString() : null,
    rows,
  };
}

export async function getImport(ctx: Ctx, id: string) {
  const scope = await scopeOf(ctx);
  const now = ctx.deps.clock.now();
  const r = await ownImport(ctx.deps.db, scope, id);
  return toDetail(r, now, statusAt(r, now) === 'preview' ? await lastImportOf(ctx.deps.db, scope, r.fileHash) : null);
}

/** The administrator's own imports, newest first. */
export async function listImports(ctx: Ctx, page: number, pageSize: number) {
  const scope = await scopeOf(ctx);
  const db = ctx.deps.db;
  const mine = eq(officerImports.createdBy, scope.actor.userId);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: officerImports.id,
        createdBy: officerImports.createdBy,
        createdAt: officerImports.createdAt,
        fileName: officerImports.fileName,
        fileHash: officerImports.fileHash,
        status: officerImports.status,
        rowCount: officerImports.rowCount,
        importedAt: officerImports.importedAt,
        result: officerImports.result,
      })
      .from(officerImports)
      .where(mine)
      .orderBy(desc(officerImports.createdAt), desc(officerImports.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(officerImports).where(mine),
  ]);
  const now = ctx.deps.clock.now();
  return { items: rows.map((r) => toSummary(r, now)), total: Number(count?.n ?? 0), page, pageSize };
}

// ---------------------------------------------------------------------------------------------
// Confirm / discard

/**
 * Writes the valid rows in one transaction, after checking every row again on the data as it is
 * now. Rows with problems are skipped and reported. Audit: each created account, unit assignment
 * and permission grant (agency = the row's unit), and one row for the import.
 */
export async function confirmImport(ctx: Ctx, id: string) {
  const scope = await scopeOf(ctx);
  const db = ctx.deps.db;
  const record = await ownImport(db, scope, id);
  refuseUnlessPreview(record, ctx.deps.clock.now());
  const source = sourceOf(record.rows as ImportRow[]);

  // Temporary passwords are hashed before the transaction (argon2 is slow on purpose).
  const passwords = new Map<string, { password: string; hash: string }>();
  const hashFor = async (idNumber: string) => {
    let p = passwords.get(idNumber);
    if (!p) {
      const password = generatePassword();
      p = { password, hash: await hashPassword(password) };
      passwords.set(idNumber, p);
    }
    return p;
  };
  const toCreate = (await planRows(db, scope, source)).filter((r) => r.action === 'create').map((r) => r.idNumber);
  for (let i = 0; i < toCreate.length; i += 4) await Promise.all(toCreate.slice(i, i + 4).map(hashFor));

  const now = ctx.deps.clock.now();
  const done = await db.transaction(async (tx) => {
    // Claim the import first: a second confirmation waits here, then finds it already done. A
    // preview that expired while the passwords were hashed is not claimed either.
    const claimed = await tx
      .update(officerImports)
      .set({ status: 'imported', importedAt: now })
      .where(and(eq(officerImports.id, id), eq(officerImports.status, 'preview'), gt(officerImports.createdAt, new Date(now.getTime() - PREVIEW_TTL_MS))))
      .returning({ id: officerImports.id });
    if (claimed.length === 0) {
      refuseUnlessPreview(await ownImport(tx, scope, id), now);
      throw new AppError('IMPORT_ALREADY_DONE');
    }

    const rows = await planRows(tx, scope, source);
    // In bulk: a province's list can hold thousands of rows (one statement per 500 rows of each kind).
    const toCreate = rows.filter((r) => r.action === 'create');
    const created = await createAccounts(
      tx,
      ctx,
      await Promise.all(
        toCreate.map(async (row) => ({
          account: {
            kind: 'officer' as const,
            username: row.idNumber,
            idNumber: row.idNumber,
            fullName: row.fullName,
            phone: row.phone,
            passwordHash: (await hashFor(row.idNumber)).hash,
            mustChangePassword: true,
          },
          agencyId: row.unitId,
        })),
      ),
    );
    toCreate.forEach((row, i) => (row.userId = created[i]!.id));
    await sendSmsMany(
      tx,
      ctx,
      await Promise.all(
        toCreate.map(async (row) => ({
          idempotencyKey: `officer-import:${id}:${row.userId}`,
          to: row.phone,
          body: SMS_TEXTS.officerAccountCreated({ username: row.idNumber, password: (await hashFor(row.idNumber)).password }),
        })),
      ),
    );
    const written = rows.filter((r) => r.action === 'create' || r.action === 'update');
    const assign = written.filter((r) => r.changes.includes('assign_unit'));
    const grant = written.filter((r) => r.changes.includes('grant_permission'));
    for (let i = 0; i < assign.length; i += 500) {
      const chunk = assign.slice(i, i + 500);
      await tx
        .insert(userUnits)
        .values(chunk.map((r) => ({ userId: r.userId!, agencyId: r.unitId!, assignedAt: now, assignedBy: scope.actor.userId })))
        .onConflictDoNothing();
    }
    for (let i = 0; i < grant.length; i += 500) {
      const chunk = grant.slice(i, i + 500);
      await tx
        .insert(userPermissions)
        .values(chunk.map((r) => ({ userId: r.userId!, permission: IMPORT_PERMISSION, grantedAt: now, grantedBy: scope.actor.userId })))
        .onConflictDoNothing();
    }
    await writeAudits(tx, ctx, [
      ...assign.map((r) => ({
        action: 'user.unit_assign',
        entityType: 'user',
        entityId: r.userId!,
        after: { agencyId: r.unitId!, importId: id },
        agencyId: r.unitId!,
      })),
      ...grant.map((r) => ({
        action: 'user.permission_grant',
        entityType: 'user',
        entityId: r.userId!,
        after: { permission: IMPORT_PERMISSION, importId: id },
        agencyId: r.unitId!,
      })),
    ]);
    const result = countRows(rows);
    await tx.update(officerImports).set({ rows, result }).where(eq(officerImports.id, id));
    await writeAudit(tx, ctx, {
      action: 'officer_import.confirm',
      entityType: 'officer_import',
      entityId: id,
      after: { fileName: record.fileName, fileHash: record.fileHash, rowCount: rows.length, ...result },
      agencyId: scope.actor.unitIds[0] ?? null,
    });
    return { ...record, status: 'imported', importedAt: now, rows, result } satisfies ImportRecord;
  });
  return toDetail(done, now);
}

/** Why an import can no longer be confirmed, as the problem to answer; nothing when it can. */
function refuseUnlessPreview(record: ImportRecord, now: Date): void {
  const status = statusAt(record, now);
  if (status === 'imported') throw new AppError('IMPORT_ALREADY_DONE');
  if (status === 'expired') throw new AppError('IMPORT_PREVIEW_EXPIRED');
  if (status !== 'preview') throw new AppError('IMPORT_NOT_FOUND');
}

/**
 * "Hủy": the preview is dropped; its rows (names, numbers) are not kept. An expired preview has
 * nothing left to drop: it is answered as it is.
 */
export async function discardImport(ctx: Ctx, id: string) {
  const scope = await scopeOf(ctx);
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();
  const record = await ownImport(db, scope, id);
  const status = statusAt(record, now);
  if (status === 'imported') throw new AppError('IMPORT_ALREADY_DONE');
  if (status === 'preview') {
    await db
      .update(officerImports)
      .set({ status: 'discarded', rows: [] })
      .where(and(eq(officerImports.id, id), eq(officerImports.status, 'preview')));
  }
  return toDetail(await ownImport(db, scope, id), now);
}

/**
 * The schedule's work (every 10 minutes): previews older than PREVIEW_TTL_MINUTES become
 * "expired" and lose their rows, so an abandoned list's names and numbers are kept at most
 * 40 minutes. The record itself stays, like a discarded one: the history shows it as "Đã hết hạn"
 * and confirming it still answers IMPORT_PREVIEW_EXPIRED. Returns how many expired.
 */
export async function expirePreviews(db: DbOrTx, now: Date): Promise<number> {
  const expired = await db
    .update(officerImports)
    .set({ status: 'expired', rows: [] })
    .where(and(eq(officerImports.status, 'preview'), lte(officerImports.createdAt, new Date(now.getTime() - PREVIEW_TTL_MS))))
    .returning({ id: officerImports.id });
  return expired.length;
}

// ---------------------------------------------------------------------------------------------
// Template

/**
 * "Tải biểu mẫu": the form of SPEC §1.7 for the two-level local government (no district units),
 * with two example rows (EXAMPLE_ROWS) and a sheet of instructions.
 */
export async function templateWorkbook(ctx: Ctx): Promise<Buffer> {
  await scopeOf(ctx);
  const widths: Record<string, number> = { stt: 8, fullName: 28, unit: 48, idNumber: 18, phone: 16 };
  const built = await buildWorkbook([
    {
      name: 'Danh sách',
      title: TEMPLATE_TITLE,
      columns: COLUMNS.map((c) => ({ header: c.label, key: c.field, width: widths[c.field] })),
      rows: EXAMPLE_ROWS.map((r) => ({ ...r })),
    },
    {
      name: 'Hướng dẫn',
      columns: [
        { header: 'Cột', key: 'column', width: 18 },
        { header: 'Cách ghi', key: 'how', width: 110 },
      ],
      rows: [
        { column: 'STT', how: 'Số thứ tự (không bắt buộc).' },
        { column: 'Họ và tên', how: 'Họ và tên đầy đủ, có dấu, của cán bộ.' },
        {
          column: 'Đơn vị',
          how: 'Mã định danh (ví dụ 000.15.15.H48) hoặc tên đầy đủ của đơn vị, như trong "Quản lý cơ quan/đơn vị", ví dụ "Bộ phận Một cửa phường Cẩm Thành" hoặc "Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi". Chỉ nhận Trung tâm phục vụ hành chính công hoặc Bộ phận một cửa của tỉnh hoặc của xã, phường, đặc khu (chính quyền địa phương hai cấp từ ngày 01/7/2025).',
        },
        { column: 'CMND/CCCD', how: 'Số CMND (9 chữ số) hoặc CCCD (12 chữ số); dùng làm tên đăng nhập của tài khoản mới.' },
        { column: 'Số điện thoại', how: 'Số di động nhận tin nhắn mật khẩu tạm thời (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09).' },
        {
          column: '',
          how: 'Giữ nguyên hàng tiêu đề; xóa các dòng ví dụ trước khi gửi (dòng ví dụ gửi lên sẽ bị bỏ qua). Cán bộ chưa có tài khoản được tạo tài khoản và chỉ những cán bộ này nhận SMS có mật khẩu tạm thời; cán bộ đã có tài khoản được gán đơn vị và cấp "Quyền tạo tài khoản công dân".',
        },
        {
          column: '',
          how: `Sau khi tải lên, bản xem trước được giữ ${PREVIEW_TTL_MINUTES} phút; quá thời gian đó mà chưa bấm nhập thì bản xem trước hết hạn và cần tải lại tệp.`,
        },
      ],
    },
  ]);
  // The second title line and text cells for the numbers (Excel would drop their leading zero).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(built as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Danh sách')!;
  ws.insertRow(2, [TEMPLATE_PROVIDER]);
  ws.mergeCells('A1:E1');
  ws.mergeCells('A2:E2');
  ws.getRow(1).alignment = { horizontal: 'center', wrapText: true };
  ws.getRow(1).height = 36;
  ws.getRow(2).font = { italic: true };
  ws.getRow(2).alignment = { horizontal: 'center' };
  for (const col of [4, 5]) ws.getColumn(col).numFmt = '@';
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
