'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { histogram, shareBelow } from './ae-views';

const W_PX = 420;
const H_PX = 150;
const PAD_PX = 24;
const BINS = 24;
/** Errors are drawn on a log scale: a hand photo's error and a noise picture's differ tenfold. */
const FLOOR = 1e-5;
const log = (v: number) => Math.log10(Math.max(FLOOR, v));

export interface Probe {
  /** 'noise', 'drawing', …: for tests and colours. */
  id: string;
  label: string;
  error: number;
  colour: string;
}

/**
 * How well the autoencoder rebuilds what it never learned: a histogram of the validation hand
 * photos' reconstruction errors, and a line for each other picture (noise, the drawing). A picture
 * far to the right of every hand is one the model "does not know": an anomaly.
 */
export function AnomalyChart({ handErrors, probes }: { handErrors: Float32Array; probes: readonly Probe[] }) {
  const t = useTranslations('autoencoder');
  const scale = useMemo(() => {
    const all = [...handErrors, ...probes.map((p) => p.error)].map(log);
    const lo = Math.floor(Math.min(...all) * 2) / 2;
    const hi = Math.max(lo + 0.5, Math.ceil(Math.max(...all) * 2) / 2);
    return { lo, hi };
  }, [handErrors, probes]);
  const counts = useMemo(() => histogram(Array.from(handErrors, log), BINS, scale.lo, scale.hi), [handErrors, scale]);
  const tallest = Math.max(1, ...counts);
  const x = (v: number) => PAD_PX + ((log(v) - scale.lo) / (scale.hi - scale.lo)) * (W_PX - 2 * PAD_PX);
  const barW = (W_PX - 2 * PAD_PX) / BINS;
  const ticks = Array.from({ length: Math.round((scale.hi - scale.lo) * 2) + 1 }, (_, i) => scale.lo + i / 2).filter((v) => Number.isInteger(v));
  return (
    <figure data-testid="anomaly-chart" data-hands={handErrors.length} className="flex flex-col gap-1">
      <svg width={W_PX} height={H_PX + 20} role="img" aria-label={t('anomaly.chartLabel', { count: handErrors.length })} className="max-w-full">
        {counts.map((c, i) => (
          <rect key={i} data-testid="anomaly-bar" data-count={c} x={PAD_PX + i * barW + 0.5} width={barW - 1} y={H_PX - (c / tallest) * (H_PX - 30)} height={(c / tallest) * (H_PX - 30)} fill="#94a3b8" />
        ))}
        <line x1={PAD_PX} x2={W_PX - PAD_PX} y1={H_PX} y2={H_PX} stroke="#475569" />
        {ticks.map((v) => (
          <text key={v} x={PAD_PX + ((v - scale.lo) / (scale.hi - scale.lo)) * (W_PX - 2 * PAD_PX)} y={H_PX + 14} fontSize="10" textAnchor="middle" fill="#475569">{`1e${v}`}</text>
        ))}
        {probes.map((p, i) => (
          <g key={p.id} data-testid="anomaly-marker" data-probe={p.id}>
            <line x1={x(p.error)} x2={x(p.error)} y1={12 + i * 12} y2={H_PX} stroke={p.colour} strokeWidth={2} />
            {/* Labels right of their line, or left of it near the right edge, so they stay inside. */}
            <text x={x(p.error) > W_PX / 2 ? x(p.error) - 3 : x(p.error) + 3} textAnchor={x(p.error) > W_PX / 2 ? 'end' : 'start'} y={10 + i * 12} fontSize="10" fill={p.colour}>{p.label}</text>
          </g>
        ))}
      </svg>
      <figcaption className="text-xs text-slate-600">{t('anomaly.axis')}</figcaption>
      <ul className="flex flex-col gap-0.5 text-sm">
        {probes.map((p) => (
          <li key={p.id} data-testid="anomaly-result" data-probe={p.id} data-error={p.error} data-share={shareBelow(handErrors, p.error)}>
            {t('anomaly.result', { what: p.label, error: p.error.toFixed(4), percent: Math.round(100 * shareBelow(handErrors, p.error)) })}
          </li>
        ))}
      </ul>
    </figure>
  );
}
