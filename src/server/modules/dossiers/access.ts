// Hồ sơ (issue 6): what the filing, desk, data-store and viewing parts of the module share — the
// actor checks (citizen, officer, the desk role and its receiving agencies), loading a dossier and
// who may see it, its history events, and the notices sent to the applicant.
import { eq, sql, type SQL } from 'drizzle-orm';
import { likeEscape } from '../../../common/text.js';
import { CHANNEL, DOSSIER_STATUS } from '../../../common/dossier-status.js';
import { DOSSIER_ROLE_PERMISSIONS } from '../../../common/permissions.js';
import type { DbOrTx } from '../../db/client.js';
import { formatIsoDate } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { sendEmail, sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS, type SmsText } from '../../platform/notify/sms-texts.js';
import { deskAgencyIds, listUnits, type AgencyRow } from '../agencies/service.js';
import { officersHolding, type UserRow } from '../users/service.js';
import { dossierEvents, dossiers } from './tables.js';
import { servesAgency } from './officer-scope.js';

export type DossierRow = typeof dossiers.$inferSelect;

export type PaperSource = 'upload' | 'scan' | 'store';

export interface PaperRef {
  position: number;
  fileId: string;
  source?: PaperSource;
}

// ---------------------------------------------------------------------------------------------
// Actors

export function citizen(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind === 'officer') throw new AppError('FORBIDDEN');
  return a;
}

export function officer(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (!a) throw new AppError('NOT_AUTHENTICATED');
  if (a.kind !== 'officer') throw new AppError('FORBIDDEN');
  return a;
}

/**
 * The desk role of an officer (docs/decisions/0015-desk-permission-and-postal-accounts.md): a
 * one-stop officer holding "Tiếp nhận, trả kết quả hồ sơ" decides; a Vietnam Post employee holding
 * the postal desk permission takes papers in and hands results over, and never decides.
 */
export type DeskRole = 'desk' | 'postal';

export function deskRoleOf(actor: Actor): DeskRole | null {
  if (actor.permissions.has('DESK_RECEIVE')) return 'desk';
  if (actor.permissions.has('POSTAL_DESK')) return 'postal';
  return null;
}

/** The agencies the officer receives for, when their role is one of `allow`. */
export async function officerAgencies(ctx: Ctx, actor: Actor, allow: readonly DeskRole[] = ['desk']): Promise<string[]> {
  const role = deskRoleOf(actor);
  if (!role || !allow.includes(role)) {
    throw new AppError('PERMISSION_REQUIRED', {
      message: 'Chức năng này dành cho cán bộ Bộ phận Một cửa được cấp quyền "Tiếp nhận, trả kết quả hồ sơ (Bộ phận Một cửa)". Đề nghị quản trị viên cấp quyền.',
      details: { permission: 'DESK_RECEIVE' },
    });
  }
  const ids = await deskAgencyIds(ctx.deps.db, actor.unitIds);
  if (ids.length === 0) throw new AppError('NO_RECEIVING_UNIT');
  return ids;
}

/** The agency as the answers show it: id, code and name. */
export function agencyBrief(a: AgencyRow | null) {
  return a ? { id: a.id, code: a.code, name: a.name } : null;
}

// ---------------------------------------------------------------------------------------------
// Loading a dossier and who may see it

export async function agencyNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await listUnits(db, unique);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A piece of the dossier code, typed in any case (codes are upper case: "…H48-261205-0001"). */
export function codeContains(q: string): SQL {
  return sql`${dossiers.code} like ${`%${likeEscape(q.toUpperCase())}%`}`;
}

/** What the desk's queue and the work list search by: a piece of the code, or the applicant's whole ID number. */
export function codeOrApplicantId(q: string): SQL {
  return sql`(${codeContains(q)} or ${dossiers.applicantIdNumber} = ${q})`;
}

export async function loadDossier(db: DbOrTx, id: string): Promise<DossierRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('DOSSIER_NOT_FOUND');
  const [d] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!d) throw new AppError('DOSSIER_NOT_FOUND');
  return d;
}

/** Who may see a dossier: its applicant, or an officer of the receiving agency. */
export async function authorizeView(ctx: Ctx, d: DossierRow): Promise<Actor> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (actor.kind === 'officer') {
    assertDossierRole(actor);
    // The desk of the agency, and the officers who process its dossiers (a unit of the agency, or
    // the agency itself: the work list's scope, officer-scope.ts workAgencyIds).
    const units = await listUnits(ctx.deps.db, actor.unitIds);
    if (!officerServes(units, d.agencyId)) throw new AppError('DOSSIER_NOT_FOUND');
  } else if (d.applicantId !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
  return actor;
}

/** An officer without any dossier role (DOSSIER_ROLE_PERMISSIONS) reads no dossier. */
export function assertDossierRole(actor: Actor): void {
  if (!DOSSIER_ROLE_PERMISSIONS.some((p) => actor.permissions.has(p))) throw new AppError('PERMISSION_REQUIRED');
}

/** An officer serves an agency when one of their active units is the agency or a part of it (servesAgency). */
export function officerServes(units: readonly AgencyRow[], agencyId: string): boolean {
  return units.some((u) => u.status === 'active' && servesAgency(u, agencyId));
}

/**
 * Who signs the "Phiếu xin lỗi" of an extension for the agency: a leader of the agency (an officer
 * assigned to the agency itself holding "Phê duyệt kết quả hồ sơ") — the one who made the extension
 * if they are a leader, else the agency's only leader. With several leaders and none of them acting,
 * nobody is named: the letter is signed by hand. Never the specialist who asked for the extension.
 */
