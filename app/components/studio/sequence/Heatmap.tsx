'use client';
import { useEffect, useRef } from 'react';

/** Cell size in CSS pixels; rows and columns stay readable up to 64 units by 20 steps. */
const CELL_PX = 14;

/**
 * Blue for negative, white for zero, red for positive (hidden states, cell states), or white to
 * indigo for 0..1 (gates, attention weights).
 */
function colour(v: number, scale: number, signed: boolean): string {
  const x = Math.max(-1, Math.min(1, v / (scale || 1)));
  if (!signed) {
    const a = Math.max(0, x);
    return `rgb(${Math.round(255 - a * 206)}, ${Math.round(255 - a * 209)}, ${Math.round(255 - a * 26)})`;
  }
  const a = Math.abs(x);
  return x >= 0 ? `rgb(255, ${Math.round(255 - a * 185)}, ${Math.round(255 - a * 185)})` : `rgb(${Math.round(255 - a * 185)}, ${Math.round(255 - a * 145)}, 255)`;
}

export interface HeatmapProps {
  /** values[row][column]. */
  values: readonly (readonly number[])[];
  /** One label per column (the steps' tokens) and, optionally, per row. */
  columns: readonly string[];
  rows?: readonly string[];
  /** Values in -1..1 drawn blue-white-red; otherwise 0..1 white to indigo. */
  signed: boolean;
  label: string;
  testId: string;
  /** Row to outline (the query step of an attention map). */
  highlightRow?: number;
}

/** A grid of coloured cells with the tokens along the top; the numbers are in each cell's title. */
export function Heatmap({ values, columns, rows, signed, label, testId, highlightRow }: HeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const height = values.length;
  const width = values[0]?.length ?? 0;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const scale = signed ? Math.max(1e-6, ...values.flat().map(Math.abs)) : 1;
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        ctx.fillStyle = colour(v, scale, signed);
        ctx.fillRect(c * CELL_PX, r * CELL_PX, CELL_PX, CELL_PX);
      }),
    );
    if (highlightRow !== undefined) {
      ctx.strokeStyle = '#0f172a';
      ctx.lineWidth = 2;
      ctx.strokeRect(1, highlightRow * CELL_PX + 1, width * CELL_PX - 2, CELL_PX - 2);
    }
  }, [values, signed, width, highlightRow]);
  return (
    <figure data-testid={testId} data-rows={height} data-columns={width} className="flex flex-col gap-1">
      <figcaption className="text-xs font-medium text-slate-700">{label}</figcaption>
      <div className="flex gap-1">
        {rows && (
          <div className="flex flex-col pt-4 text-right font-mono text-[10px] leading-[14px] text-slate-600" aria-hidden="true">
            {rows.map((r, i) => <span key={i}>{r}</span>)}
          </div>
        )}
        <div className="flex flex-col">
          <div className="flex font-mono text-[10px] leading-4 text-slate-700" aria-hidden="true">
            {columns.map((c, i) => <span key={i} className="text-center" style={{ width: CELL_PX }}>{c}</span>)}
          </div>
          <canvas ref={ref} width={width * CELL_PX} height={height * CELL_PX} role="img" aria-label={label} className="rounded-sm ring-1 ring-slate-300" />
        </div>
      </div>
    </figure>
  );
}
