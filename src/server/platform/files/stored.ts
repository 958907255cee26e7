// An upload already checked by its caller (size, type by content): its bytes go to the blob store
// and the caller inserts the returned stored_files row inside its own transaction.
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import { newId } from '../ids.js';
import type { storedFiles } from '../tables.js';
import { archiveWasChecked, startsLikeZip } from './zip-guard.js';

export type StoredFileRow = typeof storedFiles.$inferInsert & { id: string; originalName: string; size: number };

export async function putUpload(
  ctx: Ctx,
  data: Buffer,
  meta: { originalName: string; ext: string; mime: string; purpose: string; keyPrefix: string; uploadedBy: string },
): Promise<StoredFileRow> {
  // A programming error, not bad input: every route that may receive an archive (docx) runs
  // guardArchiveUpload on these very bytes first, so that no zip bomb is ever stored.
  if (startsLikeZip(data) && !archiveWasChecked(data)) throw new Error(`putUpload: archive for "${meta.purpose}" stored without guardArchiveUpload`);
  const id = newId();
  const now = ctx.deps.clock.now();
  const storageKey = `${meta.keyPrefix}/${now.toISOString().slice(0, 7)}/${id}`;
  await ctx.deps.blobs.put(storageKey, data);
  return {
    id,
    storageKey,
    originalName: meta.originalName,
    mime: meta.mime,
    ext: meta.ext,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    purpose: meta.purpose,
    uploadedBy: meta.uploadedBy,
    createdAt: now,
  };
}
