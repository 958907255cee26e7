// Officer-assisted citizen account creation (SPEC §1): look-up, draft, request form, OTP, account.
import { putUpload } from '../../platform/files/stored.js';
import { and, desc, eq, gte, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import { isEligibleAccountUnit } from '../../../common/units.js';
import { cleanText, likeEscape, searchKey } from '../../../common/text.js';
import { checkIdNumberShape, normalizeIdNumber } from '../../../common/vn-ids.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import { assertPermission } from '../../platform/auth/guard.js';
import { generatePassword, hashPassword } from '../../platform/auth/password.js';
import { vnDayStart } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { describeKind, detectDocument, UNREADABLE_ARCHIVE } from '../../platform/files/detect.js';
import { guardArchiveUpload } from '../../platform/files/zip-guard.js';
import { newId } from '../../platform/ids.js';
import { checkOtp, consumeOtp, issueOtp, latestOtp, OTP_RULES } from '../../platform/otp.js';
import { sendEmail, sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { storedFiles } from '../../platform/tables.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { listUnits, type AgencyRow } from '../agencies/service.js';
import { checkCitizenIdentity, createAccount, findAccountByIdNumber, findOfficerIds, fullNamesOf, getUser } from '../users/service.js';
import { citizenAccountRequests as car } from './tables.js';

export const PERMISSION = 'CITIZEN_ACCOUNT_CREATE';
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const OTP_PURPOSE = 'citizen-account-create';
const ALLOWED_EXTS = ['pdf', 'doc', 'docx'];
export const COUNT_CAP = 10_000;
/** Most UNION ALL branches one list query may have (units × matching officers). */
const MAX_BRANCHES = 20;

export type RequestStatus = 'draft' | 'completed' | 'cancelled';

function officer(ctx: Ctx): Actor {
  assertPermission(ctx.actor, PERMISSION);
  if (ctx.actor.kind !== 'officer') throw new AppError('FORBIDDEN');
  return ctx.actor;
}

/** The officer's units that may create accounts (SPEC §1.2 unit rule). */
async function eligibleUnits(ctx: Ctx, actor: Actor): Promise<AgencyRow[]> {
  return (await listUnits(ctx.deps.db, actor.unitIds)).filter((u) => isEligibleAccountUnit(u.name));
}

// ---------------------------------------------------------------------------------------------
// Form context and look-up

export async function formContext(ctx: Ctx) {
  const actor = officer(ctx);
  const units = await eligibleUnits(ctx, actor);
  const me = await getUser(ctx.deps.db, actor.userId);
  const allUnits = await listUnits(ctx.deps.db, actor.unitIds);
  return {
    officer: { fullName: actor.fullName, phone: me?.phone ?? null },
    units: units.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    /** Every unit of the officer, for the "Đơn vị tạo" search filter. */
    allUnits: allUnits.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    noEligibleUnitMessage: units.length === 0 ? new AppError('NO_ELIGIBLE_UNIT').message : null,
  };
}

/**
 * @param prefetched the answer read with the session (accountExistsRideAlong), used only once the
 *   officer is authorised and only when it was read for this exact number.
 */
export async function lookup(ctx: Ctx, rawIdNumber: string, prefetched?: { param: string; value: unknown } | null) {
  officer(ctx);
  // A pure read: one-stop officers only (permission above). Not rate limited, see
  // docs/decisions/0003-lookup-not-rate-limited.md.
  const idNumber = normalizeIdNumber(rawIdNumber);
  const shape = checkIdNumberShape(idNumber);
  if (!shape.ok) throw new AppError('INVALID_ID_NUMBER', { message: shape.message });
  const exists =
    prefetched?.param === idNumber && typeof prefetched.value === 'boolean'
      ? prefetched.value
      : (await findAccountByIdNumber(ctx.deps.db, idNumber)) !== null;
  return { idNumber, kind: shape.kind!, exists };
}

// ---------------------------------------------------------------------------------------------
// Attachment

export async function uploadAttachment(ctx: Ctx, file: { filename: string; data: Buffer }) {
  const actor = officer(ctx);
  if (file.data.length === 0) throw new AppError('FILE_EMPTY');
  if (file.data.length > MAX_FILE_BYTES) throw new AppError('FILE_TOO_LARGE');
  // A docx is a zip: its unpacked size is checked before anything else reads it (zip bombs).
  const archive = await guardArchiveUpload(ctx, { data: file.data, fileName: file.filename }, { kind: 'docx', purpose: 'id-scan' });
  const detected = archive === 'invalid' ? UNREADABLE_ARCHIVE : await detectDocument(file.data);
  if (!detected || !ALLOWED_EXTS.includes(detected.ext)) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', {
      message: `File "${file.filename}" là ${describeKind(detected)}, không phải doc, docx hoặc pdf. Hãy đính kèm 1 file doc, docx hoặc pdf gồm 2 mặt CCCD/CMND.`,
      details: { detected: detected?.ext ?? null },
    });
  }
  const originalName = cleanText(file.filename).slice(0, 200) || `dinh-kem.${detected.ext}`;
  const row = await putUpload(ctx, file.data, { originalName, ext: detected.ext, mime: detected.mime, purpose: 'id-scan', keyPrefix: 'id-scans', uploadedBy: actor.userId });
  const { id } = row;
  await ctx.deps.db.transaction(async (tx) => {
    await tx.insert(storedFiles).values(row);
    await writeAudit(tx, ctx, { action: 'file.upload', entityType: 'stored_file', entityId: id, after: { ...row, storageKey: undefined } });
  });
  return { id, fileName: originalName, size: row.size, type: detected.ext };
}

