// Processing (issue 7, issue 15): the satisfaction rating — once, by the applicant, after the
// result was returned — by criteria as the national portal asks it (src/common/rating.ts: each
// criterion a level, the overall level their lowest), and the rating a dossier's detail shows.
import { eq } from 'drizzle-orm';
import { DOSSIER_STATUS } from '../../../common/dossier-status.js';
import {
  isRatingLevel,
  isSatisfied,
  overallLevel,
  RATING_CRITERIA,
  RATING_CRITERION_KEYS,
  RATING_LEVEL_LABELS,
  type RatingCriteria,
  type RatingLevel,
} from '../../../common/rating.js';
import { cleanText } from '../../../common/text.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { lockDossier } from './processing.js';
import { dossierRatings } from './tables.js';

/** The criteria as sent, or the stable error: every criterion needs a level 1..3. */
export function checkCriteria(raw: Partial<Record<string, unknown>>): RatingCriteria {
  const missing = RATING_CRITERION_KEYS.filter((k) => raw[k] === undefined || raw[k] === null);
  if (missing.length) throw new AppError('RATING_CRITERION_MISSING', { details: { criteria: missing } });
  const bad = RATING_CRITERION_KEYS.filter((k) => !isRatingLevel(raw[k]));
  if (bad.length) throw new AppError('RATING_INVALID', { details: { criteria: bad } });
  return Object.fromEntries(RATING_CRITERION_KEYS.map((k) => [k, raw[k]])) as RatingCriteria;
}

/** Đánh giá mức độ hài lòng: once, by the applicant, after the result was returned. */
export async function rate(ctx: Ctx, id: string, rawCriteria: Partial<Record<string, unknown>>, rawComment?: string | null) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  const criteria = checkCriteria(rawCriteria);
  const rating = overallLevel(criteria);
  const comment = cleanText(rawComment ?? '').slice(0, 1000) || null;
  return ctx.deps.db.transaction(async (tx) => {
    const d = await lockDossier(tx, id);
    if (d.applicantId !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
    if (d.status !== DOSSIER_STATUS.RESULT_RETURNED) throw new AppError('RATING_NOT_YET');
    const [inserted] = await tx
      .insert(dossierRatings)
      .values({
        dossierId: d.id,
        agencyId: d.agencyId,
        applicantId: actor.userId,
        rating,
        accessLevel: criteria.access,
        timeLevel: criteria.time,
        staffLevel: criteria.staff,
        resultLevel: criteria.result,
        comment,
        at: ctx.deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) throw new AppError('RATING_EXISTS');
    await writeAudit(tx, ctx, { action: 'dossier.rate', entityType: 'dossier', entityId: d.id, agencyId: d.agencyId, after: { rating, criteria, comment } });
    return viewOf(inserted);
  });
}

type RatingRow = typeof dossierRatings.$inferSelect;

function viewOf(r: RatingRow) {
  const levels: Record<string, number | null> = { access: r.accessLevel, time: r.timeLevel, staff: r.staffLevel, result: r.resultLevel };
  const hasCriteria = RATING_CRITERION_KEYS.every((k) => levels[k] !== null);
  return {
    rating: r.rating,
    label: RATING_LEVEL_LABELS[r.rating as RatingLevel],
    satisfied: isSatisfied(r.rating),
    // A rating given before criteria existed (migration 0022) has its overall level only.
    criteria: hasCriteria
      ? RATING_CRITERIA.map((c) => ({ key: c.key, label: c.label, level: levels[c.key]!, levelLabel: RATING_LEVEL_LABELS[levels[c.key] as RatingLevel] }))
      : null,
    comment: r.comment,
    at: r.at.toISOString(),
  };
}

export async function ratingOf(db: DbOrTx, dossierId: string) {
  const [r] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
  return r ? viewOf(r) : null;
}
