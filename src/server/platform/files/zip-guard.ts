// The one gate for uploads that are zip archives (.docx and .xlsx are zip files: OOXML). It runs
// before any other library (file-type, exceljs) opens the bytes, so that a "zip bomb" (2 MB that
// unpacks to 2 GB) is refused without ever being unpacked beyond the limits below.
//
// Three passes over the archive, each cheap enough to run on every upload:
//  1. the central directory (yauzl): entry count, each entry's declared uncompressed size, their
//     total, and each entry's compression ratio; encrypted entries and methods other than
//     stored/deflate are refused (OOXML never uses them: an encrypted Office file is not a zip);
//  2. the layout: every entry's local header must sit where the central directory says, name the
//     same file with the same sizes, and the entries must follow each other from byte 0 to the
//     central directory without overlapping and without hidden bytes between them (overlapping
//     entries are how non-recursive zip bombs multiply one compressed block; hidden local headers
//     are what a streaming unzipper would read instead of what we checked);
//  3. the data: each entry is actually inflated as a stream, counting bytes and discarding them;
//     reading stops as soon as an entry passes its declared size (yauzl's validateEntrySizes: a
//     central directory that lies about sizes gets no further) or the budget. Nothing inflated is
//     kept, except an Office "embeddings/" part that is itself an archive (an Excel table inside a
//     Word form): it is kept (within the budget) and checked the same way, one level deep. Any other
//     archive inside the archive is refused.
//
// Memory therefore stays at the upload itself plus one inflate window, whatever the archive claims.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { writeAudit } from '../audit.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

export interface ZipLimits {
  /** Most entries (parts and folders) the archive may list. */
  maxEntries: number;
  /** Most uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Most uncompressed bytes of all entries together, nested archives included. */
  maxTotalBytes: number;
  /** Highest uncompressed : compressed ratio of one entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries up to this size are not held to `maxRatio` (tiny XML parts compress very well and harm nothing). */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/**
 * The limits per kind of Office file (docs/decisions/0014-zip-bomb-guard.md has the measurements).
 * Every upload route caps the file itself at 5 MB:
 * - xlsx, the officer list (at most 5,000 rows of 5 columns, ≈ 1.3 MB of XML as exceljs writes it):
 *   20 MiB, since exceljs then parses all of it in memory (measured: ≈ 250 MB of RSS for 20 MiB of
 *   sheet XML, ≈ 580 MB for 50 MiB);
 * - docx, an ID scan (two photos, which do not compress) or a form template: 30 MiB;
 * - 2,000 entries (a Word file has ≈ 15 parts plus its images);
 * - 200 : 1 for an entry over 1 MiB (XML compresses 5–30 : 1, photos ≈ 1 : 1; only long runs of
 *   identical bytes, what bombs are made of, approach deflate's maximum of ≈ 1,030 : 1).
 */
export const OFFICE_ZIP_LIMITS = {
  xlsx: { maxEntries: 2000, maxEntryBytes: 20 * MiB, maxTotalBytes: 20 * MiB, maxRatio: 200, ratioFloorBytes: 1 * MiB },
  docx: { maxEntries: 2000, maxEntryBytes: 30 * MiB, maxTotalBytes: 30 * MiB, maxRatio: 200, ratioFloorBytes: 1 * MiB },
} as const satisfies Record<string, ZipLimits>;

export type OfficeKind = keyof typeof OFFICE_ZIP_LIMITS;

/** Why an archive unpacks beyond the limits (FILE_ARCHIVE_TOO_LARGE). */
export type ZipTooLargeReason = 'entries' | 'entry-size' | 'total-size' | 'ratio' | 'size-mismatch' | 'nested-archive';
/** Why an archive cannot be read safely (the caller answers with its file-type error). */
export type ZipInvalidReason = 'corrupt' | 'encrypted' | 'unsupported-compression' | 'layout';

export type ZipVerdict =
  | { kind: 'ok'; entries: number; uncompressedBytes: number }
  | { kind: 'invalid'; reason: ZipInvalidReason; detail: string }
  | { kind: 'too-large'; reason: ZipTooLargeReason; limit: number; entry?: string };

const LOCAL_HEADER = 0x04034b50;
/** A data descriptor after an entry's data: 12 or 16 bytes, 20 or 24 with zip64 sizes. */
const MAX_DESCRIPTOR_BYTES = 24;
/** Where embedded objects live in an Office file (word/embeddings/, xl/embeddings/, ppt/embeddings/). */
const EMBEDDINGS = /^[a-z]+\/embeddings\//i;
const NESTED_DEPTH = 1;

/** Whether the bytes begin like a zip archive (a local file header, or the end record of an empty one). */
export function startsLikeZip(data: Buffer): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6));
}

