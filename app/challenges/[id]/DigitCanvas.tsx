'use client';
import { useEffect, useRef } from 'react';

function draw(canvas: HTMLCanvasElement, pixels: Uint8Array, width: number, height: number): void {
  const ctx = canvas.getContext('2d');
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
}

/**
 * Draws one grayscale image (uint8, row-major) onto a canvas, scaled up with crisp pixels by CSS.
 * Redraws when the browser restores a lost canvas: heavy GPU work in the training worker (WebGPU on
 * a software adapter, measured in headless Chromium) can reset the GPU process and blank canvases.
 */
export function DigitCanvas({ pixels, width, height, label, size = 64 }: { pixels: Uint8Array; width: number; height: number; label: string; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const redraw = () => draw(canvas, pixels, width, height);
    redraw();
    canvas.addEventListener('contextrestored', redraw);
    return () => canvas.removeEventListener('contextrestored', redraw);
  }, [pixels, width, height]);
  return <canvas ref={ref} width={width} height={height} role="img" aria-label={label} className="pixelated rounded" style={{ width: size, height: size }} />;
}
