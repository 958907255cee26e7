// Small helpers over node-forge's ASN.1 (DER) codec, for building the CMS of our own signatures
// (sign.ts, signer.ts): trusted input only. Verification of uploaded files never comes here: it
// parses with asn1js/pkijs (verify.ts).
import forge from 'node-forge';

export type Asn1 = forge.asn1.Asn1;
const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;

export { OID } from './oids.js';

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
