import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: t('notFoundTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <div className="flex max-w-2xl flex-col items-start gap-4 py-10">
      <p className="text-sm font-semibold text-indigo-800">404</p>
      <h1 className="text-3xl font-bold tracking-tight">{t('notFoundTitle')}</h1>
      <p className="text-slate-700">{t('notFoundBody')}</p>
      <Link href="/" className="rounded-lg bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800">
        {t('backHome')}
      </Link>
    </div>
  );
}
