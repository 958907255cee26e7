// Processing (issue 7, issue 15): the unit statistics — the satisfaction and on-time figures of
// the officer's agencies. A rating counts as satisfied by its overall level, the lowest of its
// criteria (src/common/rating.ts; kept in dossier_ratings.rating, which a CHECK ties to the
// criteria); ratings given before criteria existed count by the one level they gave.
import { count, inArray, sql, type AnyColumn } from 'drizzle-orm';
import { RATING_CRITERIA, RATING_LEVELS } from '../../../common/rating.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { officer } from './access.js';
import { unitsOf, workAgencyIds } from './officer-scope.js';
import { dossierRatings, dossiers } from './tables.js';

const CRITERION_COLUMNS: Record<(typeof RATING_CRITERIA)[number]['key'], AnyColumn> = {
  access: dossierRatings.accessLevel,
  time: dossierRatings.timeLevel,
  staff: dossierRatings.staffLevel,
  result: dossierRatings.resultLevel,
};

/** The satisfaction and on-time figures of the officer's agencies (what feeds the unit statistics). */
export async function unitStatistics(ctx: Ctx) {
  const actor = officer(ctx);
  const units = await unitsOf(ctx, actor);
  const agencyIds = workAgencyIds(units);
  if (!agencyIds.length) throw new AppError('NO_RECEIVING_UNIT');
  const db = ctx.deps.db;
  const satisfied = RATING_LEVELS.SATISFIED;
  const perCriterion = Object.fromEntries(
    RATING_CRITERIA.flatMap((c) => {
      const col = CRITERION_COLUMNS[c.key];
      return [
        [`${c.key}Rated`, sql<number>`count(${col})`],
        [`${c.key}Satisfied`, sql<number>`count(*) filter (where ${col} >= ${satisfied})`],
      ];
    }),
  ) as Record<string, ReturnType<typeof sql<number>>>;
  const [ratings] = await db
    .select({
      total: count(),
      veryGood: sql<number>`count(*) filter (where ${dossierRatings.rating} = 3)`,
      good: sql<number>`count(*) filter (where ${dossierRatings.rating} = 2)`,
      bad: sql<number>`count(*) filter (where ${dossierRatings.rating} = 1)`,
      satisfied: sql<number>`count(*) filter (where ${dossierRatings.rating} >= ${satisfied})`,
      ...perCriterion,
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
  const r = (ratings ?? {}) as Record<string, unknown>;
  const total = n(r.total);
  return {
    ratings: {
      total,
      veryGood: n(r.veryGood),
      good: n(r.good),
      bad: n(r.bad),
      satisfiedShare: total ? n(r.satisfied) / total : null,
      criteria: RATING_CRITERIA.map((c) => {
        const rated = n(r[`${c.key}Rated`]);
        return { key: c.key, label: c.label, rated, satisfiedShare: rated ? n(r[`${c.key}Satisfied`]) / rated : null };
      }),
    },
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
