import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getChallenge } from '../../../game/challenges';
import { LeaderboardTable } from './LeaderboardTable';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('leaderboard');
  const challenge = getChallenge((await params).id);
  if (!challenge) return { title: (await getTranslations('common'))('notFoundTitle') };
  return { title: t('pageTitle', { name: t(`challengeName.${challenge.id}`) }) };
}

export default async function ChallengeLeaderboard({ params }: Props) {
  const challenge = getChallenge((await params).id);
  if (!challenge) notFound();
  const t = await getTranslations('leaderboard');
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t('pageTitle', { name: t(`challengeName.${challenge.id}`) })}</h1>
        <Link
          href={`/challenges/${challenge.id}`}
          className="rounded-lg bg-indigo-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-800"
        >
          {t('play')}
        </Link>
      </div>
      <p className="max-w-3xl text-slate-700">{t(challenge.kind === 'model' ? 'explain' : challenge.kind === 'race' ? 'explainRace' : 'explainSteps')}</p>
      <LeaderboardTable challengeId={challenge.id} />
    </div>
  );
}
