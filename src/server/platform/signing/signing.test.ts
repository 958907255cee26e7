// Signed electronic results: a PDF signed here verifies as authentic — here and in an independent
// verifier (pdfsig, poppler-utils) — and stops being authentic when one byte changes, when
// something is appended after the signature, or when the certificate comes from another CA.
// A second signature on top (officer, then agency seal) keeps both valid.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfDocument, SHAPING } from '../files/pdf.js';
import { createCa, issueSigningCert } from './ca.js';
import { loadSigner, p12Signer, qrPng, signPdf, verifyPdf, type Signer } from './index.js';

const run = promisify(execFile);
let dir: string;
let signer: Signer;
let cas: string[];
let plain: Buffer;
let signed: Buffer;

const SIGNED_AT = new Date(Math.floor(Date.now() / 1000) * 1000); // /M has whole seconds
const INFO = {
  reason: 'Kết quả giải quyết thủ tục hành chính',
  location: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
  name: 'Nguyễn Thị Hồng Nhung',
  signedAt: SIGNED_AT,
};

/** A one-page result with Vietnamese text and the QR code of its verification address. */
async function makePdf(): Promise<Buffer> {
  const { doc, done } = pdfDocument({ size: 'A4', margin: 60, info: { Title: 'Giấy chứng nhận thử nghiệm' } });
  doc.font('bold').fontSize(16).text('GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN', { ...SHAPING, align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(12).text('Ông/bà Trần Văn Đức, sinh ngày 02/09/1990, cư trú tại phường Cẩm Thành.', SHAPING);
  doc.text('Quét mã QR để kiểm tra tính xác thực của văn bản điện tử.', SHAPING);
  doc.image(await qrPng('http://localhost:3000/xac-thuc/HS-2026-000123'), 60, doc.y + 10, { width: 110 });
  doc.end();
  return done;
}

async function pdfsig(pdf: Buffer): Promise<string> {
  const file = join(dir, `${crypto.randomUUID()}.pdf`);
  await writeFile(file, pdf);
  // pdfsig exits non-zero when a signature is not valid; its report is on stdout either way.
  const out = await run('pdfsig', [file]).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
  return out.stdout;
}

/** Appends an incremental update (objects, xref, trailer) without any signature. */
function appendUpdate(pdf: Buffer, objects: (nums: { next: number; page: number; pageBody: string }) => Record<number, string>): Buffer {
  const text = pdf.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)![1]);
  const root = /\/Root\s+(\d+ \d+ R)/.exec(trailer)![1];
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
  const pages = [...text.matchAll(/(\d+) 0 obj\s*<<\s*\/Type \/Page\b/g)];
  const lastPage = pages[pages.length - 1]!;
  const pageBody = text.slice(lastPage.index + lastPage[0].indexOf('<<'), text.indexOf('endobj', lastPage.index));
  const objs = objects({ next: size, page: Number(lastPage[1]), pageBody });
  let out = `${text}\n`;
  const offsets: [number, number][] = [];
  for (const [num, body] of Object.entries(objs)) {
    offsets.push([Number(num), Buffer.byteLength(out, 'latin1')]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += 'xref\n0 1\n0000000000 65535 f \n';
  for (const [num, off] of offsets) out += `${num} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  const newSize = Math.max(size, ...offsets.map(([n]) => n + 1));
  out += `trailer\n<< /Size ${newSize} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An update that paints "ĐÃ HỦY" over the page with a new annotation. */
const overlay = (pdf: Buffer) =>
  appendUpdate(pdf, ({ next, page, pageBody }) => ({
    [next]: '<< /Type /Annot /Subtype /FreeText /Rect [60 600 400 700] /DA (/Helv 40 Tf 1 0 0 rg) /Contents (DA HUY) >>',
    [page]: /\/Annots\s*\[/.test(pageBody)
      ? pageBody.replace(/\/Annots\s*\[/, `/Annots [${next} 0 R `)
      : pageBody.replace(/>>\s*$/, `/Annots [${next} 0 R]\n>>`),
  }));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dvc-signing-'));
  const loaded = await loadSigner({ nodeEnv: 'test', signing: { p12Path: null, p12Password: null, caPemPath: null } }, dir);
  signer = loaded.signer;
  cas = loaded.trustedCaPems;
  plain = await makePdf();
  signed = await signPdf(plain, signer, INFO);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('signPdf + verifyPdf', () => {
  it('signs a result so that it verifies as authentic, naming the agency of the certificate', async () => {
    expect(signed.subarray(0, plain.length - 1).equals(plain.subarray(0, plain.length - 1))).toBe(true); // an incremental update
    expect(verifyPdf(signed, cas)).toEqual({
      signed: true,
      authentic: true,
      signatures: [
        {
          signerName: 'UBND phường Cẩm Thành (thử nghiệm)',
          signedAt: SIGNED_AT.toISOString(),
          reason: 'Kết quả giải quyết thủ tục hành chính',
          intact: true,
          coversWholeFile: true,
          trusted: true,
        },
      ],
    });
    // PAdES, and the Vietnamese texts stored as UTF-16BE strings a PDF reader decodes.
    const raw = signed.toString('latin1');
    expect(raw).toContain('/SubFilter /ETSI.CAdES.detached');
    const utf16 = (s: string) => Buffer.from(`\ufeff${s}`, 'utf16le').swap16().toString('hex').toUpperCase();
    expect(raw).toContain(`/Reason <${utf16(INFO.reason)}>`);
    expect(raw).toContain(`/Name <${utf16(INFO.name)}>`);
    expect(raw).toContain(`/Location <${utf16(INFO.location)}>`);
  });

  it('is valid for an independent verifier (pdfsig): digest and signature check, whole document signed', async () => {
    const report = await pdfsig(signed);
    expect(report).toContain('Signer Certificate Common Name: UBND phường Cẩm Thành (thử nghiệm)');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('holds a CMS that OpenSSL verifies against the demo CA (chain and signing-certificate attribute)', async () => {
    const raw = signed.toString('latin1');
    const [, a, b, c, d] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(raw)!.map(Number) as number[];
    const content = join(dir, 'content.bin');
    const cms = join(dir, 'cms.der');
    const ca = join(dir, 'ca.pem');
    await writeFile(content, Buffer.concat([signed.subarray(a, a! + b!), signed.subarray(c, c! + d!)]));
    await writeFile(cms, Buffer.from(raw.slice(b! + 1, c! - 1), 'hex'));
    await writeFile(ca, cas[0]!);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', content, '-purpose', 'any', '-out', '/dev/null'];
    const ok = await run('openssl', [...args, '-CAfile', ca]);
    expect(ok.stderr).toContain('Verification successful');
    const otherCa = join(dir, 'other-ca.pem');
    await writeFile(otherCa, createCa('CA khác').certPem);
    await expect(run('openssl', [...args, '-CAfile', otherCa])).rejects.toThrow();
  });

  it('is no longer intact when one byte of the signed content changes', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('stream\n') + 20; // inside the page content
    tampered[at] = tampered[at]! ^ 0x01;
    const r = verifyPdf(tampered, cas);
    expect(r.signed).toBe(true);
    expect(r.signatures[0]).toMatchObject({ intact: false, trusted: true });
    expect(r.authentic).toBe(false);
    expect(await pdfsig(tampered)).not.toContain('Signature is Valid.');
  });

  it('does not cover the file when an update is appended after the signature', async () => {
    const changed = overlay(signed);
    const r = verifyPdf(changed, cas);
    expect(r.signatures[0]).toMatchObject({ intact: true, trusted: true, coversWholeFile: false });
    expect(r.authentic).toBe(false);
    expect(await pdfsig(changed)).toContain('Not total document signed');
    // Even a trailing byte of garbage counts.
    expect(verifyPdf(Buffer.concat([signed, Buffer.from('\n% x')]), cas).authentic).toBe(false);
  });

  it('is not trusted when the certificate comes from another CA', async () => {
    const otherCa = createCa('Một CA khác');
    const stranger = p12Signer(issueSigningCert(otherCa, { commonName: 'UBND phường Cẩm Thành (thử nghiệm)', organization: 'dvc demo' }, 'pw'), 'pw');
    const r = verifyPdf(await signPdf(plain, stranger, INFO), cas);
    expect(r.signatures[0]).toMatchObject({ intact: true, coversWholeFile: true, trusted: false });
    expect(r.authentic).toBe(false);
    // The same file is authentic for whoever trusts that CA.
    expect(verifyPdf(await signPdf(plain, stranger, INFO), [otherCa.certPem]).authentic).toBe(true);
  });

  it('is not trusted when signed at a time the certificate was not valid', async () => {
    const early = verifyPdf(await signPdf(plain, signer, { ...INFO, signedAt: new Date('2020-01-01T00:00:00Z') }), cas);
    expect(early.signatures[0]).toMatchObject({ intact: true, trusted: false, signedAt: '2020-01-01T00:00:00.000Z' });
    expect(early.authentic).toBe(false);
  });

  it('keeps the first signature valid under a second one (officer, then agency seal)', async () => {
    const sealed = await signPdf(signed, signer, { reason: 'Đóng dấu cơ quan', location: 'UBND phường Cẩm Thành', name: 'UBND phường Cẩm Thành' });
    const r = verifyPdf(sealed, cas);
    expect(r.signatures.map((s) => [s.reason, s.intact, s.trusted, s.coversWholeFile])).toEqual([
      ['Kết quả giải quyết thủ tục hành chính', true, true, true],
      ['Đóng dấu cơ quan', true, true, true],
    ]);
    expect(r.authentic).toBe(true);
    const report = await pdfsig(sealed);
    expect(report.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(report).toContain('Signature Field Name: Signature2');

    // A third on top still works, and the seal is what an appended change breaks.
    expect(verifyPdf(await signPdf(sealed, signer, INFO), cas).signatures.map((s) => s.intact)).toEqual([true, true, true]);
    expect(verifyPdf(overlay(sealed), cas).authentic).toBe(false);
  });

  it('does not let a later signature vouch for a change made after an earlier one', async () => {
    const resigned = await signPdf(overlay(signed), signer, { reason: 'Ký lại', location: 'x', name: 'x' });
    const r = verifyPdf(resigned, cas);
    expect(r.signatures.map((s) => [s.intact, s.coversWholeFile])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(r.authentic).toBe(false);
  });

  it('answers "not signed" for anything that is not a signed PDF, without throwing', async () => {
    const notSigned = { signed: false, signatures: [], authentic: false };
    expect(verifyPdf(plain, cas)).toEqual(notSigned);
    expect(verifyPdf(crypto.randomBytes(5000), cas)).toEqual(notSigned);
    expect(verifyPdf(Buffer.alloc(0), cas)).toEqual(notSigned);
    expect(verifyPdf(Buffer.from('/ByteRange [0 10 20 30] /Contents <3082>'), cas)).toEqual(notSigned);
    expect(verifyPdf(signed.subarray(0, signed.length - 5000), cas)).toEqual(notSigned);
    // A signature whose CMS is garbage is a signature that is not intact.
    const raw = signed.toString('latin1');
    const hexAt = raw.indexOf('/Contents <', raw.indexOf('/ByteRange [0 ')) + 11;
    const garbled = Buffer.from(signed);
    garbled.write('DEADBEEF', hexAt, 'latin1');
    const g = verifyPdf(garbled, cas);
    expect(g.signed).toBe(true);
    expect(g.signatures[0]).toMatchObject({ intact: false, trusted: false });
    expect(g.authentic).toBe(false);
  });
});
