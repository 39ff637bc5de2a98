'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { BOSS_IDS } from '../../../game/challenges';
import { SOLO_PATH } from '../../../game/solo/path';
import { StarIcon } from './icons';
import { nextChallenge, pathTotals } from './path-state';
import { useProgress } from './useProgress';

/** One stop of the home page's path list: its number, name, one line, and a filled star once won. */
function PathItem({ id, label, won }: { id: string; label: string; won: boolean }) {
  const t = useTranslations('solo');
  const tc = useTranslations('common');
  return (
    <Link href={`/challenges/${id}`} data-testid={`home-path-${id}`} className="flex h-full items-start gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200 hover:ring-2 hover:ring-indigo-500">
      <span aria-hidden="true" className={`flex h-8 min-w-8 shrink-0 items-center justify-center rounded-full px-1.5 text-xs font-bold ${won ? 'bg-amber-400 text-amber-950' : 'bg-indigo-700 text-white'}`}>{label}</span>
      <span className="flex min-w-0 flex-col gap-0.5">
        <span className="flex items-center gap-1.5 font-semibold text-indigo-900">
          {tc(`challengeName.${id}` as 'challengeName.sign-digits')}
          {won && <StarIcon filled className="h-4 w-4" />}
        </span>
        <span className="text-sm text-slate-700">{t(`challenge.${id}.oneLine` as 'challenge.sign-digits.oneLine')}</span>
      </span>
    </Link>
  );
}

/**
 * The home page's path: every challenge in teaching order and the boss levels, each linking to its
 * page, with "start" for a newcomer or "continue: <next>" once begun.
 */
export function PathCallout() {
  const t = useTranslations('solo');
  const tc = useTranslations('common');
  const { progress, status } = useProgress();
  const begun = status === 'ready' && pathTotals(progress).won > 0;
  const next = begun ? nextChallenge(progress) : null;
  const won = (id: string) => (progress[id as keyof typeof progress] ?? 0) > 0;
  return (
    <section aria-labelledby="path-callout-title" data-testid="path-callout" className="flex flex-col gap-4 rounded-3xl bg-gradient-to-br from-amber-50 to-white p-4 shadow-sm ring-1 ring-amber-200 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="path-callout-title" className="text-2xl font-bold">{t('callout.title')}</h2>
        {!begun ? (
          <Link href="/solo" data-testid="path-start" className="rounded-xl bg-indigo-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-indigo-800">{t('callout.start')}</Link>
        ) : next ? (
          <Link href={`/challenges/${next}`} data-testid="path-continue" data-next={next} className="rounded-xl bg-indigo-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-indigo-800">
            {t('callout.continue', { name: tc(`challengeName.${next}`) })}
          </Link>
        ) : (
          <p className="font-medium text-emerald-800">{t('callout.allDone')}</p>
        )}
      </div>
      <p className="max-w-3xl text-slate-700">{t('callout.body')}</p>
      <ol data-testid="home-path" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {SOLO_PATH.map((id, i) => (
          <li key={id}><PathItem id={id} label={String(i + 1)} won={won(id)} /></li>
        ))}
      </ol>
      <h3 className="text-lg font-bold">{t('bossHeading')}</h3>
      <ul data-testid="home-boss" className="grid gap-2 sm:grid-cols-3">
        {BOSS_IDS.map((id, i) => (
          <li key={id}><PathItem id={id} label={`B${i + 1}`} won={won(id)} /></li>
        ))}
      </ul>
      <Link href="/solo" data-testid="home-path-solo" className="w-fit font-medium text-indigo-700 underline hover:text-indigo-900">{t('callout.seePath')}</Link>
    </section>
  );
}
