/** A referral link (or the Zalo text) as a QR code PNG, large enough to print on a standee. */
import QRCode from 'qrcode';

/** Pixels per side: sharp when printed at about 10 cm. */
export const QR_WIDTH = 768;

export async function qrPng(text: string, width = QR_WIDTH): Promise<Uint8Array> {
  const png = await QRCode.toBuffer(text, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
  return new Uint8Array(png);
}
