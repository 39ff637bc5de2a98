'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SOLO_PATH } from '../../../game/solo/path';
import { nextChallenge, pathTotals } from './path-state';
import { useProgress } from './useProgress';

/** The home page's way into the path: "start" for a newcomer, "continue: <next>" once begun. */
export function PathCallout() {
  const t = useTranslations('solo');
  const tc = useTranslations('common');
  const { progress, status } = useProgress();
  const begun = status === 'ready' && pathTotals(progress).won > 0;
  const next = begun ? nextChallenge(progress) : null;
  return (
    <section aria-labelledby="path-callout-title" data-testid="path-callout" className="flex max-w-4xl flex-col gap-3 rounded-3xl bg-gradient-to-br from-amber-50 to-white p-5 shadow-sm ring-1 ring-amber-200 sm:p-6">
      <h2 id="path-callout-title" className="text-2xl font-bold">{t('callout.title')}</h2>
      <p className="max-w-3xl text-slate-700">{t('callout.body')}</p>
      <ol aria-hidden="true" className="flex flex-wrap gap-1.5">
        {SOLO_PATH.map((id, i) => (
          <li key={id} className={`flex h-7 w-7 items-center justify-center rounded-full text-xs font-bold ${(progress[id] ?? 0) > 0 ? 'bg-amber-400 text-amber-950' : 'bg-slate-200 text-slate-600'}`}>{i + 1}</li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        {!begun ? (
          <Link href="/solo" data-testid="path-start" className="rounded-xl bg-indigo-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-indigo-800">{t('callout.start')}</Link>
        ) : next ? (
          <Link href={`/challenges/${next}`} data-testid="path-continue" data-next={next} className="rounded-xl bg-indigo-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-indigo-800">
            {t('callout.continue', { name: tc(`challengeName.${next}`) })}
          </Link>
        ) : (
          <p className="font-medium text-emerald-800">{t('callout.allDone')}</p>
        )}
        {begun && <Link href="/solo" className="text-indigo-700 underline">{t('callout.seePath')}</Link>}
      </div>
    </section>
  );
}
