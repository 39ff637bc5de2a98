'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useConnected } from '../providers/SocketProvider';
import { usePlayer } from '../providers/PlayerProvider';
import { LocaleSwitch } from './LocaleSwitch';

const NAV = [
  { href: '/', key: 'navHome', match: (p: string) => p === '/' },
  { href: '/solo', key: 'navPath', match: (p: string) => p === '/solo' || p.startsWith('/challenges/') },
  { href: '/join', key: 'navJoin', match: (p: string) => p === '/join' || (p.startsWith('/room/') && !p.endsWith('/host')) },
  { href: '/host', key: 'navHost', match: (p: string) => p === '/host' || (p.startsWith('/room/') && p.endsWith('/host')) },
  { href: '/leaderboard', key: 'navLeaderboard', match: (p: string) => p.startsWith('/leaderboard') },
] as const;

export function Header() {
  const t = useTranslations('common');
  const pathname = usePathname() ?? '/';
  const { player, ready } = usePlayer();
  const connected = useConnected();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-indigo-800">
          <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-lg bg-indigo-700 text-sm text-white">
            ∇
          </span>
          {t('appName')}
        </Link>
        <nav aria-label={t('navLabel')}>
          <ul className="flex items-center gap-1 text-sm">
            {NAV.map((item) => {
              const current = item.match(pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                    className={`rounded-md px-2.5 py-1.5 ${current ? 'bg-indigo-50 font-semibold text-indigo-900' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'}`}
                  >
                    {t(item.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="flex items-center gap-1.5" role="status">
            <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-slate-400'}`} />
            <span className="sr-only">{connected ? t('online') : t('offline')}</span>
          </span>
          {player ? (
            <span className="flex items-center gap-1">
              <span className="sr-only">{t('playingAs')}</span>
              <span data-testid="player-name" className="max-w-[10rem] truncate font-medium text-slate-900">
                {player.nickname}
              </span>
            </span>
          ) : (
            ready && <span className="text-slate-600">{t('noNickname')}</span>
          )}
          <LocaleSwitch />
        </div>
      </div>
    </header>
  );
}
