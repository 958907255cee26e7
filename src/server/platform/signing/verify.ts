// Verifies the signatures of a PDF without trusting anything in it but the maths: every
// /ByteRange, the CMS in its /Contents, the certificate chain up to a trusted CA, and what was
// appended after each signature. Never throws: anything unreadable counts as "not signed" /
// "not intact".
//
// Everything here reads bytes anyone can upload (the public page /xac-thuc). The DER in them (CMS,
// certificates, attributes) is decoded only by maintained parsers — asn1js with resource limits,
// pkijs for the CMS and certificate structures, OpenSSL (node:crypto's X509Certificate) for keys
// and chains — never by node-forge, which signs our own documents only (sign.ts). The digest and
// signature checks are done with node:crypto. Every loop over the file is bounded (LIMITS), so a
// crafted file costs at most a few hundred milliseconds, not a hang.
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DIGESTS, OID, SIGNATURE_ALGORITHMS } from './oids.js';

export interface SignatureCheck {
  /** CN of the signing certificate (the /Name entry when the certificate cannot be read). */
  signerName: string;
  /** /M of the signature dictionary (claimed by the signer, not a timestamp), ISO 8601. */
  signedAt: string | null;
  reason: string | null;
  /** The digest over the ByteRange matches, and the CMS signature over it verifies with the signer's key. */
  intact: boolean;
  /** Nothing follows the signed bytes but later signatures (their signature fields and nothing else). */
  coversWholeFile: boolean;
  /** The signing certificate chains to a trusted CA and was valid at signedAt. */
  trusted: boolean;
}

export interface VerifyResult {
  signed: boolean;
  /** In signing order. */
  signatures: SignatureCheck[];
  /** Signed, and every signature intact, trusted and covering the whole file. */
  authentic: boolean;
}

/**
 * What one file may cost. Real results carry one to three signatures, a CMS of a few hundred
 * ASN.1 nodes and two or three certificates, and a signature update of about five objects.
 */
export const LIMITS = {
  /** More distinct /ByteRange entries than this: the file is not read as signed at all. */
  signatures: 10,
  /** asn1js limits for one CMS (nesting depth, node count): beyond them the CMS is unreadable. */
  cmsDepth: 64,
  cmsNodes: 20_000,
  /** Certificates carried in one CMS. */
  certificates: 32,
  /** Objects in the update between two signatures (more: it is not "only a signature"). */
  updateObjects: 16,
} as const;

const NOT_SIGNED: VerifyResult = { signed: false, signatures: [], authentic: false };

interface Found {
  /** Offset of the /ByteRange key. */
  at: number;
  range: [number, number, number, number];
  /** The /Contents bytes (the gap of the ByteRange, hex-decoded). */
  contents: Buffer;
  dict: string;
  /** End of the signed bytes. */
  end: number;
}

/** The bytes start like a PDF: "%PDF-" within the first 1024 bytes, as PDF readers accept it. */
export function looksLikePdf(b: Buffer): boolean {
  return Buffer.isBuffer(b) && b.subarray(0, 1024).includes('%PDF-', 0, 'latin1');
}

export function verifyPdf(pdf: Buffer, trustedCaPems: string[], now = new Date()): VerifyResult {
  try {
    if (!Buffer.isBuffer(pdf) || pdf.length < 8) return NOT_SIGNED;
    const text = pdf.toString('latin1');
    const found = findSignatures(pdf, text);
    if (found === null || found.length === 0) return NOT_SIGNED;
    const anchors = parseAnchors(trustedCaPems);
    const covers = new Array<boolean>(found.length).fill(false);
    for (let i = found.length - 1; i >= 0; i--) {
      const from = found[i]!.end;
      if (i === found.length - 1) covers[i] = /^\s*$/.test(text.slice(from));
      else covers[i] = covers[i + 1]! && onlySignatureUpdates(text, from, found[i + 1]!.end);
    }
    const signatures = found.map((f, i) => ({ ...checkSignature(pdf, f, anchors, now), coversWholeFile: covers[i]! }));
    const authentic = signatures.every((s) => s.intact && s.trusted && s.coversWholeFile);
    return { signed: true, signatures, authentic };
  } catch {
    return NOT_SIGNED;
  }
}

// ---------------------------------------------------------------------------------------------
// Finding signatures

