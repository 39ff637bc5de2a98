'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { modelChallenge, type ModelChallenge, type ModelChallengeId } from '../../../../game/challenges';
import { applyLocked, type LockedHyper } from '../../../../game/room/settings';
import { BACKEND_LABELS, type BackendName } from '../../../../models/backend-names';
import { defaultSpec, tinySpec } from '../../../../models/presets';
import type { GanSpec, ModelSpec } from '../../../../models/spec';
import { SubmitPanel } from '../../../challenges/[id]/SubmitPanel';
import type { RoomMode } from '../../../challenges/[id]/Studio';
import { useRoomActivity, type StudioActivity } from '../../room/useRoomActivity';
import { collectGanProblems } from './gan-problems';
import { addDrawnPoint, MIN_DRAWN_POINTS } from './gan-plane';
import { countModes, DRAWN, ganTrainSample, GAN_TARGET_IDS, GAN_VIEW, PRACTICE_POINTS, realPoints, scoredTarget, viewNoise } from './gan-targets';
import { GanEditors } from './GanEditors';
import { GanLive } from './GanLive';
import { GanLosses } from './GanLosses';
import { GanTrainBar } from './GanTrainBar';
import { TargetChooser, type TargetChoice } from './TargetChooser';
import { useGanTrainer, type GanTrainerState } from './useGanTrainer';
import { useGanDraft } from './useGanDraft';
import type { DraftScope } from '../drafts';

type Point = readonly [number, number];
/** A drag adds a point only this far (plane units) from the last one. */
const DRAW_GAP = 0.03;

/** The spec a link asks for: a reproduced run's, the tiny preset (one epoch), or the default. */
function linkSpec(id: ModelChallengeId, preset: 'default' | 'tiny', initial: ModelSpec | undefined): { base: ModelSpec; baseSource: 'run' | 'preset' | 'default' } {
  if (initial) return { base: initial, baseSource: 'run' };
  const tiny = tinySpec(id);
  return preset === 'tiny' ? { base: { ...tiny, training: { ...tiny.training, epochs: 1 } }, baseSource: 'preset' } : { base: defaultSpec(id), baseSource: 'default' };
}

/** The editor's spec: the link's, or this browser's draft of it (per challenge, or per round), under the round's locks. */
function useSpec(challengeId: ModelChallengeId, preset: 'default' | 'tiny', initial: ModelSpec | undefined, room: RoomMode | undefined) {
  const lockedKey = JSON.stringify(room?.locked ?? {});
  const locked = useMemo<LockedHyper>(() => JSON.parse(lockedKey) as LockedHyper, [lockedKey]);
  const link = useMemo(() => linkSpec(challengeId, preset, initial), [challengeId, preset, initial]);
  const defaults = useMemo(() => applyLocked(locked, defaultSpec(challengeId)), [locked, challengeId]);
  const scope: DraftScope = room ? { kind: 'room', code: room.code, round: room.round.number, startedAt: room.round.startedAt } : { kind: 'solo', challengeId };
  return { locked, ...useGanDraft({ scope, challengeId, ...link, defaults, locked }) };
}

/** The target of the next run and its real points; the drawing is kept while another target is shown. */
function useTargets(challenge: ModelChallenge, seed: number) {
  const scored = scoredTarget(challenge);
  const [choice, setChoice] = useState<TargetChoice>(scored);
  const [drawn, setDrawn] = useState<Point[]>([]);
  const real = useMemo(() => {
    if (choice === scored) return ganTrainSample(challenge);
    return realPoints(choice, drawn, PRACTICE_POINTS, seed);
  }, [choice, scored, challenge, drawn, seed]);
  const onDraw = useCallback((p: [number, number]) => setDrawn((d) => addDrawnPoint(d, p, DRAW_GAP)), []);
  return { scored, choice, setChoice, drawn, clear: () => setDrawn([]), onDraw, real };
}

/** Which backend the run trains on (as the ordinary studio's badge says it), or why it failed. */
function BackendLine({ state }: { state: GanTrainerState }) {
  const t = useTranslations('train');
  if (state.phase === 'error') return <p role="alert" data-testid="train-error" className="text-sm text-red-700">{t('trainingFailed', { message: state.error ?? '' })}</p>;
  const choice = state.backend;
  if (!choice) return <p className="text-sm text-slate-500">{t('choosingBackend')}</p>;
  const wasm = choice.wasm;
  return (
    <p data-testid="backend-badge" data-backend={choice.backend} data-software={choice.software} data-threads={wasm?.threads} title={choice.reasons.join('\n')} className="w-fit rounded-full bg-emerald-100 px-3 py-1 text-sm font-semibold text-emerald-900">
      {t(state.phase === 'done' ? 'backendRan' : 'backendRuns', { name: BACKEND_LABELS[choice.backend] })}{choice.software ? ` · ${t('software')}` : ''}{wasm ? ` · ${t('threads', { count: wasm.threads })}` : ''}
    </p>
  );
}

