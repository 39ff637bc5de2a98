import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CHALLENGE_IDS, CHALLENGES } from '../../game/challenges';
import { SOLO_PATH } from '../../game/solo/path';
import { ClassRounds } from './ClassRounds';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('leaderboard');
  return { title: t('title') };
}

export default async function LeaderboardIndex() {
  const t = await getTranslations('leaderboard');
  const format = await getFormatter();
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-slate-700">{t('indexIntro')}</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {CHALLENGE_IDS.map((id) => {
          const c = CHALLENGES[id];
          const onPath = (SOLO_PATH as readonly string[]).indexOf(id) + 1;
          return (
            <li key={c.id}>
              <Link
                href={`/leaderboard/${c.id}`}
                data-testid={`leaderboard-link-${c.id}`}
                className="flex h-full flex-col gap-1 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-400"
              >
                <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{onPath > 0 ? t('pathNumber', { number: onPath }) : t('bossLevel')}</span>
                <span className="text-lg font-semibold text-indigo-800">{t(`challengeName.${c.id}`)}</span>
                <span className="text-sm text-slate-700">
                  {c.kind === 'model'
                    ? t('challengeSummary', { percent: format.number(c.goalAccuracy * 100), params: format.number(c.budget.maxParams) })
                    : t(c.kind === 'race' ? 'raceSummary' : 'stepsSummary')}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <ClassRounds />
    </div>
  );
}