/** The signatures of the file in signing order; null when there are more than LIMITS.signatures. */
function findSignatures(pdf: Buffer, text: string): Found[] | null {
  const out: Found[] = [];
  const seen = new Set<string>();
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [start, gapStart, gapEnd, tailLen] = range;
    // The signed bytes are the whole file up to `end` but for the /Contents hex string, and the
    // dictionary holding this /ByteRange lies inside them.
    if (start !== 0 || gapStart <= m.index || gapEnd <= gapStart + 1 || gapEnd + tailLen > pdf.length) continue;
    if (pdf[gapStart] !== 0x3c || pdf[gapEnd - 1] !== 0x3e) continue; // < … >
    const key = range.join();
    if (seen.has(key)) continue; // a copy of a signature is not another one
    seen.add(key);
    if (seen.size > LIMITS.signatures) return null;
    const hex = text.slice(gapStart + 1, gapEnd - 1);
    if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) continue;
    const objStart = lastMatch(text.slice(Math.max(0, m.index - 4096), m.index), /\d+\s+\d+\s+obj\b/g);
    const dictStart = objStart === null ? Math.max(0, m.index - 4096) : Math.max(0, m.index - 4096) + objStart;
    const endobj = text.indexOf('endobj', gapEnd);
    const dict = text.slice(dictStart, gapStart) + text.slice(gapEnd, endobj < 0 ? gapEnd + 4096 : Math.min(endobj, gapEnd + 65_536));
    out.push({ at: m.index, range, contents: Buffer.from(hex, 'hex'), dict, end: gapEnd + tailLen });
  }
  return out.sort((a, b) => a.end - b.end);
}

function lastMatch(s: string, re: RegExp): number | null {
  let last: number | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m.index;
  return last;
}

// ---------------------------------------------------------------------------------------------
// One signature: CMS, digest, signature, certificate chain

interface Anchor {
  x509: crypto.X509Certificate;
  der: Buffer;
}

function parseAnchors(pems: string[]): Anchor[] {
  const out: Anchor[] = [];
  for (const pem of pems) {
    for (const block of pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []) {
      try {
        const x509 = new crypto.X509Certificate(block);
        out.push({ x509, der: x509.raw });
      } catch {
        // an unreadable trusted certificate trusts nothing
      }
    }
  }
  return out;
}

function checkSignature(pdf: Buffer, f: Found, anchors: Anchor[], now: Date): Omit<SignatureCheck, 'coversWholeFile'> {
  const signedAt = pdfDate(dictString(f.dict, 'M'));
  const base = {
    signerName: dictString(f.dict, 'Name') ?? '',
    signedAt: signedAt?.toISOString() ?? null,
    reason: dictString(f.dict, 'Reason'),
    intact: false,
    trusted: false,
  };
  let cms: Cms;
  try {
    cms = parseCms(f.contents);
  } catch {
    return base;
  }
  const signer = cms.signerCert;
  if (signer) {
    try {
      base.signerName = commonName(signer.cert.subject) ?? base.signerName;
    } catch {
      // keep /Name
    }
  }
  const [, gapStart, gapEnd, tailLen] = f.range;
  const signedBytes = Buffer.concat([pdf.subarray(0, gapStart), pdf.subarray(gapEnd, gapEnd + tailLen)]);
  try {
    base.intact = !!signer && verifyCms(cms, signer, signedBytes);
  } catch {
    base.intact = false;
  }
  try {
    base.trusted = !!signer && chainsToAnchor(signer, cms.certs, anchors, signedAt ?? now);
  } catch {
    base.trusted = false;
  }
  return base;
}

interface CmsCert {
  /** The certificate's bytes as they are in the CMS. */
  der: Buffer;
  cert: pkijs.Certificate;
  x509: crypto.X509Certificate;
}

interface Cms {
  certs: CmsCert[];
  signerCert: CmsCert | null;
  digestAlgorithm: string;
  /** The signed attributes, and their DER as a SET (what the signature is over). */
  signedAttrs: { attributes: pkijs.Attribute[]; der: Buffer } | null;
  signatureAlgorithm: string;
  signature: Buffer;
}

