// Signed electronic results (docs/decisions/0010-signed-results.md): the module's public API.
import fs from 'node:fs';
import path from 'node:path';
import { pdfDocument } from '../files/pdf.js';
import type { Config } from '../../config.js';
import { DEMO_SUBJECT, demoSigningMaterial, type CertSubject } from './ca.js';
import { signPdf } from './sign.js';
import { p12Signer, SignerError, type Signer } from './signer.js';
import { verifyPdf } from './verify.js';

export { qrPng } from './qr.js';
export { signPdf, type SignInfo } from './sign.js';
export { p12Signer, SignerError, type Signer } from './signer.js';
export { looksLikePdf, verifyPdf, type SignatureCheck, type VerifyResult } from './verify.js';
export { DEMO_CA_NAME, DEMO_SUBJECT, type CertSubject } from './ca.js';

export interface LoadedSigner {
  signer: Signer;
  /** PEM of the CA certificate(s) that verification trusts for this signer. */
  trustedCaPems: string[];
  /** True when this is the demo CA (development and tests). */
  demo: boolean;
}

const trusted = new Set<string>();

/**
 * The signer configured by SIGNING_P12_PATH / SIGNING_P12_PASSWORD / SIGNING_CA_PEM_PATH, or,
 * without them (never in production), the demo CA kept in `<dataDir>/signing/` (in memory when
 * dataDir is null). Signs and verifies a small PDF before returning, so a wrong password, a key
 * that does not match its certificate or a CA file that does not cover it stops start-up here.
 * Its CA is added to trustedCas().
 */
export async function loadSigner(
  config: Pick<Config, 'nodeEnv' | 'signing'>,
  dataDir: string | null,
  demoSubject: CertSubject = DEMO_SUBJECT,
): Promise<LoadedSigner> {
  let loaded: LoadedSigner;
  const { p12Path, p12Password, caPemPath } = config.signing;
  if (p12Path) {
    if (!caPemPath) throw new SignerError('SIGNING_CA_PEM_PATH is required with SIGNING_P12_PATH');
    const signer = p12Signer(fs.readFileSync(p12Path), p12Password ?? '');
    loaded = { signer, trustedCaPems: [fs.readFileSync(caPemPath, 'utf8')], demo: false };
  } else {
    if (config.nodeEnv === 'production') throw new SignerError('the demo CA cannot be used when NODE_ENV=production');
    const m = demoSigningMaterial(dataDir ? path.join(dataDir, 'signing') : null, demoSubject);
    loaded = { signer: p12Signer(m.p12, m.password), trustedCaPems: [m.caCertPem], demo: true };
  }
  const probe = await signPdf(await blankPdf(), loaded.signer, { reason: 'Kiểm tra khóa ký', location: 'dvc', name: 'dvc' });
  const check = verifyPdf(probe, loaded.trustedCaPems);
  if (!check.authentic) {
    const s = check.signatures[0];
    throw new SignerError(
      !s?.intact
        ? 'the signing key does not produce a valid signature'
        : 'the signing certificate does not chain to the CA in SIGNING_CA_PEM_PATH (or is not valid now)',
    );
  }
  for (const pem of loaded.trustedCaPems) trusted.add(pem);
  return loaded;
}

/** PEMs of every CA trusted by the signers loaded in this process (for verifyPdf). */
export function trustedCas(): string[] {
  return [...trusted];
}

function blankPdf(): Promise<Buffer> {
  const { doc, done } = pdfDocument({ size: 'A6' });
  doc.text('dvc');
  doc.end();
  return done;
}
