// Audit rows are written by the service, inside the same transaction as the change they record.
import type { DbOrTx } from '../db/client.js';
import type { Ctx } from './context.js';
import { newId } from './ids.js';
import { auditLog } from './tables.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  agencyId?: string | null;
  /** For events without a logged-in actor (failed login): who it concerned. */
  actorId?: string | null;
  actorName?: string | null;
}

export async function writeAudit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, ctx, [entry]);
}

/** Many audit rows in few statements (bulk work such as an officer import). */
export async function writeAudits(tx: DbOrTx, ctx: Ctx, entries: readonly AuditEntry[]): Promise<void> {
  const at = ctx.deps.clock.now();
  const rows = entries.map((entry) => ({
    id: newId(),
    at,
    actorId: entry.actorId ?? ctx.actor?.userId ?? null,
    actorName: entry.actorName ?? ctx.actor?.username ?? ctx.actor?.fullName ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    agencyId: entry.agencyId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditLog).values(rows.slice(i, i + 500));
}
