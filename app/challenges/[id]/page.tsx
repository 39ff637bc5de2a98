import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getChallenge } from '../../../game/challenges';
import { BACKEND_NAMES, type BackendName } from '../../../models/backend-names';
import { ChallengePlay } from './ChallengePlay';

export async function generateMetadata() {
  const t = await getTranslations('train');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;

export default async function ChallengePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const challenge = getChallenge(id);
  if (!challenge) notFound();
  const search = await searchParams;
  const backend = typeof search.backend === 'string' ? search.backend : undefined;
  const prefer = (BACKEND_NAMES as readonly string[]).includes(backend ?? '') ? (backend as BackendName) : undefined;
  return <ChallengePlay challengeId={challenge.id} prefer={prefer} preset={search.preset === 'tiny' ? 'tiny' : 'default'} />;
}
