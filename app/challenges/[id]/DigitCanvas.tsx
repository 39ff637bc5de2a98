'use client';
import { useEffect, useRef } from 'react';

/** Draws one grayscale image (uint8, row-major) onto a canvas, scaled up with crisp pixels by CSS. */
export function DigitCanvas({ pixels, width, height, label, size = 64 }: { pixels: Uint8Array; width: number; height: number; label: string; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const v = pixels[i] ?? 0;
      img.data[i * 4] = v;
      img.data[i * 4 + 1] = v;
      img.data[i * 4 + 2] = v;
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, width, height]);
  return <canvas ref={ref} width={width} height={height} role="img" aria-label={label} className="pixelated rounded" style={{ width: size, height: size }} />;
}
