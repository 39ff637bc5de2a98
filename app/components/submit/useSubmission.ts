'use client';
import { useEffect, useRef, useState } from 'react';
import type { ApiError, Result, SubmissionResult } from '../../../protocol';
import { useSocket, type ArenaSocket } from '../providers/SocketProvider';

export const SUBMIT_TIMEOUT_MS = 30_000;

type Accepted = Result<{ submissionId: string }>;
type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'queued'; id: string } | { kind: 'done'; result: SubmissionResult } | { kind: 'error'; error: ApiError };

export interface SubmitHooks {
  /** Called once the server accepted the submission (the class wall hears "submitted"). */
  onAccepted?: () => void;
  /** Called with the code when the server refused it (a 'room/kicked' leaves the page). */
  onRefused?: (code: string) => void;
}

/**
 * One submission at a time, followed until the server has scored it: a model (`submission:submit`)
 * or a play entry (`play:submit`); `send` emits it with SUBMIT_TIMEOUT_MS and returns the ack.
 * `dataStatus` is what the panels expose for tests and screen readers: queued, scored or failed.
 */
export function useSubmission() {
  const socket = useSocket();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // A result can in principle overtake the ack; keep it until the ack names its submission.
  const early = useRef(new Map<string, SubmissionResult>());

  useEffect(() => {
    if (!socket) return;
    const onResult = (result: SubmissionResult) => {
      early.current.set(result.submissionId, result);
      setStatus((s) => (s.kind === 'queued' && s.id === result.submissionId ? { kind: 'done', result } : s));
    };
    socket.on('submission:result', onResult);
    return () => {
      socket.off('submission:result', onResult);
    };
  }, [socket]);

  async function submit(send: (socket: ArenaSocket) => Promise<Accepted>, hooks: SubmitHooks = {}) {
    if (!socket?.connected) return setStatus({ kind: 'error', error: { code: 'client/offline', message: 'socket not connected' } });
    setStatus({ kind: 'sending' });
    try {
      const res = await send(socket);
      if (!res.ok) {
        hooks.onRefused?.(res.error.code);
        return setStatus({ kind: 'error', error: res.error });
      }
      hooks.onAccepted?.();
      const id = res.data.submissionId;
      const already = early.current.get(id);
      setStatus(already && already.status !== 'queued' ? { kind: 'done', result: already } : { kind: 'queued', id });
    } catch {
      setStatus({ kind: 'error', error: { code: 'client/timeout', message: `no answer within ${SUBMIT_TIMEOUT_MS / 1000} s` } });
    }
  }

  const result = status.kind === 'done' ? status.result : null;
  const error = status.kind === 'error' ? status.error : result?.status === 'failed' ? result.error ?? { code: 'scoring/failed', message: 'scoring failed' } : null;
  const dataStatus = status.kind === 'queued' || status.kind === 'sending' ? 'queued' : error ? 'failed' : result?.status;
  return {
    submit,
    result,
    error,
    dataStatus,
    idle: status.kind === 'idle',
    sending: status.kind === 'sending',
    busy: status.kind === 'sending' || status.kind === 'queued',
  };
}
