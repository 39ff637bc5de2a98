'use client';
import { useMemo } from 'react';
import type { CurvePoint } from '../../../game/room/views';
import { sparklinePoints } from './sparkline';

const W = 80;
const H = 28;

/** A student's training loss as a tiny line (decorative: the tile's text carries the information). */
export function Sparkline({ curve }: { curve: readonly CurvePoint[] }) {
  const loss = useMemo(() => sparklinePoints(curve.map((p) => ({ x: p.x, y: p.loss })), W, H), [curve]);
  const acc = useMemo(() => sparklinePoints(curve.filter((p) => p.acc !== null).map((p) => ({ x: p.x, y: p.acc ?? 0 })), W, H, 2, [0, 1]), [curve]);
  return (
    <svg data-testid="wall-sparkline" data-points={curve.length} aria-hidden="true" viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="shrink-0 overflow-visible">
      <rect width={W} height={H} rx="3" className="fill-slate-50" />
      {curve.length === 0 && <line x1="4" x2={W - 4} y1={H / 2} y2={H / 2} className="stroke-slate-200" strokeDasharray="3 3" />}
      {acc && <polyline points={acc} fill="none" strokeWidth="1.5" strokeLinejoin="round" className="stroke-emerald-500" />}
      {loss && <polyline points={loss} fill="none" strokeWidth="1.5" strokeLinejoin="round" className="stroke-indigo-600" />}
    </svg>
  );
}
