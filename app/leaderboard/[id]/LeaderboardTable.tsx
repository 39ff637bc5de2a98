'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { usePlayer } from '../../components/providers/PlayerProvider';
import { useChangedRows, useLeaderboard } from './useLeaderboard';

/** How long a row that just changed stays highlighted. */
const CHANGED_HIGHLIGHT_MS = 4_000;
const KNOWN_ERRORS = new Set(['challenge/unknown', 'rate/limited', 'client/timeout']);
/** Gold, silver and bronze backgrounds for the top three ranks (colour only; the number is the content). */
const MEDALS = ['bg-amber-300 text-amber-950', 'bg-slate-300 text-slate-900', 'bg-orange-300 text-orange-950'];
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** 0..1 → percent rounded to 0.1 the way Number#toFixed does, so every view of a score agrees. */
const percent1 = (score: number) => Number((score * 100).toFixed(1));

/** Live table: the subscription's ack gives the current view, then updates arrive as pushed. */
export function LeaderboardTable({ challengeId }: { challengeId: string }) {
  const t = useTranslations('leaderboard');
  const format = useFormatter();
  const { player } = usePlayer();
  const { view, error, live } = useLeaderboard(challengeId);
  const changed = useChangedRows(view, CHANGED_HIGHLIGHT_MS);
  const th = 'px-3 py-2.5 font-semibold';

  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${live ? 'animate-pulse bg-emerald-500' : 'bg-slate-400'}`} />
        {live ? t('live') : view ? t('reconnecting') : t('connecting')}
        {view && <span className="text-slate-600">· {t('players', { count: view.totalPlayers })}</span>}
      </p>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {KNOWN_ERRORS.has(error.code) ? t(`error.${error.code.replace('/', '_')}`) : error.message}
        </p>
      )}
      {/* Narrow screens scroll the table, not the page; focusable so keyboards can scroll it too. */}
      <div tabIndex={0} role="region" aria-label={t('caption')} className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
        <table data-testid="leaderboard-table" aria-busy={!view} className="w-full min-w-[34rem] text-left text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={`${th} w-16 text-right`}>{t('rank')}</th>
              <th scope="col" className={th}>{t('nickname')}</th>
              <th scope="col" className={`${th} text-right`}>{t('score')}</th>
              <th scope="col" className={`${th} text-right`}>{t('params')}</th>
              <th scope="col" className={th}>{t('submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {view?.rows.map((row) => {
              const me = row.playerId === player?.playerId;
              const fresh = changed.has(row.playerId);
              return (
                <tr
                  key={row.playerId}
                  data-testid="leaderboard-row"
                  data-player-id={row.playerId}
                  data-me={me ? 'true' : undefined}
                  aria-current={me ? 'true' : undefined}
                  className={`border-t border-slate-100 transition-colors duration-700 ${me ? 'font-semibold' : ''} ${fresh ? 'bg-emerald-100' : me ? 'bg-amber-50' : ''}`}
                >
                  <td data-testid="lb-rank" className="px-3 py-2 text-right tabular-nums">
                    <span className={`inline-flex h-6 min-w-6 items-center justify-center rounded-full px-1.5 ${MEDALS[row.rank - 1] ?? ''}`}>
                      {row.rank}
                    </span>
                  </td>
                  <td data-testid="lb-nickname" className="max-w-[14rem] truncate px-3 py-2">
                    {row.nickname}
                    {me && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t('you')}</span>}
                  </td>
                  <td data-testid="lb-score" data-value={row.score} className="px-3 py-2 text-right tabular-nums">
                    {t('percent', { value: format.number(percent1(row.score), ONE_DECIMAL) })}
                  </td>
                  <td data-testid="lb-params" data-value={row.paramCount} className="px-3 py-2 text-right tabular-nums">
                    {format.number(row.paramCount, { useGrouping: true })}
                  </td>
                  <td data-testid="lb-submitted" className="px-3 py-2 whitespace-nowrap text-slate-700">
                    <time dateTime={row.submittedAt}>
                      {format.dateTime(new Date(row.submittedAt), { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {view && view.rows.length === 0 && <p className="p-5 text-slate-700">{t('empty')}</p>}
        {!view && !error && <p className="p-5 text-slate-600">{t('loading')}</p>}
      </div>
    </div>
  );
}
