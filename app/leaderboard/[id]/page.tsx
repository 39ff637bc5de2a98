import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getChallenge } from '../../../game/challenges';
import { LeaderboardTable } from './LeaderboardTable';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations('leaderboard');
  const { id } = await params;
  return { title: getChallenge(id) ? `${t(`challengeName.${id}`)} · ${t('title')}` : t('title') };
}

export default async function ChallengeLeaderboard({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const challenge = getChallenge(id);
  if (!challenge) notFound();
  const t = await getTranslations('leaderboard');
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-bold">
          {t(`challengeName.${challenge.id}`)} · {t('title')}
        </h1>
        <Link href={`/challenges/${challenge.id}`} className="text-sm text-indigo-700 underline">
          {t('play')}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{t('explain')}</p>
      <LeaderboardTable challengeId={challenge.id} />
    </div>
  );
}
