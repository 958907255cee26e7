// Processing (issue 7): the satisfaction ratings — once, by the applicant, after the result was
// returned — and the rating a dossier's detail shows.
import { eq } from 'drizzle-orm';
import { DOSSIER_STATUS } from '../../../common/dossier-status.js';
import { cleanText } from '../../../common/text.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { lockDossier } from './processing.js';
import { dossierRatings } from './tables.js';

export const RATING_LABELS: Record<number, string> = { 3: 'Rất hài lòng', 2: 'Hài lòng', 1: 'Không hài lòng' };

/** Đánh giá mức độ hài lòng: once, by the applicant, after the result was returned. */
export async function rate(ctx: Ctx, id: string, rating: number, rawComment?: string | null) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (![1, 2, 3].includes(rating)) throw new AppError('RATING_INVALID');
  const comment = cleanText(rawComment ?? '').slice(0, 1000) || null;
  return ctx.deps.db.transaction(async (tx) => {
    const d = await lockDossier(tx, id);
    if (d.applicantId !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
    if (d.status !== DOSSIER_STATUS.RESULT_RETURNED) throw new AppError('RATING_NOT_YET');
    const inserted = await tx
      .insert(dossierRatings)
      .values({ dossierId: d.id, agencyId: d.agencyId, applicantId: actor.userId, rating, comment, at: ctx.deps.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw new AppError('RATING_EXISTS');
    await writeAudit(tx, ctx, { action: 'dossier.rate', entityType: 'dossier', entityId: d.id, agencyId: d.agencyId, after: { rating, comment } });
    return { rating, label: RATING_LABELS[rating]!, comment };
  });
}

export async function ratingOf(db: DbOrTx, dossierId: string) {
  const [r] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
  return r ? { rating: r.rating, label: RATING_LABELS[r.rating]!, comment: r.comment, at: r.at.toISOString() } : null;
}
