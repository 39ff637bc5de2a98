'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { BACKEND_LABELS, type BackendName } from '../../../models/backend-names';
import { CurveChart, type ChartMarker } from './CurveChart';
import { lowestValLoss } from './regularize/curves';
import { threadNotes } from './thread-notes';
import { CurveNotes, type RunData } from './regularize/CurveNotes';
import type { TrainerState } from './useTrainer';

function BackendBadge({ state, prefer }: { state: TrainerState; prefer?: BackendName }) {
  const t = useTranslations('train');
  const choice = state.backend;
  if (!choice) return <span className="text-sm text-slate-500">{state.phase === 'starting' ? t('choosingBackend') : ''}</span>;
  const label = BACKEND_LABELS[choice.backend];
  const wasm = choice.wasm;
  const notes = [
    ...(prefer && prefer === choice.backend ? [t('backendForced', { name: label })] : []),
    ...(prefer && prefer !== choice.backend ? [t('backendForcedFailed', { wanted: BACKEND_LABELS[prefer], name: label })] : []),
    ...choice.reasons,
    ...(wasm ? threadNotes(wasm, t) : []),
  ];
  return (
    <div data-testid="backend-badge" data-backend={choice.backend} data-software={choice.software} data-threads={wasm?.threads} data-replicas={wasm?.replicas ?? 1} data-isolated={wasm?.isolated} title={notes.join('\n')} className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
      <span className={`w-fit rounded-full px-3 py-1 font-semibold ${choice.software ? 'bg-amber-100 text-amber-900' : 'bg-emerald-100 text-emerald-900'}`}>
        {t(state.phase === 'done' || state.phase === 'error' ? 'backendRan' : 'backendRuns', { name: label })}{choice.software ? ` · ${t('software')}` : ''}
        {wasm ? ` · ${t('threads', { count: wasm.threads })}` : ''}
      </span>
      <span className="text-xs text-slate-600">{t(`backendHelp.${choice.backend}`)}</span>
      {notes.length > 0 && (
        <details open className="w-full text-xs text-slate-500">
          <summary className="cursor-pointer">{t('backendWhy')}</summary>
          <ul className="list-disc pl-5">
            {notes.map((r) => <li key={r}>{r}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}

/** A duration in the reader's language: '42 s' / '42초', '3 min 5 s' / '3분 5초'. */
export function formatSeconds(seconds: number, t: ReturnType<typeof useTranslations<'train'>>): string {
  const total = Math.max(0, Math.round(seconds));
  const m = Math.floor(total / 60);
  return m > 0 ? t('durationMin', { m, s: total % 60 }) : t('durationSec', { s: total });
}

/** `data`: what the run learned from, for the feedback's words and its chance level. */
export function TrainingPanel({ state, prefer, data }: { state: TrainerState; prefer?: BackendName; data: RunData }) {
  const t = useTranslations('train');
  const p = state.progress;
  const rate = p && p.elapsedMs > 0 ? (p.samplesSeen * 1000) / p.elapsedMs : 0;
  const etaS = p && rate > 0 ? (p.totalSamples - p.samplesSeen) / rate : null;
  const etaText = () => {
    if (state.result) return t('finishedIn', { time: formatSeconds(state.result.elapsedMs / 1000, t) });
    return etaS !== null && state.phase === 'training' ? t('eta', { time: formatSeconds(etaS, t) }) : '';
  };
  const x = useMemo(() => state.curve.map((c) => c.x), [state.curve]);
  const lossSeries = useMemo(() => [
    { label: t('trainLoss'), color: '#4f46e5', values: state.curve.map((c) => c.loss) },
    { label: t('valLoss'), color: '#dc2626', values: state.curve.map((c) => c.valLoss), sparse: true },
  ], [state.curve, t]);
  const bestEpoch = lowestValLoss(state.epochs)?.epoch;
  const bestLabel = bestEpoch === undefined ? null : t('curves.marker', { epoch: bestEpoch + 1 });
  // Validation is measured at each epoch's end, so the best epoch sits at x = epoch + 1.
  const marker = useMemo<ChartMarker | null>(
    () => (bestEpoch !== undefined && bestLabel ? { x: bestEpoch + 1, label: bestLabel, testId: 'best-epoch-marker' } : null),
    [bestEpoch, bestLabel],
  );
  const accSeries = useMemo(() => [
    { label: t('trainAcc'), color: '#4f46e5', values: state.curve.map((c) => c.acc) },
    { label: t('valAcc'), color: '#dc2626', values: state.curve.map((c) => c.valAcc), sparse: true },
  ], [state.curve, t]);
  return (
    <section className="flex flex-col gap-3" aria-live="polite">
      <BackendBadge state={state} prefer={prefer} />
      <div className="flex flex-col gap-1">
        <div
          data-testid="progress-bar"
          role="progressbar"
          aria-label={t('progress')}
          aria-valuemin={0}
          aria-valuemax={p?.totalSamples ?? 1}
          aria-valuenow={p?.samplesSeen ?? 0}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${p ? (100 * p.samplesSeen) / p.totalSamples : 0}%` }} />
        </div>
        <div className="flex flex-wrap gap-4 text-xs text-slate-600 tabular-nums">
          {p && <span>{t('epochOf', { epoch: p.epoch + 1, epochs: state.trainedSpec?.training.epochs ?? 0 })}</span>}
          {rate > 0 && <span>{t('samplesPerSecond', { rate: rate.toFixed(1) })}</span>}
          <span data-testid="eta">{etaText()}</span>
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          <CurveChart testId="loss-chart" title={t('lossChart')} xLabel={t('epochAxis')} x={x} series={lossSeries} xMax={state.trainedSpec?.training.epochs} marker={marker} />
          <CurveNotes epochs={state.epochs} plannedEpochs={state.trainedSpec?.training.epochs ?? 0} result={state.result} spec={state.trainedSpec} data={data} />
        </div>
        {!data.reconstruct && <CurveChart testId="accuracy-chart" title={t('accuracyChart')} xLabel={t('epochAxis')} x={x} series={accSeries} yRange={[0, 1]} xMax={state.trainedSpec?.training.epochs} />}
      </div>
      {state.error && <p role="alert" className="text-sm text-red-700">{t('trainingFailed', { message: state.error })}</p>}
    </section>
  );
}
