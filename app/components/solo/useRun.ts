'use client';
import { useEffect, useState } from 'react';
import type { ApiError, RunView } from '../../../protocol';
import { useSocket } from '../providers/SocketProvider';

const ACK_TIMEOUT_MS = 10_000;

export type RunState = { status: 'loading' } | { status: 'ready'; run: RunView } | { status: 'error'; error: ApiError };

/** A scored submission's spec or entry, from `run:get` (asked again on a reconnect until answered). */
export function useRun(submissionId: string): RunState {
  const socket = useSocket();
  const [state, setState] = useState<RunState>({ status: 'loading' });
  useEffect(() => {
    if (!socket) return;
    let active = true;
    let answered = false;
    setState({ status: 'loading' });
    const ask = () => {
      if (answered) return;
      socket.timeout(ACK_TIMEOUT_MS).emit('run:get', { submissionId }, (err, res) => {
        if (!active) return;
        if (err) return setState({ status: 'error', error: { code: 'client/timeout', message: 'the server did not answer' } });
        answered = true;
        setState(res.ok ? { status: 'ready', run: res.data } : { status: 'error', error: res.error });
      });
    };
    socket.on('connect', ask);
    if (socket.connected) ask();
    return () => {
      active = false;
      socket.off('connect', ask);
    };
  }, [socket, submissionId]);
  return state;
}
