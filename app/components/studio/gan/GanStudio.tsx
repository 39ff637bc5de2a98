'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { modelChallenge, type ModelChallenge, type ModelChallengeId } from '../../../../game/challenges';
import type { BackendName } from '../../../../models/backend-names';
import type { GanSpec, ModelSpec } from '../../../../models/spec';
import type { RoomMode } from '../../../challenges/[id]/Studio';
import { collectGanProblems } from './gan-problems';
import { addDrawnPoint, MIN_DRAWN_POINTS } from './gan-plane';
import { countModes, DRAWN, ganTrainSample, GAN_TARGET_IDS, GAN_VIEW, PRACTICE_POINTS, realPoints, scoredTarget, viewNoise } from './gan-targets';
import { GanEditors } from './GanEditors';
import { GanLive } from './GanLive';
import { GanLosses } from './GanLosses';
import { GanTrainBar } from './GanTrainBar';
import { BackendLine, GanDraftBar, GanSubmitSection, isBusy, useGanActivity, useGanSpec } from './GanStudioParts';
import { TargetChooser, type TargetChoice } from './TargetChooser';
import { useGanTrainer } from './useGanTrainer';

type Point = readonly [number, number];
/** A drag adds a point only this far (plane units) from the last one. */
const DRAW_GAP = 0.03;

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
  const { spec, setSpec, reset, restored, locked } = useGanSpec(challengeId, preset, initial, room);
  const { state, start, stop } = useGanTrainer();
  const onAccepted = useGanActivity(state, room?.code ?? null);
  const targets = useTargets(challenge, spec.training.seed);
  const gan: GanSpec | undefined = spec.gan;
  const problems = useMemo(() => (gan ? collectGanProblems(challenge, spec, gan, t) : null), [challenge, spec, gan, t]);
  const busy = isBusy(state);
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
        <GanDraftBar restored={restored} busy={busy} onReset={reset} />
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
        <GanSubmitSection challenge={challenge} state={state} practice={state.target !== targets.scored ? tg('practiceNoSubmit', { target: tg(`targets.name.${targets.scored}`) }) : null} room={room} onAccepted={onAccepted} />
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
