'use client';
/**
 * What every GAN studio shares (the points GAN's GanStudio, the digit GAN's DigitGanStudio): the
 * editor's spec and its draft, the backend line, the class wall's view of the run, and the submit
 * section. Each studio keeps only its own data and live view.
 */
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import type { ModelChallenge, ModelChallengeId } from '../../../../game/challenges';
import { applyLocked, type LockedHyper } from '../../../../game/room/settings';
import { BACKEND_LABELS } from '../../../../models/backend-names';
import { defaultSpec, tinySpec } from '../../../../models/presets';
import type { ModelSpec } from '../../../../models/spec';
import { SubmitPanel } from '../../../challenges/[id]/SubmitPanel';
import type { RoomMode } from '../../../challenges/[id]/Studio';
import { threadNotes } from '../../../challenges/[id]/thread-notes';
import { useRoomActivity, type StudioActivity } from '../../room/useRoomActivity';
import type { DraftScope } from '../drafts';
import type { GanTrainerState } from './useGanTrainer';
import { useGanDraft } from './useGanDraft';

/** The spec a link asks for: a reproduced run's, the tiny preset (one epoch), or the default. */
function linkSpec(id: ModelChallengeId, preset: 'default' | 'tiny', initial: ModelSpec | undefined): { base: ModelSpec; baseSource: 'run' | 'preset' | 'default' } {
  if (initial) return { base: initial, baseSource: 'run' };
  const tiny = tinySpec(id);
  return preset === 'tiny' ? { base: { ...tiny, training: { ...tiny.training, epochs: 1 } }, baseSource: 'preset' } : { base: defaultSpec(id), baseSource: 'default' };
}

/** The editor's spec: the link's, or this browser's draft of it (per challenge, or per round), under the round's locks. */
export function useGanSpec(challengeId: ModelChallengeId, preset: 'default' | 'tiny', initial: ModelSpec | undefined, room: RoomMode | undefined) {
  const lockedKey = JSON.stringify(room?.locked ?? {});
  const locked = useMemo<LockedHyper>(() => JSON.parse(lockedKey) as LockedHyper, [lockedKey]);
  const link = useMemo(() => linkSpec(challengeId, preset, initial), [challengeId, preset, initial]);
  const defaults = useMemo(() => applyLocked(locked, defaultSpec(challengeId)), [locked, challengeId]);
  const scope: DraftScope = room ? { kind: 'room', code: room.code, round: room.round.number, startedAt: room.round.startedAt } : { kind: 'solo', challengeId };
  return { locked, ...useGanDraft({ scope, challengeId, ...link, defaults, locked }) };
}

/** Which backend the run trains on (as the ordinary studio's badge says it), or why it failed. */
export function BackendLine({ state }: { state: GanTrainerState<unknown> }) {
  const t = useTranslations('train');
  if (state.phase === 'error') return <p role="alert" data-testid="train-error" className="text-sm text-red-700">{t('trainingFailed', { message: state.error ?? '' })}</p>;
  const choice = state.backend;
  if (!choice) return <p className="text-sm text-slate-500">{t('choosingBackend')}</p>;
  const wasm = choice.wasm;
  const notes = [...choice.reasons, ...(wasm ? threadNotes(wasm, t) : [])];
  return (
    <p data-testid="backend-badge" data-backend={choice.backend} data-software={choice.software} data-threads={wasm?.threads} title={notes.join('\n')} className="w-fit rounded-full bg-emerald-100 px-3 py-1 text-sm font-semibold text-emerald-900">
      {t(state.phase === 'done' ? 'backendRan' : 'backendRuns', { name: BACKEND_LABELS[choice.backend] })}{choice.software ? ` · ${t('software')}` : ''}{wasm ? ` · ${t('threads', { count: wasm.threads })}` : ''}
    </p>
  );
}

/** The class wall's view of this studio: training while a run is on, submitted once this run was. */
export function useGanActivity(state: GanTrainerState<unknown>, roomCode: string | null) {
  const [submittedRun, setSubmittedRun] = useState<number | null>(null);
  const training = state.phase === 'starting' || state.phase === 'training' || state.phase === 'stopping';
  const last = state.losses.at(-1);
  const epochs = state.trainedSpec?.training.epochs ?? 1;
  const activity: StudioActivity['activity'] = training ? 'training' : submittedRun !== null && submittedRun === state.runId ? 'submitted' : 'building';
  const x = last && state.totalSteps > 0 ? (last.step / state.totalSteps) * epochs : null;
  const dLoss = last?.dLoss;
  const reported = useMemo<StudioActivity>(
    () => ({ activity, backend: state.backend?.backend ?? null, point: x !== null && dLoss !== undefined ? { x, loss: dLoss, acc: Number.NaN } : null }),
    [activity, state.backend, x, dLoss],
  );
  useRoomActivity(roomCode, reported);
  const runId = state.runId;
  return useCallback(() => setSubmittedRun(runId), [runId]);
}

/**
 * Submit the finished run, or say why it cannot be (`practice`: the points GAN's practice
 * target; null where the run trained on what the server scores).
 */
export function GanSubmitSection({ challenge, state, practice, room, onAccepted }: { challenge: ModelChallenge; state: GanTrainerState<unknown>; practice: string | null; room?: RoomMode; onAccepted: () => void }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  if (!state.result || !state.trainedSpec || state.phase !== 'done') return null;
  return (
    <section aria-labelledby="submit" className="flex flex-col gap-2">
      <h2 id="submit" className="text-lg font-semibold">{t('submitTitle')}</h2>
      {state.result.stopped && <p className="text-sm text-amber-800">{tg('stoppedEarly', { steps: state.result.steps })}</p>}
      {practice !== null
        ? <p data-testid="practice-no-submit" className="text-sm text-slate-700">{practice}</p>
        : <SubmitPanel key={state.runId} generator challengeId={challenge.id} spec={state.trainedSpec} weights={state.result.weights} room={room && { code: room.code, remaining: room.remaining, onAccepted, onRefused: room.onRefused }} />}
    </section>
  );
}

/** Reset to the default, and the note that a draft came back. */
export function GanDraftBar({ restored, busy, onReset }: { restored: boolean; busy: boolean; onReset: () => void }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {restored && <span data-testid="gan-restored" className="text-slate-600">{tg('restored')}</span>}
      <button type="button" data-testid="reset-default" disabled={busy} onClick={onReset} className="text-indigo-700 underline disabled:opacity-50">{t('resetDefault')}</button>
    </div>
  );
}

export const isBusy = (state: GanTrainerState<unknown>): boolean => state.phase === 'starting' || state.phase === 'training' || state.phase === 'stopping';
