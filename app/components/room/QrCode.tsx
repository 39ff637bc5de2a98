'use client';
import { create } from 'qrcode';
import { useMemo } from 'react';

/** Quiet zone around the symbol, in modules (the QR standard asks for 4). */
const QUIET = 4;

/** The modules of `text` as one SVG path (1 unit per module), drawn by React: no HTML strings. */
function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let d = '';
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (modules.get(r, c)) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
    }
  }
  return { size: modules.size + 2 * QUIET, d };
}

/** A QR code of `text`, crisp at any size, with an accessible name. */
export function QrCode({ text, label, className = '' }: { text: string; label: string; className?: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg data-testid="join-qr" data-text={text} role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" className={className}>
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#0f172a" />
    </svg>
  );
}
