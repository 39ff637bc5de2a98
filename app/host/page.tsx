import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HostStart } from './HostStart';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('room');
  return { title: t('start.title') };
}

export default function HostPage() {
  return <HostStart />;
}
