/**
 * Dates and times in the viewer's own time zone: the browser's zone, and an instant formatted in a
 * given zone and locale. Pure apart from reading the browser's settings, so they are unit-tested.
 */
import { DEFAULT_TIME_ZONE, canonicalTimeZone } from '../../../game/time-zone';

/** The zone this browser runs in (Intl's resolved zone), UTC when it reports none Intl knows. */
export function browserTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (zone && canonicalTimeZone(zone)) || DEFAULT_TIME_ZONE;
}

/** `ms` as `locale` writes it with `options`, on the wall clock of `timeZone`. */
export function formatInZone(ms: number, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE }).format(ms);
}
