'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S } from '../../i18n/config';

export function LocaleSwitch() {
  const locale = useLocale();
  const t = useTranslations('common');
  const router = useRouter();
  const next = locale === 'ko' ? 'en' : 'ko';
  return (
    <button
      type="button"
      data-testid="locale-switch"
      className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
      aria-label={t('switchLanguage')}
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_S}; samesite=lax`;
        router.refresh();
      }}
    >
      {next === 'en' ? 'English' : '한국어'}
    </button>
  );
}
