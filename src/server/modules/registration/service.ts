// "Đăng ký" (seed 004 PL1 Bước 1–5, SPEC §2): the form, an OTP to the phone ("Gửi lại OTP" when it
// does not arrive or has expired), then Mật khẩu + Nhập lại mật khẩu → "Đăng ký". A citizen is
// identified by CMND/CCCD with the same rules and the same "already exists" check as the desk; an
// organisation by its MST (tax code) with its representative's phone.
import { randomUUID } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import { cleanText } from '../../../common/text.js';
import { isTaxCode, normalizeMobile } from '../../../common/vn-ids.js';
import type { DbOrTx } from '../../db/client.js';
import { maskAddress } from '../../platform/notify/inbox.js';
import { writeAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import { assertNewPassword } from '../../platform/auth/password-policy.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { checkOtp, consumeOtp, issueOtp, latestOtp, OTP_RULES } from '../../platform/otp.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { checkCitizenIdentity, checkEmail, checkPersonName, createAccount, findAccountByIdNumber } from '../users/service.js';
import { registrations } from './tables.js';

const OTP_PURPOSE = 'registration';
/** Time between a verified OTP and "Đăng ký" before the form must be filled again. */
export const VERIFIED_TTL_SECONDS = 30 * 60;

export type RegistrationKind = 'citizen' | 'organisation';

export interface RegistrationInput {
  kind: RegistrationKind;
  /** CMND/CCCD, or the organisation's MST. */
  idNumber: string;
  /** Họ và tên, or Tên tổ chức/doanh nghiệp. */
  fullName: string;
  birthDate?: string | null;
  representativeName?: string | null;
  phone: string;
  email?: string | null;
}

type Row = typeof registrations.$inferSelect;

function clean(ctx: Ctx, input: RegistrationInput) {
  if (input.kind === 'citizen') {
    const id = checkCitizenIdentity({ ...input, birthDate: input.birthDate ?? '' }, ctx.deps.clock.now());
    return { ...id, representativeName: null };
  }
  const idNumber = input.idNumber.replace(/[\s.]/g, '');
  if (!isTaxCode(idNumber)) throw new AppError('INVALID_TAX_CODE');
  const fullName = cleanText(input.fullName);
  if ([...fullName].length < 2 || [...fullName].length > 300) {
    throw new AppError('INVALID_NAME', { message: 'Tên tổ chức/doanh nghiệp phải có từ 2 đến 300 ký tự.' });
  }
  const representativeName = checkPersonName(input.representativeName ?? '');
  const phone = normalizeMobile(input.phone);
  if (!phone) throw new AppError('INVALID_PHONE');
  return { idNumber, fullName, birthDate: null, representativeName, phone, email: checkEmail(input.email) };
}

/** OTP sends: the phone's hourly budget is shared with every other OTP flow; plus one per address. */
async function otpSendLimits(ctx: Ctx, phone: string, now: Date): Promise<void> {
  await enforceRateLimits(
    ctx.deps.db,
    [
      { key: `otp:phone:${phone}`, limit: 10, windowSeconds: 3600 },
      { key: `otp:ip:${ctx.ip}`, limit: 30, windowSeconds: 3600 },
    ],
    now,
    'OTP_SEND_LIMIT',
  );
}

async function sendCode(tx: DbOrTx, ctx: Ctx, row: Pick<Row, 'id' | 'phone'>, now: Date) {
  const otp = await issueOtp(tx, ctx.deps.secret, now, { purpose: OTP_PURPOSE, subject: row.id, phone: row.phone });
  await sendSms(
    tx,
    ctx,
    `otp:${otp.challengeId}`,
    row.phone,
    SMS_TEXTS.registrationOtp({ code: otp.code }),
  );
  await writeAudit(tx, ctx, { action: 'auth.otp_sent', entityType: 'registration', entityId: row.id, after: { purpose: OTP_PURPOSE, phone: maskAddress(row.phone) } });
  return otp;
}

async function load(db: DbOrTx, id: string, forUpdate = false): Promise<Row> {
  const q = db.select().from(registrations).where(eq(registrations.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('REGISTRATION_NOT_FOUND');
  return row;
}

export async function view(ctx: Ctx, row: Row) {
  const otp = row.status === 'pending' ? await latestOtp(ctx.deps.db, OTP_PURPOSE, row.id) : null;
  return {
    id: row.id,
    kind: row.kind as RegistrationKind,
    status: row.status as 'pending' | 'verified' | 'completed',
    idNumber: row.idNumber,
    fullName: row.fullName,
    representativeName: row.representativeName,
    birthDate: row.birthDate,
    phone: row.phone,
    email: row.email,
    otp: otp
      ? { expiresAt: otp.expiresAt.toISOString(), resendAvailableAt: otp.resendAvailableAt.toISOString(), attemptsRemaining: otp.attemptsRemaining, ttlSeconds: OTP_RULES.ttlSeconds }
      : null,
  };
}

export async function startRegistration(ctx: Ctx, input: RegistrationInput) {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const v = clean(ctx, input);
  await enforceRateLimits(db, [{ key: `register:ip:${ctx.ip}`, limit: 20, windowSeconds: 3600 }], now);
  if (await findAccountByIdNumber(db, v.idNumber)) {
    throw input.kind === 'citizen'
      ? new AppError('ACCOUNT_ALREADY_EXISTS', {
          message: 'Số CMND/CCCD này đã có tài khoản trên Cổng Dịch vụ công. Hãy đăng nhập, hoặc dùng chức năng Quên mật khẩu nếu không nhớ mật khẩu.',
        })
      : new AppError('ACCOUNT_ALREADY_EXISTS', {
          message: 'Mã số thuế này đã có tài khoản trên Cổng Dịch vụ công. Hãy đăng nhập, hoặc dùng chức năng Quên mật khẩu.',
        });
  }
  await otpSendLimits(ctx, v.phone, now);
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(registrations)
      .values({
        // Random (v4): this id is what the browser holds for the registration.
        id: randomUUID(),
        kind: input.kind,
        idNumber: v.idNumber,
        fullName: v.fullName,
        representativeName: v.representativeName,
        birthDate: v.birthDate,
        phone: v.phone,
        email: v.email,
        status: 'pending',
        createdAt: now,
        ip: ctx.ip,
      })
      .returning();
    await writeAudit(tx, ctx, { action: 'registration.start', entityType: 'registration', entityId: inserted!.id, after: { kind: input.kind, idNumber: v.idNumber, phone: v.phone } });
    await sendCode(tx, ctx, inserted!, now);
    return inserted!;
  });
  return view(ctx, row);
}

export async function resendCode(ctx: Ctx, id: string) {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const current = await load(db, id);
  if (current.status === 'completed') throw new AppError('REGISTRATION_DONE');
  if (current.status === 'verified') return view(ctx, current);
  await otpSendLimits(ctx, current.phone, now);
  await db.transaction(async (tx) => sendCode(tx, ctx, await load(tx, id, true), now));
  return view(ctx, await load(db, id));
}

/** The desk's OTP messages name its button "Gửi mã OTP"; here it is "Gửi lại OTP". */
function forThisPage(err: unknown): unknown {
  if (err instanceof AppError && err.code.startsWith('OTP_') && err.message.includes('"Gửi mã OTP"')) {
    return new AppError(err.code, { message: err.message.replace('"Gửi mã OTP"', '"Gửi lại OTP"'), details: err.details });
  }
  return err;
}

export async function verifyCode(ctx: Ctx, id: string, code: string) {
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  const current = await load(db, id);
  if (current.status === 'completed') throw new AppError('REGISTRATION_DONE');
  if (current.status === 'verified') return view(ctx, current);
  let challengeId: string;
  try {
    challengeId = await checkOtp(db, secret, now, { purpose: OTP_PURPOSE, subject: id, code });
  } catch (err) {
    throw forThisPage(err);
  }
  await db.transaction(async (tx) => {
    const row = await load(tx, id, true);
    if (row.status !== 'pending') return;
    if (!(await consumeOtp(tx, challengeId, now))) throw new AppError('OTP_NOT_SENT');
    await tx.update(registrations).set({ status: 'verified', verifiedAt: now }).where(eq(registrations.id, id));
    await writeAudit(tx, ctx, { action: 'registration.phone_verified', entityType: 'registration', entityId: id, after: { phone: maskAddress(row.phone) } });
  });
  return view(ctx, await load(db, id));
}

export async function completeRegistration(ctx: Ctx, id: string, input: { password: string; passwordConfirm: string }) {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const current = await load(db, id);
  if (current.status === 'completed') throw new AppError('REGISTRATION_DONE');
  if (current.status !== 'verified' || !current.verifiedAt) throw new AppError('REGISTRATION_NOT_VERIFIED');
  if (now.getTime() - current.verifiedAt.getTime() > VERIFIED_TTL_SECONDS * 1000) throw new AppError('REGISTRATION_EXPIRED');
  assertNewPassword(
    input.password,
    {
      fullName: current.fullName,
      idNumber: current.idNumber,
      phone: current.phone,
      email: current.email,
      birthDate: current.birthDate,
      other: [current.representativeName],
    },
    'Mật khẩu',
  );
  if (input.password !== input.passwordConfirm) throw new AppError('PASSWORD_MISMATCH');
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const row = await load(tx, id, true);
    if (row.status !== 'verified') throw new AppError(row.status === 'completed' ? 'REGISTRATION_DONE' : 'REGISTRATION_NOT_VERIFIED');
    // The unique index on CMND/CCCD/MST decides a race with the desk or another registration.
    const account = await createAccount(tx, ctx, {
      kind: row.kind as RegistrationKind,
      idNumber: row.idNumber,
      fullName: row.fullName,
      birthDate: row.birthDate,
      phone: row.phone,
      email: row.email,
      representativeName: row.representativeName,
      passwordHash,
      mustChangePassword: false,
    });
    await tx.update(registrations).set({ status: 'completed', completedAt: now, userId: account.id }).where(eq(registrations.id, id));
    await sendSms(
      tx,
      ctx,
      `registration-done:${id}`,
      row.phone,
      SMS_TEXTS.registrationDone({ login: row.idNumber }),
      { accountId: account.id },
    );
    await writeAudit(tx, ctx, { action: 'registration.complete', entityType: 'registration', entityId: id, actorId: account.id, after: { userId: account.id } });
  });
  return view(ctx, await load(db, id));
}

export async function getRegistration(ctx: Ctx, id: string) {
  return view(ctx, await load(ctx.deps.db, id));
}

/**
 * Whether the account was opened by self-registration, which proves control of a phone only (not
 * that the CMND/CCCD belongs to whoever registered it).
 */
export async function wasSelfRegistered(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.userId, userId)).limit(1);
  return row !== undefined;
}

/** Hourly: registrations abandoned for a day (completed ones stay: they record how an account was opened). */
export async function pruneRegistrations(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(registrations).where(and(ne(registrations.status, 'completed'), lt(registrations.createdAt, new Date(now.getTime() - 24 * 3600 * 1000))));
}
