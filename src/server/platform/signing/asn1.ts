// Small helpers over node-forge's ASN.1 (DER) codec, shared by sign.ts and verify.ts.
import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
} as const;

/** Digest algorithm OIDs → node:crypto hash names (SHA-1 deliberately absent). */
export const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithm OIDs → the hash they imply (null: the SignerInfo's digest algorithm). */
export const SIGNATURE_ALGORITHMS: Record<string, string | null> = {
  '1.2.840.113549.1.1.1': null, // rsaEncryption
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

export const seq = (v: Asn1[]) => asn1.create(U, asn1.Type.SEQUENCE, true, v);
export const set = (v: Asn1[]) => asn1.create(U, asn1.Type.SET, true, v);
export const oid = (o: string) => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
export const octets = (b: Buffer) => asn1.create(U, asn1.Type.OCTETSTRING, false, b.toString('binary'));
export const int = (n: number) => asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
export const nul = () => asn1.create(U, asn1.Type.NULL, false, '');
export const ctx = (tag: number, v: Asn1[]) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, v);

export function toDer(a: Asn1): Buffer {
  return Buffer.from(asn1.toDer(a).getBytes(), 'binary');
}

/** Length of the DER element at the start of `b` (tag + length + value), or null if it cannot be read. */
export function derLength(b: Buffer): number | null {
  if (b.length < 2) return null;
  const first = b[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || b.length < 2 + n) return null;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i]!;
  return 2 + n + len;
}

/** Parses one DER element; trailing bytes (the zero padding of /Contents) are ignored. Throws on bad DER. */
export function fromDer(b: Buffer): Asn1 {
  const len = derLength(b);
  if (len === null || len > b.length) throw new Error('bad DER');
  // decodeBitStrings off: BIT STRINGs stay opaque, so re-encoding a certificate gives back its bytes.
  const options = { strict: true, parseAllBytes: true, decodeBitStrings: false } as unknown as boolean;
  return asn1.fromDer(forge.util.createBuffer(b.subarray(0, len).toString('binary')), options);
}

export function children(a: Asn1 | undefined): Asn1[] {
  return a && Array.isArray(a.value) ? a.value : [];
}

export function bytes(a: Asn1 | undefined): Buffer {
  if (!a || typeof a.value !== 'string') throw new Error('expected a primitive ASN.1 value');
  return Buffer.from(a.value, 'binary');
}

export function oidOf(a: Asn1 | undefined): string {
  if (!a || a.tagClass !== U || a.type !== asn1.Type.OID) throw new Error('expected an OID');
  return asn1.derToOid(a.value as string);
}

export function isCtx(a: Asn1 | undefined, tag: number): boolean {
  return !!a && a.tagClass === asn1.Class.CONTEXT_SPECIFIC && a.type === tag;
}

/** The parts of an X.509 certificate that CMS refers to. */
export interface CertParts {
  der: Buffer;
  asn1: Asn1;
  serial: Buffer;
  issuer: Asn1;
  subject: Asn1;
}

export function certParts(der: Buffer): CertParts {
  const cert = fromDer(der);
  const tbs = children(cert)[0];
  const f = children(tbs);
  const o = isCtx(f[0], 0) ? 1 : 0; // optional [0] version
  const serial = f[o];
  const issuer = f[o + 2];
  const subject = f[o + 4];
  if (!serial || !issuer || !subject) throw new Error('not a certificate');
  return { der, asn1: cert, serial: bytes(serial), issuer, subject };
}

/** The CN of an X.509 Name, decoded (UTF8String, BMPString or a one-byte string type). */
export function commonName(name: Asn1): string | null {
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (!type || !value || oidOf(type) !== OID.commonName) continue;
      const raw = bytes(value);
      if (value.type === asn1.Type.UTF8) return raw.toString('utf8');
      if (value.type === asn1.Type.BMPSTRING) return Buffer.from(raw).swap16().toString('utf16le');
      return raw.toString('latin1');
    }
  }
  return null;
}
