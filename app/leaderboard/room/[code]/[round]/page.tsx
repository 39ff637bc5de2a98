import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { normalizeJoinCode } from '../../../../../game/room/code';
import { RoundResults } from './RoundResults';

type Props = { params: Promise<{ code: string; round: string }> };

async function parse(params: Props['params']) {
  const p = await params;
  const code = normalizeJoinCode(decodeURIComponent(p.code));
  const round = Number(p.round);
  return code && Number.isInteger(round) && round >= 1 && round <= 10_000 ? { code, round } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('room');
  const p = await parse(params);
  return { title: p ? t('history.resultsTitle', { code: p.code, round: p.round }) : t('history.title') };
}

export default async function RoundResultsPage({ params }: Props) {
  const p = await parse(params);
  if (!p) notFound();
  return <RoundResults code={p.code} round={p.round} />;
}
