'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useConnected } from '../providers/SocketProvider';
import { usePlayer } from '../providers/PlayerProvider';
import { LocaleSwitch } from './LocaleSwitch';
import { MainNav, MenuButton, useMenu } from './MainNav';

const NAV_ID = 'main-nav-links';

/**
 * One row on every screen: below `lg` the links fold into a menu (five links do not fit beside the
 * name on a 390 px phone); from `lg` they sit inline.
 */
export function Header() {
  const t = useTranslations('common');
  const pathname = usePathname() ?? '/';
  const { player, ready } = usePlayer();
  const connected = useConnected();
  const menu = useMenu(pathname);
  return (
    <header data-testid="site-header" className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 px-4 py-3 lg:flex-nowrap lg:gap-x-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-bold text-indigo-800">
          <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-lg bg-indigo-700 text-sm text-white">
            ∇
          </span>
          {/* On a phone the mark alone: the name, the language and the menu button share 358 px. */}
          <span className="sr-only sm:not-sr-only">{t('appName')}</span>
        </Link>
        {/* DOM order logo, menu button, links, status: on a phone the button comes before the links it
            opens (Tab goes on into them); `order` only moves the boxes on screen. */}
        <MenuButton controls={NAV_ID} open={menu.open} onToggle={menu.toggle} buttonRef={menu.buttonRef} />
        <MainNav id={NAV_ID} pathname={pathname} open={menu.open} onNavigate={menu.close} />
        <div className="order-1 ml-auto flex min-w-0 items-center gap-2 text-sm sm:gap-3 lg:order-none">
          <span className="flex items-center gap-1.5" role="status">
            <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-slate-400'}`} />
            <span className="sr-only">{connected ? t('online') : t('offline')}</span>
          </span>
          {player ? (
            <span className="flex min-w-0 items-center gap-1">
              <span className="sr-only">{t('playingAs')}</span>
              <span data-testid="player-name" className="max-w-[6rem] truncate font-medium text-slate-900 sm:max-w-[10rem]">
                {player.nickname}
              </span>
            </span>
          ) : (
            ready && <span className="hidden text-slate-600 sm:inline">{t('noNickname')}</span>
          )}
          <LocaleSwitch />
        </div>
      </div>
    </header>
  );
}
