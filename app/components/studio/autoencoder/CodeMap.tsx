'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { codeBounds, digitColour, nearestCode, toCanvas } from './ae-views';

/** Canvas side in pixels (drawn at this size: the points stay round). */
const MAP_PX = 320;
const POINT_RADIUS_PX = 3;

export interface CodeMapProps {
  /** Two numbers per validation photo (its code), photo after photo. */
  codes: Float32Array;
  labels: Uint8Array;
  /** The two chosen photos (indices), the ends of the interpolation. */
  a: number;
  b: number;
  onPick: (end: 'a' | 'b', index: number) => void;
}

function drawMap(canvas: HTMLCanvasElement, { codes, labels, a, b }: Omit<CodeMapProps, 'onPick'>): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const bounds = codeBounds(codes);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, MAP_PX, MAP_PX);
  for (let i = 0; i < labels.length; i++) {
    const [x, y] = toCanvas(codes[2 * i] ?? 0, codes[2 * i + 1] ?? 0, bounds, MAP_PX);
    ctx.fillStyle = digitColour(labels[i] ?? 0);
    ctx.beginPath();
    ctx.arc(x, y, POINT_RADIUS_PX, 0, 2 * Math.PI);
    ctx.fill();
  }
  const ends: ['A' | 'B', number][] = [['A', a], ['B', b]];
  const [ax, ay] = toCanvas(codes[2 * a] ?? 0, codes[2 * a + 1] ?? 0, bounds, MAP_PX);
  const [bx, by] = toCanvas(codes[2 * b] ?? 0, codes[2 * b + 1] ?? 0, bounds, MAP_PX);
  ctx.strokeStyle = '#0f172a';
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx, by);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineWidth = 2;
  ctx.font = 'bold 12px sans-serif';
  for (const [name, i] of ends) {
    const [x, y] = toCanvas(codes[2 * i] ?? 0, codes[2 * i + 1] ?? 0, bounds, MAP_PX);
    ctx.beginPath();
    ctx.arc(x, y, POINT_RADIUS_PX + 4, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.fillStyle = '#0f172a';
    ctx.fillText(name, x + 8, y - 6);
  }
  ctx.lineWidth = 1;
}

/**
 * The 2-D code of every validation photo as a point coloured by its digit, with a legend. Click a
 * point to make it an end of the path (A, then B, then A again …), or choose both ends in the lists.
 */
export function CodeMap({ codes, labels, a, b, onPick }: CodeMapProps) {
  const t = useTranslations('autoencoder');
  const ref = useRef<HTMLCanvasElement>(null);
  const [next, setNext] = useState<'a' | 'b'>('a');
  const bounds = useMemo(() => codeBounds(codes), [codes]);
  const digits = useMemo(() => [...new Set(labels)].sort((x, y) => x - y), [labels]);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const redraw = () => drawMap(canvas, { codes, labels, a, b });
    redraw();
    canvas.addEventListener('contextrestored', redraw);
    return () => canvas.removeEventListener('contextrestored', redraw);
  }, [codes, labels, a, b]);
  const click = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const scale = MAP_PX / rect.width;
    const i = nearestCode(codes, (e.clientX - rect.left) * scale, (e.clientY - rect.top) * scale, bounds, MAP_PX);
    if (i < 0) return;
    onPick(next, i);
    setNext(next === 'a' ? 'b' : 'a');
  };
  const option = (i: number) => t('codeMap.photo', { n: i + 1, digit: labels[i] ?? 0 });
  return (
    <div data-testid="code-map" data-points={labels.length} className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{t('codeMap.help')}</p>
      <div className="flex flex-wrap items-start gap-4">
        <canvas ref={ref} width={MAP_PX} height={MAP_PX} onClick={click} role="img" aria-label={t('codeMap.label', { count: labels.length })} className="cursor-crosshair rounded ring-1 ring-slate-300" style={{ width: MAP_PX, height: MAP_PX }} />
        <ul data-testid="code-legend" aria-label={t('codeMap.legend')} className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {digits.map((d) => (
            <li key={d} data-digit={d} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: digitColour(d) }} />
              {t('codeMap.digit', { digit: d })}
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap gap-4 text-sm">
        {(['a', 'b'] as const).map((end) => (
          <label key={end} className="flex items-center gap-2">
            {t(end === 'a' ? 'codeMap.endA' : 'codeMap.endB')}
            <select data-testid={`code-end-${end}`} value={end === 'a' ? a : b} onChange={(e) => onPick(end, Number(e.target.value))} className="rounded-md border border-slate-300 px-2 py-1">
              {Array.from({ length: labels.length }, (_, i) => <option key={i} value={i}>{option(i)}</option>)}
            </select>
          </label>
        ))}
      </div>
    </div>
  );
}
