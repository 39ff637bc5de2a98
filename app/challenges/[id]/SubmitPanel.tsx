'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ModelSpec } from '../../../models/spec';
import type { ApiError, SubmissionResult } from '../../../server/protocol';
import { usePlayer } from '../../components/providers/PlayerProvider';
import { useSocket } from '../../components/providers/SocketProvider';
import { NicknameForm } from '../../components/shell/NicknameForm';

const SUBMIT_TIMEOUT_MS = 30_000;

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'queued'; id: string } | { kind: 'done'; result: SubmissionResult } | { kind: 'error'; error: ApiError };

export function SubmitPanel({ challengeId, spec, weights }: { challengeId: string; spec: ModelSpec; weights: ArrayBuffer }) {
  const t = useTranslations('train');
  const socket = useSocket();
  const { player } = usePlayer();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    if (!socket) return;
    const onResult = (result: SubmissionResult) =>
      setStatus((s) => (s.kind === 'queued' && s.id === result.submissionId ? { kind: 'done', result } : s));
    socket.on('submission:result', onResult);
    return () => {
      socket.off('submission:result', onResult);
    };
  }, [socket]);

  if (!player) {
    return (
      <section className="flex flex-col gap-2">
        <p className="text-sm">{t('needNickname')}</p>
        <NicknameForm compact />
      </section>
    );
  }

  async function submit() {
    if (!socket) return;
    setStatus({ kind: 'sending' });
    try {
      const res = await socket.timeout(SUBMIT_TIMEOUT_MS).emitWithAck('submission:submit', { challengeId, spec, weights });
      setStatus(res.ok ? { kind: 'queued', id: res.data.submissionId } : { kind: 'error', error: res.error });
    } catch {
      setStatus({ kind: 'error', error: { code: 'client/timeout', message: t('timeout') } });
    }
  }

  const result = status.kind === 'done' ? status.result : null;
  const dataStatus = status.kind === 'queued' || status.kind === 'sending' ? 'queued' : result?.status ?? (status.kind === 'error' ? 'failed' : undefined);
  return (
    <section className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" data-testid="submit-button" onClick={submit} disabled={status.kind === 'sending' || status.kind === 'queued'} className="rounded-md bg-emerald-600 px-4 py-2 font-semibold text-white hover:bg-emerald-700 disabled:opacity-50">
          {t('submit')}
        </button>
        <Link href={`/leaderboard/${challengeId}`} className="text-sm text-indigo-700 underline">{t('viewLeaderboard')}</Link>
      </div>
      <p className="text-xs text-slate-500">{t('submitHelp')}</p>
      {dataStatus && (
        <div data-testid="submission-status" data-status={dataStatus} role="status" className="rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200">
          {dataStatus === 'queued' && t('scoring')}
          {result?.status === 'scored' && (
            <p>
              {t('scoredAs')}{' '}
              <strong data-testid="submission-score" data-value={result.score} className="text-lg tabular-nums">{((result.score ?? 0) * 100).toFixed(1)}%</strong>{' '}
              ({result.correct}/{result.total}) · {t('rank')} <strong data-testid="submission-rank">{result.rank}</strong>
              {result.improved && <span className="ml-2 rounded bg-amber-200 px-1">{t('newBest')}</span>}
            </p>
          )}
          {(result?.status === 'failed' || status.kind === 'error') && (
            <p role="alert" className="text-red-700">
              {t('submitFailed')}: {(result?.error ?? (status.kind === 'error' ? status.error : undefined))?.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
