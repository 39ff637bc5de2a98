'use client';
import { useTranslations } from 'next-intl';
import { CHALLENGES, type ChallengeId } from '../../../game/challenges';
import { playEntrySchema, type PlayEntry } from '../../../game/solo/play';
import type { ModelSpec } from '../../../models/spec';
import type { BackendName } from '../../../models/backend-names';
import { BossLevel } from '../../components/boss/BossLevel';
import { useErrorText } from '../../components/errors/useErrorText';
import { ChallengeIntro } from '../../components/solo/ChallengeIntro';
import { OtherChallengeRun, RunBanner } from '../../components/solo/RunBanner';
import { useRun } from '../../components/solo/useRun';
import { GanStudio } from '../../components/studio/gan/GanStudio';
import { DigitGanStudio } from '../../components/studio/gan-digits/DigitGanStudio';
import { RaceChallenge } from './play/RaceChallenge';
import { StepsChallenge } from './play/StepsChallenge';
import { Studio, type RoomMode } from './Studio';

interface BodyProps {
  challengeId: ChallengeId;
  prefer?: BackendName;
  preset: 'default' | 'tiny';
  room?: RoomMode;
  /** A reproduced run's spec (model challenges). */
  initial?: ModelSpec;
  /** A reproduced run's entry (race settings, the step sheet's network). */
  entry?: PlayEntry;
}

/** The training studio, the race, or the step-through. */
function ChallengeBody({ challengeId, prefer, preset, room, initial, entry }: BodyProps) {
  const challenge = CHALLENGES[challengeId];
  switch (challenge.kind) {
    case 'model':
      // A GAN (objective 'generate') trains two models: its own studio, of points (app/components/
      // studio/gan/) or of photos (the conditional GAN of digits, app/components/studio/gan-digits/).
      if (challenge.objective === 'generate') {
        const Gan = challenge.data.type === 'images' ? DigitGanStudio : GanStudio;
        return <Gan challengeId={challenge.id} prefer={prefer} preset={preset} room={room} initial={initial} />;
      }
      return <Studio challengeId={challenge.id} prefer={prefer} preset={preset} room={room} initial={initial} />;
    case 'race':
      return <RaceChallenge room={room} initial={entry?.kind === 'race' ? entry : undefined} />;
    case 'steps':
      return <StepsChallenge room={room} initial={entry?.kind === 'steps' ? entry : undefined} />;
  }
}

/**
 * `?run=<submissionId>`: the challenge opened with that submission's spec or entry. The page renders
 * only once it is here (its state starts from `initial`), keyed by the run so another run starts fresh.
 */
function ReproducedRun({ runId, ...body }: BodyProps & { runId: string }) {
  const t = useTranslations('solo');
  const describeError = useErrorText();
  const state = useRun(runId);
  if (state.status === 'loading') return <p role="status" data-testid="run-loading" className="text-sm text-slate-600">{t('run.loading')}</p>;
  if (state.status === 'error') {
    return (
      <>
        <p role="alert" data-testid="run-error" data-code={state.error.code} className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300">{describeError(state.error)} {t('run.notFound')}</p>
        <ChallengeBody {...body} />
      </>
    );
  }
  const { run } = state;
  if (run.challengeId !== body.challengeId) return <OtherChallengeRun run={run} />;
  const entry = playEntrySchema.safeParse(run.entry);
  return (
    <>
      <RunBanner run={run} />
      <ChallengeBody key={run.submissionId} {...body} initial={run.spec ?? undefined} entry={entry.success ? entry.data : undefined} />
    </>
  );
}

/**
 * One challenge, solo or in a room's round: its concept card, then the studio, the race or the
 * step-through. `run` (solo only) reproduces a scored submission.
 */
export function ChallengePlay({ challengeId, prefer, preset, room, run }: { challengeId: ChallengeId; prefer?: BackendName; preset: 'default' | 'tiny'; room?: RoomMode; run?: string }) {
  const body: BodyProps = { challengeId, prefer, preset, room };
  return (
    <div className="flex flex-col gap-6">
      <ChallengeIntro challengeId={challengeId} room={room !== undefined} />
      {run && !room ? <ReproducedRun runId={run} {...body} /> : <ChallengeBody {...body} />}
      {CHALLENGES[challengeId].kind === 'model' && CHALLENGES[challengeId].boss && <BossLevel challengeId={challengeId} roomCode={room?.code} />}
    </div>
  );
}
