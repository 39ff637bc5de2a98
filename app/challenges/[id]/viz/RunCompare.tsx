'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TrainingSpec } from '../../../../models/spec';
import type { EpochLog } from '../../../../models/train';
import { CurveChart, type Series } from '../CurveChart';
import type { GateId } from '../../../../game/solo/data2d';
import { GATES as GATE_NAMES } from './GatePractice';
import { epochsToReach, type RunRecord } from './runs';

const PREVIOUS_COLOR = '#94a3b8';
const CURRENT_COLOR = '#4f46e5';
const TARGET_COLOR = '#d97706';

/** A run as the comparison draws it: the previous one (finished) or the one on now. */
export interface ComparedRun {
  runId: number;
  /** 'data', or the gate the run trained on (named in the legend). */
  tag: string | null;
  loss: TrainingSpec['loss'];
  epochs: readonly EpochLog[];
  /** Epochs the run was set to (the x axis spans the longer run). */
  planned: number;
}

/** A run's per-epoch figure at x = 1..n, null past its last epoch. */
const perEpoch = (run: ComparedRun | null, n: number, pick: (e: EpochLog) => number | undefined) =>
  Array.from({ length: n }, (_, i) => (run?.epochs[i] ? pick(run.epochs[i]) ?? null : null));

function Reached({ run, goal, label }: { run: ComparedRun; goal: number; label: string }) {
  const t = useTranslations('train.compare');
  const at = epochsToReach(run.epochs, goal);
  return (
    <li data-testid="compare-reached" data-run={run.runId} data-epochs={at ?? ''}>
      <span className="font-medium">{label}</span>:{' '}
      {at !== null ? t('reachedAt', { epoch: at, goal: Math.round(goal * 100) }) : t('notReached', { epochs: run.epochs.length, goal: Math.round(goal * 100) })}
    </li>
  );
}

/**
 * The previous run beside the current one, per epoch: validation accuracy against the target (with
 * the epoch each reached it) and training loss. The legend names each run's loss function, so MSE
 * and cross-entropy can be told apart in one chart.
 */
export function RunCompare({ previous, current, goal }: { previous: RunRecord | null; current: ComparedRun | null; goal: number }) {
  const t = useTranslations('train.compare');
  const tl = useTranslations('train.loss');
  const tg = useTranslations('train.gates.name');
  const label = (r: ComparedRun) => {
    const gate = r.tag && (GATE_NAMES as readonly string[]).includes(r.tag) ? r.tag as GateId : null;
    return gate ? t('runOnGate', { n: r.runId, loss: tl(r.loss), gate: tg(gate) }) : t('run', { n: r.runId, loss: tl(r.loss) });
  };
  const prev: ComparedRun | null = previous && { runId: previous.runId, tag: previous.tag, loss: previous.loss, epochs: previous.epochs, planned: previous.epochs.length };
  const n = Math.max(prev?.planned ?? 0, current?.planned ?? 0, 1);
  const x = useMemo(() => Array.from({ length: n }, (_, i) => i + 1), [n]);
  const runs = [prev, current].filter((r): r is ComparedRun => r !== null);
  const colorOf = (r: ComparedRun) => (r === current ? CURRENT_COLOR : PREVIOUS_COLOR);
  // A large dot on the goal line at the epoch each run first reached it.
  const marks: Series[] = runs.flatMap((r) => {
    const at = epochsToReach(r.epochs, goal);
    return at === null ? [] : [{ label: t('reachedMark', { n: r.runId }), color: colorOf(r), values: x.map((e) => (e === at ? goal : null)), sparse: true }];
  });
  const accSeries: Series[] = [
    ...runs.map((r) => ({ label: label(r), color: colorOf(r), values: perEpoch(r, n, (e) => e.valAcc), sparse: true })),
    { label: t('target', { goal: Math.round(goal * 100) }), color: TARGET_COLOR, values: x.map(() => goal) },
    ...marks,
  ];
  const lossSeries: Series[] = runs.map((r) => ({ label: label(r), color: colorOf(r), values: perEpoch(r, n, (e) => e.loss), sparse: true }));
  return (
    <section aria-labelledby="compare" data-testid="run-compare" className="flex flex-col gap-2">
      <h3 id="compare" className="font-semibold">{t('title')}</h3>
      <p className="text-xs leading-snug text-slate-600">{prev ? t('help') : t('trainTwice')}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <CurveChart testId="compare-accuracy" title={t('accuracy')} xLabel={t('epochAxis')} x={x} series={accSeries} yRange={[0, 1]} xMax={n} />
        <CurveChart testId="compare-loss" title={t('loss')} xLabel={t('epochAxis')} x={x} series={lossSeries} xMax={n} />
      </div>
      <ul className="text-sm">
        {runs.map((r) => <Reached key={r.runId} run={r} goal={goal} label={label(r)} />)}
      </ul>
    </section>
  );
}
