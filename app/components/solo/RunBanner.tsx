'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CHALLENGES, type ChallengeId } from '../../../game/challenges';
import { RACE_SEED } from '../../../game/solo/play';
import type { RunView } from '../../../protocol';
import { useScoreText } from './useScoreText';

/** The seed that makes the run repeatable: the spec's, the step sheet's, or the race's fixed one. */
export function runSeed(run: RunView): number | null {
  if (run.spec) return run.spec.training.seed;
  if (CHALLENGES[run.challengeId].kind === 'race') return RACE_SEED;
  return run.entry?.kind === 'steps' ? run.entry.seed : null;
}

/** "Reproducing X's run (seed N, score S)" above the challenge it opened. */
export function RunBanner({ run }: { run: RunView }) {
  const t = useTranslations('solo');
  const score = useScoreText();
  const seed = runSeed(run);
  const def = CHALLENGES[run.challengeId];
  return (
    <div role="status" data-testid="run-banner" data-run={run.submissionId} className="flex flex-col gap-1 rounded-xl bg-indigo-50 p-3 text-sm text-indigo-950 ring-1 ring-indigo-200">
      <p className="font-semibold">
        {t('run.reproducing', { nickname: run.nickname, seed: seed === null ? '—' : String(seed), score: run.score === null ? '—' : score(def, run.score) })}
      </p>
      <p>{t(def.kind === 'model' ? 'run.sameCurve' : def.kind === 'race' ? 'run.sameRace' : 'run.sameSteps')}</p>
    </div>
  );
}

/** The run is of another challenge than the page's: point there instead of loading it here. */
export function OtherChallengeRun({ run }: { run: RunView }) {
  const t = useTranslations('solo');
  const tc = useTranslations('common');
  const id: ChallengeId = run.challengeId;
  return (
    <p role="alert" data-testid="run-other-challenge" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300">
      {t('run.otherChallenge', { name: tc(`challengeName.${id}`) })}{' '}
      <Link href={`/challenges/${id}?run=${run.submissionId}`} className="font-semibold underline">{t('run.openThere')}</Link>
    </p>
  );
}
