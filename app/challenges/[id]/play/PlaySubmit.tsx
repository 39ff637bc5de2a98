'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { PlayChallengeId } from '../../../../game/challenges';
import type { PlayEntry } from '../../../../game/solo/play';
import type { ApiError, SubmissionResult } from '../../../../protocol';
import { usePlayer } from '../../../components/providers/PlayerProvider';
import { useConnected } from '../../../components/providers/SocketProvider';
import { useErrorText } from '../../../components/errors/useErrorText';
import { useRoomActivity, type StudioActivity } from '../../../components/room/useRoomActivity';
import { NicknameForm } from '../../../components/shell/NicknameForm';
import { SUBMIT_TIMEOUT_MS, useSubmission } from '../../../components/submit/useSubmission';
import type { RoomMode } from '../Studio';
import { Stars } from './Stars';

/** The refusal in the reader's language, in this page's words where it has them (codes.ts, 'play'). */
function ErrorText({ error }: { error: ApiError }) {
  const t = useTranslations('play.submit');
  const describe = useErrorText('play');
  return (
    <div role="alert" data-testid="play-error" data-code={error.code} className="text-red-800">
      <p className="font-semibold">{t('failed')}: {describe(error)}</p>
    </div>
  );
}

function ScoredText({ result }: { result: SubmissionResult }) {
  const t = useTranslations('play.submit');
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span>
        {t('scoredAs')}{' '}
        <strong data-testid="play-score" data-value={result.score} className="text-lg tabular-nums">{((result.score ?? 0) * 100).toFixed(1)}%</strong>{' '}
        <span className="text-slate-600">({result.correct}/{result.total})</span>
      </span>
      <span className="flex items-center gap-1">{t('earned')} <Stars stars={result.stars ?? 0} testId="play-stars" /></span>
    </p>
  );
}

/**
 * Sends a play challenge's entry (`play:submit`) and shows the server's score and stars for it.
 * `entry` null keeps the button disabled (the step-through before its last answer). In a room
 * round the entry goes to the round, and the class wall hears "submitted" once it is accepted.
 */
export function PlaySubmit({ challengeId, entry, room }: { challengeId: PlayChallengeId; entry: PlayEntry | null; room?: RoomMode }) {
  const t = useTranslations('play.submit');
  const connected = useConnected();
  const { player } = usePlayer();
  const [accepted, setAccepted] = useState(false);
  const { submit: send, result, error, dataStatus, idle, sending, busy } = useSubmission();
  const activity = useMemo<StudioActivity>(() => ({ activity: accepted ? 'submitted' : 'building', backend: null, point: null }), [accepted]);
  useRoomActivity(room?.code ?? null, activity);

  if (!player) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm">{t('needNickname')}</p>
        <NicknameForm compact />
      </div>
    );
  }

  const submit = () => {
    if (!entry) return;
    const payload = { challengeId, entry, ...(room ? { roomCode: room.code } : {}) };
    return send((socket) => socket.timeout(SUBMIT_TIMEOUT_MS).emitWithAck('play:submit', payload), { onAccepted: () => setAccepted(true), onRefused: room?.onRefused });
  };

  const usedUp = room !== undefined && room.remaining <= 0;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" data-testid="play-submit" onClick={submit} disabled={!entry || busy || !connected || usedUp} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-50">
          {busy ? t('submitting') : idle ? t('submit') : t('submitAgain')}
        </button>
        {!room && <Link href={`/leaderboard/${challengeId}`} className="text-sm text-indigo-700 underline">{t('viewLeaderboard')}</Link>}
        {room && <span data-testid="submissions-left" className="text-sm text-slate-700">{t('left', { count: Math.max(0, room.remaining) })}</span>}
        {!connected && <span className="text-xs text-amber-800">{t('offline')}</span>}
      </div>
      {dataStatus && (
        <div data-testid="play-status" data-status={dataStatus} role="status" className={`rounded-lg p-3 text-sm ring-1 ${error ? 'bg-red-50 ring-red-200' : 'bg-white ring-slate-200'}`}>
          {dataStatus === 'queued' && <p className="motion-safe:animate-pulse">{sending ? t('submitting') : t('scoring')}</p>}
          {result?.status === 'scored' && <ScoredText result={result} />}
          {error && <ErrorText error={error} />}
        </div>
      )}
    </div>
  );
}
