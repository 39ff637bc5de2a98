'use client';
import { useTranslations } from 'next-intl';
import { podium, type RoundStanding } from '../../../game/room/views';
import { percentText } from './format';
import { MedalIcon } from './icons';

/** Visual order 2nd, 1st, 3rd; the list order (for screen readers) stays 1st, 2nd, 3rd via `order`. */
const PLACES = [
  { rank: 1, order: 'order-2', height: 'h-40', tone: 'from-amber-300 to-amber-400 text-amber-950 ring-amber-500', delay: '900ms' },
  { rank: 2, order: 'order-1', height: 'h-28', tone: 'from-slate-200 to-slate-300 text-slate-900 ring-slate-400', delay: '500ms' },
  { rank: 3, order: 'order-3', height: 'h-20', tone: 'from-orange-200 to-orange-300 text-orange-950 ring-orange-400', delay: '100ms' },
] as const;

/** The top three rise in from the bottom (third first, winner last); still when motion is reduced. */
export function Podium({ standings, meId }: { standings: readonly RoundStanding[]; meId?: string }) {
  const t = useTranslations('room');
  const top = podium(standings);
  if (top.length === 0) {
    return <p data-testid="podium-empty" className="rounded-2xl bg-white p-6 text-center text-slate-700 shadow-sm ring-1 ring-slate-200">{t('podium.empty')}</p>;
  }
  return (
    <section aria-labelledby="podium-title" data-testid="podium" className="rounded-3xl bg-gradient-to-b from-indigo-950 to-indigo-800 px-4 pt-6 text-white shadow-lg">
      <h2 id="podium-title" className="text-center text-2xl font-bold tracking-tight">{t('podium.title')}</h2>
      <ol className="mx-auto mt-4 flex max-w-2xl items-end justify-center gap-3">
        {PLACES.map((place) => {
          const s = top[place.rank - 1];
          if (!s) return <li key={place.rank} aria-hidden="true" className={`${place.order} w-1/3`} />;
          const me = s.playerId === meId;
          return (
            <li key={place.rank} data-testid="podium-place" data-rank={place.rank} className={`${place.order} podium-step flex w-1/3 min-w-0 flex-col items-center`} style={{ animationDelay: place.delay }}>
              <span className={place.rank === 1 ? 'podium-pop' : ''} style={{ animationDelay: place.delay }}><MedalIcon rank={place.rank} className={place.rank === 1 ? 'h-14 w-14' : 'h-11 w-11'} /></span>
              <span data-testid="podium-nickname" className="mt-1 w-full truncate text-center text-lg font-semibold" title={s.nickname}>
                {s.nickname}
                {me && <span className="ml-1 rounded bg-amber-300 px-1.5 text-xs font-bold text-amber-950">{t('you')}</span>}
              </span>
              <span className="text-sm tabular-nums text-indigo-100">{t('percent', { value: percentText(s.score) })}</span>
              <span className="sr-only">{t('podium.place', { rank: place.rank })}</span>
              <div aria-hidden="true" className={`mt-2 flex w-full items-start justify-center rounded-t-xl bg-gradient-to-b pt-2 text-3xl font-black ring-2 ${place.height} ${place.tone}`}>
                {place.rank}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
