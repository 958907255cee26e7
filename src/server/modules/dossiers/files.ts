// Papers of a dossier (scans, photos, PDFs) and of a citizen's Kho dữ liệu: checked by content,
// stored in the blob store, one stored_files row each.
import { and, eq, inArray } from 'drizzle-orm';
import { cleanText } from '../../../common/text.js';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { describeKind } from '../../platform/files/detect.js';
import { putUpload } from '../../platform/files/stored.js';
import { storedFiles } from '../../platform/tables.js';
import { fileTypeFromBuffer } from 'file-type';
import { citizenDocuments } from './tables.js';

export const PAPER_MAX_BYTES = 10 * 1024 * 1024;
const PAPER_EXTS = ['pdf', 'jpg', 'png'];
export const PAPER_PURPOSE = 'dossier-paper';

export interface StoredPaper {
  id: string;
  fileName: string;
  size: number;
  type: string;
}

/** Stores one paper (pdf, jpg or png, ≤ 10 MB) uploaded by the actor. */
export async function storePaper(ctx: Ctx, actor: Actor, file: { filename: string; data: Buffer }, tx?: DbOrTx): Promise<StoredPaper> {
  if (file.data.length === 0) throw new AppError('FILE_EMPTY');
  if (file.data.length > PAPER_MAX_BYTES) throw new AppError('PAPER_TOO_LARGE');
  const t = await fileTypeFromBuffer(file.data);
  if (!t || !PAPER_EXTS.includes(t.ext)) {
    throw new AppError('PAPER_TYPE_NOT_ALLOWED', {
      message: `File "${cleanText(file.filename)}" là ${describeKind(t)}, không phải PDF, JPG hoặc PNG. Hãy tải lên bản quét (scan) hoặc ảnh chụp của giấy tờ.`,
      details: { detected: t?.ext ?? null },
    });
  }
  const originalName = cleanText(file.filename).slice(0, 200) || `giay-to.${t.ext}`;
  const row = await putUpload(ctx, file.data, { originalName, ext: t.ext, mime: t.mime, purpose: PAPER_PURPOSE, keyPrefix: 'papers', uploadedBy: actor.userId });
  const { id } = row;
  const write = async (w: DbOrTx) => {
    await w.insert(storedFiles).values(row);
    await writeAudit(w, ctx, { action: 'file.upload', entityType: 'stored_file', entityId: id, after: { ...row, storageKey: undefined } });
  };
  if (tx) await write(tx);
  else await ctx.deps.db.transaction(write);
  return { id, fileName: row.originalName, size: row.size, type: t.ext };
}

export async function filesByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(storedFiles).where(inArray(storedFiles.id, [...ids]));
}

/**
 * Files the citizen may put in a dossier: papers they uploaded themselves, and files in their Kho
 * dữ liệu (including results issued to them). Throws FILE_NOT_FOUND for any other.
 */
export async function assertCitizenMayUse(db: DbOrTx, citizenId: string, fileIds: readonly string[]): Promise<void> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return;
  const [files, stored] = await Promise.all([
    filesByIds(db, ids),
    db
      .select({ fileId: citizenDocuments.fileId })
      .from(citizenDocuments)
      .where(and(eq(citizenDocuments.ownerId, citizenId), inArray(citizenDocuments.fileId, ids))),
  ]);
  const inStore = new Set(stored.map((s) => s.fileId));
  const ok = new Set(files.filter((f) => (f.purpose === PAPER_PURPOSE && f.uploadedBy === citizenId) || inStore.has(f.id)).map((f) => f.id));
  const missing = ids.filter((id) => !ok.has(id));
  if (missing.length) throw new AppError('FILE_NOT_FOUND', { details: { fileIds: missing } });
}

/** Papers an officer scanned themselves (desk reception). */
export async function assertOfficerUploaded(db: DbOrTx, officerId: string, fileIds: readonly string[]): Promise<void> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return;
  const files = await filesByIds(db, ids);
  const ok = new Set(files.filter((f) => f.purpose === PAPER_PURPOSE && f.uploadedBy === officerId).map((f) => f.id));
  const missing = ids.filter((id) => !ok.has(id));
  if (missing.length) throw new AppError('FILE_NOT_FOUND', { details: { fileIds: missing } });
}
