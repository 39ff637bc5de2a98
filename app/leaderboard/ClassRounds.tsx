'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ApiError, FinishedRoundSummary } from '../../protocol';
import { useSocket } from '../components/providers/SocketProvider';
import { request } from '../components/room/emit';
import { RoomError } from '../components/room/errors';
import { percentText } from '../components/room/format';
import { MedalIcon } from '../components/room/icons';
import { LocalTime } from '../components/time/LocalTime';

const RECENT_ROUNDS = 20;

/** Class rounds their teachers published (rooms:finished), each linking to its final standings by public id (no join codes). */
export function ClassRounds() {
  const t = useTranslations('room');
  const { rounds, error } = useFinishedRounds();
  return (
    <section aria-labelledby="class-rounds" className="flex flex-col gap-3">
      <h2 id="class-rounds" className="text-2xl font-semibold">{t('history.title')}</h2>
      <p className="text-slate-700">{t('history.intro')}</p>
      {error && <RoomError error={error} />}
      {!rounds && !error && <p role="status" className="text-sm text-slate-600">{t('history.loading')}</p>}
      {rounds && rounds.length === 0 && <p data-testid="class-rounds-empty" className="rounded-xl bg-white p-4 text-sm text-slate-700 ring-1 ring-slate-200">{t('history.empty')}</p>}
      {rounds && rounds.length > 0 && (
        <ul data-testid="class-rounds" className="grid gap-3 md:grid-cols-2">
          {rounds.map((r) => (
            <li key={r.publicId}>
              <RoundCard round={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The most recent finished rounds; null until the first answer. Reloaded on every (re)connect, as
 * a round may have ended while the socket was down; a good answer clears an earlier error.
 */
function useFinishedRounds(): { rounds: FinishedRoundSummary[] | null; error: ApiError | null } {
  const socket = useSocket();
  const [rounds, setRounds] = useState<FinishedRoundSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const load = async () => {
      const res = await request(socket, 'rooms:finished', { limit: RECENT_ROUNDS });
      if (!active) return;
      if (res.ok) {
        setRounds(res.data);
        setError(null);
      } else setError(res.error);
    };
    socket.on('connect', load);
    if (socket.connected) void load();
    return () => {
      active = false;
      socket.off('connect', load);
    };
  }, [socket]);

  return { rounds, error };
}

function RoundCard({ round: r }: { round: FinishedRoundSummary }) {
  const t = useTranslations('room');
  return (
    <Link href={`/leaderboard/round/${encodeURIComponent(r.publicId)}`} data-testid="class-round" data-public-id={r.publicId} data-round={r.round} className="flex h-full flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-400">
      <span className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-lg font-bold text-indigo-800">{t(`challengeName.${r.challengeId}` as 'challengeName.sign-digits')}</span>
        <span className="text-sm text-slate-600">{t('history.round', { round: r.round })} · <LocalTime at={r.endedAt} options={{ dateStyle: 'medium', timeStyle: 'short' }} testId="class-round-ended-at" /></span>
      </span>
      <span className="text-sm text-slate-700">{t('history.players', { count: r.players })}</span>
      {r.top.length > 0 ? (
        <ol className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {r.top.map((s) => (
            <li key={s.playerId} className="flex items-center gap-1">
              <MedalIcon rank={s.rank} className="h-5 w-5" />
              <span className="sr-only">{t('podium.place', { rank: s.rank })}</span>
              <span className="max-w-[9rem] truncate font-medium">{s.nickname}</span>
              <span className="tabular-nums text-slate-600">{t('percent', { value: percentText(s.score) })}</span>
            </li>
          ))}
        </ol>
      ) : (
        <span className="text-sm text-slate-500">{t('podium.empty')}</span>
      )}
    </Link>
  );
}
