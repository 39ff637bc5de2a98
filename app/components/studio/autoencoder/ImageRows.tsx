'use client';
import { memo, useMemo } from 'react';
import { DigitCanvas } from '../../../challenges/[id]/DigitCanvas';
import { imageOf, toBytes } from './ae-views';

export interface ImageRow {
  /** Row heading ("Original", "Reconstruction", …); also each picture's accessible name. */
  label: string;
  /** `count` pictures of width × height floats in 0..1, one after another. */
  images: Float32Array;
  /** Row name for tests and styling. */
  kind: string;
}

/**
 * Rows of small grey pictures, one column per photo: the originals over their reconstructions (and,
 * when denoising, the noisy input over both). `notes[i]` is shown under column i (its error).
 */
export const ImageRows = memo(function ImageRows({ rows, count, width, height, notes, testId, caption, size = 56 }: {
  rows: readonly ImageRow[];
  count: number;
  width: number;
  height: number;
  notes?: readonly string[];
  testId: string;
  caption: string;
  size?: number;
}) {
  const pixels = width * height;
  const bytes = useMemo(() => rows.map((r) => Array.from({ length: count }, (_, i) => toBytes(imageOf(r.images, pixels, i)))), [rows, count, pixels]);
  return (
    <figure data-testid={testId} data-count={count} className="flex flex-col gap-1">
      <figcaption className="text-sm text-slate-700">{caption}</figcaption>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1">
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.kind} data-testid={`${testId}-row`} data-kind={row.kind}>
                <th scope="row" className="pr-2 text-left text-xs font-medium text-slate-600">{row.label}</th>
                {bytes[r]?.map((img, i) => (
                  <td key={i}>
                    <DigitCanvas pixels={img} width={width} height={height} label={`${row.label} ${i + 1}`} size={size} />
                  </td>
                ))}
              </tr>
            ))}
            {notes && (
              <tr>
                <td />
                {notes.map((n, i) => <td key={i} className="text-center font-mono text-[10px] text-slate-600">{n}</td>)}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
