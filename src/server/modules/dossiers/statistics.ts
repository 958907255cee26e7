// Processing (issue 7): the unit statistics — the satisfaction and on-time figures of the officer's
// agencies.
import { count, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { officer } from './access.js';
import { unitsOf, workAgencyIds } from './officer-scope.js';
import { dossierRatings, dossiers } from './tables.js';

/** The satisfaction and on-time figures of the officer's agencies (what feeds the unit statistics). */
export async function unitStatistics(ctx: Ctx) {
  const actor = officer(ctx);
  const units = await unitsOf(ctx, actor);
  const agencyIds = workAgencyIds(units);
  if (!agencyIds.length) throw new AppError('NO_RECEIVING_UNIT');
  const db = ctx.deps.db;
  const [ratings] = await db
    .select({
      total: count(),
      veryGood: sql<number>`count(*) filter (where ${dossierRatings.rating} = 3)`,
      good: sql<number>`count(*) filter (where ${dossierRatings.rating} = 2)`,
      bad: sql<number>`count(*) filter (where ${dossierRatings.rating} = 1)`,
    })
    .from(dossierRatings)
    .where(inArray(dossierRatings.agencyId, agencyIds));
  const [timing] = await db
    .select({
      finished: sql<number>`count(*) filter (where ${dossiers.finishedAt} is not null)`,
      onTime: sql<number>`count(*) filter (where ${dossiers.onTime})`,
      online: sql<number>`count(*) filter (where ${dossiers.channel} = 2)`,
      all: count(),
      avgSubmitSeconds: sql<number | null>`avg(${dossiers.submitSeconds})`,
    })
    .from(dossiers)
    .where(inArray(dossiers.agencyId, agencyIds));
  const n = (v: unknown) => Number(v ?? 0);
  const total = n(ratings?.total);
  return {
    ratings: { total, veryGood: n(ratings?.veryGood), good: n(ratings?.good), bad: n(ratings?.bad), satisfiedShare: total ? (n(ratings?.veryGood) + n(ratings?.good)) / total : null },
    dossiers: {
      total: n(timing?.all),
      online: n(timing?.online),
      finished: n(timing?.finished),
      onTime: n(timing?.onTime),
      onTimeShare: n(timing?.finished) ? n(timing?.onTime) / n(timing?.finished) : null,
      avgLoginToSubmitSeconds: timing?.avgSubmitSeconds == null ? null : Math.round(Number(timing.avgSubmitSeconds)),
    },
  };
}
