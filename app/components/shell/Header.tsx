'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useConnected } from '../providers/SocketProvider';
import { usePlayer } from '../providers/PlayerProvider';
import { LocaleSwitch } from './LocaleSwitch';

export function Header() {
  const t = useTranslations('common');
  const { player } = usePlayer();
  const connected = useConnected();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-indigo-700">
          {t('appName')}
        </Link>
        <Link href="/" className="text-sm text-slate-700 hover:text-indigo-700">
          {t('navHome')}
        </Link>
        <Link href="/leaderboard" className="text-sm text-slate-700 hover:text-indigo-700">
          {t('navLeaderboard')}
        </Link>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span
            className={`inline-block h-2 w-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-slate-300'}`}
            title={connected ? t('online') : t('offline')}
            aria-label={connected ? t('online') : t('offline')}
          />
          {player ? (
            <span data-testid="player-name" className="font-medium">
              {player.nickname}
            </span>
          ) : (
            <span className="text-slate-500">{t('noNickname')}</span>
          )}
          <LocaleSwitch />
        </div>
      </nav>
    </header>
  );
}
