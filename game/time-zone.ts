/**
 * IANA time zones as plain data: checking a zone a browser sent and writing an instant as a wall-clock
 * time in that zone. Pure (Intl with an explicit zone gives the same answer on any machine); the
 * clock is never read here: the instant comes in.
 */

export const DEFAULT_TIME_ZONE = 'UTC';

/** Region/City names (and UTC, Etc/GMT+5): no bare offsets, which Intl takes but a teacher never sends. */
const ZONE_NAME = /^[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * The zone as IANA spells it ('asia/seoul' → 'Asia/Seoul'); null when Intl does not know it. A current
 * name that ICU resolves to an older alias (Asia/Kolkata → Asia/Calcutta) is kept as sent.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.length > 64 || !ZONE_NAME.test(zone)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  } catch {
    return null;
  }
}

export const isTimeZone = (zone: string) => canonicalTimeZone(zone) !== null;

/**
 * `ms` as "YYYY-MM-DD HH:mm:ss" on the wall clock of `zone` (24-hour, the form spreadsheets read as a
 * date and time in every locale). An unknown zone falls back to UTC rather than failing an export.
 */
export function localDateTime(ms: number, zone: string): string {
  const timeZone = canonicalTimeZone(zone) ?? DEFAULT_TIME_ZONE;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}
