import type { AbstractIntlMessages } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, NAMESPACES, pickLocale, type Locale } from './config';

type Messages = AbstractIntlMessages;

/** One catalogue per namespace and locale, so each UI area edits its own file. */
async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const mod = (await import(`./messages/${locale}/${ns}.json`)) as { default: Messages };
      return [ns, mod.default] as const;
    }),
  );
  return Object.fromEntries(parts);
}

export default getRequestConfig(async () => {
  const locale = pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  // The server cannot know the viewer's zone: every time on screen goes through LocalTime
  // (app/components/time), in the browser's zone. UTC here is only a neutral fallback.
  return { locale, messages: await loadMessages(locale), timeZone: 'UTC' };
});