// ---------------------------------------------------------------------------------------------
// Draft create / update

export interface RequestInput {
  idNumber: string;
  fullName: string;
  birthDate: string;
  phone: string;
  email?: string | null;
  unitId: string;
  attachmentId: string;
}

interface CleanInput extends RequestInput {
  email: string | null;
  fullNameSearch: string;
}

function validate(ctx: Ctx, input: RequestInput): CleanInput {
  return { ...input, ...checkCitizenIdentity(input, ctx.deps.clock.now()) };
}

async function assertUnit(ctx: Ctx, actor: Actor, unitId: string): Promise<AgencyRow> {
  const units = await eligibleUnits(ctx, actor);
  if (units.length === 0) throw new AppError('NO_ELIGIBLE_UNIT');
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw new AppError('UNIT_NOT_ALLOWED');
  return unit;
}

async function assertAttachment(tx: DbOrTx, actor: Actor, attachmentId: string) {
  const [file] = await tx.select().from(storedFiles).where(eq(storedFiles.id, attachmentId)).limit(1);
  if (!file || file.purpose !== 'id-scan' || file.uploadedBy !== actor.userId) throw new AppError('FILE_NOT_FOUND');
  return file;
}

export async function createRequest(ctx: Ctx, input: RequestInput) {
  const actor = officer(ctx);
  const v = validate(ctx, input);
  const unit = await assertUnit(ctx, actor, v.unitId);
  if (await findAccountByIdNumber(ctx.deps.db, v.idNumber)) throw new AppError('ACCOUNT_ALREADY_EXISTS');
  const now = ctx.deps.clock.now();
  const id = newId();
  await ctx.deps.db.transaction(async (tx) => {
    await assertAttachment(tx, actor, v.attachmentId);
    const row = { id, ...editableFields(v, unit), officerId: actor.userId, status: 'draft' as const, createdAt: now, updatedAt: now };
    await tx.insert(car).values(row);
    await writeAudit(tx, ctx, { action: 'citizen_account_request.create', entityType: 'citizen_account_request', entityId: id, after: row, agencyId: unit.id });
  });
  return getRequest(ctx, id);
}

/** What step 1 sets, on creation and on every edit of a draft. */
function editableFields(v: CleanInput, unit: AgencyRow) {
  return {
    provinceCode: unit.provinceCode,
    agencyId: unit.id,
    idNumber: v.idNumber,
    fullName: v.fullName,
    fullNameSearch: v.fullNameSearch,
    birthDate: v.birthDate,
    phone: v.phone,
    email: v.email,
    attachmentId: v.attachmentId,
  };
}

