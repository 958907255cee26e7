// The demo certificate authority: development and tests only (docs/decisions/0010-signed-results.md).
// It issues a self-signed root "dvc Demo CA – chỉ dùng thử nghiệm" and, under it, the signing
// certificate of a demo agency, exported as PKCS#12 like the file a real CA would hand over.
// Certificates are built with node-forge; the RSA keys come from node:crypto (forge's pure-JS key
// generation takes seconds).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export const DEMO_CA_NAME = 'dvc Demo CA – chỉ dùng thử nghiệm';
export const DEMO_SUBJECT: CertSubject = { commonName: 'UBND phường Cẩm Thành (thử nghiệm)', organization: 'dvc demo' };

export interface CertSubject {
  commonName: string;
  organization?: string;
}

/** A CA that can issue certificates (its private key is kept only for the demo). */
export interface CaMaterial {
  certPem: string;
  keyPem: string;
}

/** What a CA hands an agency: the key and certificate chain in a PKCS#12 file, and the root to trust. */
export interface SigningMaterial {
  p12: Buffer;
  password: string;
  caCertPem: string;
}

const DAY = 24 * 60 * 60 * 1000;

function newKeys(): forge.pki.rsa.KeyPair {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const priv = forge.pki.privateKeyFromPem(privPem) as forge.pki.rsa.PrivateKey;
  return { privateKey: priv, publicKey: forge.pki.setRsaPublicKey(priv.n, priv.e) };
}

/** Random positive serial number (16 bytes, hex). */
function serial(): string {
  const b = crypto.randomBytes(16);
  b[0] = b[0]! & 0x7f || 0x01;
  return b.toString('hex');
}

// UTF8String, so Vietnamese names survive (forge's default PrintableString would mangle them);
// forge UTF-8-encodes such values itself.
const UTF8 = forge.asn1.Type.UTF8 as never;
function dn(s: CertSubject): forge.pki.CertificateField[] {
  const attrs: forge.pki.CertificateField[] = [{ shortName: 'C', value: 'VN' }];
  if (s.organization) attrs.push({ shortName: 'O', value: s.organization.normalize('NFC'), valueTagClass: UTF8 });
  attrs.push({ shortName: 'CN', value: s.commonName.normalize('NFC'), valueTagClass: UTF8 });
  return attrs;
}

/** A new self-signed root CA (RSA 2048, 10 years). */
export function createCa(commonName: string = DEMO_CA_NAME, now = new Date()): CaMaterial {
  const keys = newKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  cert.validity.notAfter = new Date(now.getTime() + 3650 * DAY);
  const name = dn({ commonName, organization: 'dvc demo' });
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

/** Issues a document-signing certificate (RSA 2048, 5 years) and packs key + chain as PKCS#12. */
export function issueSigningCert(ca: CaMaterial, subject: CertSubject, password: string, now = new Date()): Buffer {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = newKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * DAY);
  cert.setSubject(dn(subject));
  // forge hands UTF8String values back undecoded: decode them, or setIssuer would encode them twice.
  cert.setIssuer(
    caCert.subject.attributes.map((a) =>
      a.valueTagClass === UTF8 && typeof a.value === 'string' ? { ...a, value: forge.util.decodeUtf8(a.value) } : a,
    ),
  );
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, caCert], password, {
    algorithm: 'aes256',
    friendlyName: subject.commonName,
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

// Files are created with link(): of two processes starting at once, one wins and both use its file.
function readOrCreate(file: string, make: () => Buffer): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, make(), { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
  return fs.readFileSync(file);
}

const memory = new Map<string, SigningMaterial>();
const memoryCa = new Map<string, CaMaterial>();

/**
 * The demo CA and the signing certificate it issued to `subject`. With `dir` (DATA_DIR/signing)
 * they are created on first use and reused after a restart; without, they live in this process.
 */
export function demoSigningMaterial(dir: string | null, subject: CertSubject = DEMO_SUBJECT): SigningMaterial {
  const subjectKey = crypto.createHash('sha256').update(`${subject.commonName}\n${subject.organization ?? ''}`).digest('hex').slice(0, 12);
  const cacheKey = `${dir ?? ''}\n${subjectKey}`;
  const cached = memory.get(cacheKey);
  if (cached) return cached;
  let material: SigningMaterial;
  if (!dir) {
    const ca = memoryCa.get('') ?? createCa();
    memoryCa.set('', ca);
    const password = crypto.randomBytes(12).toString('base64url');
    material = { p12: issueSigningCert(ca, subject, password), password, caCertPem: ca.certPem };
  } else {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const caJson = readOrCreate(path.join(dir, 'demo-ca.json'), () => Buffer.from(JSON.stringify(createCa())));
    const ca = JSON.parse(caJson.toString('utf8')) as CaMaterial;
    fs.writeFileSync(path.join(dir, 'demo-ca.pem'), ca.certPem); // for people: import into a PDF reader to trust the demo
    const password = readOrCreate(path.join(dir, `demo-signer-${subjectKey}.password`), () =>
      Buffer.from(crypto.randomBytes(12).toString('base64url')),
    ).toString('utf8');
    const p12 = readOrCreate(path.join(dir, `demo-signer-${subjectKey}.p12`), () => issueSigningCert(ca, subject, password));
    material = { p12, password, caCertPem: ca.certPem };
  }
  memory.set(cacheKey, material);
  return material;
}
