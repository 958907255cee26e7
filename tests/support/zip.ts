// Zip archives built byte by byte, so that tests can make what no zip library would write: bombs
// (gigabytes of zeros in a few megabytes), central directories that lie about sizes, entries that
// overlap or hide between listed ones, encrypted entries, nested archives, and minimal real .docx.
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated: how `body` sits in the archive. */
  method: 0 | 8;
  body: Buffer;
  crc: number;
  /** What `body` really unpacks to. */
  size: number;
  /** What the headers claim it unpacks to (a lie when it differs from `size`). */
  declaredSize?: number;
  /** General purpose bit flag (bit 0: encrypted). */
  flags?: number;
}

const bytes = (content: Buffer | string) => (typeof content === 'string' ? Buffer.from(content) : content);

export function stored(name: string, content: Buffer | string): ZipPart {
  const body = bytes(content);
  return { name, method: 0, body, crc: zlib.crc32(body), size: body.length };
}

export function deflated(name: string, content: Buffer | string): ZipPart {
  const data = bytes(content);
  return { name, method: 8, body: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

const MiB = 1024 * 1024;
let zeroBlocks: Promise<{ first: Buffer; next: Buffer }> | undefined;

/**
 * The deflate blocks of 1 MiB of zeros, each ended by a sync flush: the first, and the one every
 * later MiB compresses to (the same bytes, since the history is zeros too).
 */
function blocksOfZeros(): Promise<{ first: Buffer; next: Buffer }> {
  zeroBlocks ??= (async () => {
    const d = zlib.createDeflateRaw({ level: 9 });
    const zero = Buffer.alloc(MiB);
    const pieces: Buffer[] = [];
    for (let i = 0; i < 3; i++) {
      const chunks: Buffer[] = [];
      const take = (c: Buffer) => chunks.push(c);
      d.on('data', take);
      d.write(zero);
      await new Promise<void>((resolve) => d.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
      await new Promise((resolve) => setImmediate(resolve));
      d.off('data', take);
      pieces.push(Buffer.concat(chunks));
    }
    d.destroy();
    if (!pieces[1]!.equals(pieces[2]!)) throw new Error('zlib no longer repeats its blocks of zeros');
    return { first: pieces[0]!, next: pieces[1]! };
  })();
  return zeroBlocks;
}

/** `mib` MiB of zeros, deflated (≈ 1,030 : 1): a 2 GiB bomb is 2 MB, built in milliseconds. */
export async function zeros(name: string, mib: number): Promise<ZipPart> {
  const { first, next } = await blocksOfZeros();
  const body = Buffer.concat([first, ...Array<Buffer>(mib - 1).fill(next), Buffer.from([0x03, 0x00])]); // + an empty final block
  return { name, method: 8, body, crc: crcOfZeros(mib), size: mib * MiB };
}

const zeroCrcs = new Map<number, number>();
/** CRC-32 of `mib` MiB of zeros (≈ 0.5 s for 1 GiB, so remembered). */
function crcOfZeros(mib: number): number {
  let crc = zeroCrcs.get(mib);
  if (crc === undefined) {
    const zero = Buffer.alloc(MiB);
    crc = 0;
    for (let i = 0; i < mib; i++) crc = zlib.crc32(zero, crc);
    zeroCrcs.set(mib, crc);
  }
  return crc;
}

/**
 * An archive of the parts, in order. `unlisted`: parts written but left out of the central
 * directory (bytes a streaming unzipper would read, hidden from everyone else). `listedTwice`:
 * parts the central directory lists twice (two entries over the same bytes).
 */
export function zip(parts: readonly ZipPart[], opts: { unlisted?: readonly string[]; listedTwice?: readonly string[] } = {}): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0x800, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    out.push(local, name, p.body);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(p.flags ?? 0x800, 8);
    record.writeUInt16LE(p.method, 10);
    record.writeUInt32LE(p.crc, 16);
    record.writeUInt32LE(p.body.length, 20);
    record.writeUInt32LE(declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    const times = opts.unlisted?.includes(p.name) ? 0 : opts.listedTwice?.includes(p.name) ? 2 : 1;
    for (let i = 0; i < times; i++) central.push(record, name);
    count += times;
    offset += 30 + name.length + p.body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentXml = (text: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

/** The parts that make Word (and file-type) see a .docx, deflated as Word writes them. */
export function docxParts(text = 'Căn cước công dân'): ZipPart[] {
  return [deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', RELS), deflated('word/document.xml', documentXml(text))];
}

/** A small real .docx, with `extra` parts (images, embeddings, bombs) after the usual ones. */
export function docx(extra: readonly ZipPart[] = [], opts?: Parameters<typeof zip>[1]): Buffer {
  return zip([...docxParts(), ...extra], opts);
}