/** The class wall's view of this studio: training while a run is on, submitted once this run was. */
function useActivity(state: GanTrainerState, roomCode: string | null) {
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

/** Submit (the scored target's run) or why there is nothing to submit (a practice run). */
function SubmitSection({ challenge, state, scored, room, onAccepted }: { challenge: ModelChallenge; state: GanTrainerState; scored: string; room?: RoomMode; onAccepted: () => void }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  if (!state.result || !state.trainedSpec || state.phase !== 'done') return null;
  return (
    <section aria-labelledby="submit" className="flex flex-col gap-2">
      <h2 id="submit" className="text-lg font-semibold">{t('submitTitle')}</h2>
      {state.result.stopped && <p className="text-sm text-amber-800">{tg('stoppedEarly', { steps: state.result.steps })}</p>}
      {state.target !== scored
        ? <p data-testid="practice-no-submit" className="text-sm text-slate-700">{tg('practiceNoSubmit', { target: tg(`targets.name.${scored}`) })}</p>
        : <SubmitPanel key={state.runId} challengeId={challenge.id} spec={state.trainedSpec} weights={state.result.weights} room={room && { code: room.code, remaining: room.remaining, onAccepted, onRefused: room.onRefused }} />}
    </section>
  );
}

/**
 * The GAN studio (objective 'generate'), GAN Lab-style: a generator and a discriminator side by
 * side, trained in alternation in a worker on a 2-D target; the plane shows real and generated
 * points on the discriminator's verdict, the curves both losses. Submitting sends the spec and
 * both models' weights; the server samples the generator with its own noise and scores that.
 */
export function GanStudio({ challengeId, prefer, preset, room, initial }: { challengeId: ModelChallengeId; prefer?: BackendName; preset: 'default' | 'tiny'; room?: RoomMode; initial?: ModelSpec }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  const challenge = modelChallenge(challengeId);
  const { spec, setSpec, reset, restored, locked } = useSpec(challengeId, preset, initial, room);
  const { state, start, stop } = useGanTrainer();
  const onAccepted = useActivity(state, room?.code ?? null);
  const targets = useTargets(challenge, spec.training.seed);
  const gan: GanSpec | undefined = spec.gan;
  const problems = useMemo(() => (gan ? collectGanProblems(challenge, spec, gan, t) : null), [challenge, spec, gan, t]);
  const busy = state.phase === 'starting' || state.phase === 'training' || state.phase === 'stopping';
  const enoughDrawn = targets.choice !== DRAWN || targets.drawn.length >= MIN_DRAWN_POINTS;
  const valid = problems?.valid ?? false;
  const train = () => {
    if (!gan || !valid || !enoughDrawn) return;
    start(spec, targets.choice, { real: targets.real, view: GAN_VIEW, viewNoise: viewNoise(gan.noiseDim) }, prefer);
  };
  // The plane shows the run of the target on screen; another target's run steps aside.
  const live = state.target === targets.choice ? state.snapshot : null;
  const modes = useMemo(() => countModes(targets.choice, live?.fake ?? null), [targets.choice, live]);
  const drawing = targets.choice === DRAWN && !busy;

  return (
    <div data-testid="gan-studio" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(18rem,400px)]">
      <div className="flex min-w-0 flex-col gap-6">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {restored && <span data-testid="gan-restored" className="text-slate-600">{tg('restored')}</span>}
          <button type="button" data-testid="reset-default" disabled={busy} onClick={reset} className="text-indigo-700 underline disabled:opacity-50">{t('resetDefault')}</button>
        </div>
        {gan && problems
          ? <GanEditors spec={{ ...spec, gan }} problems={problems} busy={busy} locked={locked} onChange={setSpec} />
          : <p role="alert" data-testid="spec-error" className="text-sm text-red-700">{t('fixFirst')}</p>}
        {state.phase !== 'idle' && (
          <section aria-labelledby="training" className="flex flex-col gap-3">
            <h2 id="training" className="text-lg font-semibold">{t('trainingTitle')}</h2>
            <BackendLine state={state} />
            <GanLosses points={state.losses} totalSteps={state.totalSteps} />
          </section>
        )}
        <SubmitSection challenge={challenge} state={state} scored={targets.scored} room={room} onAccepted={onAccepted} />
        <GanTrainBar state={state} canTrain={valid && enoughDrawn && !busy} valid={valid} onTrain={train} onStop={stop} />
      </div>
      <aside className="order-first flex flex-col gap-3 lg:order-none lg:sticky lg:top-4 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
        <GanLive view={GAN_VIEW} real={targets.real} fake={live?.fake ?? null} grid={live?.grid ?? null} step={live?.step ?? null} drawn={targets.drawn} onDraw={drawing ? targets.onDraw : undefined} modes={modes} trained={(live?.step ?? 0) > 0}>
          <TargetChooser targets={GAN_TARGET_IDS} scored={targets.scored} value={targets.choice} drawnCount={targets.drawn.length} disabled={busy} onChange={targets.setChoice} onClear={targets.clear} />
        </GanLive>
      </aside>
    </div>
  );
}
