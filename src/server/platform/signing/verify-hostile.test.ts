// verifyPdf reads files anyone can upload: whatever is in /Contents (garbage, a truncated CMS,
// absurd lengths, deep nesting, a flood of nodes or certificates) and however many signatures and
// objects a file claims, the answer is a clean "not valid" — no exception, no hang — while a real
// signature still verifies and one changed byte of its CMS is still caught.
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileVerdict } from '../../../common/signature-verdict.js';
import { pdfDocument } from '../files/pdf.js';
import { loadSigner, signPdf, verifyPdf, type Signer } from './index.js';
import { LIMITS, looksLikePdf } from './verify.js';

let signer: Signer;
let cas: string[];
let signed: Buffer;
/** The CMS of `signed`, without the zero padding of /Contents. */
let cms: Buffer;

const INFO = { reason: 'Kết quả giải quyết thủ tục hành chính', location: 'Cẩm Thành', name: 'Cán bộ' };

function onePagePdf(): Promise<Buffer> {
  const { doc, done } = pdfDocument({ size: 'A6' });
  doc.text('Ket qua giai quyet');
  doc.end();
  return done;
}

/** [gapStart, gapEnd] of the first signature of a file signed by signPdf. */
function gapOf(pdf: Buffer): [number, number] {
  const m = /\/ByteRange \[0 (\d+) (\d+) \d+\]/.exec(pdf.toString('latin1'))!;
  return [Number(m[1]), Number(m[2])];
}

/** `signed` with its /Contents replaced by `der` (zero-padded: the ByteRange does not move). */
function withContents(der: Buffer): Buffer {
  const [gapStart, gapEnd] = gapOf(signed);
  const room = gapEnd - gapStart - 2;
  const hex = der.toString('hex');
  if (hex.length > room) throw new Error(`${der.length} bytes do not fit in /Contents`);
  const out = Buffer.from(signed);
  out.write(hex.padEnd(room, '0'), gapStart + 1, 'latin1');
  return out;
}

/**
 * A PDF made here byte by byte, with one signature dictionary per entry of `contents` (each
 * /Contents as big as it needs to be). Each ByteRange runs to the end of its object, the last one
 * to the end of the file. `before` goes before the first signature, `between` after it.
 */
function handMade(contents: Buffer[], opts: { before?: string; between?: string } = {}): Buffer {
  const N = (n: number) => String(n).padStart(10, '0');
  const parts: string[] = ['%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', opts.before ?? ''];
  const sigs: { at: number; gapStart: number; gapEnd: number; objEnd: number }[] = [];
  let length = Buffer.byteLength(parts.join(''), 'latin1');
  contents.forEach((der, i) => {
    const head = `${i + 2} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 ${N(0)} ${N(0)} ${N(0)}] /Contents `;
    const at = length + head.indexOf('/ByteRange');
    const gapStart = length + head.length;
    const hex = `<${der.toString('hex')}>`;
    const tail = ` /M (D:20261125090000+07'00') /Name (Signer ${i}) >>\nendobj\n`;
    parts.push(head, hex, tail);
    length += head.length + hex.length + tail.length;
    sigs.push({ at, gapStart, gapEnd: gapStart + hex.length, objEnd: length });
    if (i === 0 && opts.between) {
      parts.push(opts.between);
      length += opts.between.length;
    }
  });
  const out = Buffer.from(parts.join(''), 'latin1');
  for (const s of sigs) {
    const end = s === sigs[sigs.length - 1] ? length : s.objEnd;
    out.write(`[0 ${N(s.gapStart)} ${N(s.gapEnd)} ${N(end - s.gapEnd)}]`, s.at + '/ByteRange '.length, 'latin1');
  }
  return out;
}

/** DER header: tag and definite length. */
function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}
const SIGNED_DATA_OID = Buffer.from('06092a864886f70d010702', 'hex');
/** ContentInfo { signedData, [0] body }: looks like a CMS from the outside. */
const contentInfo = (body: Buffer) => tlv(0x30, Buffer.concat([SIGNED_DATA_OID, tlv(0xa0, body)]));

/** verifyPdf, which must return (not throw) and be quick. */
function timedVerify(pdf: Buffer) {
  const start = performance.now();
  const r = verifyPdf(pdf, cas);
  return { r, ms: performance.now() - start };
}

/**
 * The clean "not valid" of a file whose one signature cannot be verified. (A CMS cut inside its
 * signature value still names a trusted signer: the zero padding fills the cut. It is not intact.)
 */
