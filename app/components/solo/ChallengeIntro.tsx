'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { CHALLENGES, type ChallengeId } from '../../../game/challenges';
import { isUnlocked, previousOf, SOLO_PATH, type Progress } from '../../../game/solo/path';
import type { Stars } from '../../../game/stars';
import { LockIcon, StarIcon, StarRow } from './icons';
import { NextUnlocked } from './NextUnlocked';
import { goalValues, starLines } from './star-lines';
import { useProgress } from './useProgress';

/** The three star rules, each marked earned or not (solo), or plain (in a room round). */
function StarList({ challengeId, earned }: { challengeId: ChallengeId; earned: Stars | null }) {
  const t = useTranslations('solo');
  const lines = useMemo(() => starLines(CHALLENGES[challengeId]), [challengeId]);
  return (
    <ol data-testid="star-lines" className="flex flex-col gap-1.5 text-sm">
      {lines.map((line, i) => {
        const have = earned !== null && earned > i;
        return (
          <li key={i} data-testid="star-line" data-earned={have ? 'true' : 'false'} className="flex items-start gap-2">
            <StarIcon filled={have} className="mt-0.5 h-4 w-4 shrink-0" />
            <span className="sr-only">{t('card.starIcon', { level: i + 1 })}:</span>
            <span className={have ? 'text-slate-900' : 'text-slate-700'}>
              {t(`star.${line.key}`, line.values)}
              {earned !== null && <span className="ml-1.5 text-xs text-slate-500">({have ? t('card.earned') : t('card.notYet')})</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Solo and locked: say what opens it, but let the learner in anyway (deep links, curiosity). */
function LockedNotice({ challengeId, progress }: { challengeId: ChallengeId; progress: Progress }) {
  const t = useTranslations('solo');
  const tc = useTranslations('common');
  const previous = previousOf(challengeId);
  if (!previous || isUnlocked(challengeId, progress)) return null;
  return (
    <p role="note" data-testid="locked-notice" className="flex items-start gap-2 rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300">
      <LockIcon className="mt-0.5 h-4 w-4 shrink-0" />
      <span>
        {t.rich('card.lockedNotice', {
          previous: tc(`challengeName.${previous}`),
          link: (chunks) => <Link href={`/challenges/${previous}`} data-testid="locked-previous" className="font-semibold underline">{chunks}</Link>,
        })}
      </span>
    </p>
  );
}

/**
 * The concept card above every challenge: what the idea is, the goal, what each star asks, a hint.
 * Solo, it also shows the stars earned, the lock and the "next challenge" prompt; in a room round
 * (`room`) none of the path's bits appear, since a teacher may pick any challenge, nor links away.
 */
export function ChallengeIntro({ challengeId, room = false }: { challengeId: ChallengeId; room?: boolean }) {
  const t = useTranslations('solo');
  const def = CHALLENGES[challengeId];
  const { progress, status, earned, dismissEarned } = useProgress(!room);
  const values = useMemo(() => goalValues(def), [def]);
  // Boss levels are not on the numbered path: they show no number.
  const number = (SOLO_PATH as readonly string[]).indexOf(challengeId) + 1;
  const solo = !room;
  const stars: Stars = progress[challengeId] ?? 0;
  const known = status === 'ready' || status === 'anonymous';
  const base = `challenge.${challengeId}`;
  return (
    <section data-testid="challenge-intro" data-challenge={challengeId} aria-labelledby="challenge-title" className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700">
            {number > 0 ? t('number', { number }) : t('bossLevel')} · {t(`kind.${def.kind}`)}
          </p>
          <h1 id="challenge-title" className="text-2xl font-bold tracking-tight">{t(`${base}.title`)}</h1>
        </div>
        {solo && known && (
          <div data-testid="intro-stars" data-stars={stars} className="flex flex-col items-end gap-0.5">
            <span className="text-xs text-slate-600">{t('card.yourStars')}</span>
            <StarRow stars={stars} label={t('starsLabel', { stars })} className="h-6 w-6" />
          </div>
        )}
      </div>
      {solo && known && <LockedNotice challengeId={challengeId} progress={progress} />}
      <div className="grid gap-5 md:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-1.5">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t('card.concept')}</h2>
          <p data-testid="concept-text" className="leading-relaxed text-slate-800">{t(`${base}.concept`, values)}</p>
        </div>
        <div className="flex flex-col gap-3">
          <div className="flex flex-col gap-1.5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t('card.goal')}</h2>
            <p data-testid="goal-text" className="text-slate-800">{t(`${base}.goal`, values)}</p>
          </div>
          <div className="flex flex-col gap-1.5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t('card.stars')}</h2>
            <StarList challengeId={challengeId} earned={solo && known ? stars : null} />
          </div>
        </div>
      </div>
      <details data-testid="hint" className="rounded-xl bg-indigo-50 p-3 text-sm text-indigo-950 ring-1 ring-indigo-200">
        <summary className="cursor-pointer font-semibold">{t('card.hint')}</summary>
        <p className="mt-2">{t(`${base}.hint`, values)}</p>
      </details>
      {/* In a round, a link away would leave the room mid-round: the room has its own standings. */}
      {solo && (
        <nav className="flex flex-wrap gap-4 text-sm">
          <Link href={`/leaderboard/${challengeId}`} data-testid="intro-leaderboard" className="text-indigo-700 underline">{t('card.leaderboard')}</Link>
          <Link href="/solo" data-testid="intro-path" className="text-indigo-700 underline">{t('card.path')}</Link>
        </nav>
      )}
      {solo && earned && earned.challengeId === challengeId && <NextUnlocked earned={earned} progress={progress} onDismiss={dismissEarned} />}
    </section>
  );
}
