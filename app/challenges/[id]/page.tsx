import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getChallenge } from '../../../game/challenges';
import { BACKEND_NAMES, type BackendName } from '../../../models/backend-names';
import { ChallengePlay } from './ChallengePlay';

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Search> };

/** Longer than any submission id; the server checks the rest and the page shows its refusal. */
const MAX_RUN_ID_LENGTH = 64;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const challenge = getChallenge((await params).id);
  const t = await getTranslations('common');
  return { title: challenge ? t(`challengeName.${challenge.id}`) : t('notFoundTitle') };
}

export default async function ChallengePage({ params, searchParams }: Props) {
  const { id } = await params;
  const challenge = getChallenge(id);
  if (!challenge) notFound();
  const search = await searchParams;
  const backend = typeof search.backend === 'string' ? search.backend : undefined;
  const prefer = (BACKEND_NAMES as readonly string[]).includes(backend ?? '') ? (backend as BackendName) : undefined;
  const run = typeof search.run === 'string' && search.run.length > 0 ? search.run.slice(0, MAX_RUN_ID_LENGTH) : undefined;
  return <ChallengePlay challengeId={challenge.id} prefer={prefer} preset={search.preset === 'tiny' ? 'tiny' : 'default'} run={run} />;
}
