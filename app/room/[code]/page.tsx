import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { normalizeJoinCode } from '../../../game/room/code';
import { BACKEND_NAMES, type BackendName } from '../../../models/backend-names';
import { PlayerRoom } from './PlayerRoom';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('room');
  return { title: t('player.pageTitle') };
}

/** ?preset=tiny and ?backend= work as in the solo studio (for tests and slow machines). */
export default async function RoomPage({ params, searchParams }: Props) {
  const code = normalizeJoinCode(decodeURIComponent((await params).code));
  if (!code) notFound();
  const search = await searchParams;
  const backend = typeof search.backend === 'string' ? search.backend : '';
  const prefer = (BACKEND_NAMES as readonly string[]).includes(backend) ? (backend as BackendName) : undefined;
  return <PlayerRoom code={code} prefer={prefer} preset={search.preset === 'tiny' ? 'tiny' : 'default'} />;
}
