import QRCode from 'qrcode';

/** A QR code of one of our own URLs as inline SVG, for the printed hang-tag and packing slip. */
export const drawQrSvg = (url: string): Promise<string> => QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