function expectBrokenSignature(pdf: Buffer) {
  const { r, ms } = timedVerify(pdf);
  expect(r.signed).toBe(true);
  expect(r.authentic).toBe(false);
  expect(r.signatures).toHaveLength(1);
  expect(r.signatures[0]!.intact).toBe(false);
  expect(fileVerdict({ isPdf: looksLikePdf(pdf), signed: r.signed, signatures: r.signatures, registered: true }).status).toBe('modified');
  expect(ms).toBeLessThan(5000);
}

beforeAll(async () => {
  const loaded = await loadSigner({ nodeEnv: 'test', signing: { p12Path: null, p12Password: null, caPemPath: null } }, null);
  signer = loaded.signer;
  cas = loaded.trustedCaPems;
  signed = await signPdf(await onePagePdf(), signer, INFO);
  const [gapStart, gapEnd] = gapOf(signed);
  const contents = Buffer.from(signed.toString('latin1').slice(gapStart + 1, gapEnd - 1), 'hex');
  const decoded = asn1js.fromBER(contents);
  cms = contents.subarray(0, decoded.offset);
});

describe('verifyPdf on hostile /Contents', () => {
  it('still verifies the untouched signature, also when its CMS is put back byte for byte', () => {
    expect(verifyPdf(signed, cas).authentic).toBe(true);
    expect(verifyPdf(withContents(cms), cas).authentic).toBe(true);
  });

  it('answers "not intact" for garbage, zeros and a CMS cut short anywhere', () => {
    expectBrokenSignature(withContents(Buffer.alloc(0)));
    expectBrokenSignature(withContents(crypto.randomBytes(cms.length)));
    expect(verifyPdf(withContents(crypto.randomBytes(cms.length)), cas).signatures[0]).toMatchObject({ intact: false, trusted: false, signerName: 'Cán bộ' });
    expectBrokenSignature(withContents(Buffer.from('3082ffff', 'hex')));
    for (let cut = 1; cut < cms.length; cut += Math.ceil(cms.length / 40)) expectBrokenSignature(withContents(cms.subarray(0, cut)));
    expectBrokenSignature(withContents(cms.subarray(0, cms.length - 1)));
  });

  it('answers "not intact" for absurd lengths, outside and inside the CMS', () => {
    // ContentInfo claiming 2 GiB, and a length of 8 length bytes.
    expectBrokenSignature(withContents(Buffer.concat([Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff]), cms.subarray(4)])));
    expectBrokenSignature(withContents(Buffer.concat([Buffer.from([0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), cms.subarray(4)])));
    // The [0] holding the SignedData claiming more than there is.
    const inner = Buffer.from(cms);
    const at = inner.indexOf(Buffer.from([0xa0, 0x82]), SIGNED_DATA_OID.length);
    inner.writeUInt16BE(0xfff0, at + 2);
    expectBrokenSignature(withContents(inner));
    // An OID, a tag number and an INTEGER longer than any real one.
    expectBrokenSignature(withContents(contentInfo(tlv(0x06, Buffer.alloc(3000, 0xff)))));
    expectBrokenSignature(withContents(contentInfo(Buffer.concat([Buffer.from([0x1f]), Buffer.alloc(2000, 0xff), Buffer.from([0x01, 0x00])]))));
    expectBrokenSignature(withContents(contentInfo(tlv(0x30, tlv(0x02, Buffer.alloc(3000, 0x7f))))));
  });

  it('answers "not intact" for nesting far deeper than any CMS, definite or indefinite', () => {
    let deep: Buffer = Buffer.from([0x05, 0x00]);
    for (let i = 0; i < 1000; i++) deep = tlv(0x30, deep);
    expectBrokenSignature(handMade([contentInfo(deep)]));
    // 100 000 levels of indefinite-length SEQUENCE (30 80 …), inside a ContentInfo and bare.
    const indefinite = Buffer.alloc(200_000, Buffer.from([0x30, 0x80]));
    expectBrokenSignature(handMade([Buffer.concat([Buffer.from('3080', 'hex'), SIGNED_DATA_OID, Buffer.from('a080', 'hex'), indefinite])]));
    expectBrokenSignature(handMade([indefinite]));
  });

  it('answers "not intact" for a flood of ASN.1 nodes', () => {
    // 100 000 NULLs in one SEQUENCE, where SignedData should be.
    expectBrokenSignature(handMade([contentInfo(tlv(0x30, Buffer.alloc(200_000, Buffer.from([0x05, 0x00]))))]));
  });

  it('refuses a CMS with more certificates than LIMITS.certificates, though its signature is right', async () => {
    const [own, ...chain] = signer.certificates;
    const padded = (n: number): Signer => ({ certificates: [own!, ...Array.from({ length: n - 1 }, () => chain[0]!)], signRsaSha256: signer.signRsaSha256 });
    const atLimit = verifyPdf(await signPdf(await onePagePdf(), padded(LIMITS.certificates), INFO), cas);
    expect(atLimit.authentic).toBe(true);
    const over = verifyPdf(await signPdf(await onePagePdf(), padded(LIMITS.certificates + 1), INFO), cas);
    expect(over.signatures[0]).toMatchObject({ intact: false, trusted: false });
    expect(over.authentic).toBe(false);
  });

  it('catches any one byte changed in the signed part of the CMS (signed attributes, signature)', () => {
    // Where the SignerInfo's signed attributes and its signature value lie in the CMS.
    const contentInfoNode = asn1js.fromBER(cms).result as asn1js.Sequence;
    const signedData = (contentInfoNode.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
    const signerInfo = (signedData.valueBlock.value.at(-1) as asn1js.Set).valueBlock.value[0] as asn1js.Sequence;
    const parts = [signerInfo.valueBlock.value.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0)!, signerInfo.valueBlock.value.at(-1)!];
    const offsets = parts.flatMap((n) => {
      const b = Buffer.from(n.valueBeforeDecodeView);
      const at = cms.indexOf(b);
      return Array.from({ length: b.length }, (_, i) => at + i);
    });
    expect(offsets.length).toBeGreaterThan(400);
    fc.assert(
      fc.property(fc.constantFrom(...offsets), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const changed = Buffer.from(cms);
        changed[at] = changed[at]! ^ flip;
        const r = verifyPdf(withContents(changed), cas);
        return r.signed && !r.authentic && r.signatures.length === 1 && !r.signatures[0]!.intact;
      }),
      { numRuns: 80 },
    );
  });

  it('never throws whatever bytes of the CMS change', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: cms.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const changed = Buffer.from(cms);
        for (const [at, value] of edits) changed[at] = value;
        const r = verifyPdf(withContents(changed), cas);
        return r.signed && r.signatures.length === 1 && typeof r.authentic === 'boolean';
      }),
      { numRuns: 80 },
    );
  });
});

