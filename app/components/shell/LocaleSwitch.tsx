'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale } from '../../i18n/config';

/** Each language is named in itself, so a reader who cannot read the current one still finds theirs. */
const NAMES: Record<Locale, string> = { ko: '한국어', en: 'English' };

/** Toggles ko/en: the cookie is read by app/i18n/request.ts on the server render that refresh() asks for. */
export function LocaleSwitch() {
  const locale = useLocale();
  const t = useTranslations('common');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next: Locale = locale === 'ko' ? 'en' : 'ko';
  return (
    <button
      type="button"
      data-testid="locale-switch"
      data-locale={locale}
      lang={next}
      disabled={pending}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      title={t('switchLanguage')}
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_S}; samesite=lax`;
        startTransition(() => router.refresh());
      }}
    >
      {NAMES[next]}
    </button>
  );
}
