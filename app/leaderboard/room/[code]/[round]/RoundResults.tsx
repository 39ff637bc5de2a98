'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ApiError, RoundResults as Results, RoundResultsQuery } from '../../../../../protocol';
import { RevealView } from '../../../../components/boss/RevealView';
import { usePlayer } from '../../../../components/providers/PlayerProvider';
import { useSocket } from '../../../../components/providers/SocketProvider';
import { request } from '../../../../components/room/emit';
import { RoomError } from '../../../../components/room/errors';
import { spacedCode } from '../../../../components/room/format';
import { Podium } from '../../../../components/room/Podium';
import { readHostToken } from '../../../../components/room/storage';
import { StandingsTable } from '../../../../components/room/StandingsTable';
import { LocalTime } from '../../../../components/time/LocalTime';

/**
 * The final standings of one finished class round (room:results): by code for the room's host (this
 * browser's host token) and players, by public id for anyone once the teacher published it. A boss
 * round has no podium of its public board: once the teacher revealed it, its private board (the
 * reveal) stands in its place; before that a note says the private board is still hidden.
 */
export function RoundResults(props: { code: string; round: number } | { publicId: string }) {
  const t = useTranslations('room');
  const socket = useSocket();
  const { player } = usePlayer();
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const code = 'code' in props ? props.code : null;
  const number = 'round' in props ? props.round : null;
  const publicId = 'publicId' in props ? props.publicId : null;

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const load = async () => {
      const query: RoundResultsQuery = code !== null && number !== null ? { code, round: number, ...hostTokenOf(code) } : { publicId: publicId ?? '' };
      const res = await request(socket, 'room:results', query);
      if (!active) return;
      if (res.ok) setResults(res.data);
      setError(res.ok ? null : res.error);
    };
    socket.on('connect', load);
    if (socket.connected) void load();
    return () => {
      active = false;
      socket.off('connect', load);
    };
  }, [socket, code, number, publicId]);
  const round = number ?? results?.round;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold tracking-tight">
          {code ? t('history.resultsTitle', { code: spacedCode(code), round: round ?? 1 }) : t('history.publicTitle', { round: round ?? 1 })}
        </h1>
        {results && (
          <p className="text-slate-700">
            {t(`challengeName.${results.challengeId}` as 'challengeName.sign-digits')} · {t('history.players', { count: results.players })} ·{' '}
            <LocalTime at={results.endedAt} options={{ dateStyle: 'long', timeStyle: 'short' }} testId="results-ended-at" />
          </p>
        )}
      </div>
      {error && <RoomError error={error} />}
      {!results && !error && <p role="status" className="text-slate-600">{t('history.loading')}</p>}
      {results && code && (
        <p data-testid="results-visibility" data-published={results.publishedAt !== null} className="text-sm text-slate-600">
          {t(results.publishedAt !== null ? 'history.publishedNote' : 'history.privateNote')}
        </p>
      )}
      {results && (
        <>
          {results.reveal === undefined && <Podium standings={results.standings} meId={player?.playerId} />}
          {results.reveal && <RevealView reveal={results.reveal} meId={player?.playerId} room />}
          {results.reveal === null && <p data-testid="results-not-revealed" className="rounded-xl bg-rose-50 p-3 text-rose-950 ring-1 ring-rose-200">{t('history.notRevealed')}</p>}
          <StandingsTable rows={results.standings} meId={player?.playerId} sortable caption={t('standings.final', { round: results.round })} challengeId={results.challengeId} />
        </>
      )}
    </div>
  );
}

/** The host token this browser keeps for the room, if it hosts it (the host sees its rounds unpublished). */
function hostTokenOf(code: string): { hostToken?: string } {
  const token = readHostToken(code);
  return token ? { hostToken: token } : {};
}
