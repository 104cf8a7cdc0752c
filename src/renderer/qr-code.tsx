interface QrCodeProps {
  /** From main (PinView.qr): one SVG path over a size×size grid of modules. */
  qr: { size: number; path: string };
  /** What the code says, for its accessible name, e.g. "plex.tv/link". */
  label: string;
}

/**
 * A QR code drawn from the path main computed: no image service, no library here. Dark
 * modules on white with a 4-module quiet zone, in both themes, so any phone can scan it.
 */
export function QrCode({ qr, label }: QrCodeProps) {
  const view = `-4 -4 ${qr.size + 8} ${qr.size + 8}`;
  return (
    <svg className="qr-code" viewBox={view} role="img" aria-label={`QR code for ${label}`}>
      <path d={qr.path} />
    </svg>
  );
}
