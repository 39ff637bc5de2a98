import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SoloPath } from '../components/solo/SoloPath';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('solo');
  return { title: t('pageTitle') };
}

export default async function SoloPage() {
  const t = await getTranslations('solo');
  return (
    <div className="flex max-w-5xl flex-col gap-5">
      <h1 className="text-3xl font-bold tracking-tight">{t('heading')}</h1>
      <p className="max-w-3xl text-slate-700">{t('pageIntro')}</p>
      <SoloPath />
    </div>
  );
}
