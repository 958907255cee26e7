// Where the signing key comes from: the demo CA kept in DATA_DIR/signing (the same after a
// restart), or in production a PKCS#12 file and the CA PEM from the settings — checked at start-up.
import { pdfDocument } from '../files/pdf.js';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCa, issueSigningCert } from './ca.js';
import { loadSigner, qrPng, signPdf, SignerError, trustedCas, verifyPdf } from './index.js';

const run = promisify(execFile);
const DEMO = { p12Path: null, p12Password: null, caPemPath: null };
let dir: string;
let pdf: Buffer;

function tinyPdf(): Promise<Buffer> {
  const { doc, done } = pdfDocument({ size: 'A6' });
  doc.text('Ket qua');
  doc.end();
  return done;
}
const info = { reason: 'Kết quả', location: 'Cẩm Thành', name: 'Cán bộ' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dvc-signing-ca-'));
  pdf = await tinyPdf();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the demo CA', () => {
  it('is created once in DATA_DIR/signing and reused after a restart', async () => {
    const first = await loadSigner({ nodeEnv: 'development', signing: DEMO }, dir);
    expect(first.demo).toBe(true);
    const files = fs.readdirSync(join(dir, 'signing'));
    expect(files).toContain('demo-ca.pem');
    expect(files.some((f) => f.endsWith('.p12'))).toBe(true);
    const caPem = fs.readFileSync(join(dir, 'signing', 'demo-ca.pem'), 'utf8');
    expect(first.trustedCaPems).toEqual([caPem]);
    const signedBefore = await signPdf(pdf, first.signer, info);

    // A "restart": a fresh copy of the module, with nothing in memory, only the files.
    vi.resetModules();
    const fresh = (await import('./index.js')) as typeof import('./index.js');
    const again = await fresh.loadSigner({ nodeEnv: 'development', signing: DEMO }, dir);
    expect(again.trustedCaPems).toEqual([caPem]);
    expect(again.signer.certificates[0]!.equals(first.signer.certificates[0]!)).toBe(true); // the same signing certificate
    expect(verifyPdf(signedBefore, again.trustedCaPems).authentic).toBe(true);
    expect(trustedCas()).toContain(caPem);

    // Another data directory is another CA, which does not vouch for this one's documents.
    const other = await loadSigner({ nodeEnv: 'test', signing: DEMO }, join(dir, 'other'));
    expect(other.trustedCaPems[0]).not.toBe(caPem);
    expect(verifyPdf(signedBefore, other.trustedCaPems).signatures[0]?.trusted).toBe(false);
  });

  it('names itself as a test CA, with Vietnamese names intact', async () => {
    // A data directory of its own: the CA is made here, whichever test ran before.
    const own = join(dir, 'named');
    await loadSigner({ nodeEnv: 'development', signing: DEMO }, own);
    const { stdout } = await run('openssl', ['x509', '-noout', '-subject', '-issuer', '-nameopt', 'utf8,sep_comma_plus', '-in', join(own, 'signing', 'demo-ca.pem')]);
    expect(stdout).toContain('CN=dvc Demo CA – chỉ dùng thử nghiệm');
  });

  it('works in memory when there is no data directory', async () => {
    const a = await loadSigner({ nodeEnv: 'test', signing: DEMO }, null);
    const b = await loadSigner({ nodeEnv: 'test', signing: DEMO }, null);
    expect(a.trustedCaPems).toEqual(b.trustedCaPems);
    expect(verifyPdf(await signPdf(pdf, a.signer, info), b.trustedCaPems).authentic).toBe(true);
  });

  it('is refused in production', async () => {
    await expect(loadSigner({ nodeEnv: 'production', signing: DEMO }, dir)).rejects.toThrow(SignerError);
  });
});

describe('a configured PKCS#12 key', () => {
  let p12Path: string;
  let caPemPath: string;
  beforeAll(() => {
    const ca = createCa('Tổ chức chứng thực thử');
    p12Path = join(dir, 'ky-so.p12');
    caPemPath = join(dir, 'ca.pem');
    fs.writeFileSync(p12Path, issueSigningCert(ca, { commonName: 'Sở Tư pháp tỉnh Quảng Ngãi' }, 'mật khẩu 1'));
    fs.writeFileSync(caPemPath, ca.certPem);
  });

  it('signs documents that its CA vouches for', async () => {
    const loaded = await loadSigner({ nodeEnv: 'production', signing: { p12Path, p12Password: 'mật khẩu 1', caPemPath } }, dir);
    expect(loaded.demo).toBe(false);
    const r = verifyPdf(await signPdf(pdf, loaded.signer, info), loaded.trustedCaPems);
    expect(r.authentic).toBe(true);
    expect(r.signatures[0]?.signerName).toBe('Sở Tư pháp tỉnh Quảng Ngãi');
  });

  it('stops start-up on a wrong password or a CA file that does not cover the key', async () => {
    await expect(loadSigner({ nodeEnv: 'production', signing: { p12Path, p12Password: 'sai', caPemPath } }, dir)).rejects.toThrow(/PKCS#12/);
    const strangerCa = join(dir, 'stranger.pem');
    fs.writeFileSync(strangerCa, createCa('CA lạ').certPem);
    await expect(
      loadSigner({ nodeEnv: 'production', signing: { p12Path, p12Password: 'mật khẩu 1', caPemPath: strangerCa } }, dir),
    ).rejects.toThrow(/SIGNING_CA_PEM_PATH/);
  });

  it('can be a PKCS#12 file made by OpenSSL (as a CA or `openssl pkcs12 -export` would hand over)', async () => {
    const ca = createCa('CA OpenSSL');
    const caKey = join(dir, 'ossl-ca.key');
    const caCrt = join(dir, 'ossl-ca.pem');
    fs.writeFileSync(caKey, ca.keyPem);
    fs.writeFileSync(caCrt, ca.certPem);
    const key = join(dir, 'ossl.key');
    const csr = join(dir, 'ossl.csr');
    const crt = join(dir, 'ossl.crt');
    const out = join(dir, 'ossl.p12');
    await run('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', '/C=VN/CN=UBND xa Nghia Ky']);
    await run('openssl', ['x509', '-req', '-in', csr, '-CA', caCrt, '-CAkey', caKey, '-CAcreateserial', '-days', '30', '-out', crt]);
    await run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-certfile', caCrt, '-out', out, '-passout', 'pass:p@ss']);
    const loaded = await loadSigner({ nodeEnv: 'production', signing: { p12Path: out, p12Password: 'p@ss', caPemPath: caCrt } }, dir);
    const r = verifyPdf(await signPdf(pdf, loaded.signer, info), loaded.trustedCaPems);
    expect(r.authentic).toBe(true);
    expect(r.signatures[0]?.signerName).toBe('UBND xa Nghia Ky');
  });
});

describe('qrPng', () => {
  it('makes a PNG that differs with the text', async () => {
    const a = await qrPng('http://localhost:3000/xac-thuc/A');
    const b = await qrPng('http://localhost:3000/xac-thuc/B');
    expect(a.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(a.equals(b)).toBe(false);
  });
});