const invalid = (reason: ZipInvalidReason, detail: string): ZipVerdict => ({ kind: 'invalid', reason, detail });
const tooLarge = (reason: ZipTooLargeReason, limit: number, entry?: string): ZipVerdict => ({ kind: 'too-large', reason, limit, ...(entry ? { entry } : {}) });

/**
 * Checks an archive against the limits without keeping what it unpacks (see the file comment).
 * Never throws for bad bytes: the verdict says what is wrong.
 */
export async function inspectZip(data: Buffer, limits: ZipLimits): Promise<ZipVerdict> {
  return inspect(data, limits, 0);
}

async function inspect(data: Buffer, limits: ZipLimits, depth: number): Promise<ZipVerdict> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
  } catch (err) {
    return invalid('corrupt', message(err));
  }
  try {
    // The central directory starts where yauzl's cursor stands before the first entry is read.
    const centralDirectoryOffset = (zip as unknown as { readEntryCursor: unknown }).readEntryCursor;
    if (typeof centralDirectoryOffset !== 'number') return invalid('corrupt', 'central directory offset unknown');
    if (zip.entryCount > limits.maxEntries) return tooLarge('entries', limits.maxEntries);

    // 1. The central directory.
    const entries: Entry[] = [];
    let declaredTotal = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        if (entries.length > limits.maxEntries) return tooLarge('entries', limits.maxEntries);
        if (entry.isEncrypted()) return invalid('encrypted', entry.fileName);
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return invalid('unsupported-compression', `${entry.fileName}: method ${entry.compressionMethod}`);
        const size = entry.uncompressedSize;
        if (size > limits.maxEntryBytes) return tooLarge('entry-size', limits.maxEntryBytes, entry.fileName);
        declaredTotal += size;
        if (declaredTotal > limits.maxTotalBytes) return tooLarge('total-size', limits.maxTotalBytes, entry.fileName);
        if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(entry.compressedSize, 1)) return tooLarge('ratio', limits.maxRatio, entry.fileName);
      }
    } catch (err) {
      return invalid(/encryption/.test(message(err)) ? 'encrypted' : 'corrupt', message(err));
    }

    // 2. The layout.
    const layout = await checkLayout(zip, entries, centralDirectoryOffset);
    if (layout) return layout;

    // 3. The data, inflated and counted.
    let budget = limits.maxTotalBytes;
    for (const entry of entries) {
      const nestedAllowed = depth < NESTED_DEPTH && EMBEDDINGS.test(entry.fileName);
      const limit = Math.min(limits.maxEntryBytes, budget);
      const read = await inflateCounted(zip, entry, limit, limit < limits.maxEntryBytes ? 'total-size' : 'entry-size', nestedAllowed);
      if ('kind' in read) return read;
      budget -= read.bytes;
      if (read.nested) {
        if (!nestedAllowed) return tooLarge('nested-archive', NESTED_DEPTH, entry.fileName);
        const inner = await inspect(read.nested, { ...limits, maxTotalBytes: budget }, depth + 1);
        if (inner.kind === 'invalid') return invalid(inner.reason, `${entry.fileName}: ${inner.detail}`);
        if (inner.kind === 'too-large') return tooLarge(inner.reason, inner.reason === 'total-size' ? limits.maxTotalBytes : inner.limit, `${entry.fileName}/${inner.entry ?? ''}`);
        budget -= inner.uncompressedBytes;
      }
    }
    return { kind: 'ok', entries: entries.length, uncompressedBytes: limits.maxTotalBytes - budget };
  } finally {
    zip.close();
  }
}

/** Step 2: local headers agree with the central directory, and the entries tile the file. */
async function checkLayout(zip: ZipFile, entries: readonly Entry[], centralDirectoryOffset: number): Promise<ZipVerdict | null> {
  const spans: { start: number; end: number; slack: number; name: string }[] = [];
  for (const entry of entries) {
    let header: yauzl.LocalFileHeader;
    try {
      header = await zip.readLocalFileHeaderPromise(entry);
    } catch (err) {
      return invalid('corrupt', `${entry.fileName}: ${message(err)}`);
    }
    if (!header.fileName.equals(entry.fileNameRaw)) return invalid('layout', `${entry.fileName}: local header names another file`);
    if (header.compressionMethod !== entry.compressionMethod) return invalid('layout', `${entry.fileName}: local header has another compression method`);
    const descriptor = (header.generalPurposeBitFlag & 0x8) !== 0;
    const zip64 = header.compressedSize === 0xffffffff || header.uncompressedSize === 0xffffffff;
    if (!descriptor && !zip64 && (header.compressedSize !== entry.compressedSize || header.uncompressedSize !== entry.uncompressedSize)) {
      return invalid('layout', `${entry.fileName}: local header declares other sizes`);
    }
    spans.push({
      start: entry.relativeOffsetOfLocalHeader,
      end: header.fileDataStart + entry.compressedSize,
      slack: descriptor ? MAX_DESCRIPTOR_BYTES : 0,
      name: entry.fileName,
    });
  }
  spans.sort((a, b) => a.start - b.start);
  let cursor = 0;
  let slack = 0;
  for (const s of spans) {
    if (s.start < cursor) return invalid('layout', `${s.name}: overlaps the entry before it`);
    if (s.start > cursor + slack) return invalid('layout', `${s.name}: unlisted bytes before it`);
    cursor = s.end;
    slack = s.slack;
  }
  if (centralDirectoryOffset < cursor) return invalid('layout', 'the central directory overlaps an entry');
  if (centralDirectoryOffset > cursor + slack) return invalid('layout', 'unlisted bytes before the central directory');
  return null;
}

