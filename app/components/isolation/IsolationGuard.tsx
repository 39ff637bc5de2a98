'use client';
/**
 * Makes sure a page that trains gets its own, cross-origin isolated document (routes.ts): a click on
 * a link to such a page from a non-isolated one is left to the browser (a real page load, with the
 * headers) instead of Next's client-side navigation, and any other client-side arrival (e.g.
 * router.push) reloads the page once.
 */
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { isIsolatedPath, needsIsolatingLoad } from './routes';

const isolatedNow = () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;

/** The path this document was loaded at (client-side navigation does not change it). */
function loadedPathname(): string {
  const entry = performance.getEntriesByType('navigation')[0];
  try {
    return new URL(entry?.name ?? window.location.href).pathname;
  } catch {
    return window.location.pathname;
  }
}

/** Capture phase on the document: runs before React's handlers, so Next's Link never sees it. */
function onClick(e: MouseEvent): void {
  if (isolatedNow() || e.defaultPrevented || e.button !== 0) return;
  const a = (e.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
  const url = new URL(a.href);
  if (url.origin !== window.location.origin || !isIsolatedPath(url.pathname)) return;
  e.stopPropagation();
}

export function IsolationGuard() {
  const pathname = usePathname();
  useEffect(() => {
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
  useEffect(() => {
    if (needsIsolatingLoad({ pathname, loadedPathname: loadedPathname(), isolated: isolatedNow() })) window.location.reload();
  }, [pathname]);
  return null;
}
