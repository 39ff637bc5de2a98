'use client';
import { useEffect, useRef, useState } from 'react';
import type { ApiError, LeaderboardView } from '../../../protocol';
import { useSocket } from '../../components/providers/SocketProvider';

const ACK_TIMEOUT_MS = 10_000;

export interface LeaderboardState {
  /** Latest view, from the subscription's ack or a pushed update; null until the first arrives. */
  view: LeaderboardView | null;
  /** The server's refusal, or a timeout; cleared by the next good answer. */
  error: ApiError | null;
  /** True while subscribed on a connected socket (updates are arriving live). */
  live: boolean;
}

/**
 * Subscribes to one challenge's leaderboard. A reconnect loses the server-side room, so the
 * subscription is renewed on every 'connect'; unmounting unsubscribes.
 */
export function useLeaderboard(challengeId: string): LeaderboardState {
  const socket = useSocket();
  const [state, setState] = useState<LeaderboardState>({ view: null, error: null, live: false });

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const subscribe = () => {
      socket.timeout(ACK_TIMEOUT_MS).emit('leaderboard:subscribe', { challengeId }, (err, res) => {
        if (!active) return;
        if (err) {
          setState((s) => ({ ...s, live: false, error: { code: 'client/timeout', message: 'the server did not answer' } }));
        } else if (res.ok) {
          setState({ view: res.data, error: null, live: true });
        } else {
          setState((s) => ({ ...s, live: false, error: res.error }));
        }
      });
    };
    const onUpdate = (next: LeaderboardView) => {
      if (active && next.challengeId === challengeId) setState({ view: next, error: null, live: true });
    };
    const onDisconnect = () => setState((s) => ({ ...s, live: false }));
    socket.on('connect', subscribe);
    socket.on('disconnect', onDisconnect);
    socket.on('leaderboard:update', onUpdate);
    if (socket.connected) subscribe();
    return () => {
      active = false;
      socket.off('connect', subscribe);
      socket.off('disconnect', onDisconnect);
      socket.off('leaderboard:update', onUpdate);
      if (socket.connected) socket.emit('leaderboard:unsubscribe', { challengeId });
    };
  }, [socket, challengeId]);

  return state;
}

/** Players whose row changed (new best) in the latest view, for a short highlight. */
export function useChangedRows(view: LeaderboardView | null, highlightMs: number): ReadonlySet<string> {
  // The previous view's submission per player; null before the first view, which marks nothing.
  const seen = useRef<ReadonlyMap<string, string> | null>(null);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!view) return;
    const previous = seen.current;
    seen.current = new Map(view.rows.map((r) => [r.playerId, r.submissionId]));
    if (!previous) return;
    const fresh = view.rows.filter((r) => previous.get(r.playerId) !== r.submissionId).map((r) => r.playerId);
    if (fresh.length > 0) setChanged(new Set(fresh));
    // Always re-armed: this effect's cleanup cancels the previous view's timer.
    const timer = window.setTimeout(() => setChanged(new Set()), highlightMs);
    return () => window.clearTimeout(timer);
  }, [view, highlightMs]);
  return changed;
}
