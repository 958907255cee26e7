// The zip-bomb guard on archives built in the test: real Office files pass; bombs, lying central
// directories, overlapping or hidden entries, encrypted entries and nested archives do not.
import { buffer } from 'node:stream/consumers';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflated, docx, docxParts, stored, zeros, zip } from '../../../../tests/support/zip.js';
import { buildWorkbook, readWorkbook, streamSheet } from './xlsx.js';
import { inspectZip, OFFICE_ZIP_LIMITS, startsLikeZip, type ZipLimits } from './zip-guard.js';

const MiB = 1024 * 1024;
const { xlsx: XLSX, docx: DOCX } = OFFICE_ZIP_LIMITS;

async function streamedWorkbook(rows: number): Promise<Buffer> {
  async function* batches() {
    for (let i = 0; i < rows; i += 500) yield Array.from({ length: Math.min(500, rows - i) }, (_, k) => ({ stt: i + k + 1, name: `Nguyễn Văn ${i + k + 1}` }));
  }
  const out = streamSheet('Danh sách', [{ header: 'STT', key: 'stt' }, { header: 'Họ và tên', key: 'name' }], batches());
  const chunks: Buffer[] = [];
  for await (const c of out) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('real Office files pass', () => {
  it('an .xlsx written by exceljs in memory, with 5,000 rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ stt: i + 1, name: 'Nguyễn Văn An', unit: '000.15.15.H48', id: `0510880${String(i).padStart(5, '0')}`, phone: '0905000111' }));
    const data = await buildWorkbook([{ name: 'Danh sách', columns: ['stt', 'name', 'unit', 'id', 'phone'].map((key) => ({ header: key, key })), rows }]);
    const verdict = await inspectZip(data, XLSX);
    expect(verdict).toMatchObject({ kind: 'ok' });
    expect(verdict.kind === 'ok' && verdict.uncompressedBytes).toBeGreaterThan(data.length);
  });

  it('an .xlsx streamed by exceljs (entries followed by data descriptors)', async () => {
    const data = await streamedWorkbook(2000);
    expect(await inspectZip(data, XLSX)).toMatchObject({ kind: 'ok' });
    expect((await readWorkbook(data))[0]!.rows).toHaveLength(2001);
  });

  it('a .docx, stored or deflated, and one with an Excel table embedded', async () => {
    expect(await inspectZip(docx(), DOCX)).toEqual({ kind: 'ok', entries: 3, uncompressedBytes: docxParts().reduce((n, p) => n + p.size, 0) });
    expect(await inspectZip(zip(docxParts().map((p) => stored(p.name, inflateRawSync(p.body)))), DOCX)).toMatchObject({ kind: 'ok', entries: 3 });
    const table = await buildWorkbook([{ name: 'Bảng', columns: [{ header: 'A', key: 'a' }], rows: [{ a: 1 }] }]);
    expect(await inspectZip(docx([stored('word/embeddings/Microsoft_Excel_Worksheet.xlsx', table)]), DOCX)).toMatchObject({ kind: 'ok', entries: 4 });
  });

  it('an entry that compresses well but is small (under 1 MiB) is not held to the ratio', async () => {
    expect(await inspectZip(docx([deflated('word/padding.xml', Buffer.alloc(MiB))]), DOCX)).toMatchObject({ kind: 'ok' });
  });
});

