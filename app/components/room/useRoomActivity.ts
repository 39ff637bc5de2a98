'use client';
import { useEffect, useRef } from 'react';
import type { PlayerActivity } from '../../../game/room/types';
import type { CurvePoint } from '../../../game/room/views';
import { BACKEND_NAMES } from '../../../models/backend-names';
import { useSocket } from '../providers/SocketProvider';
import { FRESH_REPORTER, planReport, type ReporterMemory } from './activity';

/** What the studio is doing, as the class wall should show it. */
export interface StudioActivity {
  activity: PlayerActivity;
  backend: string | null;
  /** The newest point of the training curve, or null. */
  point: { x: number; loss: number; acc: number } | null;
}

/** Wait after a reconnect before resending the status, so the room:join goes first. */
const REJOIN_DELAY_MS = 1_000;

/** A point the server's schema accepts (finite, loss ≥ 0, accuracy in 0..1), or null. */
function wirePoint(p: StudioActivity['point']): CurvePoint | null {
  if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.loss) || p.x < 0 || p.loss < 0) return null;
  return { x: Math.min(p.x, 10_000), loss: Math.min(p.loss, 1e6), acc: Number.isFinite(p.acc) ? Math.min(Math.max(p.acc, 0), 1) : null };
}

/**
 * Tells the class wall what this student is doing (room:activity, no ack): status changes at once,
 * curve points throttled by planReport. `code` null (solo studio) reports nothing. A reconnect
 * resends the current status, since the server may have restarted.
 */
export function useRoomActivity(code: string | null, current: StudioActivity): void {
  const socket = useSocket();
  const memory = useRef<ReporterMemory>(FRESH_REPORTER);
  const latest = useRef(current);
  latest.current = current;
  const timer = useRef<number | null>(null);
  const { activity, backend, point } = current;

  useEffect(() => {
    if (!socket || !code) return;
    const report = () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      if (!socket.connected) return;
      const now = Date.now();
      const plan = planReport(memory.current, now, { ...latest.current, point: wirePoint(latest.current.point) });
      memory.current = plan.memory;
      if (plan.send) {
        const { backend: b, ...rest } = plan.send;
        // Only the names room:activity accepts; anything else is left out rather than refused.
        const name = BACKEND_NAMES.find((n) => n === b);
        const known = name ? { backend: name } : {};
        socket.emit('room:activity', { code, ...rest, ...known });
      } else if (plan.retryInMs !== null) {
        timer.current = window.setTimeout(report, plan.retryInMs);
      }
    };
    report();
    // After the page's room:join has gone out on the same connect (listeners run in mount order,
    // and this child's effect mounted first).
    const onConnect = () => {
      memory.current = FRESH_REPORTER;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(report, REJOIN_DELAY_MS);
    };
    socket.on('connect', onConnect);
    return () => {
      socket.off('connect', onConnect);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    };
  }, [socket, code, activity, backend, point]);
}
