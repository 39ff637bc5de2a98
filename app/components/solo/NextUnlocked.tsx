'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { isUnlocked, type Progress } from '../../../game/solo/path';
import { followingChallenge } from './path-state';
import type { Earned } from './useProgress';

/**
 * After a submission earns stars: says so, and whether the next challenge just opened, with a
 * button to it. Fixed at the bottom of the screen, since the learner is down at the submit panel.
 */
export function NextUnlocked({ earned, progress, onDismiss }: { earned: Earned; progress: Progress; onDismiss: () => void }) {
  const t = useTranslations('solo');
  const tc = useTranslations('common');
  const next = followingChallenge(earned.challengeId);
  const newlyOpen = next !== null && !isUnlocked(next, earned.before) && isUnlocked(next, progress);
  const nextName = next ? tc(`challengeName.${next}`) : '';
  return (
    <div
      role="status"
      data-testid="next-unlocked"
      data-next={next ?? ''}
      data-newly-open={newlyOpen ? 'true' : 'false'}
      className="fixed inset-x-3 bottom-3 z-40 mx-auto flex max-w-xl flex-col gap-2 rounded-2xl bg-emerald-700 p-4 text-white shadow-xl sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex flex-col">
        <strong className="text-lg">{t('won.title', { stars: earned.stars })}</strong>
        <span className="text-sm text-emerald-50">
          {next === null ? t('won.last') : newlyOpen ? t('won.unlocked', { next: nextName }) : t('won.next', { next: nextName })}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {next !== null ? (
          <Link href={`/challenges/${next}`} data-testid="next-challenge-go" className="rounded-lg bg-white px-4 py-2 font-semibold text-emerald-900 hover:bg-emerald-50">
            {t('won.go', { next: nextName })}
          </Link>
        ) : (
          <Link href="/solo" className="rounded-lg bg-white px-4 py-2 font-semibold text-emerald-900 hover:bg-emerald-50">{t('won.path')}</Link>
        )}
        <button type="button" onClick={onDismiss} className="rounded-lg px-3 py-2 text-sm text-emerald-50 underline hover:bg-emerald-800">{t('won.dismiss')}</button>
      </div>
    </div>
  );
}
