// Số liệu công khai (issue 15): the year's figures the portal's home page shows to anyone — how
// many dossiers were received and resolved, the on-time, online and satisfaction shares, and how
// many procedures are in force. Aggregates only; the counts of dossiers are the dossiers module's
// answer (dossiers/usage.ts publicFigures), handed over by app.ts.
import type { DbOrTx } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { vnDate } from '../../platform/workdays.js';
import { catalogueCounts } from './service.js';

export type FigureCounts = (
  db: DbOrTx,
  since: Date,
) => Promise<{ received: number; receivedOnline: number; resolved: number; resolvedOnTime: number; ratings: number; satisfied: number }>;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function publicFiguresOf(db: DbOrTx, clock: Clock, counts: FigureCounts) {
  const now = clock.now();
  const year = Number(vnDate(now).slice(0, 4));
  const from = `${year}-01-01`;
  // 1 January, 00:00 in Vietnam (UTC+7, no daylight saving).
  const since = new Date(`${from}T00:00:00+07:00`);
  const [d, c] = await Promise.all([counts(db, since), catalogueCounts(db, clock)]);
  return {
    year,
    from,
    countedAt: now.toISOString(),
    received: d.received,
    receivedOnline: d.receivedOnline,
    resolved: d.resolved,
    resolvedOnTime: d.resolvedOnTime,
    onTimeShare: share(d.resolvedOnTime, d.resolved),
    onlineShare: share(d.receivedOnline, d.received),
    ratings: d.ratings,
    satisfiedShare: share(d.satisfied, d.ratings),
    ...c,
  };
}
