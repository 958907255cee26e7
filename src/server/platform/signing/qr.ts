// QR codes for printed results: the link to the public verification page.
import QRCode from 'qrcode';

/** A PNG QR code of `text` (error correction M, 4-module quiet zone, 8 px per module). */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}
