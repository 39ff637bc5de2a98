import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { normalizeJoinCode } from '../../game/room/code';
import { JoinCodeForm } from '../components/room/JoinCodeForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('room');
  return { title: t('join.pageTitle') };
}

/** /join: type the code; /join?code=ACDEF3 goes straight to the room (a link or a QR scan). */
export default async function JoinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).code;
  const given = typeof raw === 'string' ? raw : '';
  const code = normalizeJoinCode(given);
  if (code) redirect(`/room/${code}`);
  const t = await getTranslations('room');
  return (
    <div className="mx-auto flex w-full max-w-lg flex-col gap-6 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t('join.pageTitle')}</h1>
        <p className="text-slate-700">{t('join.pageBody')}</p>
      </div>
      <JoinCodeForm initial={given.toUpperCase()} autoFocus />
    </div>
  );
}
