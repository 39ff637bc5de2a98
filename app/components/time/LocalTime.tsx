'use client';
import { useLocale } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { browserTimeZone, formatInZone } from './zone';

const noChange = () => () => undefined;

/**
 * The viewer's time zone: null while rendering on the server (whose zone is not the viewer's) and
 * during hydration, the browser's zone after, so the server's markup and the first client render agree.
 */
export function useViewerTimeZone(): string | null {
  return useSyncExternalStore(noChange, browserTimeZone, () => null);
}

/**
 * An instant on the viewer's own clock, in the page's language. The server renders only the machine-
 * readable `dateTime`; the text appears once the browser's zone is known.
 */
export function LocalTime({ at, options, testId, className }: { at: number | string; options: Intl.DateTimeFormatOptions; testId?: string; className?: string }) {
  const locale = useLocale();
  const zone = useViewerTimeZone();
  const ms = typeof at === 'string' ? Date.parse(at) : at;
  if (!Number.isFinite(ms)) return null;
  return (
    <time dateTime={new Date(ms).toISOString()} data-testid={testId} data-zone={zone ?? undefined} className={className}>
      {zone ? formatInZone(ms, locale, zone, options) : ''}
    </time>
  );
}