const bytesOf = (b: asn1js.BaseBlock): Buffer => Buffer.from(b.valueBeforeDecodeView);
const view = (v: ArrayBuffer | Uint8Array): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array(v));
const same = (a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean => Buffer.from(view(a)).equals(view(b));

/**
 * Decodes the ContentInfo at the start of `der` (the rest is the zero padding of /Contents) with
 * asn1js's resource limits, then reads it as SignedData with pkijs. Throws when it is anything else.
 */
function parseCms(der: Buffer): Cms {
  const decoded = asn1js.fromBER(der, { maxDepth: LIMITS.cmsDepth, maxNodes: LIMITS.cmsNodes, parseEmbedded: false });
  if (decoded.offset === -1 || decoded.result.error) throw new Error(`unreadable CMS: ${decoded.result.error}`);
  const contentInfo = new pkijs.ContentInfo({ schema: decoded.result });
  if (contentInfo.contentType !== OID.signedData || !(contentInfo.content instanceof asn1js.Sequence)) throw new Error('not SignedData');
  // The certificates' bytes as sent: the [0] IMPLICIT CertificateSet of the SignedData, counted
  // before pkijs reads each of them.
  const certsNode = contentInfo.content.valueBlock.value.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0);
  const certNodes = certsNode instanceof asn1js.Constructed ? certsNode.valueBlock.value : [];
  if (certNodes.length > LIMITS.certificates) throw new Error('too many certificates');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const si = signedData.signerInfos[0];
  if (!si) throw new Error('no SignerInfo');
  const parsedCerts = signedData.certificates ?? [];
  if (parsedCerts.length !== certNodes.length) throw new Error('unexpected CertificateSet');
  const certs: CmsCert[] = [];
  parsedCerts.forEach((cert, i) => {
    if (!(cert instanceof pkijs.Certificate)) return; // an attribute or other certificate: ignore
    const der = bytesOf(certNodes[i]!);
    try {
      certs.push({ der, cert, x509: new crypto.X509Certificate(der) });
    } catch {
      // OpenSSL cannot read it: not a certificate we can use
    }
  });

  let signerCert: CmsCert | null = null;
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    signerCert =
      certs.find(
        (c) => same(c.cert.serialNumber.valueBlock.valueHexView, sid.serialNumber.valueBlock.valueHexView) && same(c.cert.issuer.valueBeforeDecode, sid.issuer.valueBeforeDecode),
      ) ?? null;
  }
  return {
    certs,
    signerCert,
    digestAlgorithm: si.digestAlgorithm.algorithmId,
    // pkijs keeps the attributes' bytes as received, retagged as a SET (0x31).
    signedAttrs: si.signedAttrs ? { attributes: si.signedAttrs.attributes, der: Buffer.from(si.signedAttrs.encodedValue) } : null,
    signatureAlgorithm: si.signatureAlgorithm.algorithmId,
    signature: Buffer.from(si.signature.valueBlock.valueHexView),
  };
}

/** The one value of a signed attribute that must occur once with one value; null otherwise. */
function singleValue(attributes: pkijs.Attribute[], type: string): unknown {
  const found = attributes.filter((a) => a.type === type);
  if (found.length !== 1 || found[0]!.values.length !== 1) return null;
  return found[0]!.values[0];
}

function octetsOf(v: unknown): Buffer | null {
  return v instanceof asn1js.OctetString && !v.idBlock.isConstructed ? Buffer.from(v.valueBlock.valueHexView) : null;
}

function verifyCms(cms: Cms, signer: CmsCert, signedBytes: Buffer): boolean {
  const hash = DIGESTS[cms.digestAlgorithm];
  if (!hash || !(cms.signatureAlgorithm in SIGNATURE_ALGORITHMS)) return false;
  const sigHash = SIGNATURE_ALGORITHMS[cms.signatureAlgorithm] ?? hash;
  const digest = crypto.createHash(hash).update(signedBytes).digest();
  let toVerify: Buffer;
  if (cms.signedAttrs) {
    const { attributes } = cms.signedAttrs;
    if (new Set(attributes.map((a) => a.type)).size !== attributes.length) return false; // each attribute once
    const md = octetsOf(singleValue(attributes, OID.messageDigest));
    if (!md || !md.equals(digest)) return false;
    const ct = singleValue(attributes, OID.contentType);
    if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== OID.data) return false;
    // ESS signing-certificate-v2, when present, must name this very certificate.
    if (attributes.some((a) => a.type === OID.signingCertificateV2) && !essNamesSigner(singleValue(attributes, OID.signingCertificateV2), signer)) return false;
    toVerify = cms.signedAttrs.der;
  } else {
    toVerify = signedBytes;
  }
  return crypto.verify(sigHash, toVerify, signer.x509.publicKey, cms.signature);
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, … }: the first ESSCertIDv2 hashes the signer's certificate. */
function essNamesSigner(value: unknown, signer: CmsCert): boolean {
  if (!(value instanceof asn1js.Sequence)) return false;
  const certIds = value.valueBlock.value[0];
  if (!(certIds instanceof asn1js.Sequence)) return false;
  const first = certIds.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return false;
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT sha256, certHash OCTET STRING, … }
  const fields = first.valueBlock.value;
  const hasAlg = fields[0] instanceof asn1js.Sequence;
  const essHash = hasAlg ? DIGESTS[new pkijs.AlgorithmIdentifier({ schema: fields[0] }).algorithmId] : 'sha256';
  const certHash = octetsOf(fields[hasAlg ? 1 : 0]);
  return !!essHash && !!certHash && crypto.createHash(essHash).update(signer.der).digest().equals(certHash);
}

