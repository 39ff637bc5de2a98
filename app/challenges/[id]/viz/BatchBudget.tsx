'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TrainingSpec } from '../../../../models/spec';
import { CurveChart } from '../CurveChart';
import type { CurvePoint } from '../useTrainer';
import { alignCurves, stepsPerEpoch, type RunRecord } from './runs';

const fmt = (v: number) => v.toLocaleString('en-US');

/** Planned samples against the budget, as a bar that turns red past it. */
function BudgetBar({ planned, budget, seen }: { planned: number; budget: number; seen: number | null }) {
  const t = useTranslations('train.budget');
  const over = planned > budget;
  return (
    <div className="flex flex-col gap-1">
      <div role="meter" aria-label={t('meterLabel')} aria-valuemin={0} aria-valuemax={budget} aria-valuenow={Math.min(planned, budget)} className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
        <div className={`h-full ${over ? 'bg-red-600' : 'bg-emerald-500'}`} style={{ width: `${Math.min(100, (100 * planned) / budget)}%` }} />
      </div>
      <p data-testid="budget-planned" data-planned={planned} data-budget={budget} className={`text-sm tabular-nums ${over ? 'font-semibold text-red-700' : ''}`}>
        {t('planned', { planned: fmt(planned), budget: fmt(budget) })}
        {seen !== null && <span className="ml-2 text-slate-500">{t('seen', { seen: fmt(seen) })}</span>}
      </p>
    </div>
  );
}

/**
 * The batch-size trade-off under a budget of samples seen: how the budget is spent (epochs ×
 * examples), how many weight updates a batch size buys, and the per-batch loss of this run and the
 * previous one against samples seen (small batches: many noisy steps; big ones: few smooth steps).
 */
export function BatchBudget({ training, trainCount, budget, curve, runId, trainedBatch, previous }: {
  /** The hyper-parameters as edited now (what the next run will do). */
  training: TrainingSpec;
  trainCount: number;
  budget: number | undefined;
  curve: CurvePoint[];
  runId: number;
  /** Batch size of the run in `curve`. */
  trainedBatch: number | null;
  previous: RunRecord | null;
}) {
  const t = useTranslations('train.budget');
  const steps = stepsPerEpoch(trainCount, training.batchSize);
  const epochs = Number.isFinite(training.epochs) ? training.epochs : 0;
  const planned = epochs * trainCount;
  const seen = curve.at(-1)?.seen ?? null;
  const chart = useMemo(() => {
    const runs = [
      ...(previous ? [{ label: t('run', { n: previous.runId, batch: previous.batchSize }), color: '#94a3b8', x: previous.batches.map((b) => b.seen), y: previous.batches.map((b) => b.loss) }] : []),
      ...(curve.length ? [{ label: t('run', { n: runId, batch: trainedBatch ?? '—' }), color: '#4f46e5', x: curve.map((c) => c.seen), y: curve.map((c) => c.loss) }] : []),
    ];
    const { x, ys } = alignCurves(runs);
    return { x, series: runs.map((r, i) => ({ label: r.label, color: r.color, values: ys[i] ?? [] })) };
  }, [curve, previous, runId, trainedBatch, t]);
  return (
    <section aria-labelledby="budget" data-testid="batch-budget" className="flex flex-col gap-2 rounded-lg bg-white p-3 ring-1 ring-slate-200">
      <h3 id="budget" className="font-semibold">{t('title')}</h3>
      {budget !== undefined && <BudgetBar planned={planned} budget={budget} seen={seen} />}
      <p data-testid="budget-steps" data-steps={steps} className="text-sm tabular-nums">
        {t('steps', { batch: Number.isFinite(training.batchSize) ? training.batchSize : '—', steps, count: fmt(trainCount), updates: fmt(steps * epochs) })}
      </p>
      <p className="text-xs leading-snug text-slate-600">{t('help')}</p>
      {chart.series.length > 0 && (
        <CurveChart testId="batch-loss-chart" title={t('chart')} xLabel={t('seenAxis')} x={chart.x} series={chart.series} xMax={budget ?? undefined} />
      )}
    </section>
  );
}
