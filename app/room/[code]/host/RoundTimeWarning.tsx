'use client';
import { useTranslations } from 'next-intl';
import type { ChallengeId } from '../../../../game/challenges';
import { roundTimeAdvice } from '../../../../game/round-time';
import { formatSeconds } from '../../../challenges/[id]/TrainingPanel';

/**
 * Advice, not a block: the round is shorter than a class needs to train the challenge's starting
 * model on a typical CPU-only device, twice, and submit (game/round-time.ts). The teacher may start it anyway.
 */
export function RoundTimeWarning({ challengeId, durationMs }: { challengeId: ChallengeId; durationMs: number }) {
  const t = useTranslations('presets');
  const tt = useTranslations('train');
  const rt = useTranslations('room');
  const advice = roundTimeAdvice(challengeId, durationMs);
  if (!advice.tooShort) return null;
  const needed = formatSeconds(advice.neededMs / 1000, tt);
  return (
    <p role="status" data-testid="round-time-warning" data-needed-ms={advice.neededMs} className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300">
      {advice.trainMs === null
        ? t('roundWarningPlay', { needed })
        : t('roundWarning', { challenge: rt(`challengeName.${challengeId}`), train: formatSeconds(advice.trainMs / 1000, tt), needed })}
    </p>
  );
}
