// Dossier codes (mã hồ sơ): <agency identifier>-<yyMMdd>-<NNNN>, e.g. 000.00.32.H19-210708-0032
// (DOMAIN-NOTES "ID and code formats"): NNNN counts that agency's dossiers of the day, from 0001,
// with no gaps and no duplicates.
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { vnDate } from '../../platform/workdays.js';
import { dossierCounters } from './tables.js';

export function formatDossierCode(agencyCode: string, day: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`dossier number must be ≥ 1: ${n}`);
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(4, '0')}`;
}

/**
 * The next code of the agency for the day of `now` in Vietnam. Must run inside the transaction
 * that stores the dossier: the counter row stays locked until it commits or rolls back.
 */
export async function nextDossierCode(tx: DbOrTx, agency: { id: string; code: string }, now: Date): Promise<string> {
  const day = vnDate(now);
  const [row] = rowsOf<{ last: number }>(
    await tx.execute(sql`
      insert into ${dossierCounters} (agency_id, day, last) values (${agency.id}, ${day}, 1)
      on conflict (agency_id, day) do update set last = ${dossierCounters}.last + 1
      returning last`),
  );
  return formatDossierCode(agency.code, day, Number(row!.last));
}