describe('bombs are refused before they are unpacked', () => {
  it('a .docx whose image unpacks to 2 GiB (declared honestly): refused from the central directory', async () => {
    const bomb = docx([await zeros('word/media/image1.png', 2048)]);
    expect(bomb.length).toBeLessThan(3 * MiB);
    expect(await inspectZip(bomb, DOCX)).toEqual({ kind: 'too-large', reason: 'entry-size', limit: 30 * MiB, entry: 'word/media/image1.png' });
  });

  it('a 2 GiB part whose central directory claims 1 MiB: inflation stops just past 1 MiB', async () => {
    const part = await zeros('xl/worksheets/sheet1.xml', 2048);
    const bomb = zip([deflated('[Content_Types].xml', '<Types/>'), { ...part, declaredSize: MiB }]);
    expect(await inspectZip(bomb, XLSX)).toEqual({ kind: 'too-large', reason: 'size-mismatch', limit: MiB, entry: 'xl/worksheets/sheet1.xml' });
  });

  it('a part that claims a few bytes but unpacks to 100 MiB', async () => {
    const bomb = docx([{ ...(await zeros('word/media/image1.png', 100)), declaredSize: 10 }]);
    expect(await inspectZip(bomb, DOCX)).toMatchObject({ kind: 'too-large', reason: 'size-mismatch', limit: 10 });
  });

  it('many parts that each stay under the part limit but not under the total', async () => {
    const part = await zeros('x', 1);
    const parts = Array.from({ length: 30 }, (_, i) => ({ ...part, name: `xl/media/image${i}.bin` }));
    const limits: ZipLimits = { ...XLSX, maxRatio: 10_000 };
    expect(await inspectZip(zip(parts), limits)).toEqual({ kind: 'too-large', reason: 'total-size', limit: 20 * MiB, entry: 'xl/media/image20.bin' });
    expect(await inspectZip(zip(parts.slice(0, 20)), limits)).toMatchObject({ kind: 'ok', uncompressedBytes: 20 * MiB });
  });

  it('a part over 1 MiB compressed more than 200 : 1', async () => {
    expect(await inspectZip(docx([await zeros('word/media/image1.png', 5)]), DOCX)).toEqual({ kind: 'too-large', reason: 'ratio', limit: 200, entry: 'word/media/image1.png' });
  });

  it('more than 2,000 parts', async () => {
    const parts = Array.from({ length: 2001 }, (_, i) => stored(`customXml/item${i}.xml`, '<a/>'));
    expect(await inspectZip(zip(parts), XLSX)).toEqual({ kind: 'too-large', reason: 'entries', limit: 2000 });
    expect(await inspectZip(zip(parts.slice(0, 2000)), XLSX)).toMatchObject({ kind: 'ok', entries: 2000 });
  });

  it('an archive inside the archive, except an Office embedding, which is checked in turn', async () => {
    const inner = zip([stored('a.txt', 'a')]);
    expect(await inspectZip(docx([stored('word/media/image1.png', inner)]), DOCX)).toEqual({ kind: 'too-large', reason: 'nested-archive', limit: 1, entry: 'word/media/image1.png' });
    const innerBomb = zip([{ ...(await zeros('xl/worksheets/sheet1.xml', 64)), declaredSize: 1000 }]);
    expect(await inspectZip(docx([stored('word/embeddings/Microsoft_Excel_Worksheet.xlsx', innerBomb)]), DOCX)).toMatchObject({
      kind: 'too-large',
      reason: 'size-mismatch',
      entry: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx/xl/worksheets/sheet1.xml',
    });
    const twoDeep = zip([stored('xl/embeddings/inner.xlsx', inner)]);
    expect(await inspectZip(docx([stored('word/embeddings/outer.xlsx', twoDeep)]), DOCX)).toMatchObject({ kind: 'too-large', reason: 'nested-archive' });
  });

  it('an embedding counts against the same total budget', async () => {
    const inner = zip([stored('xl/media/big.bin', Buffer.alloc(20 * MiB, 7))]);
    const outer = docx([stored('word/media/photo.bin', Buffer.alloc(5 * MiB, 1)), stored('word/embeddings/table.xlsx', inner)]);
    expect(await inspectZip(outer, DOCX)).toMatchObject({ kind: 'too-large', reason: 'total-size', limit: 30 * MiB });
  });
});

describe('archives that cannot be read safely are invalid (the caller answers with its file-type error)', () => {
  it('two central directory entries over the same bytes', async () => {
    expect(await inspectZip(docx([], { listedTwice: ['word/document.xml'] }), DOCX)).toMatchObject({ kind: 'invalid', reason: 'layout' });
  });

  it('a part written in the file but left out of the central directory', async () => {
    const hidden = { ...(await zeros('word/media/hidden.png', 64)) };
    expect(await inspectZip(docx([hidden, deflated('word/styles.xml', '<w:styles/>')], { unlisted: ['word/media/hidden.png'] }), DOCX)).toMatchObject({
      kind: 'invalid',
      reason: 'layout',
      detail: 'word/styles.xml: unlisted bytes before it',
    });
    expect(await inspectZip(docx([hidden], { unlisted: ['word/media/hidden.png'] }), DOCX)).toMatchObject({
      kind: 'invalid',
      reason: 'layout',
      detail: 'unlisted bytes before the central directory',
    });
  });

  it('a local header that declares other sizes than the central directory', async () => {
    const data = docx();
    data.writeUInt32LE(123_456_789, 22); // the first part's uncompressed size, in its local header only
    expect(await inspectZip(data, DOCX)).toMatchObject({ kind: 'invalid', reason: 'layout', detail: '[Content_Types].xml: local header declares other sizes' });
  });

  it('encrypted parts, and compression methods other than stored and deflate', async () => {
    const [first, ...rest] = docxParts();
    expect(await inspectZip(zip([{ ...first!, flags: 0x1 }, ...rest]), DOCX)).toMatchObject({ kind: 'invalid', reason: 'encrypted' });
    expect(await inspectZip(zip([{ ...first!, method: 12 as 8 }, ...rest]), DOCX)).toMatchObject({ kind: 'invalid', reason: 'unsupported-compression' });
  });

  it('a truncated archive, damaged deflate data, bytes that are no archive', async () => {
    const data = docx();
    expect(await inspectZip(data.subarray(0, data.length - 10), DOCX)).toMatchObject({ kind: 'invalid', reason: 'corrupt' });
    const [first, ...rest] = docxParts();
    expect(await inspectZip(zip([{ ...first!, body: Buffer.from([0xff, 0xff, 0xff, 0xff]) }, ...rest]), DOCX)).toMatchObject({ kind: 'invalid', reason: 'corrupt' });
    expect(await inspectZip(Buffer.from('%PDF-1.4 not a zip'), DOCX)).toMatchObject({ kind: 'invalid', reason: 'corrupt' });
  });
});

describe('startsLikeZip', () => {
  it('knows a zip by its first bytes, not by its name', async () => {
    expect(startsLikeZip(docx())).toBe(true);
    expect(startsLikeZip(zip([]))).toBe(true);
    expect(startsLikeZip(Buffer.from('%PDF-1.4'))).toBe(false);
    expect(startsLikeZip(Buffer.from('PK'))).toBe(false);
    expect(startsLikeZip(await buffer(streamSheet('a', [], (async function* () {})())))).toBe(true);
  });
});
