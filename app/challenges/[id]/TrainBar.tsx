'use client';
import { useTranslations } from 'next-intl';
import { formatSeconds } from './TrainingPanel';
import type { Phase, TrainerState } from './useTrainer';

/** What the bar says beside the progress: the epoch and the time left, or how long the run took. */
function statusText(state: TrainerState, t: ReturnType<typeof useTranslations<'train'>>): string {
  const p = state.progress;
  if (state.result) return t('finishedIn', { time: formatSeconds(state.result.elapsedMs / 1000, t) });
  if (!p) return state.phase === 'starting' ? t('choosingBackend') : '';
  const epochs = t('epochOf', { epoch: p.epoch + 1, epochs: state.trainedSpec?.training.epochs ?? 0 });
  const rate = p.elapsedMs > 0 ? p.samplesSeen / p.elapsedMs : 0;
  const eta = rate > 0 && state.phase === 'training' ? ` · ${t('eta', { time: formatSeconds((p.totalSamples - p.samplesSeen) / rate / 1000, t) })}` : '';
  return epochs + eta;
}

/**
 * Train, Stop and the run's progress, pinned to the bottom of the screen: in reach on a Chromebook's
 * 768 px and on a phone whatever the student scrolled to (the editor, the curves, Submit). A spacer
 * of its height ends the studio, so the last of the page is never under it.
 */
export function TrainBar({ state, canTrain, valid, onTrain, onStop }: {
  state: TrainerState;
  canTrain: boolean;
  valid: boolean;
  onTrain: () => void;
  onStop: () => void;
}) {
  const t = useTranslations('train');
  const p = state.progress;
  const percent = p && p.totalSamples > 0 ? Math.min(100, (100 * p.samplesSeen) / p.totalSamples) : state.phase === 'done' ? 100 : 0;
  return <TrainBarView phase={state.phase} percent={percent} status={statusText(state, t)} canTrain={canTrain} valid={valid} onTrain={onTrain} onStop={onStop} />;
}

/** The bar itself, shared by every studio (the GAN's counts rounds instead of samples): the same test ids everywhere. */
export function TrainBarView({ phase, percent, status, canTrain, valid, onTrain, onStop }: {
  phase: Phase;
  percent: number;
  status: string;
  canTrain: boolean;
  valid: boolean;
  onTrain: () => void;
  onStop: () => void;
}) {
  const t = useTranslations('train');
  return (
    <>
      <div aria-hidden="true" className="h-16" />
      <section data-testid="train-bar" data-phase={phase} aria-label={t('trainBar')} className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white/95 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] backdrop-blur">
        <div className="mx-auto flex w-full max-w-6xl items-center gap-3 px-4 py-2">
          <button type="button" data-testid="train-button" disabled={!canTrain} onClick={onTrain} className="shrink-0 rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-50">
            {phase === 'done' ? t('trainAgain') : t('train')}
          </button>
          <button type="button" data-testid="stop-button" disabled={phase !== 'training' && phase !== 'starting'} onClick={onStop} className="shrink-0 rounded-md border border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-40">
            {phase === 'stopping' ? t('stopping') : t('stop')}
          </button>
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <div data-testid="train-bar-progress" role="progressbar" aria-label={t('progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200">
              <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <span data-testid="train-bar-status" className="truncate text-xs tabular-nums text-slate-700">
              {valid ? status : <span className="text-red-700">{t('fixFirst')}</span>}
            </span>
          </div>
        </div>
      </section>
    </>
  );
}
