// What the public portal may know about the dossiers (issue 15): counts only, never a person.
// - dossierCountsByProcedure: dossiers filed per procedure code since a moment ("Thủ tục được sử
//   dụng nhiều nhất" on the home page);
// - publicFigures: the year's handling figures (received, resolved, on time, online, satisfied).
// The procedures module asks for them through app.ts (the catalogue does not import dossiers).
import { and, count, desc, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dossierRatings, dossiers } from './tables.js';

/** Dossiers filed (submitted, online or at the desk) for each procedure code since `since`, most first. */
export async function dossierCountsByProcedure(db: DbOrTx, since: Date, limit: number): Promise<{ procedureCode: string; dossiers: number }[]> {
  const n = count();
  const rows = await db
    .select({ procedureCode: dossiers.procedureCode, n })
    .from(dossiers)
    .where(gte(dossiers.submittedAt, since))
    .groupBy(dossiers.procedureCode)
    .orderBy(desc(n), dossiers.procedureCode)
    .limit(limit);
  return rows.map((r) => ({ procedureCode: r.procedureCode, dossiers: Number(r.n) }));
}

export interface DossierFigures {
  received: number;
  receivedOnline: number;
  resolved: number;
  resolvedOnTime: number;
  ratings: number;
  satisfied: number;
}

/** Aggregate figures of the dossiers received, resolved and rated since `since`. */
export async function publicFigures(db: DbOrTx, since: Date): Promise<DossierFigures> {
  const [d] = await db
    .select({
      received: sql<number>`count(*) filter (where ${dossiers.receivedAt} >= ${since})`,
      receivedOnline: sql<number>`count(*) filter (where ${dossiers.receivedAt} >= ${since} and ${dossiers.channel} = 2)`,
      resolved: sql<number>`count(*) filter (where ${dossiers.finishedAt} >= ${since})`,
      resolvedOnTime: sql<number>`count(*) filter (where ${dossiers.finishedAt} >= ${since} and ${dossiers.onTime})`,
    })
    .from(dossiers)
    .where(and(sql`(${dossiers.receivedAt} >= ${since} or ${dossiers.finishedAt} >= ${since})`));
  const [r] = await db
    .select({ total: count(), satisfied: sql<number>`count(*) filter (where ${dossierRatings.rating} >= 2)` })
    .from(dossierRatings)
    .where(gte(dossierRatings.at, since));
  const n = (v: unknown) => Number(v ?? 0);
  return {
    received: n(d?.received),
    receivedOnline: n(d?.receivedOnline),
    resolved: n(d?.resolved),
    resolvedOnTime: n(d?.resolvedOnTime),
    ratings: n(r?.total),
    satisfied: n(r?.satisfied),
  };
}
