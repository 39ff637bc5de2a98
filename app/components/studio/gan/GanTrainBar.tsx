'use client';
import { useTranslations } from 'next-intl';
import { TrainBarView } from '../../../challenges/[id]/TrainBar';
import { formatSeconds } from '../../../challenges/[id]/TrainingPanel';
import type { GanTrainerState } from './useGanTrainer';

/** Rounds done and the time left at the live rate, or how long the run took. */
function statusText(state: GanTrainerState<unknown>, t: ReturnType<typeof useTranslations<'train'>>, tg: ReturnType<typeof useTranslations<'gan'>>): string {
  if (state.result) return t('finishedIn', { time: formatSeconds(state.result.elapsedMs / 1000, t) });
  const step = state.losses.at(-1)?.step ?? 0;
  if (state.phase === 'starting' || (state.phase === 'training' && step === 0)) return t('choosingBackend');
  if (state.phase === 'idle' || state.phase === 'error') return '';
  const rate = state.elapsedMs > 0 ? step / state.elapsedMs : 0;
  const eta = rate > 0 && state.phase === 'training' ? ` · ${t('eta', { time: formatSeconds((state.totalSteps - step) / rate / 1000, t) })}` : '';
  return tg('bar.steps', { step, total: state.totalSteps }) + eta;
}

/** The ordinary studio's bar (challenges/[id]/TrainBar.tsx), counted in rounds of the two models instead of samples. */
export function GanTrainBar({ state, canTrain, valid, onTrain, onStop }: { state: GanTrainerState<unknown>; canTrain: boolean; valid: boolean; onTrain: () => void; onStop: () => void }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  const step = state.losses.at(-1)?.step ?? 0;
  const percent = state.phase === 'done' ? 100 : state.totalSteps > 0 ? Math.min(100, (100 * step) / state.totalSteps) : 0;
  return <TrainBarView phase={state.phase} percent={percent} status={statusText(state, t, tg)} canTrain={canTrain} valid={valid} onTrain={onTrain} onStop={onStop} />;
}