async function loadInScope(tx: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  const q = tx.select().from(car).where(eq(car.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  // Another unit's request is reported as not found: its existence is not the officer's business.
  if (!row || !actor.unitIds.includes(row.agencyId)) throw new AppError('REQUEST_NOT_FOUND');
  return row;
}

export async function updateRequest(ctx: Ctx, id: string, input: RequestInput) {
  const actor = officer(ctx);
  const v = validate(ctx, input);
  const unit = await assertUnit(ctx, actor, v.unitId);
  await ctx.deps.db.transaction(async (tx) => {
    const before = await loadInScope(tx, actor, id, true);
    if (before.status !== 'draft') throw new AppError('REQUEST_NOT_DRAFT');
    if (v.attachmentId !== before.attachmentId) await assertAttachment(tx, actor, v.attachmentId);
    if (v.idNumber !== before.idNumber && (await findAccountByIdNumber(tx, v.idNumber))) throw new AppError('ACCOUNT_ALREADY_EXISTS');
    const changes = { ...editableFields(v, unit), updatedAt: ctx.deps.clock.now() };
    await tx.update(car).set(changes).where(eq(car.id, id));
    // A code sent to the old phone must not create the account for the new one.
    if (v.phone !== before.phone || v.idNumber !== before.idNumber) {
      await tx.execute(
        sql`update otp_challenges set closed_at = ${ctx.deps.clock.now().toISOString()}, closed_reason = 'superseded'
            where purpose = ${OTP_PURPOSE} and subject = ${id} and closed_at is null`,
      );
    }
    await writeAudit(tx, ctx, { action: 'citizen_account_request.update', entityType: 'citizen_account_request', entityId: id, before, after: changes, agencyId: unit.id });
  });
  return getRequest(ctx, id);
}

export async function cancelRequest(ctx: Ctx, id: string) {
  const actor = officer(ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const before = await loadInScope(tx, actor, id, true);
    if (before.status !== 'draft') throw new AppError('REQUEST_NOT_DRAFT');
    await tx.update(car).set({ status: 'cancelled', updatedAt: ctx.deps.clock.now() }).where(eq(car.id, id));
    await writeAudit(tx, ctx, { action: 'citizen_account_request.cancel', entityType: 'citizen_account_request', entityId: id, before: { status: before.status }, after: { status: 'cancelled' }, agencyId: before.agencyId });
  });
  return getRequest(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Read

export async function getRequest(ctx: Ctx, id: string) {
  const actor = officer(ctx);
  const row = await loadInScope(ctx.deps.db, actor, id);
  const [unit] = await listUnits(ctx.deps.db, [row.agencyId]);
  const creator = await getUser(ctx.deps.db, row.officerId);
  const [file] = await ctx.deps.db.select().from(storedFiles).where(eq(storedFiles.id, row.attachmentId)).limit(1);
  const otp = row.status === 'draft' ? await latestOtp(ctx.deps.db, OTP_PURPOSE, id) : null;
  return {
    id: row.id,
    status: row.status as RequestStatus,
    idNumber: row.idNumber,
    fullName: row.fullName,
    birthDate: row.birthDate,
    phone: row.phone,
    email: row.email,
    unit: { id: unit!.id, code: unit!.code, name: unit!.name },
    officer: { id: row.officerId, fullName: creator?.fullName ?? '', phone: creator?.phone ?? null },
    attachment: file ? { id: file.id, fileName: file.originalName, size: file.size, type: file.ext } : null,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    otp: otp
      ? { expiresAt: otp.expiresAt.toISOString(), resendAvailableAt: otp.resendAvailableAt.toISOString(), attemptsRemaining: otp.attemptsRemaining }
      : null,
  };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequest>>;

export interface ListFilters {
  name?: string;
  phone?: string;
  idNumber?: string;
  officer?: string;
  unitId?: string;
  from?: string;
  to?: string;
  status?: RequestStatus;
  page: number;
  pageSize: number;
}

/** Requests created by the officer's units, newest first. */
export async function listRequests(ctx: Ctx, f: ListFilters) {
  const actor = officer(ctx);
  const db = ctx.deps.db;
  const scope = f.unitId ? actor.unitIds.filter((u) => u === f.unitId) : [...actor.unitIds];
  if (scope.length === 0) return { items: [], total: 0, totalCapped: false, page: f.page, pageSize: f.pageSize };
  const where: SQL[] = [];
  const name = f.name ? searchKey(f.name) : '';
  if (name) where.push(sql`${car.fullNameSearch} like ${`%${likeEscape(name)}%`}`);
  const phoneDigits = f.phone?.replace(/\D/g, '') ?? '';
  if (phoneDigits) {
    const local = phoneDigits.startsWith('84') && phoneDigits.length > 9 ? `0${phoneDigits.slice(2)}` : phoneDigits;
    where.push(like(car.phone, `${likeEscape(local)}%`));
  }
  const idDigits = f.idNumber ? normalizeIdNumber(f.idNumber) : '';
  if (idDigits) where.push(like(car.idNumber, `${likeEscape(idDigits)}%`));
  if (f.from) where.push(gte(car.createdAt, vnDayStart(f.from)));
  if (f.to) where.push(lt(car.createdAt, new Date(vnDayStart(f.to).getTime() + 86_400_000)));
  if (f.status) where.push(eq(car.status, f.status));
  // "Cán bộ tạo": the matching officers first, so each branch below can use one officer's index.
  let officerIds: string[] | null = null;
  if (f.officer?.trim()) {
    const o = searchKey(f.officer);
    officerIds = await findOfficerIds(db, o, MAX_BRANCHES + 1);
    if (officerIds.length === 0) return { items: [], total: 0, totalCapped: false, page: f.page, pageSize: f.pageSize };
  }
  const offset = (f.page - 1) * f.pageSize;
  // One branch per unit (and per officer when filtering by officer), each ordered and limited on
  // its own index: (agency_id, created_at), (agency_id, officer_id, created_at), or the unit inside
  // the name GIN index. An IN-list would instead fetch every match and sort it (bench/RESULTS.md).
  const branches: SQL[] = [];
  for (const u of scope) {
    if (officerIds && officerIds.length * scope.length <= MAX_BRANCHES) {
      for (const o of officerIds) branches.push(and(eq(car.agencyId, u), eq(car.officerId, o), ...where)!);
    } else {
      branches.push(and(eq(car.agencyId, u), ...(officerIds ? [inArray(car.officerId, officerIds)] : []), ...where)!);
    }
  }
  const pageIds = sql.join(
    branches.map(
      (branch) =>
        sql`(select ${car.id} as id, ${car.createdAt} as created_at from ${car} where ${branch}
             order by ${car.createdAt} desc, ${car.id} desc limit ${offset + f.pageSize})`,
    ),
    sql` union all `,
  );
  const counts = sql.join(
    branches.map((branch) => sql`(select count(*) as n from (select 1 from ${car} where ${branch} limit ${COUNT_CAP + 1}) m)`),
    sql` union all `,
  );
  if (name && offset < COUNT_CAP) {
    // A name goes through the trigram GIN index, the expensive part: one pass collects the
    // (capped) matches, and both the count and the page come from it.
    const matches = sql.join(
      branches.map((branch) => sql`(select ${car.id} as id, ${car.createdAt} as created_at from ${car} where ${branch} limit ${COUNT_CAP + 1})`),
      sql` union all `,
    );
    const rows = rowsOf<PageRow & { total: string | number }>(
      await db.execute(sql`
        with m as materialized (${matches})
        select (select count(*) from m) as total, r.id, r.full_name as "fullName", r.id_number as "idNumber", r.phone, r.status,
               r.created_at as "createdAt", r.completed_at as "completedAt", r.officer_id as "officerId", r.agency_id as "agencyId"
        from (select id, created_at from m order by created_at desc, id desc limit ${f.pageSize} offset ${offset}) p
        join ${car} r on r.id = p.id
        order by p.created_at desc, p.id desc`),
    );
    const matched = rows.length
      ? Number(rows[0]!.total)
      : Number(rowsOf<{ n: string | number }>(await db.execute(sql`select coalesce(sum(n), 0) as n from (${counts}) c`))[0]?.n ?? 0);
    return listResult(f, await withNames(db, rows), matched);
  }
  const [items, totals] = await Promise.all([
    offset >= COUNT_CAP
      ? Promise.resolve([])
      : db
          .select({
            id: car.id,
            fullName: car.fullName,
            idNumber: car.idNumber,
            phone: car.phone,
            status: car.status,
            createdAt: car.createdAt,
            completedAt: car.completedAt,
            officerId: car.officerId,
            agencyId: car.agencyId,
          })
          .from(car)
          .innerJoin(sql`(${pageIds}) as page`, sql`page.id = ${car.id}`)
          .orderBy(desc(car.createdAt), desc(car.id))
          .limit(f.pageSize)
          .offset(offset),
    db.execute(sql`select coalesce(sum(n), 0) as n from (${counts}) c`),
  ]);
  return listResult(f, await withNames(db, items), Number(rowsOf<{ n: string | number }>(totals)[0]?.n ?? 0));
}

/** The officers' and units' names of one page of requests, from the users and agencies modules. */
async function withNames(db: DbOrTx, rows: readonly PageRow[]): Promise<ListRow[]> {
  const [officers, units] = await Promise.all([fullNamesOf(db, rows.map((r) => r.officerId)), listUnits(db, [...new Set(rows.map((r) => r.agencyId))])]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  return rows.map(({ officerId, agencyId, ...r }) => ({ ...r, officerName: officers.get(officerId) ?? '', unitName: unitNames.get(agencyId) ?? '' }));
}

type PageRow = Omit<ListRow, 'officerName' | 'unitName'> & { officerId: string; agencyId: string };

interface ListRow {
  id: string;
  fullName: string;
  idNumber: string;
  phone: string;
  status: string;
  createdAt: Date | string;
  completedAt: Date | string | null;
  officerName: string;
  unitName: string;
}

function listResult(f: ListFilters, rows: ListRow[], matched: number) {
  return {
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.fullName,
      idNumber: r.idNumber,
      phone: r.phone,
      officerName: r.officerName,
      unitName: r.unitName,
      status: r.status as RequestStatus,
      createdAt: new Date(r.createdAt).toISOString(),
      completedAt: r.completedAt ? new Date(r.completedAt).toISOString() : null,
    })),
    total: Math.min(matched, COUNT_CAP),
    totalCapped: matched > COUNT_CAP,
    page: f.page,
    pageSize: f.pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// OTP and account creation

export async function sendOtp(ctx: Ctx, id: string) {
  const actor = officer(ctx);
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  // Per request the OTP rules allow 5 codes an hour; these stop several drafts for one phone, or
  // one officer, from turning the desk into an SMS pump.
  const target = await loadInScope(db, actor, id);
  await enforceRateLimits(
    db,
    [
      { key: `otp:phone:${target.phone}`, limit: 10, windowSeconds: 3600 },
      { key: `otp:officer:${actor.userId}`, limit: 100, windowSeconds: 3600 },
    ],
    now,
    'OTP_SEND_LIMIT',
  );
  const issued = await db.transaction(async (tx) => {
    const req = await loadInScope(tx, actor, id, true);
    if (req.status !== 'draft') throw new AppError('REQUEST_NOT_DRAFT');
    if (await findAccountByIdNumber(tx, req.idNumber)) throw new AppError('ACCOUNT_ALREADY_EXISTS');
    const otp = await issueOtp(tx, secret, now, { purpose: OTP_PURPOSE, subject: id, phone: req.phone });
    await sendSms(
      tx,
      ctx,
      `otp:${otp.challengeId}`,
      req.phone,
      SMS_TEXTS.deskAccountOtp({ code: otp.code }),
    );
    await writeAudit(tx, ctx, {
      action: 'citizen_account_request.otp_sent',
      entityType: 'citizen_account_request',
      entityId: id,
      after: { phone: req.phone, expiresAt: otp.expiresAt.toISOString() },
      agencyId: req.agencyId,
    });
    return otp;
  });
  return {
    expiresAt: issued.expiresAt.toISOString(),
    resendAvailableAt: issued.resendAvailableAt.toISOString(),
    sendsRemaining: issued.sendsRemaining,
    ttlSeconds: OTP_RULES.ttlSeconds,
  };
}

export async function completeRequest(ctx: Ctx, id: string, code: string) {
  const actor = officer(ctx);
  const { db, clock, secret } = ctx.deps;
  // Scope first, so an officer cannot probe other units' codes.
  const current = await loadInScope(db, actor, id);
  if (current.status !== 'draft') throw new AppError('REQUEST_NOT_DRAFT');
  const challengeId = await checkOtp(db, secret, clock.now(), { purpose: OTP_PURPOSE, subject: id, code });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const req = await loadInScope(tx, actor, id, true);
    if (req.status !== 'draft') throw new AppError('REQUEST_NOT_DRAFT');
    if (!(await consumeOtp(tx, challengeId, clock.now()))) throw new AppError('OTP_NOT_SENT');
    const account = await createAccount(
      tx,
      ctx,
      {
        kind: 'citizen',
        idNumber: req.idNumber,
        fullName: req.fullName,
        birthDate: req.birthDate,
        phone: req.phone,
        email: req.email,
        passwordHash,
        mustChangePassword: true,
        // The officer had the citizen and their CCCD in front of them (and its scan is on file).
        identityVerifiedAt: clock.now(),
        identityVerifiedBy: 'desk',
      },
      { agencyId: req.agencyId },
    );
    const now = clock.now();
    await tx.update(car).set({ status: 'completed', userId: account.id, completedAt: now, updatedAt: now }).where(eq(car.id, id));
    await sendSms(
      tx,
      ctx,
      `account-password:${id}`,
      req.phone,
      SMS_TEXTS.deskAccountCreated({ login: req.idNumber, password }),
      // "Thông báo" keeps a note of it, never the password (platform/notify/inbox.ts).
      { accountId: account.id },
    );
    if (req.email) {
      await sendEmail(
        tx,
        ctx,
        `account-created-email:${id}`,
        req.email,
        'Tài khoản Cổng Dịch vụ công đã được tạo',
        `Kính gửi ${req.fullName},\n\nTài khoản Cổng Dịch vụ công của bạn đã được tạo tại ${(await listUnits(tx, [req.agencyId]))[0]?.name ?? 'Bộ phận Một cửa'}.\nTên đăng nhập: số CMND/CCCD ${req.idNumber}.\nMật khẩu đã được gửi bằng tin nhắn SMS tới số điện thoại ${req.phone}; bạn sẽ phải đổi mật khẩu ở lần đăng nhập đầu tiên.\n\nNếu bạn không yêu cầu tạo tài khoản, hãy liên hệ tổng đài 1022.`,
        { accountId: account.id },
      );
    }
    await writeAudit(tx, ctx, {
      action: 'citizen_account_request.complete',
      entityType: 'citizen_account_request',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'completed', userId: account.id },
      agencyId: req.agencyId,
    });
  });
  return getRequest(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Files out

export async function readAttachment(ctx: Ctx, id: string) {
  const actor = officer(ctx);
  const req = await loadInScope(ctx.deps.db, actor, id);
  const [file] = await ctx.deps.db.select().from(storedFiles).where(eq(storedFiles.id, req.attachmentId)).limit(1);
  if (!file) throw new AppError('FILE_NOT_FOUND');
  const data = await ctx.deps.blobs.get(file.storageKey);
  // ID scans are sensitive personal data (NĐ 13/2023): every view is recorded.
  await writeAudit(ctx.deps.db, ctx, { action: 'file.view', entityType: 'stored_file', entityId: file.id, after: { requestId: id }, agencyId: req.agencyId });
  return { data, fileName: file.originalName, mime: file.mime };
}
