import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CHALLENGES } from '../../game/challenges';

export async function generateMetadata() {
  const t = await getTranslations('leaderboard');
  return { title: t('title') };
}

export default async function LeaderboardIndex() {
  const t = await getTranslations('leaderboard');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ul className="flex flex-col gap-2">
        {Object.values(CHALLENGES).map((c) => (
          <li key={c.id}>
            <Link href={`/leaderboard/${c.id}`} className="text-indigo-700 underline">
              {t(`challengeName.${c.id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
