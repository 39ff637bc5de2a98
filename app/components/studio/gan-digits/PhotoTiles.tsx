'use client';
import { useEffect, useRef } from 'react';
import { tilePhotos, tileSize } from './digit-view';

/**
 * Photos (values on 0..1) tiled `cols` across on one canvas, one canvas pixel per photo pixel,
 * scaled up by CSS with crisp pixels to the width it is given. One canvas rather than forty: one
 * putImageData per snapshot. Redraws when the browser restores a lost canvas (a busy GPU in the
 * worker can reset it, as DigitCanvas says).
 */
export function PhotoTiles({ values, count, side, cols, label }: { values: Float32Array; count: number; side: number; cols: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const size = tileSize(count, side, cols);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const redraw = () => {
      const t = tilePhotos(values, count, side, cols);
      canvas.getContext('2d')?.putImageData(new ImageData(t.data, t.width, t.height), 0, 0);
    };
    redraw();
    canvas.addEventListener('contextrestored', redraw);
    return () => canvas.removeEventListener('contextrestored', redraw);
  }, [values, count, side, cols]);
  return (
    <canvas
      ref={ref}
      width={size.width}
      height={size.height}
      role="img"
      aria-label={label}
      className="pixelated block h-auto w-full rounded"
    />
  );
}