/** The CN of an X.509 Name, as asn1js decodes its string type (UTF8String, BMPString, PrintableString…). */
function commonName(name: pkijs.RelativeDistinguishedNames): string | null {
  const cn = name.typesAndValues.find((tv) => tv.type === OID.commonName);
  const value: unknown = cn?.value?.valueBlock?.value;
  return typeof value === 'string' ? value : null;
}

function validAt(c: crypto.X509Certificate, at: Date): boolean {
  const t = at.getTime();
  return Date.parse(c.validFrom) <= t && t <= Date.parse(c.validTo);
}

function issuedBy(child: crypto.X509Certificate, parent: crypto.X509Certificate): boolean {
  return parent.ca && child.checkIssued(parent) && child.verify(parent.publicKey);
}

/** Walks up from the signer through the CMS's certificates until a trusted CA issued one. */
function chainsToAnchor(signer: CmsCert, certs: CmsCert[], anchors: Anchor[], at: Date): boolean {
  let current = signer.x509;
  const seen = new Set<string>();
  for (let depth = 0; depth < 8; depth++) {
    if (!validAt(current, at)) return false;
    if (anchors.some((a) => a.der.equals(current.raw))) return true;
    const anchor = anchors.find((a) => issuedBy(current, a.x509));
    if (anchor) return validAt(anchor.x509, at);
    seen.add(current.fingerprint256);
    const next = certs.find((c) => !seen.has(c.x509.fingerprint256) && issuedBy(current, c.x509));
    if (!next) return false;
    current = next.x509;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// What follows a signature

interface PdfObject {
  num: string;
  body: string;
}

/**
 * True when text[from, to) is a series of incremental updates that only add a signature: the
 * signature dictionary, its (appearance-less) widget, the AcroForm, and new versions of existing
 * objects that differ from the previous version by their /Annots or /AcroForm entry alone (the
 * page gets the widget, the catalog the form). Anything else — new content, a changed page, an
 * annotation that could paint over the page — means the signed revision is not what is shown.
 */
function onlySignatureUpdates(text: string, from: number, to: number): boolean {
  const prior = text.slice(0, from);
  const objects: PdfObject[] = [];
  const part = text.slice(from, to);
  let pos = 0;
  const skipWs = () => {
    while (pos < part.length && /\s/.test(part[pos]!)) pos++;
  };
  for (skipWs(); pos < part.length; skipWs()) {
    const rest = part.slice(pos);
    const obj = /^(\d+)\s+(\d+)\s+obj\b/.exec(rest);
    if (obj) {
      const end = rest.indexOf('endobj');
      if (end < 0) return false;
      if (objects.length >= LIMITS.updateObjects) return false;
      const body = rest.slice(obj[0].length, end).trim();
      if (/\bstream\b/.test(body.replace(/\/Contents\s*<[0-9a-fA-F\s]*>/, ''))) return false;
      objects.push({ num: `${obj[1]} ${obj[2]}`, body });
      pos += end + 'endobj'.length;
      continue;
    }
    const xref = /^xref\s+(?:\d+\s+\d+\s+(?:\d{10}\s+\d{5}\s+[fn]\s*)*)+trailer\s*(<<[\s\S]*?>>)\s*startxref\s+\d+\s+%%EOF/.exec(rest);
    if (xref) {
      const root = /\/Root\s+(\d+\s+\d+)\s+R/.exec(xref[1]!)?.[1];
      const priorTrailer = prior.lastIndexOf('trailer');
      const priorRoot = priorTrailer < 0 ? undefined : /\/Root\s+(\d+\s+\d+)\s+R/.exec(prior.slice(priorTrailer))?.[1];
      if (!root || root !== priorRoot) return false;
      pos += xref[0].length;
      continue;
    }
    return false;
  }
  const kind = (body: string) => {
    if (/\/Type\s*\/Sig\b/.test(body) && /\/ByteRange/.test(body)) return 'sig';
    if (/\/Subtype\s*\/Widget\b/.test(body) && /\/FT\s*\/Sig\b/.test(body) && !/\/AP\b/.test(body)) return 'widget';
    if (/\/Type\s*\/AcroForm\b/.test(body)) {
      const names = body.match(/\/[A-Za-z]+/g) ?? [];
      return names.every((n) => ['/Type', '/AcroForm', '/SigFlags', '/Fields'].includes(n)) ? 'form' : 'other';
    }
    return 'other';
  };
  const widgets = new Set(objects.filter((o) => kind(o.body) === 'widget').map((o) => o.num));
  for (const o of objects) {
    const k = kind(o.body);
    const before = previousVersion(prior, o.num);
    if (k !== 'other') {
      if (before !== null && kind(before) !== k) return false; // e.g. a page turned into a "signature"
      continue;
    }
    if (before === null) return false;
    if (normalizeDict(o.body) !== normalizeDict(before)) return false;
    const had = new Set(annotRefs(before));
    if (!annotRefs(o.body).every((r) => had.has(r) || widgets.has(r))) return false;
  }
  return true;
}

function previousVersion(prior: string, num: string): string | null {
  const [n, g] = num.split(' ');
  const at = lastMatch(prior, new RegExp(`(?<![0-9])${n}\\s+${g}\\s+obj\\b`, 'g'));
  if (at === null) return null;
  const start = prior.indexOf('obj', at) + 3;
  const end = prior.indexOf('endobj', start);
  return end < 0 ? null : prior.slice(start, end).trim();
}

/** A dictionary without its /Annots and /AcroForm entries, whitespace normalized. */
function normalizeDict(body: string): string {
  return body
    .replace(/\/Annots\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/g, '')
    .replace(/\/AcroForm\s*\d+\s+\d+\s+R/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*(<<|>>|\[|\]|\/)\s*/g, '$1')
    .trim();
}

function annotRefs(body: string): string[] {
  const arr = /\/Annots\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
  return [...arr.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => `${m[1]} ${m[2]}`);
}

// ---------------------------------------------------------------------------------------------
// PDF strings and dates

/** The text string value of /key in a dictionary's source (literal or hex string), decoded. */
function dictString(dict: string, key: string): string | null {
  const re = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`, 'g');
  for (let m = re.exec(dict); m; m = re.exec(dict)) {
    const at = m.index + m[0].length;
    const c = dict[at];
    if (c === '(' || (c === '<' && dict[at + 1] !== '<')) {
      const raw = readString(dict, at);
      return raw === null ? null : decodeTextString(raw);
    }
  }
  return null;
}

function readString(s: string, at: number): Buffer | null {
  if (s[at] === '<') {
    const end = s.indexOf('>', at);
    if (end < 0) return null;
    let hex = s.slice(at + 1, end).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) return null;
    if (hex.length % 2) hex += '0';
    return Buffer.from(hex, 'hex');
  }
  const out: number[] = [];
  let depth = 0;
  for (let i = at + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const n = s[++i];
      if (n === undefined) return null;
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in esc) out.push(esc[n]!);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
        out.push(parseInt(oct, 8) & 0xff);
      } else if (n === '\r') {
        if (s[i + 1] === '\n') i++;
      } else if (n !== '\n') out.push(n.charCodeAt(0));
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) return Buffer.from(out);
      depth--;
    }
    out.push(c.charCodeAt(0) & 0xff);
  }
  return null;
}

function decodeTextString(b: Buffer): string {
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2, b.length - (b.length % 2))).swap16().toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1'); // PDFDocEncoding, close enough for dates and ASCII
}

/** "D:YYYYMMDDHHmmSS+07'00'" → Date. */
function pdfDate(s: string | null): Date | null {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', sec = '00', , sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? null : date;
}
