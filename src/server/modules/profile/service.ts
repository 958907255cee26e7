// "Thông tin tài khoản": the citizen sees what the portal holds about them and edits what is theirs
// to edit. Identity fields VNeID vouched for are read-only; a new phone or e-mail counts only once
// the OTP sent to it comes back.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { cleanText } from '../../../common/text.js';
import { checkBirthDate, checkIdNumber, normalizeMobile } from '../../../common/vn-ids.js';
import { maskAddress } from '../../platform/notify/inbox.js';
import { writeAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import { assertNewPassword } from '../../platform/auth/password-policy.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { sendEmail, sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { checkOtp, consumeOtp, issueOtp, OTP_RULES } from '../../platform/otp.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { checkEmail, checkPersonName, getUser, setContact, setPassword, updateProfile, type ProfilePatch, type UserRow } from '../users/service.js';
import { contactChanges } from './tables.js';

const OTP_PURPOSE = 'contact-change';
const CHANGE_TTL_SECONDS = 15 * 60;

function owner(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('NOT_AUTHENTICATED');
  if (ctx.actor.kind === 'officer') throw new AppError('FORBIDDEN');
  return ctx.actor;
}

async function loadSelf(ctx: Ctx): Promise<UserRow> {
  const user = await getUser(ctx.deps.db, owner(ctx).userId);
  if (!user) throw new AppError('NOT_AUTHENTICATED');
  return user;
}

/**
 * The identity fields vouched for, which the owner cannot change: all VNeID gave, or what the desk
 * officer checked on the CCCD in front of them.
 */
const VERIFIED_FIELDS = {
  vneid: ['idNumber', 'fullName', 'birthDate', 'sex', 'permanentAddress'],
  desk: ['idNumber', 'fullName', 'birthDate'],
} as const;

function verifiedFields(u: UserRow): readonly ('idNumber' | 'fullName' | 'birthDate' | 'sex' | 'permanentAddress')[] {
  return u.identityVerifiedAt && u.identityVerifiedBy ? VERIFIED_FIELDS[u.identityVerifiedBy] : [];
}

function view(u: UserRow) {
  return {
    id: u.id,
    kind: u.kind as 'citizen' | 'organisation',
    idNumber: u.idNumber,
    fullName: u.fullName,
    birthDate: u.birthDate,
    sex: u.sex as 'male' | 'female' | null,
    permanentAddress: u.permanentAddress,
    representativeName: u.representativeName,
    phone: u.phone,
    email: u.email,
    identityVerified: u.identityVerifiedAt !== null,
    identityVerifiedAt: u.identityVerifiedAt?.toISOString() ?? null,
    identityVerifiedBy: u.identityVerifiedAt ? u.identityVerifiedBy : null,
    verifiedFields: [...verifiedFields(u)],
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function getProfile(ctx: Ctx) {
  return view(await loadSelf(ctx));
}

export async function editProfile(ctx: Ctx, input: ProfilePatch) {
  const before = await loadSelf(ctx);
  const now = ctx.deps.clock.now();
  const patch: ProfilePatch = {};
  if (input.fullName !== undefined) {
    patch.fullName = before.kind === 'organisation' ? cleanText(input.fullName) : checkPersonName(input.fullName);
    if (before.kind === 'organisation' && ([...patch.fullName].length < 2 || [...patch.fullName].length > 300)) throw new AppError('INVALID_NAME');
  }
  if (input.birthDate !== undefined && before.kind === 'citizen') {
    const birthDate = input.birthDate?.trim() || null;
    if (!birthDate) throw new AppError('INVALID_BIRTH_DATE', { message: 'Ngày sinh là bắt buộc.' });
    const problem = checkBirthDate(birthDate, now);
    if (problem) throw new AppError('INVALID_BIRTH_DATE', { message: problem });
    // The CCCD encodes the century and year of birth: the two must still agree.
    const idCheck = checkIdNumber(before.idNumber ?? '', birthDate);
    if (before.idNumber && !idCheck.ok) throw new AppError('INVALID_BIRTH_DATE', { message: idCheck.message });
    patch.birthDate = birthDate;
  }
  if (input.sex !== undefined) patch.sex = input.sex;
  if (input.permanentAddress !== undefined) {
    const a = input.permanentAddress ? cleanText(input.permanentAddress) : null;
    if (a && a.length > 300) throw new AppError('VALIDATION_FAILED', { message: 'Địa chỉ thường trú tối đa 300 ký tự.' });
    patch.permanentAddress = a;
  }
  if (input.representativeName !== undefined && before.kind === 'organisation') {
    patch.representativeName = checkPersonName(input.representativeName ?? '');
  }
  const locked = verifiedFields(before).filter((k) => k !== 'idNumber');
  if (locked.length) {
    const touched = locked.filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
    if (touched.length) throw new AppError('IDENTITY_VERIFIED', { details: { fields: touched } });
  }
  await ctx.deps.db.transaction(async (tx) => updateProfile(tx, ctx, before.id, before, patch));
  return getProfile(ctx);
}

export async function startContactChange(ctx: Ctx, input: { channel: 'phone' | 'email'; value: string }) {
  const me = await loadSelf(ctx);
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  const value = input.channel === 'phone' ? normalizeMobile(input.value) : checkEmail(input.value);
  if (!value) throw new AppError(input.channel === 'phone' ? 'INVALID_PHONE' : 'INVALID_EMAIL');
  if (value === (input.channel === 'phone' ? me.phone : me.email)) throw new AppError('CONTACT_UNCHANGED');
  await enforceRateLimits(
    db,
    [
      { key: `otp:${input.channel}:${value}`, limit: 10, windowSeconds: 3600 },
      { key: `contact-change:${me.id}`, limit: 10, windowSeconds: 3600 },
    ],
    now,
    'OTP_SEND_LIMIT',
  );
  const id = randomUUID();
  const otp = await db.transaction(async (tx) => {
    await tx.insert(contactChanges).values({ id, userId: me.id, channel: input.channel, newValue: value, createdAt: now });
    const issued = await issueOtp(tx, secret, now, {
      purpose: OTP_PURPOSE,
      subject: id,
      ...(input.channel === 'phone' ? { phone: value } : { email: value }),
    });
    const text = SMS_TEXTS.contactChangeOtp({ code: issued.code, target: input.channel });
    // "Thông báo" keeps a note of the code, never the code (platform/notify/inbox.ts).
    const inbox = { accountId: me.id };
    if (input.channel === 'phone') await sendSms(tx, ctx, `otp:${issued.challengeId}`, value, text, inbox);
    else await sendEmail(tx, ctx, `otp:${issued.challengeId}`, value, 'Mã OTP xác nhận địa chỉ email', `${text}\n\nNếu bạn không yêu cầu thay đổi, hãy bỏ qua thư này.`, inbox);
    await writeAudit(tx, ctx, { action: 'auth.otp_sent', entityType: 'user', entityId: me.id, after: { purpose: OTP_PURPOSE, channel: input.channel, to: maskAddress(value) } });
    return issued;
  });
  return {
    id,
    channel: input.channel,
    value,
    expiresAt: otp.expiresAt.toISOString(),
    resendAvailableAt: otp.resendAvailableAt.toISOString(),
    ttlSeconds: OTP_RULES.ttlSeconds,
  };
}

export async function confirmContactChange(ctx: Ctx, id: string, code: string) {
  const me = await loadSelf(ctx);
  const { db, clock, secret } = ctx.deps;
  const now = clock.now();
  const [change] = await db
    .select()
    .from(contactChanges)
    .where(
      and(
        eq(contactChanges.id, id),
        eq(contactChanges.userId, me.id),
        isNull(contactChanges.completedAt),
        gt(contactChanges.createdAt, new Date(now.getTime() - CHANGE_TTL_SECONDS * 1000)),
      ),
    )
    .limit(1);
  if (!change) throw new AppError('CONTACT_CHANGE_NOT_FOUND');
  const challengeId = await checkOtp(db, secret, now, { purpose: OTP_PURPOSE, subject: id, code });
  const channel = change.channel as 'phone' | 'email';
  const old = channel === 'phone' ? me.phone : me.email;
  await db.transaction(async (tx) => {
    if (!(await consumeOtp(tx, challengeId, now))) throw new AppError('OTP_NOT_SENT');
    await tx.update(contactChanges).set({ completedAt: now }).where(eq(contactChanges.id, id));
    await setContact(tx, ctx, me.id, channel, change.newValue, old);
    // The old phone hears about it: a stolen session cannot quietly move the account.
    if (channel === 'phone' && old) {
      await sendSms(
        tx,
        ctx,
        `phone-changed:${id}`,
        old,
        SMS_TEXTS.phoneChanged({ newPhoneEnd: change.newValue.slice(-3) }),
        { accountId: me.id },
      );
    }
  });
  return getProfile(ctx);
}

/** An account opened with VNeID has no password until its owner sets one here. */
export async function setFirstPassword(ctx: Ctx, input: { newPassword: string; newPasswordConfirm: string }) {
  const me = await loadSelf(ctx);
  if (me.passwordHash) throw new AppError('PASSWORD_ALREADY_SET');
  assertNewPassword(
    input.newPassword,
    { fullName: me.fullName, idNumber: me.idNumber, phone: me.phone, email: me.email, birthDate: me.birthDate, username: me.username, other: [me.representativeName] },
    'Mật khẩu',
  );
  if (input.newPassword !== input.newPasswordConfirm) throw new AppError('PASSWORD_MISMATCH');
  const hashed = await hashPassword(input.newPassword);
  await ctx.deps.db.transaction(async (tx) => setPassword(tx, ctx, me.id, hashed, false));
  return getProfile(ctx);
}

/** Hourly: phone/e-mail changes started more than a day ago. */
export async function pruneContactChanges(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(contactChanges).where(lt(contactChanges.createdAt, new Date(now.getTime() - 24 * 3600 * 1000)));
}
