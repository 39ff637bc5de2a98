/**
 * When a student's page tells the class wall what it is doing. Status changes go out at once;
 * curve points at most every ACTIVITY_POINT_INTERVAL_MS, and the newest point is never lost: a
 * throttled one is sent when the interval is over. Pure: the caller passes the time.
 */
import type { PlayerActivity } from '../../../game/room/types';
import type { CurvePoint } from '../../../game/room/views';

/** Least time between two curve points sent to the wall, in ms. */
export const ACTIVITY_POINT_INTERVAL_MS = 2_000;

export interface ActivityReport {
  activity: PlayerActivity;
  backend?: string;
  point?: CurvePoint;
}

export interface ReporterMemory {
  /** Client time of the last report sent; -Infinity before the first. */
  sentAt: number;
  activity: PlayerActivity | null;
  backend: string | null;
  /** x of the last point sent; null when none (a new run starts over). */
  pointX: number | null;
}

export const FRESH_REPORTER: ReporterMemory = { sentAt: -Infinity, activity: null, backend: null, pointX: null };

export type ReportPlan =
  | { send: ActivityReport; memory: ReporterMemory }
  /** Nothing now; call again after `retryInMs` when a throttled point is waiting (null: nothing waits). */
  | { send: null; memory: ReporterMemory; retryInMs: number | null };

export function planReport(
  memory: ReporterMemory,
  now: number,
  wanted: { activity: PlayerActivity; backend: string | null; point: CurvePoint | null },
  intervalMs = ACTIVITY_POINT_INTERVAL_MS,
): ReportPlan {
  const { activity, backend, point } = wanted;
  // A point behind the last one sent belongs to a new run.
  const newPoint = point !== null && (memory.pointX === null || point.x !== memory.pointX) ? point : null;
  const changed = activity !== memory.activity || (backend !== null && backend !== memory.backend);
  const due = now - memory.sentAt >= intervalMs;
  if (!changed && (!newPoint || !due)) {
    return { send: null, memory, retryInMs: newPoint ? intervalMs - (now - memory.sentAt) : null };
  }
  const pointToSend = newPoint && (due || changed) ? newPoint : null;
  const send: ActivityReport = { activity, ...(backend ? { backend } : {}), ...(pointToSend ? { point: pointToSend } : {}) };
  return {
    send,
    memory: { sentAt: now, activity, backend: backend ?? memory.backend, pointX: pointToSend ? pointToSend.x : memory.pointX },
  };
}
