'use client';
import { useTranslations } from 'next-intl';
import { formatSeconds } from '../../../challenges/[id]/TrainingPanel';
import type { GanTrainerState } from './useGanTrainer';

/** Rounds done and the time left at the live rate, or how long the run took. */
function statusText(state: GanTrainerState, t: ReturnType<typeof useTranslations<'train'>>, tg: ReturnType<typeof useTranslations<'gan'>>): string {
  if (state.result) return t('finishedIn', { time: formatSeconds(state.result.elapsedMs / 1000, t) });
  const step = state.losses.at(-1)?.step ?? 0;
  if (state.phase === 'starting' || (state.phase === 'training' && step === 0)) return t('choosingBackend');
  if (state.phase === 'idle' || state.phase === 'error') return '';
  const rate = state.elapsedMs > 0 ? step / state.elapsedMs : 0;
  const eta = rate > 0 && state.phase === 'training' ? ` · ${t('eta', { time: formatSeconds((state.totalSteps - step) / rate / 1000, t) })}` : '';
  return tg('bar.steps', { step, total: state.totalSteps }) + eta;
}

/**
 * Train, Stop and the run's progress, pinned to the bottom of the screen like the ordinary
 * studio's bar (same test ids), counted in rounds of the two models instead of samples.
 */
export function GanTrainBar({ state, canTrain, valid, onTrain, onStop }: { state: GanTrainerState; canTrain: boolean; valid: boolean; onTrain: () => void; onStop: () => void }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  const step = state.losses.at(-1)?.step ?? 0;
  const percent = state.phase === 'done' ? 100 : state.totalSteps > 0 ? Math.min(100, (100 * step) / state.totalSteps) : 0;
  return (
    <>
      <div aria-hidden="true" className="h-16" />
      <section data-testid="train-bar" data-phase={state.phase} aria-label={t('trainBar')} className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white/95 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] backdrop-blur">
        <div className="mx-auto flex w-full max-w-6xl items-center gap-3 px-4 py-2">
          <button type="button" data-testid="train-button" disabled={!canTrain} onClick={onTrain} className="shrink-0 rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-50">
            {state.phase === 'done' ? t('trainAgain') : t('train')}
          </button>
          <button type="button" data-testid="stop-button" disabled={state.phase !== 'training' && state.phase !== 'starting'} onClick={onStop} className="shrink-0 rounded-md border border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-40">
            {state.phase === 'stopping' ? t('stopping') : t('stop')}
          </button>
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <div data-testid="train-bar-progress" role="progressbar" aria-label={t('progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200">
              <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <span data-testid="train-bar-status" className="truncate text-xs tabular-nums text-slate-700">
              {valid ? statusText(state, t, tg) : <span className="text-red-700">{t('fixFirst')}</span>}
            </span>
          </div>
        </div>
      </section>
    </>
  );
}
