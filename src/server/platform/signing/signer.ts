// Who signs: a key and its certificate chain. signPdf builds the CMS itself and only asks the
// Signer for one raw RSA signature, so a key in an HSM (PKCS#11) or a remote signing service
// (e.g. a CA's CSC API) can stand behind this interface without the key entering the process.
import crypto from 'node:crypto';
import forge from 'node-forge';
import { toDer } from './asn1.js';

export interface Signer {
  /** DER certificates: the signing key's own first, then the CAs above it (root optional). */
  readonly certificates: Buffer[];
  /** RSASSA-PKCS1-v1_5 with SHA-256 over `data` (the DER of the CMS signed attributes). */
  signRsaSha256(data: Buffer): Promise<Buffer>;
}

export class SignerError extends Error {}

const BAG = { key: '1.2.840.113549.1.12.10.1.1', shroudedKey: '1.2.840.113549.1.12.10.1.2', cert: '1.2.840.113549.1.12.10.1.3' };

/** A Signer over a PKCS#12 file (the key is held in this process). RSA keys only. */
export function p12Signer(p12: Buffer, password: string): Signer {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, password);
  } catch (err) {
    throw new SignerError(`cannot open the PKCS#12 file (wrong password or format): ${(err as Error).message}`);
  }
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(BAG.shroudedKey), ...bags(BAG.key)];
  const forgeKey = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!forgeKey) throw new SignerError('the PKCS#12 file holds no RSA private key');
  const certs = bags(BAG.cert)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(forgeKey.n) && pub.e?.equals(forgeKey.e);
  });
  if (!own) throw new SignerError('the PKCS#12 file has no certificate for its private key');
  const key = crypto.createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const certificates = [own, ...certs.filter((c) => c !== own)].map((c) => toDer(forge.pki.certificateToAsn1(c)));
  if (!new crypto.X509Certificate(certificates[0]!).checkPrivateKey(key)) {
    throw new SignerError('the certificate in the PKCS#12 file does not match its private key');
  }
  return {
    certificates,
    signRsaSha256: async (data) => crypto.sign('sha256', data, key),
  };
}
