// Hồ sơ (issue 6): the citizen's Kho dữ liệu (papers kept for reuse in later filings), and
// downloading a paper — from the store, an upload of one's own, or a dossier one may see.
import { and, desc, eq } from 'drizzle-orm';
import { cleanText } from '../../../common/text.js';
import { DOSSIER_ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { listUnits } from '../agencies/service.js';
import { citizen, officerServes } from './access.js';
import { filesByIds } from './files.js';
import { citizenDocuments, dossierDocuments, dossiers } from './tables.js';

// ---------------------------------------------------------------------------------------------
// Kho dữ liệu

export async function listStore(ctx: Ctx) {
  const actor = citizen(ctx);
  const rows = await ctx.deps.db
    .select()
    .from(citizenDocuments)
    .where(eq(citizenDocuments.ownerId, actor.userId))
    .orderBy(desc(citizenDocuments.createdAt))
    .limit(200);
  const files = new Map((await filesByIds(ctx.deps.db, rows.map((r) => r.fileId))).map((f) => [f.id, f]));
  return rows.map((r) => {
    const f = files.get(r.fileId);
    return { id: r.id, title: r.title, kind: r.kind, fileId: r.fileId, fileName: f?.originalName ?? '', size: f?.size ?? 0, type: f?.ext ?? '', createdAt: r.createdAt.toISOString() };
  });
}

export async function addToStore(ctx: Ctx, title: string, fileId: string) {
  const actor = citizen(ctx);
  const clean = cleanText(title);
  if (clean.length < 2 || clean.length > 200) throw new AppError('STORE_TITLE_INVALID');
  const [file] = await filesByIds(ctx.deps.db, [fileId]);
  if (!file || file.uploadedBy !== actor.userId) throw new AppError('FILE_NOT_FOUND');
  const row = { id: newId(), ownerId: actor.userId, title: clean, kind: 'upload', fileId, dossierId: null, createdAt: ctx.deps.clock.now() };
  await ctx.deps.db.transaction(async (tx) => {
    await tx.insert(citizenDocuments).values(row);
    await writeAudit(tx, ctx, { action: 'store.add', entityType: 'citizen_document', entityId: row.id, after: { title: clean, fileId } });
  });
  return { id: row.id, title: clean, kind: row.kind, fileId, fileName: file.originalName, size: file.size, type: file.ext, createdAt: row.createdAt.toISOString() };
}

export async function removeFromStore(ctx: Ctx, id: string) {
  const actor = citizen(ctx);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('FILE_NOT_FOUND');
  await ctx.deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(citizenDocuments)
      .where(and(eq(citizenDocuments.id, id), eq(citizenDocuments.ownerId, actor.userId)))
      .returning();
    if (!row) throw new AppError('FILE_NOT_FOUND');
    // The file itself stays: dossiers that already hold it keep their copy.
    await writeAudit(tx, ctx, { action: 'store.remove', entityType: 'citizen_document', entityId: id, before: { title: row.title, fileId: row.fileId } });
  });
}

// ---------------------------------------------------------------------------------------------
// Downloading a paper

/** A paper's bytes, for its uploader, the owner of the Kho dữ liệu holding it, or anyone who may see a dossier holding it. */
export async function downloadPaper(ctx: Ctx, fileId: string) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new AppError('FILE_NOT_FOUND');
  const db = ctx.deps.db;
  const [file] = await filesByIds(db, [fileId]);
  if (!file) throw new AppError('FILE_NOT_FOUND');
  let allowed = file.uploadedBy === actor.userId && file.purpose !== 'id-scan';
  if (!allowed && actor.kind !== 'officer') {
    const [inStore] = await db
      .select({ id: citizenDocuments.id })
      .from(citizenDocuments)
      .where(and(eq(citizenDocuments.ownerId, actor.userId), eq(citizenDocuments.fileId, fileId)));
    allowed = !!inStore;
  }
  if (!allowed) {
    const holders = await db
      .select({ applicantId: dossiers.applicantId, agencyId: dossiers.agencyId })
      .from(dossierDocuments)
      .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
      .where(eq(dossierDocuments.fileId, fileId));
    if (actor.kind === 'officer') {
      // The same rule as the dossier itself (authorizeView): whoever may open the dossier may open its papers.
      const units = await listUnits(db, actor.unitIds);
      allowed = DOSSIER_ROLE_PERMISSIONS.some((p) => actor.permissions.has(p)) && holders.some((h) => officerServes(units, h.agencyId));
    } else allowed = holders.some((h) => h.applicantId === actor.userId);
  }
  if (!allowed) throw new AppError('FILE_NOT_FOUND');
  return { name: file.originalName, mime: file.mime, data: await ctx.deps.blobs.get(file.storageKey) };
}
