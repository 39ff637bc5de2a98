'use client';
import { useTranslations } from 'next-intl';
import type { ApiError } from '../../../server/protocol';

/** Boss and reveal refusals the boss catalogue explains; others get a generic sentence. */
const KNOWN = [
  'boss/not_boss', 'boss/revealed', 'boss/not_yours', 'boss/too_many_selected', 'boss/nothing_to_reveal', 'boss/locked',
  'round/not_boss', 'round/not_ended', 'round/already_revealed', 'round/scoring_pending', 'round/wrong_challenge',
  'room/not_host', 'room/not_member', 'client/timeout', 'client/offline',
] as const;

export const bossErrorKey = (code: string) =>
  `errors.${(KNOWN as readonly string[]).includes(code) ? code.replace('/', '_') : 'unknown'}` as 'errors.unknown';

export function BossError({ error }: { error: ApiError }) {
  const t = useTranslations('boss');
  return (
    <div role="alert" data-testid="boss-error" data-code={error.code} className="rounded-lg bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
      <p className="font-medium">{t(bossErrorKey(error.code))}</p>
      <p className="mt-0.5 text-xs text-red-700"><code>{error.code}</code> · {error.message}</p>
    </div>
  );
}
