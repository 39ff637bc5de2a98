'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { navItems } from './nav';

/** The phone menu's state: closed again on every navigation and by Escape (focus back on its button). */
export function useMenu(pathname: string) {
  // Open "at" a path: a navigation elsewhere closes it without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpenAt(null), []);
  const toggle = useCallback(() => setOpenAt((at) => (at === pathname ? null : pathname)), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenAt(null);
      buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, close, toggle, buttonRef };
}

export function MenuButton(props: { controls: string; open: boolean; onToggle: () => void; buttonRef: RefObject<HTMLButtonElement | null> }) {
  const t = useTranslations('common');
  return (
    <button
      ref={props.buttonRef}
      type="button"
      data-testid="nav-menu"
      aria-expanded={props.open}
      aria-controls={props.controls}
      onClick={props.onToggle}
      className="order-2 flex h-10 items-center gap-1.5 rounded-md border border-slate-300 px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-100 lg:hidden"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        {props.open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
      </svg>
      {t('menu')}
    </button>
  );
}

/** The main links: a column under the header row on small screens (when open), one row from `lg`. */
export function MainNav({ id, pathname, open, onNavigate }: { id: string; pathname: string; open: boolean; onNavigate: () => void }) {
  const t = useTranslations('common');
  return (
    <nav aria-label={t('navLabel')} className="order-3 basis-full lg:order-none lg:basis-auto">
      <ul id={id} data-testid="nav-links" className={`${open ? 'flex' : 'hidden'} flex-col gap-1 pt-3 text-base lg:flex lg:flex-row lg:items-center lg:pt-0 lg:text-sm`}>
        {navItems(pathname).map((item) => {
          const current = item.match(pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 lg:px-2.5 lg:py-1.5 ${current ? 'bg-indigo-50 font-semibold text-indigo-900' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'}`}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