export async function apologySigner(db: DbOrTx, agencyId: string, actorId: string | null): Promise<string | null> {
  const leaders = await officersHolding(db, agencyId, 'DOSSIER_APPROVE');
  const acting = leaders.find((l) => l.id === actorId);
  if (acting) return acting.fullName;
  return leaders.length === 1 ? leaders[0]!.fullName : null;
}

/** One line of the dossier's history (its events). */
export async function addEvent(tx: DbOrTx, ctx: Ctx, d: DossierRow, action: string, from: number, reason: string | null, now: Date) {
  await tx.insert(dossierEvents).values({
    id: newId(),
    dossierId: d.id,
    at: now,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.fullName ?? null,
    action,
    fromStatus: from,
    toStatus: d.status,
    reason,
  });
}

// ---------------------------------------------------------------------------------------------
// Notifications

export type Notice = 'submitted' | 'received' | 'supplement' | 'refused' | 'supplemented';

function noticeText(d: DossierRow, kind: Notice): { sms: SmsText; subject: string } {
  const { code, procedureName } = d;
  const reason = d.statusReason ?? '';
  switch (kind) {
    case 'submitted':
      return {
        sms: SMS_TEXTS.dossierSubmitted({ code, procedureName, via: d.channel === CHANNEL.POST ? 'post' : 'online', expectedDate: d.appointmentDate }),
        subject: d.channel === CHANNEL.POST ? `Hồ sơ ${code} đã được nhận qua dịch vụ bưu chính` : `Hồ sơ ${code} đã được nộp trực tuyến`,
      };
    case 'received':
      return { sms: SMS_TEXTS.dossierReceived({ code, procedureName, appointmentDate: d.appointmentDate }), subject: `Hồ sơ ${code} đã được tiếp nhận` };
    case 'supplement':
      return { sms: SMS_TEXTS.supplementRequested({ code, reason }), subject: `Hồ sơ ${code} cần bổ sung giấy tờ` };
    case 'refused':
      return { sms: SMS_TEXTS.dossierRefused({ code, reason }), subject: `Hồ sơ ${code} không được tiếp nhận` };
    case 'supplemented':
      return {
        sms: SMS_TEXTS.dossierSupplemented({ code, resumed: d.status === DOSSIER_STATUS.PROCESSING, appointmentDate: d.appointmentDate }),
        subject: `Hồ sơ ${code} đã được bổ sung`,
      };
  }
}

function noticeEmailBody(d: DossierRow, kind: Notice, url: string): string {
  const appt = d.appointmentDate ? formatIsoDate(d.appointmentDate) : null;
  const lines = [`Kính gửi Ông/Bà ${d.applicantName},`, ''];
  if (kind === 'submitted') {
    const how = d.channel === CHANNEL.POST ? 'đã được nhận qua dịch vụ bưu chính' : 'đã được nộp trực tuyến thành công';
    lines.push(`Hồ sơ ${d.code} – ${d.procedureName} ${how} và đang chờ cơ quan tiếp nhận.`, appt ? `Ngày hẹn trả kết quả dự kiến: ${appt}.` : '');
  }
  if (kind === 'received') lines.push(`Hồ sơ ${d.code} – ${d.procedureName} đã được tiếp nhận.`, `Ngày hẹn trả kết quả: ${appt}.`);
  if (kind === 'supplement') lines.push(`Hồ sơ ${d.code} – ${d.procedureName} cần bổ sung giấy tờ.`, `Nội dung yêu cầu bổ sung: ${d.statusReason}`, 'Vui lòng đăng nhập Cổng Dịch vụ công để bổ sung hồ sơ.');
  if (kind === 'refused') lines.push(`Hồ sơ ${d.code} – ${d.procedureName} không được tiếp nhận.`, `Lý do: ${d.statusReason}`);
  if (kind === 'supplemented') {
    lines.push(
      d.status === DOSSIER_STATUS.PROCESSING
        ? `Hồ sơ ${d.code} – ${d.procedureName} đã được bổ sung; cơ quan tiếp tục xử lý. Ngày hẹn trả kết quả: ${appt}.`
        : `Hồ sơ ${d.code} – ${d.procedureName} đã được bổ sung và đang chờ cơ quan tiếp nhận lại.`,
    );
  }
  lines.push('', `Tra cứu hồ sơ: ${url}`, '', 'Cổng Dịch vụ công');
  return lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}

export async function notifyApplicant(tx: DbOrTx, ctx: Ctx, d: DossierRow, kind: Notice, applicant?: UserRow | null) {
  const text = noticeText(d, kind);
  const key = `dossier:${d.id}:${kind}:${d.updatedAt.getTime()}`;
  const phone = d.contactPhone ?? applicant?.phone ?? null;
  const email = d.contactEmail ?? applicant?.email ?? null;
  // A copy of each goes into the applicant's "Thông báo" (platform/notify/inbox.ts).
  const inbox = { accountId: d.applicantId, dossierId: d.id };
  if (phone) await sendSms(tx, ctx, `${key}:sms`, phone, text.sms, inbox);
  if (email) await sendEmail(tx, ctx, `${key}:email`, email, text.subject, noticeEmailBody(d, kind, trackingUrl(ctx, d)), inbox);
}

/** The dossier's page in "Hồ sơ của tôi" (for its applicant, signed in). */
function trackingUrl(ctx: Ctx, d: DossierRow): string {
  return `${ctx.deps.config.publicUrl.replace(/\/$/, '')}/ho-so-cua-toi/${d.id}`;
}

/** The public "Tra cứu hồ sơ" page with the code filled in: what a printed paper links to (anyone may open it). */
export function publicTrackingUrl(ctx: Ctx, code: string): string {
  return `${ctx.deps.config.publicUrl.replace(/\/$/, '')}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`;
}
