/** Languages the UI speaks; Korean first, since the first classes are in Korea. */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** Message catalogues: app/i18n/messages/<locale>/<namespace>.json, merged under the namespace key. */
export const NAMESPACES = ['common', 'home', 'leaderboard', 'train', 'room', 'play', 'solo', 'boss', 'errors', 'hand', 'modelFiles', 'presets', 'applications', 'autoencoder', 'gan'] as const;
export type Namespace = (typeof NAMESPACES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';
/** Cookie that remembers the reader's choice (one year). */
export const LOCALE_COOKIE = 'locale';
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The cookie wins; otherwise English only when the browser prefers it over Korean. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  const langs = (acceptLanguage ?? '').toLowerCase().split(',').map((l) => l.trim().slice(0, 2));
  const ko = langs.indexOf('ko');
  const en = langs.indexOf('en');
  return en >= 0 && (ko < 0 || en < ko) ? 'en' : DEFAULT_LOCALE;
}
