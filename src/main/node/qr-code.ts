import QRCode from 'qrcode';

/**
 * A QR code of `text` as one SVG path over a size×size grid of modules (one unit each),
 * drawn here rather than by any network image service. The renderer adds the quiet zone.
 */
export function qrCodePath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = modules;
  let path = '';
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if (modules.get(y, x)) path += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size, path };
}
