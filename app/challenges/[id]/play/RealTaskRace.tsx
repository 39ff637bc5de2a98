'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { CurveChart, type Series } from '../CurveChart';
import { OPTIMIZER_COLORS } from './race-view';
import type { RealTaskOptimizer, RealTaskRun } from './real-task';

/** Kept here (not imported from real-task.ts) so the page does not load tfjs until Train is pressed. */
const OPTIMIZERS: readonly RealTaskOptimizer[] = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'];
const EPOCHS = 20;
const LEARNING_RATES = [0.01, 0.03, 0.1, 0.3] as const;

type Phase = { kind: 'idle' } | { kind: 'loading' } | { kind: 'training'; optimizer: RealTaskOptimizer } | { kind: 'done'; runs: RealTaskRun[] } | { kind: 'error'; message: string };
type Losses = Partial<Record<RealTaskOptimizer, number[]>>;

/**
 * "Then the same optimizers on a real task": trains the circle network once per optimizer in this
 * page (tfjs is imported on demand) and draws the five loss curves on one chart.
 */
export function RealTaskRace() {
  const t = useTranslations('play');
  const [lr, setLr] = useState<number>(0.1);
  const { phase, losses, run } = useRealTaskTraining(lr);

  const busy = phase.kind === 'loading' || phase.kind === 'training';
  const x = Array.from({ length: EPOCHS }, (_, i) => i + 1);
  const series: Series[] = OPTIMIZERS.map((o) => ({
    label: t(`optimizerShort.${o}`),
    color: OPTIMIZER_COLORS[o],
    values: x.map((_, i) => losses[o]?.[i] ?? null),
    sparse: true,
  }));
  return (
    <section aria-labelledby="real-task" data-testid="real-task" data-phase={phase.kind} className="flex flex-col gap-3">
      <h2 id="real-task" className="text-xl font-semibold">{t('realTask.title')}</h2>
      <p className="max-w-3xl text-sm text-slate-700">{t('realTask.intro', { epochs: EPOCHS })}</p>
      <RealTaskControls lr={lr} onLrChange={setLr} busy={busy} phase={phase} onRun={run} />
      {phase.kind === 'error' && <p role="alert" className="text-sm text-red-700">{t('realTask.failed', { message: phase.message })}</p>}
      {phase.kind !== 'idle' && <CurveChart title={t('realTask.chartTitle')} xLabel={t('realTask.epoch')} x={x} series={series} testId="real-task-chart" xMax={EPOCHS} />}
      {phase.kind === 'done' && <RealTaskResults runs={phase.runs} />}
    </section>
  );
}

/**
 * Runs the race on demand and streams each epoch's loss into `losses`. After unmount the race is
 * told to stop and no state is set, since training outlives the page otherwise.
 */
function useRealTaskTraining(lr: number) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [losses, setLosses] = useState<Losses>({});
  const cancelled = useRef(false);
  useEffect(() => {
    cancelled.current = false;
    return () => {
      cancelled.current = true;
    };
  }, []);

  async function run() {
    setLosses({});
    setPhase({ kind: 'loading' });
    try {
      const task = await import('./real-task');
      await task.selectCpuBackend();
      const runs = await task.raceOnRealTask(lr, {
        cancelled: () => cancelled.current,
        onEpoch: (optimizer, _epoch, loss) => {
          setPhase({ kind: 'training', optimizer });
          setLosses((l) => ({ ...l, [optimizer]: [...(l[optimizer] ?? []), loss] }));
        },
      }, EPOCHS);
      if (!cancelled.current) setPhase({ kind: 'done', runs });
    } catch (e) {
      if (!cancelled.current) setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return { phase, losses, run };
}

/** The learning-rate picker, the Train button and what the race is doing now. */
function RealTaskControls({ lr, onLrChange, busy, phase, onRun }: { lr: number; onLrChange: (lr: number) => void; busy: boolean; phase: Phase; onRun: () => Promise<void> }) {
  const t = useTranslations('play');
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('realTask.learningRate')}</span>
        <select data-testid="real-task-lr" value={lr} disabled={busy} onChange={(e) => onLrChange(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1">
          {LEARNING_RATES.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </label>
      <button type="button" data-testid="real-task-run" disabled={busy} onClick={onRun} className="rounded-md bg-indigo-600 px-4 py-1.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-50">{t('realTask.run')}</button>
      {phase.kind === 'loading' && <span className="text-sm text-slate-600">{t('realTask.loading')}</span>}
      {phase.kind === 'training' && <span className="text-sm text-slate-600">{t('realTask.running', { optimizer: t(`optimizerShort.${phase.optimizer}`) })}</span>}
    </div>
  );
}

/** Validation accuracy per optimizer once all five have trained. */
function RealTaskResults({ runs }: { runs: RealTaskRun[] }) {
  const t = useTranslations('play');
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {runs.map((r) => (
        <li key={r.optimizer} data-testid="real-task-result" data-optimizer={r.optimizer} data-accuracy={r.valAccuracy}>
          {t('realTask.accuracy', { optimizer: t(`optimizerShort.${r.optimizer}`), percent: (r.valAccuracy * 100).toFixed(1) })}
        </li>
      ))}
    </ul>
  );
}
