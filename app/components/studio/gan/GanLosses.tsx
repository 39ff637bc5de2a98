'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { CurveChart } from '../../../challenges/[id]/CurveChart';
import { rgbCss, FAKE_RGB, REAL_RGB } from './gan-plane';
import { MAX_CHART_POINTS, thinned, type LossPoint } from './gan-protocol';

/**
 * Both losses on one chart, by training step: the discriminator's (green, the model that judges
 * real points) and the generator's (purple). In a healthy run neither wins for good.
 */
export function GanLosses({ points, totalSteps }: { points: readonly LossPoint[]; totalSteps: number }) {
  const t = useTranslations('gan');
  const shown = useMemo(() => thinned(points, MAX_CHART_POINTS), [points]);
  const x = useMemo(() => shown.map((p) => p.step), [shown]);
  const series = useMemo(
    () => [
      { label: t('losses.d'), color: rgbCss(REAL_RGB), values: shown.map((p) => p.dLoss) },
      { label: t('losses.g'), color: rgbCss(FAKE_RGB), values: shown.map((p) => p.gLoss) },
    ],
    [shown, t],
  );
  const last = points.at(-1);
  return (
    <div data-testid="gan-losses" data-points={points.length} className="flex flex-col gap-1">
      <CurveChart title={t('losses.title')} xLabel={t('losses.stepAxis')} x={x} series={series} testId="gan-loss-chart" xMax={Math.max(1, totalSteps)} />
      {last && (
        <p data-testid="gan-loss-values" className="text-xs tabular-nums text-slate-600">
          {t('losses.now', { step: last.step, d: last.dLoss.toFixed(3), g: last.gLoss.toFixed(3) })}
        </p>
      )}
    </div>
  );
}
