import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { normalizeJoinCode } from '../../../../game/room/code';
import { HostConsole } from './HostConsole';

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('room');
  return { title: t('host.pageTitle') };
}

export default async function HostPage({ params }: Props) {
  const code = normalizeJoinCode(decodeURIComponent((await params).code));
  if (!code) notFound();
  return <HostConsole code={code} />;
}
