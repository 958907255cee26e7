// Issue 15, two tabs on one online draft: every save raises the draft's version, and a save or a
// submission from a tab that holds another version than the server's is refused with 409
// DRAFT_VERSION_CONFLICT (details: the current version, or null when the draft is gone — submitted
// or discarded elsewhere) instead of silently overwriting. Sending the current version overwrites
// knowingly ("Giữ nội dung của tôi"). A request without a version (API clients written before the
// check) is not checked: last write wins, as before. The refusal leaves an audit row with versions
// only (no form content).
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { dossierDrafts } from './tables.js';

interface DraftKey {
  applicantId: string;
  procedureId: string;
  procedureCode: string;
}

interface DraftContent {
  agencyId: string | null;
  formData: Record<string, unknown>;
  documents: unknown[];
}

const ofDraft = (k: DraftKey) => and(eq(dossierDrafts.applicantId, k.applicantId), eq(dossierDrafts.procedureId, k.procedureId));

/** Writes the draft if `baseVersion` is still the server's (undefined: unchecked); answers the new version. */
export async function writeDraftVersioned(ctx: Ctx, k: DraftKey, content: DraftContent, baseVersion: number | null | undefined, now: Date): Promise<number> {
  const db = ctx.deps.db;
  const set = { ...content, updatedAt: now, version: sql`${dossierDrafts.version} + 1` };
  const fresh = { id: newId(), applicantId: k.applicantId, procedureId: k.procedureId, ...content, version: 1, createdAt: now, updatedAt: now };
  let rows: { version: number }[];
  if (baseVersion === undefined) {
    rows = await db
      .insert(dossierDrafts)
      .values(fresh)
      .onConflictDoUpdate({ target: [dossierDrafts.applicantId, dossierDrafts.procedureId], set })
      .returning({ version: dossierDrafts.version });
  } else if (baseVersion === null) {
    // The tab knows of no draft: only a first draft is written.
    rows = await db
      .insert(dossierDrafts)
      .values(fresh)
      .onConflictDoNothing({ target: [dossierDrafts.applicantId, dossierDrafts.procedureId] })
      .returning({ version: dossierDrafts.version });
  } else {
    rows = await db
      .update(dossierDrafts)
      .set(set)
      .where(and(ofDraft(k), eq(dossierDrafts.version, baseVersion)))
      .returning({ version: dossierDrafts.version });
  }
  if (!rows[0]) await refuseStale(ctx, db, k, baseVersion ?? null, 'save');
  return rows[0]!.version;
}

/** Before a submission: the tab's draft version must be the server's (undefined: unchecked). */
export async function assertDraftVersion(ctx: Ctx, k: DraftKey, draftVersion: number | null | undefined): Promise<void> {
  if (draftVersion === undefined) return;
  const current = await currentDraft(ctx.deps.db, k);
  if ((current?.version ?? null) !== draftVersion) await refuseStale(ctx, ctx.deps.db, k, draftVersion, 'submit');
}

/**
 * Inside the submission's transaction: removes the draft, refusing (the transaction rolls back) if
 * another tab saved it between the check above and now.
 */
export async function removeDraftAtVersion(tx: DbOrTx, k: DraftKey, draftVersion: number | null | undefined): Promise<void> {
  const gone = await tx.delete(dossierDrafts).where(ofDraft(k)).returning({ version: dossierDrafts.version });
  if (draftVersion === undefined) return;
  const was = gone[0]?.version ?? null;
  if (was !== draftVersion) throw new AppError('DRAFT_VERSION_CONFLICT', { details: { currentVersion: was } });
}

async function currentDraft(db: DbOrTx, k: DraftKey) {
  const [d] = await db.select({ id: dossierDrafts.id, version: dossierDrafts.version, updatedAt: dossierDrafts.updatedAt }).from(dossierDrafts).where(ofDraft(k));
  return d ?? null;
}

async function refuseStale(ctx: Ctx, db: DbOrTx, k: DraftKey, heldVersion: number | null, operation: 'save' | 'submit'): Promise<never> {
  const current = await currentDraft(db, k);
  await writeAudit(db, ctx, {
    action: 'dossier.draft_conflict',
    entityType: 'dossier_draft',
    entityId: current?.id ?? null,
    after: { operation, procedureCode: k.procedureCode, heldVersion, currentVersion: current?.version ?? null },
  });
  throw new AppError('DRAFT_VERSION_CONFLICT', {
    details: { currentVersion: current?.version ?? null, updatedAt: current?.updatedAt.toISOString() ?? null },
  });
}
