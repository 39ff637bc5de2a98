'use client';
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { BossReveal } from '../../../game/boss/reveal';
import type { ApiError, BossMine, SubmissionResult } from '../../../protocol';
import { usePlayer } from '../providers/PlayerProvider';
import { useSocket, type ArenaSocket } from '../providers/SocketProvider';
import { request } from '../room/emit';

export interface Boss {
  /** Null until the server answered (or without a player). */
  mine: BossMine | null;
  error: ApiError | null;
  busy: boolean;
  /** The reveal, once there is one (solo: faced; room: the teacher revealed). */
  reveal: BossReveal | null;
  pick(ids: string[]): Promise<void>;
  /** Solo only: face the boss (final). */
  face(): Promise<void>;
}

/**
 * A player's boss level: their submissions (public scores only) and picks from `boss:mine`, asked
 * again after each of their results on this level and on every reconnect; in a room, the teacher's
 * reveal arrives as `room:revealed` (a reload finds it in `boss:mine`).
 */
export function useBoss(challengeId: string, roomCode?: string): Boss {
  const socket = useSocket();
  const { player } = usePlayer();
  const [mine, setMine] = useState<BossMine | null>(null);
  const [reveal, setReveal] = useState<BossReveal | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!socket?.connected || !player) return;
    const res = await request(socket, 'boss:mine', roomCode ? { challengeId, roomCode } : { challengeId });
    if (res.ok) {
      setMine(res.data);
      if (res.data.reveal) setReveal(res.data.reveal);
      setError(null);
    } else {
      setError(res.error);
    }
  }, [socket, player, challengeId, roomCode]);

  useBossRefresh(socket, load, challengeId, roomCode, setReveal);

  const pick = useCallback(async (ids: string[]) => {
    // The box follows the click at once; a refusal puts the server's picks back.
    const before = mine?.picks ?? [];
    setMine((m) => (m ? { ...m, picks: ids } : m));
    setBusy(true);
    const res = await request(socket, 'boss:pick', roomCode ? { challengeId, roomCode, submissionIds: ids } : { challengeId, submissionIds: ids });
    setBusy(false);
    setMine((m) => (m ? { ...m, picks: res.ok ? res.data.picks : before } : m));
    setError(res.ok ? null : res.error);
  }, [socket, challengeId, roomCode, mine?.picks]);

  const face = useCallback(async () => {
    setBusy(true);
    const res = await request(socket, 'boss:reveal', { challengeId });
    setBusy(false);
    if (res.ok) {
      setReveal(res.data);
      setError(null);
    } else {
      setError(res.error);
    }
  }, [socket, challengeId]);

  return { mine, error, busy, reveal, pick, face };
}

/**
 * Keeps `boss:mine` current: asked now, again on every reconnect and after each of this player's
 * results on this level in the same place (solo, or this room); a room's reveal is taken straight from `room:revealed`.
 * `setReveal` is a state setter (stable), so the effect re-runs only when the others change.
 */
function useBossRefresh(socket: ArenaSocket | null, load: () => Promise<void>, challengeId: string, roomCode: string | undefined, setReveal: Dispatch<SetStateAction<BossReveal | null>>): void {
  useEffect(() => {
    if (!socket) return;
    void load();
    const onConnect = () => void load();
    const onResult = (r: SubmissionResult) => {
      if (r.challengeId === challengeId && (r.room?.code ?? undefined) === roomCode) void load();
    };
    const onRevealed = (r: BossReveal & { code: string }) => {
      if (roomCode && r.code === roomCode && r.challengeId === challengeId) setReveal(r);
    };
    socket.on('connect', onConnect);
    socket.on('submission:result', onResult);
    socket.on('room:revealed', onRevealed);
    return () => {
      socket.off('connect', onConnect);
      socket.off('submission:result', onResult);
      socket.off('room:revealed', onRevealed);
    };
  }, [socket, load, challengeId, roomCode, setReveal]);
}