/**
 * Step 3 for one entry: inflates it, counting and discarding, and stops past `limit` (answered
 * with `over`). Keeps the bytes only when `keepArchive` and the entry turns out to be an archive.
 */
async function inflateCounted(
  zip: ZipFile,
  entry: Entry,
  limit: number,
  over: ZipTooLargeReason,
  keepArchive: boolean,
): Promise<ZipVerdict | { bytes: number; nested: Buffer | null }> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    return invalid('corrupt', `${entry.fileName}: ${message(err)}`);
  }
  let bytes = 0;
  let head = Buffer.alloc(0);
  let isArchive: boolean | null = null; // known once 4 bytes are in
  const kept: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) return tooLarge(over, limit, entry.fileName);
      if (isArchive === null) {
        head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
        if (head.length === 4) {
          isArchive = head.readUInt32LE(0) === LOCAL_HEADER;
          if (isArchive && !keepArchive) return { bytes, nested: head };
          if (!isArchive) kept.length = 0;
        }
      }
      if (isArchive !== false) kept.push(chunk);
    }
  } catch (err) {
    const text = message(err);
    // yauzl's validateEntrySizes: the data inflates to more than the central directory declared.
    if (text.startsWith('too many bytes')) return tooLarge('size-mismatch', entry.uncompressedSize, entry.fileName);
    return invalid('corrupt', `${entry.fileName}: ${text}`);
  } finally {
    stream.destroy();
  }
  return { bytes, nested: isArchive ? Buffer.concat(kept) : null };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------
// For upload routes

/** Buffers that passed guardArchiveUpload, so that putUpload can refuse to store an unchecked archive. */
const checked = new WeakSet<Buffer>();

export function archiveWasChecked(data: Buffer): boolean {
  return checked.has(data);
}

/**
 * The gate every route that accepts an Office file calls first, before detecting the type:
 * - 'not-zip': not an archive; the caller's own checks decide;
 * - 'ok': an archive within the limits of `kind`;
 * - 'invalid': an archive that cannot be read safely (corrupt, encrypted, entries that overlap or
 *   hide bytes); the caller answers with its file-type error.
 * Throws FILE_ARCHIVE_TOO_LARGE (413) when it unpacks beyond the limits, after writing an audit row
 * `file.upload_refused` (who tried, the file's name and size, which limit).
 */
export async function guardArchiveUpload(
  ctx: Ctx,
  file: { data: Buffer; fileName: string },
  opts: { kind: OfficeKind; purpose: string },
): Promise<'not-zip' | 'ok' | 'invalid'> {
  if (!startsLikeZip(file.data)) return 'not-zip';
  const limits = OFFICE_ZIP_LIMITS[opts.kind];
  const verdict = await inspectZip(file.data, limits);
  if (verdict.kind === 'ok') {
    checked.add(file.data);
    return 'ok';
  }
  if (verdict.kind === 'invalid') {
    ctx.deps.log.info({ reason: verdict.reason, detail: verdict.detail, purpose: opts.purpose }, 'unreadable archive refused');
    return 'invalid';
  }
  const details = { reason: verdict.reason, limit: verdict.limit, ...(verdict.entry ? { entry: verdict.entry.slice(0, 200) } : {}) };
  try {
    await writeAudit(ctx.deps.db, ctx, {
      action: 'file.upload_refused',
      entityType: 'stored_file',
      after: { purpose: opts.purpose, originalName: file.fileName.normalize('NFC').slice(0, 200), size: file.data.length, code: 'FILE_ARCHIVE_TOO_LARGE', ...details },
    });
  } catch (err) {
    ctx.deps.log.warn({ err }, 'could not write the refused-upload audit row');
  }
  throw new AppError('FILE_ARCHIVE_TOO_LARGE', { details });
}
