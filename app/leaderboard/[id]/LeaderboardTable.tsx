'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { LeaderboardView } from '../../../server/protocol';
import { usePlayer } from '../../components/providers/PlayerProvider';
import { useSocket } from '../../components/providers/SocketProvider';

/** Live table: the subscription's ack gives the current view, then updates arrive as pushed. */
export function LeaderboardTable({ challengeId }: { challengeId: string }) {
  const t = useTranslations('leaderboard');
  const format = useFormatter();
  const socket = useSocket();
  const { player } = usePlayer();
  const [view, setView] = useState<LeaderboardView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!socket) return;
    const subscribe = () => {
      socket.emit('leaderboard:subscribe', { challengeId }, (res) => {
        if (res.ok) setView(res.data);
        else setError(res.error.message);
      });
    };
    const onUpdate = (next: LeaderboardView) => {
      if (next.challengeId === challengeId) setView(next);
    };
    socket.on('connect', subscribe);
    socket.on('leaderboard:update', onUpdate);
    if (socket.connected) subscribe();
    return () => {
      socket.off('connect', subscribe);
      socket.off('leaderboard:update', onUpdate);
      socket.emit('leaderboard:unsubscribe', { challengeId });
    };
  }, [socket, challengeId]);

  if (error) return <p role="alert" className="text-red-700">{error}</p>;
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table data-testid="leaderboard-table" className="w-full min-w-[36rem] text-left text-sm">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t('rank')}</th>
            <th scope="col" className="px-3 py-2">{t('nickname')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('score')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('params')}</th>
            <th scope="col" className="px-3 py-2">{t('submitted')}</th>
          </tr>
        </thead>
        <tbody>
          {view?.rows.map((row) => {
            const me = row.playerId === player?.playerId;
            return (
              <tr
                key={row.playerId}
                data-testid="leaderboard-row"
                data-player-id={row.playerId}
                data-me={me ? 'true' : undefined}
                className={`border-t border-slate-100 ${me ? 'bg-amber-50 font-semibold' : ''}`}
              >
                <td data-testid="lb-rank" className="px-3 py-2">{row.rank}</td>
                <td data-testid="lb-nickname" className="px-3 py-2">
                  {row.nickname} {me && <span className="ml-1 rounded bg-amber-200 px-1 text-xs">{t('you')}</span>}
                </td>
                <td data-testid="lb-score" className="px-3 py-2 text-right tabular-nums">{(row.score * 100).toFixed(1)}%</td>
                <td data-testid="lb-params" className="px-3 py-2 text-right tabular-nums">{format.number(row.paramCount)}</td>
                <td data-testid="lb-submitted" className="px-3 py-2">
                  {format.dateTime(new Date(row.submittedAt), { dateStyle: 'medium', timeStyle: 'short' })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {view && view.rows.length === 0 && <p className="p-4 text-slate-600">{t('empty')}</p>}
      {!view && <p className="p-4 text-slate-500">{t('loading')}</p>}
    </div>
  );
}
