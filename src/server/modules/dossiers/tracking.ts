// Tra cứu hồ sơ (issue 7): anyone can follow a dossier with its code and the last four digits of
// the phone given for it, so a stranger who only saw the code learns nothing. Public, so bounded
// per address; the history shows what happened and when, not who or why (reasons can be personal).
//
// Codes are sequential and the secret is only 4 digits, so wrong guesses are also counted per code,
// whatever address they come from (issue 13, defect 12): past TRACKING_GUESSES a code answers
// TRACKING_PAUSED to everyone until the window ends. That pauses only this anonymous path: the
// applicant still follows the dossier signed in ("Hồ sơ của tôi") and by the SMS on every step.
// Codes that name no dossier are counted the same way, so the pause says nothing about existence.
import { and, asc, eq } from 'drizzle-orm';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../common/dossier-status.js';
import { cleanText } from '../../../common/text.js';
import { ACTION_LABELS, type DossierAction } from '../../../common/workflow.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit.js';
import { enforceRateLimits, formatWait, hitRateLimit, peekRateLimit, type RateRule } from '../../platform/rate-limit.js';
import { getAgency } from '../agencies/service.js';
import { dossierEvents, dossiers } from './tables.js';

/** Wrong guesses one code answers, from all addresses together: 10 an hour and 20 a day. */
export const TRACKING_GUESSES = [
  { windowSeconds: 3600, limit: 10 },
  { windowSeconds: 86_400, limit: 20 },
] as const;

function guessRules(code: string): RateRule[] {
  return TRACKING_GUESSES.map((g) => ({ key: `tracking:code:${g.windowSeconds}:${code}`, ...g }));
}

function paused(retryAfterSeconds: number): AppError {
  return new AppError('TRACKING_PAUSED', {
    message: `Tra cứu mã hồ sơ này tạm dừng vì đã có nhiều lần nhập sai số điện thoại. Nếu bạn là người nộp hồ sơ, hãy đăng nhập và xem "Hồ sơ của tôi", hoặc thử lại sau ${formatWait(retryAfterSeconds)}.`,
    details: { retryAfterSeconds },
  });
}

export async function track(ctx: Ctx, rawCode: string, rawPhone: string) {
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();
  await enforceRateLimits(db, [{ key: `tracking:ip:${ctx.ip}`, limit: 30, windowSeconds: 300 }], now);
  const code = cleanText(rawCode).toUpperCase();
  const digits = rawPhone.replace(/\D/g, '');
  if (!code || digits.length < 4) throw new AppError('TRACKING_NOT_FOUND');
  const rules = guessRules(code);
  for (const rule of rules) {
    const r = await peekRateLimit(db, rule, now);
    if (!r.allowed) throw paused(r.retryAfterSeconds);
  }
  const [d] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  // The same answer whether the code is unknown or the digits do not match.
  if (!d || !d.contactPhone || !d.contactPhone.endsWith(digits.slice(-4))) {
    let pausedNow = false;
    for (const rule of rules) if ((await hitRateLimit(db, rule, now)).count === rule.limit) pausedNow = true;
    if (pausedNow && d) {
      await writeAudit(db, ctx, { action: 'dossier.tracking_paused', entityType: 'dossier', entityId: d.id, after: { code } });
    }
    throw new AppError('TRACKING_NOT_FOUND');
  }
  const [agency, events] = await Promise.all([
    getAgency(db, d.agencyId),
    db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierId, d.id))).orderBy(asc(dossierEvents.at)),
  ]);
  return {
    code: d.code,
    procedureName: d.procedureName,
    agencyName: agency?.name ?? '',
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
    submittedAt: d.submittedAt.toISOString(),
    appointmentDate: d.appointmentDate,
    extendedDate: d.extendedDate,
    returnedAt: d.returnedAt?.toISOString() ?? null,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: ACTION_LABELS[e.action as DossierAction] ?? e.action,
      toStatusLabel: DOSSIER_STATUS_LABELS[e.toStatus as DossierStatus],
    })),
  };
}
