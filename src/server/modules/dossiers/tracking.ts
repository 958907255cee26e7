// Tra cứu hồ sơ (issue 7): anyone can follow a dossier with its code and the last four digits of
// the phone given for it, so a stranger who only saw the code learns nothing. Public, so bounded
// per address; the history shows what happened and when, not who or why (reasons can be personal).
import { and, asc, eq } from 'drizzle-orm';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../common/dossier-status.js';
import { cleanText } from '../../../common/text.js';
import { ACTION_LABELS, type DossierAction } from '../../../common/workflow.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { enforceRateLimits } from '../../platform/rate-limit.js';
import { getAgency } from '../agencies/service.js';
import { dossierEvents, dossiers } from './tables.js';

export async function track(ctx: Ctx, rawCode: string, rawPhone: string) {
  const db = ctx.deps.db;
  await enforceRateLimits(db, [{ key: `tracking:ip:${ctx.ip}`, limit: 30, windowSeconds: 300 }], ctx.deps.clock.now());
  const code = cleanText(rawCode).toUpperCase();
  const digits = rawPhone.replace(/\D/g, '');
  if (!code || digits.length < 4) throw new AppError('TRACKING_NOT_FOUND');
  const [d] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  // The same answer whether the code is unknown or the digits do not match.
  if (!d || !d.contactPhone || !d.contactPhone.endsWith(digits.slice(-4))) throw new AppError('TRACKING_NOT_FOUND');
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
