'use client';
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { CHALLENGE_IDS, type ChallengeId } from '../../../game/challenges';
import { mergeStars, type Progress } from '../../../game/solo/path';
import type { Stars } from '../../../game/stars';
import type { ApiError, SubmissionResult } from '../../../protocol';
import { usePlayer } from '../providers/PlayerProvider';
import { useSocket, type ArenaSocket } from '../providers/SocketProvider';

const ACK_TIMEOUT_MS = 10_000;

/** A scored submission of this session that earned stars, with the progress just before it. */
export interface Earned {
  challengeId: ChallengeId;
  stars: Stars;
  submissionId: string;
  before: Progress;
}

export interface ProgressState {
  /** Stars per challenge as the server last said (raised at once by a scored result). */
  progress: Progress;
  /** anonymous: no player in this browser (nothing to fetch); error: the server refused or timed out. */
  status: 'loading' | 'anonymous' | 'ready' | 'error';
  error: ApiError | null;
  /** The latest submission of this tab that earned stars (solo only), for the "next challenge" prompt. */
  earned: Earned | null;
  dismissEarned(): void;
}

const isChallengeId = (id: string): id is ChallengeId => (CHALLENGE_IDS as readonly string[]).includes(id);

/**
 * The player's stars on the solo path, from `progress:get` on every (re)connect; a scored
 * `submission:result` with stars raises them at once, then the server's copy is fetched again.
 * `enabled` false (a room round) asks nothing.
 */
export function useProgress(enabled = true): ProgressState {
  const socket = useSocket();
  const { player, ready } = usePlayer();
  const [progress, setProgress] = useState<Progress>({});
  const [status, setStatus] = useState<ProgressState['status']>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const playerId = player?.playerId ?? null;

  const fetchProgress = useCallback(() => {
    if (!socket || !socket.connected) return;
    socket.timeout(ACK_TIMEOUT_MS).emit('progress:get', {}, (err, res) => {
      if (err) {
        setError({ code: 'client/timeout', message: 'the server did not answer' });
        return setStatus('error');
      }
      if (!res.ok) {
        setError(res.error);
        return setStatus('error');
      }
      // Stars only go up: a late answer never undoes a result that arrived after it was asked.
      setProgress((p) => Object.entries(res.data.progress).reduce<Progress>((acc, [id, s]) => (isChallengeId(id) ? mergeStars(acc, id, s) : acc), p));
      setError(null);
      setStatus('ready');
    });
  }, [socket]);

  useEffect(() => {
    if (!enabled || !ready) return;
    if (!playerId) {
      setProgress({});
      setStatus('anonymous');
      return;
    }
    setStatus('loading');
    if (!socket) return;
    // After registering, the socket reconnects with the new token: fetch on every connect.
    socket.on('connect', fetchProgress);
    fetchProgress();
    return () => {
      socket.off('connect', fetchProgress);
    };
  }, [enabled, ready, playerId, socket, fetchProgress]);

  const { earned, dismissEarned } = useEarnedStars(enabled, socket, progress, setProgress, fetchProgress);
  return { progress, status, error, earned, dismissEarned };
}

/**
 * Solo stars earned in this tab: each scored result with stars is remembered (with the progress just
 * before it, for the "next challenge" prompt) and raised at once, without waiting for the server's
 * copy, which is then fetched again. `setProgress` is a state setter (stable).
 */
function useEarnedStars(
  enabled: boolean,
  socket: ArenaSocket | null,
  progress: Progress,
  setProgress: Dispatch<SetStateAction<Progress>>,
  fetchProgress: () => void,
): Pick<ProgressState, 'earned' | 'dismissEarned'> {
  const [earned, setEarned] = useState<Earned | null>(null);
  // Read by the result handler, so the effect need not re-subscribe on every change of progress.
  const latest = useRef<Progress>({});
  latest.current = progress;

  useEffect(() => {
    if (!enabled || !socket) return;
    const onResult = (result: SubmissionResult) => {
      if (result.status !== 'scored' || result.room || !result.stars || !isChallengeId(result.challengeId)) return;
      const id = result.challengeId;
      const stars = result.stars;
      setEarned({ challengeId: id, stars, submissionId: result.submissionId, before: latest.current });
      setProgress((p) => mergeStars(p, id, stars));
      fetchProgress();
    };
    socket.on('submission:result', onResult);
    return () => {
      socket.off('submission:result', onResult);
    };
  }, [enabled, socket, fetchProgress, setProgress]);

  const dismissEarned = useCallback(() => setEarned(null), []);
  return { earned, dismissEarned };
}
