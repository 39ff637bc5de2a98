'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ModelSpec } from '../../../models/spec';
import type { ApiError, SubmissionResult } from '../../../protocol';
import { usePlayer } from '../../components/providers/PlayerProvider';
import { useConnected } from '../../components/providers/SocketProvider';
import { useErrorText } from '../../components/errors/useErrorText';
import { NicknameForm } from '../../components/shell/NicknameForm';
import { SUBMIT_TIMEOUT_MS, useSubmission } from '../../components/submit/useSubmission';

/**
 * The refusal in the reader's language, in the panel's own words where it has them (codes.ts,
 * context 'train'); the code stays in data-code. The server's field issues are English and not shown:
 * the editor lists the same problems in the reader's language before anything is sent.
 */
function ErrorText({ error }: { error: ApiError }) {
  const t = useTranslations('train');
  const describe = useErrorText('train');
  return (
    <div role="alert" data-testid="submit-error" data-code={error.code} className="flex flex-col gap-1 text-red-800">
      <p className="font-semibold">{t('submitFailed')}: {describe(error)}</p>
    </div>
  );
}

/** Stars earned, as ★ filled and ☆ empty out of 3, read out as a number. */
function StarsEarned({ stars }: { stars: number }) {
  const t = useTranslations('train');
  return (
    <span data-testid="submission-stars" data-value={stars} role="img" aria-label={t('starsLabel', { stars })} className="text-lg tracking-wide">
      <span aria-hidden="true" className="text-amber-500">{'★'.repeat(stars)}</span>
      <span aria-hidden="true" className="text-slate-300">{'☆'.repeat(3 - stars)}</span>
    </span>
  );
}

/**
 * On a boss level the score shown is the public part's; stars come only from the private part at the
 * reveal, so the panel says so instead of showing the zero stars a public score carries.
 */
function ScoredText({ result, boss }: { result: SubmissionResult; boss: boolean }) {
  const t = useTranslations('train');
  return (
    <p>
      {boss ? t('bossScoredAs') : t('scoredAs')}{' '}
      <strong data-testid="submission-score" data-value={result.score} className="text-lg tabular-nums">{((result.score ?? 0) * 100).toFixed(1)}%</strong>{' '}
      {!boss && result.stars !== undefined && <><StarsEarned stars={result.stars} />{' '}</>}
      <span className="text-slate-600">({result.correct}/{result.total})</span>
      {/* In a room the rank shown is the round's, in the room bar; this one is the global leaderboard's. */}
      {!result.room && result.rank !== undefined && (
        <>
          {' '}· {t('rank')} <strong data-testid="submission-rank" className="tabular-nums">{result.rank}</strong>
        </>
      )}
      {/* A run that earns no star is not celebrated, even when it is the player's first or highest score. */}
      {!boss && result.stars === 0
        ? <span data-testid="zero-stars" className="mt-1 block text-sm text-slate-700">{t('zeroStars')}</span>
        : result.improved ? <span data-testid="new-best" className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 font-semibold"> {t('newBest')}</span> : <span className="ml-2 text-slate-500"> {t('notBest')}</span>}
      {boss && <span data-testid="boss-stars-later" className="mt-1 block text-xs text-slate-600">{t('bossStarsLater')}</span>}
      {/* Rules about training (losses, batch-epochs, locked rounds): the score is of the server's own run. */}
      {result.trainedByServer && (
        <span data-testid="trained-by-server" data-epochs={result.trainedByServer.epochs} className="mt-1 block text-xs text-slate-600">
          {t('trainedByServer', { epochs: result.trainedByServer.epochs, samples: result.trainedByServer.samplesSeen.toLocaleString('en-US') })}
        </span>
      )}
    </p>
  );
}

/** In a room round: where the submission goes and how many are left. */
export interface RoomSubmit {
  code: string;
  /** Submissions left in the round; the button stops at 0 (the server counts too). */
  remaining: number;
  /** Called once the server accepted a submission (for the class wall's status). */
  onAccepted: () => void;
  /** Called with the code when the server refused it (a 'room/kicked' leaves the page). */
  onRefused: (code: string) => void;
}

/**
 * Sends the trained spec + weights over socket.io and follows that submission until it is scored.
 * `boss`: a boss level, whose score here is the public one (the private one waits for the reveal).
 * `generator`: a GAN, which the server scores by what it generates, not by accuracy.
 */
export function SubmitPanel({ challengeId, spec, weights, room, boss = false, generator = false, onAccepted }: { challengeId: string; spec: ModelSpec; weights: ArrayBuffer; room?: RoomSubmit; boss?: boolean; generator?: boolean; onAccepted?: () => void }) {
  const t = useTranslations('train');
  const connected = useConnected();
  const { player } = usePlayer();
  const { submit: send, result, error, dataStatus, idle, sending, busy } = useSubmission();

  if (!player) {
    return (
      <section className="flex flex-col gap-2">
        <p className="text-sm">{t('needNickname')}</p>
        <NicknameForm compact />
      </section>
    );
  }

  const submit = () => {
    const payload = { challengeId, spec, weights, ...(room ? { roomCode: room.code } : {}) };
    return send((socket) => socket.timeout(SUBMIT_TIMEOUT_MS).emitWithAck('submission:submit', payload), { onAccepted: () => { room?.onAccepted(); onAccepted?.(); }, onRefused: room?.onRefused });
  };

  const usedUp = room !== undefined && room.remaining <= 0;
  return (
    <section className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" data-testid="submit-button" onClick={submit} disabled={busy || !connected || usedUp} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-50">
          {busy ? t('submitting') : idle ? t('submit') : t('submitAgain')}
        </button>
        {!room && <Link href={`/leaderboard/${challengeId}`} data-testid="open-leaderboard" className="text-sm text-indigo-700 underline">{t('viewLeaderboard')}</Link>}
        {room && <span data-testid="submissions-left" className="text-sm text-slate-700">{t('roomSubmissionsLeft', { count: Math.max(0, room.remaining) })}</span>}
        {!connected && <span className="text-xs text-amber-800">{t('offline')}</span>}
      </div>
      <p className="text-xs text-slate-500">{t(`${room ? 'roomSubmitHelp' : 'submitHelp'}${generator ? 'Gan' : ''}`, { nickname: player.nickname })}</p>
      {dataStatus && (
        <div data-testid="submission-status" data-status={dataStatus} role="status" className={`rounded-lg p-3 text-sm ring-1 ${error ? 'bg-red-50 ring-red-200' : 'bg-white ring-slate-200'}`}>
          {dataStatus === 'queued' && <p className="animate-pulse">{sending ? t('sending') : t('scoring')}</p>}
          {result?.status === 'scored' && <ScoredText result={result} boss={boss} />}
          {error && <ErrorText error={error} />}
        </div>
      )}
    </section>
  );
}
