/**
 * The server's clock, swappable so integration tests can move time forward (a round's deadline, a
 * room's idle expiry) without waiting. Everything that stamps or schedules room events uses it.
 */

/** Opaque handle returned by `setTimeout`. */
export interface ClockTimer {
  readonly __clockTimer: true;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once, `ms` milliseconds from now (on this clock). */
  setTimeout(fn: () => void, ms: number): ClockTimer;
  clearTimeout(timer: ClockTimer): void;
}

/** Node's largest timer delay; a longer one would fire at once. */
const MAX_DELAY_MS = 2_147_483_647;

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, Math.min(Math.max(0, ms), MAX_DELAY_MS));
    // Timers never keep the process alive on their own: closing the server ends it.
    t.unref();
    return t as unknown as ClockTimer;
  },
  clearTimeout(timer) {
    clearTimeout(timer as unknown as NodeJS.Timeout);
  },
};
