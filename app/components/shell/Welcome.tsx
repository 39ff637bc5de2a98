'use client';
import { useTranslations } from 'next-intl';
import { usePlayer } from '../providers/PlayerProvider';

/** Greets a returning player; the nickname form takes this place for newcomers. */
export function Welcome() {
  const t = useTranslations('home');
  const { player } = usePlayer();
  if (!player) return null;
  return (
    <p role="status" className="rounded-xl bg-emerald-50 p-4 text-emerald-900 ring-1 ring-emerald-200">
      {t('welcome', { nickname: player.nickname })}
    </p>
  );
}
