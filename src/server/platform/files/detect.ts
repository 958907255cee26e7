// Upload type checks by content (magic bytes), never by file name or the client's content type.
import { fileTypeFromBuffer } from 'file-type';

export interface Detected {
  ext: string;
  mime: string;
}

const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/**
 * Detects pdf, docx and legacy doc. A .doc is an OLE compound file (file-type says "cfb") that
 * holds a "WordDocument" stream; other compound files (xls, msg) are not Word documents.
 * Bytes that start like a zip (docx) must have passed guardArchiveUpload (zip-guard.ts) first.
 */
export async function detectDocument(data: Buffer): Promise<Detected | undefined> {
  const t = await fileTypeFromBuffer(data);
  if (!t) return undefined;
  if (t.ext === 'cfb') {
    return data.includes(WORD_STREAM) ? { ext: 'doc', mime: 'application/msword' } : { ext: 'cfb', mime: t.mime };
  }
  return { ext: t.ext, mime: t.mime };
}

/**
 * What a zip archive is said to be when guardArchiveUpload (zip-guard.ts) found it unreadable
 * (corrupt, encrypted, entries that overlap): it is refused like any other wrong type.
 */
export const UNREADABLE_ARCHIVE: Detected = { ext: 'zip-unreadable', mime: 'application/zip' };

/** Vietnamese name of what a refused file really is, for the error message. */
export function describeKind(d: Detected | undefined): string {
  if (!d) return 'không xác định được định dạng';
  if (d.ext === UNREADABLE_ARCHIVE.ext) return 'tệp nén bị hỏng hoặc không đọc được';
  const images = ['jpg', 'png', 'gif', 'webp', 'bmp', 'tif', 'heic', 'avif'];
  if (images.includes(d.ext)) return `ảnh ${d.ext.toUpperCase()}`;
  return `định dạng ${d.ext.toUpperCase()}`;
}