describe('verifyPdf on hostile files', () => {
  it('does not read a file claiming more than LIMITS.signatures signatures as signed', () => {
    const garbage = crypto.randomBytes(64);
    const { r, ms } = timedVerify(handMade(Array.from({ length: LIMITS.signatures + 1 }, () => garbage)));
    expect(r).toEqual({ signed: false, signatures: [], authentic: false });
    expect(ms).toBeLessThan(5000);
    // At the limit, every one of them is checked (and none is intact).
    const atLimit = verifyPdf(handMade(Array.from({ length: LIMITS.signatures }, () => garbage)), cas);
    expect(atLimit.signatures).toHaveLength(LIMITS.signatures);
    expect(atLimit.signatures.every((s) => !s.intact && !s.trusted)).toBe(true);
  });

  it('stays quick on a file of many /ByteRange entries', () => {
    const entries = '/ByteRange [0 10 20 30] '.repeat(200_000);
    const { r, ms } = timedVerify(Buffer.concat([signed, Buffer.from(`% ${entries}\n`, 'latin1')]));
    expect(r.authentic).toBe(false);
    expect(r.signatures[0]).toMatchObject({ intact: true, coversWholeFile: false });
    expect(ms).toBeLessThan(5000);
  });

  it('stays quick on thousands of objects between two signatures, and does not call them a signature update', () => {
    // Each object restates one that came before the first signature, 2 MB back.
    const obj = '7 0 obj\n<< /Producer (x) >>\nendobj\n';
    const pdf = handMade([Buffer.from('00', 'hex'), Buffer.from('00', 'hex')], { before: `${obj}%${'x'.repeat(2_000_000)}\n`, between: obj.repeat(5000) });
    const { r, ms } = timedVerify(pdf);
    // The first signature does not cover the file; the last one covers everything after it.
    expect(r.signatures.map((s) => s.coversWholeFile)).toEqual([false, true]);
    expect(ms).toBeLessThan(5000);
  });

  it('treats a file of nothing but hostile bytes as not signed', () => {
    for (const bytes of [crypto.randomBytes(100_000), Buffer.alloc(1_000_000, '/ByteRange [', 'latin1'), Buffer.alloc(500_000, 0x30)]) {
      const { r, ms } = timedVerify(bytes);
      expect(r).toEqual({ signed: false, signatures: [], authentic: false });
      expect(ms).toBeLessThan(5000);
    }
  });
});
