'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { modelChallenge, type ModelChallenge, type ModelChallengeId } from '../../../../game/challenges';
import { ganIO } from '../../../../game/gan-challenges';
import type { BackendName } from '../../../../models/backend-names';
import { isFeatureSplit } from '../../../../models/challenge-data';
import type { GanSpec, ModelSpec } from '../../../../models/spec';
import type { GanIO } from '../../../../models/spec-gan';
import type { RoomMode } from '../../../challenges/[id]/Studio';
import { useDataset } from '../../../challenges/[id]/useDataset';
import { collectGanProblems } from '../gan/gan-problems';
import { GanEditors, type GanEditorTexts } from '../gan/GanEditors';
import { GanLosses } from '../gan/GanLosses';
import { BackendLine, GanDraftBar, GanSubmitSection, isBusy, useGanActivity, useGanSpec } from '../gan/GanStudioParts';
import { GanTrainBar } from '../gan/GanTrainBar';
import { useGanTrainer } from '../gan/useGanTrainer';
import type { DigitRunData, DigitSnapshot } from './digit-gan-protocol';
import { realRow, trainingPhotos, viewRequest } from './digit-view';
import { DigitGanLive } from './DigitGanLive';

/** The digit GAN's worker (a literal `new URL` here, so the bundler finds and bundles it). */
const digitWorker = () => new Worker(new URL('./digit-gan.worker.ts', import.meta.url), { type: 'module' });

/** What every run of this studio trains on (useGanTrainer's target): the challenge's own photos. */
const PHOTOS = 'photos';

/** The editors' words for a pair that draws digits (gan.json's "digits"). */
function useDigitTexts(io: GanIO): GanEditorTexts {
  const tgd = useTranslations('gan.digits');
  const side = io.sample[0] ?? 0;
  const classes = io.classes;
  return useMemo(() => ({
    generatorHelp: tgd('generator.help', { classes, side }),
    generatorInput: (noise: number) => tgd('generator.input', { noise, classes }),
    noiseHelp: tgd('generator.noiseHelp'),
    discriminatorHelp: tgd('discriminator.help'),
    discriminatorInput: tgd('discriminator.input', { side, classes }),
    dStepsHelp: tgd('schedule.dStepsHelp'),
    batchHelp: tgd('schedule.batchHelp'),
    epochsHelp: tgd('schedule.epochsHelp'),
  }), [tgd, side, classes]);
}

/** The training photos (for the worker) and one real photo of each digit (for the view), once loaded. */
function usePhotos(challenge: ModelChallenge) {
  const { data, error } = useDataset(challenge);
  const train = data && !isFeatureSplit(data.train) ? data.train : null;
  const photos = useMemo(() => (train ? trainingPhotos(train) : null), [train]);
  const real = useMemo(() => (train ? realRow(train, challenge.numClasses) : null), [train, challenge.numClasses]);
  return { photos, real, error };
}

/**
 * The studio of the conditional GAN of sign digits (objective 'generate' on photos): the points
 * GAN's editors, losses, bar, drafts and submit, with photos instead of a plane. The generator is
 * told which digit to draw, the discriminator which digit a photo should be; the view asks the
 * generator for four photos of every digit from the same noise all run long, under a real photo of
 * each. The server asks the submitted generator for its own photos and scores them with its judge.
 */
export function DigitGanStudio({ challengeId, prefer, preset, room, initial }: { challengeId: ModelChallengeId; prefer?: BackendName; preset: 'default' | 'tiny'; room?: RoomMode; initial?: ModelSpec }) {
  const t = useTranslations('train');
  const tg = useTranslations('gan');
  const td = useTranslations('gan.digits');
  const challenge = modelChallenge(challengeId);
  const io = useMemo(() => ganIO(challenge), [challenge]);
  const side = io.sample[0] ?? 16;
  const texts = useDigitTexts(io);
  const { spec, setSpec, reset, restored, locked } = useGanSpec(challengeId, preset, initial, room);
  const { state, start, stop } = useGanTrainer<DigitSnapshot, DigitRunData>(digitWorker);
  const onAccepted = useGanActivity(state, room?.code ?? null);
  const data = usePhotos(challenge);
  const gan: GanSpec | undefined = spec.gan;
  const problems = useMemo(() => (gan ? collectGanProblems(challenge, spec, gan, t, tg) : null), [challenge, spec, gan, t, tg]);
  const busy = isBusy(state);
  const valid = problems?.valid ?? false;
  const train = () => {
    if (!gan || !valid || !data.photos) return;
    const view = viewRequest(gan.noiseDim, io.classes);
    start(spec, PHOTOS, { io, photos: data.photos.photos, classes: data.photos.classes, viewNoise: view.noise, viewClasses: view.classes }, prefer);
  };
  const live = state.snapshot;

  return (
    <div data-testid="gan-studio" data-kind="digits" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(18rem,400px)]">
      <div className="flex min-w-0 flex-col gap-6">
        <GanDraftBar restored={restored} busy={busy} onReset={reset} />
        {gan && problems
          ? <GanEditors spec={{ ...spec, gan }} problems={problems} busy={busy} locked={locked} io={io} layerTypes={challenge.layerTypes} texts={texts} onChange={setSpec} />
          : <p role="alert" data-testid="spec-error" className="text-sm text-red-700">{t('fixFirst')}</p>}
        {data.error && <p role="alert" data-testid="dataset-error" className="text-sm text-red-700">{td('loadFailed', { message: data.error })}</p>}
        {state.phase !== 'idle' && (
          <section aria-labelledby="training" className="flex flex-col gap-3">
            <h2 id="training" className="text-lg font-semibold">{t('trainingTitle')}</h2>
            <BackendLine state={state} />
            <GanLosses points={state.losses} totalSteps={state.totalSteps} />
          </section>
        )}
        <GanSubmitSection challenge={challenge} state={state} practice={null} room={room} onAccepted={onAccepted} />
        <GanTrainBar state={state} canTrain={valid && data.photos !== null && !busy} valid={valid} onTrain={train} onStop={stop} />
      </div>
      <aside className="order-first flex flex-col gap-3 lg:order-none lg:sticky lg:top-4 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
        <DigitGanLive real={data.real} fakes={live?.fakes ?? null} step={live?.step ?? null} classes={io.classes} side={side} />
      </aside>
    </div>
  );
}
