import type { Metadata } from 'next';
import { networkInterfaces } from 'node:os';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { normalizeJoinCode } from '../../../../game/room/code';
import { readEnv } from '../../../../server/env';
import { HostConsole } from './HostConsole';

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('room');
  return { title: t('host.pageTitle') };
}

export default async function HostPage({ params }: Props) {
  const code = normalizeJoinCode(decodeURIComponent((await params).code));
  if (!code) notFound();
  return <HostConsole code={code} address={{ publicUrl: readEnv().PUBLIC_URL, lan: lanAddresses() }} />;
}

/** This machine's network IPv4 addresses: what students' devices can reach when the teacher uses localhost. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => (a as { address: string }).address);
}
