// PAdES signing (ETSI EN 319 142-1, baseline B-B): an incremental update with a signature field
// whose /Contents is a detached CAdES SignedData over the /ByteRange (SubFilter ETSI.CAdES.detached).
// @signpdf/placeholder-plain writes the update (also on top of an earlier signature) and
// @signpdf/signpdf fills in the ByteRange; the CMS is built here rather than by
// @signpdf/signer-p12, whose CMS is not PAdES (it carries a signing-time attribute, which PAdES
// forbids, and lacks the required signing-certificate-v2) and which needs the key in memory.
import crypto from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { Signer as SignpdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { certParts, ctx, int, nul, octets, OID, oid, seq, set, toDer, type Asn1 } from './asn1.js';
import type { Signer } from './signer.js';

export interface SignInfo {
  /** /Reason, e.g. "Kết quả giải quyết thủ tục hành chính". */
  reason: string;
  /** /Location, e.g. "Phường Cẩm Thành, tỉnh Quảng Ngãi". */
  location: string;
  /** /Name: who signs, as a person reads it. */
  name: string;
  contactInfo?: string;
  /** /M, the signing time claimed by the signer; now by default. */
  signedAt?: Date;
}

/** Builds the CAdES-BES SignedData: signed attributes content-type, message-digest, signing-certificate-v2. */
class CadesSigner extends SignpdfSigner {
  constructor(private readonly signer: Signer) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const [own, ...rest] = this.signer.certificates;
    if (!own) throw new Error('the signer has no certificate');
    const cert = certParts(own);
    const chain = [cert, ...rest.map(certParts)];
    const issuerSerial = seq([seq([ctx(4, [cert.issuer])]), rawInt(cert.serial)]);
    const attributes = [
      seq([oid(OID.contentType), set([oid(OID.data)])]),
      seq([oid(OID.messageDigest), set([octets(sha256(signedBytes))])]),
      // ESSCertIDv2 with the default hash (SHA-256) left out, as DER requires.
      seq([oid(OID.signingCertificateV2), set([seq([seq([seq([octets(sha256(own)), issuerSerial])])])])]),
    ]
      .map((a) => ({ a, der: toDer(a) }))
      .sort((x, y) => Buffer.compare(x.der, y.der)) // DER orders a SET OF by encoding
      .map((x) => x.a);
    const signature = await this.signer.signRsaSha256(toDer(set(attributes)));
    const signerInfo = seq([
      int(1),
      seq([cert.issuer, rawInt(cert.serial)]),
      seq([oid(OID.sha256)]),
      ctx(0, attributes),
      seq([oid(OID.sha256WithRSAEncryption), nul()]),
      octets(signature),
    ]);
    const signedData = seq([
      int(1),
      set([seq([oid(OID.sha256)])]),
      seq([oid(OID.data)]),
      ctx(0, chain.map((c) => c.asn1)),
      set([signerInfo]),
    ]);
    return toDer(seq([oid(OID.signedData), ctx(0, [signedData])]));
  }
}

function sha256(b: Buffer): Buffer {
  return crypto.createHash('sha256').update(b).digest();
}

/** An INTEGER with the certificate's own serial bytes. */
function rawInt(value: Buffer): Asn1 {
  return forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, value.toString('binary'));
}

/**
 * Signs `pdf` (appends an incremental update; an existing signature stays valid). The PDF must
 * use classic xref tables (pdfkit's output, and what signPdf itself writes) — not xref streams.
 */
export async function signPdf(pdf: Buffer, signer: Signer, info: SignInfo): Promise<Buffer> {
  const signedAt = info.signedAt ?? new Date();
  // placeholder-plain writes non-ASCII text strings as UTF-8 bytes of UTF-16 code units, which no
  // reader decodes (vbuch/node-signpdf#174). Such strings go in as same-length ASCII markers and are
  // swapped for UTF-16BE hex strings afterwards, so no offset in the update moves.
  const swaps: { marker: string; hex: string }[] = [];
  const text = (s: string): string => {
    const v = s.normalize('NFC');
    if (!/[^\x20-\x7e]/.test(v)) return v;
    const hex = `<${Buffer.from(`\ufeff${v}`, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
    const marker = `dvc${crypto.randomBytes(hex.length).toString('hex')}`.slice(0, hex.length - 2);
    swaps.push({ marker, hex });
    return marker;
  };
  const certBytes = signer.certificates.reduce((n, c) => n + c.length, 0);
  let prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: text(info.reason),
    location: text(info.location),
    name: text(info.name),
    contactInfo: text(info.contactInfo ?? ''),
    signingTime: signedAt,
    signatureLength: Math.max(8192, certBytes + 4096),
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'dvc',
  });
  for (const { marker, hex } of swaps) {
    const at = prepared.indexOf(`(${marker})`, 0, 'latin1');
    if (at < 0) throw new Error('signature placeholder text not found');
    prepared = Buffer.concat([prepared.subarray(0, at), Buffer.from(hex, 'latin1'), prepared.subarray(at + hex.length)]);
  }
  return new SignPdf().sign(prepared, new CadesSigner(signer));
}
