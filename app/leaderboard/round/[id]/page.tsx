import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RoundResults } from '../../room/[code]/[round]/RoundResults';

type Props = { params: Promise<{ id: string }> };

/** A published class round, addressed by its random public id (never by the room's join code). */
const parse = async (params: Props['params']) => {
  const id = decodeURIComponent((await params).id);
  return /^[A-Za-z0-9_-]{16,64}$/.test(id) ? id : null;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('room');
  return { title: t('history.title') };
}

export default async function PublishedRoundPage({ params }: Props) {
  const id = await parse(params);
  if (!id) notFound();
  return <RoundResults publicId={id} />;
}
