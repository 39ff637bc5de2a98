/**
 * Server-clock estimation, NTP-style. The offset is "server time minus client time". A round trip
 * (client sends t0, server answers serverNow, client receives at t1) proves the offset lies in
 * [serverNow − t1, serverNow − t0]; its midpoint is the classic estimate. A stamped broadcast
 * (serverNow, received at t1) only proves a lower bound, serverNow − t1, since the message was sent
 * before it arrived. Pure: the caller passes every time.
 */

export interface ClockSample {
  /** serverNow − (t0 + t1) / 2, in ms. */
  offset: number;
  /** Round trip t1 − t0, in ms (the uncertainty is ± half of it). */
  rtt: number;
  /** Bounds the sample proves for the offset. */
  lo: number;
  hi: number;
}

export interface ClockEstimate {
  /** Best estimate of serverNow − clientNow, in ms. */
  offset: number;
  /** Proven bounds (lo ≤ offset ≤ hi); hi is Infinity before any round trip. */
  lo: number;
  hi: number;
  /** Round trip of the sample the estimate came from; Infinity without one. */
  rtt: number;
}

export const UNSYNCED: ClockEstimate = { offset: 0, lo: -Infinity, hi: Infinity, rtt: Infinity };

/** One clock:sync round trip; null when the times make no sense (clock stepped back mid-trip). */
export function sampleFromRoundTrip(t0: number, serverNow: number, t1: number): ClockSample | null {
  if (![t0, serverNow, t1].every(Number.isFinite) || t1 < t0) return null;
  return { offset: serverNow - (t0 + t1) / 2, rtt: t1 - t0, lo: serverNow - t1, hi: serverNow - t0 };
}

/** The sample with the smallest round trip (the least queueing delay), or null for none. */
export function bestSample(samples: readonly ClockSample[]): ClockSample | null {
  let best: ClockSample | null = null;
  for (const s of samples) if (!best || s.rtt < best.rtt) best = s;
  return best;
}

/** An estimate from the best of several round trips; the previous one when none is usable. */
export function estimateFromSamples(samples: readonly ClockSample[], previous: ClockEstimate = UNSYNCED): ClockEstimate {
  const best = bestSample(samples);
  if (!best) return previous;
  return { offset: best.offset, lo: best.lo, hi: best.hi, rtt: best.rtt };
}

/**
 * Refines with a stamped message: serverNow − receivedAt is a lower bound. When it exceeds the
 * estimate, the estimate moves up to it. When it exceeds even the proven upper bound, the clocks
 * moved (sleep, NTP step on either side): the old round trip no longer holds, so the stamp alone
 * is trusted until the next sync.
 */
export function refineWithStamp(est: ClockEstimate, serverNow: number, receivedAt: number): ClockEstimate {
  if (!Number.isFinite(serverNow) || !Number.isFinite(receivedAt)) return est;
  const lower = serverNow - receivedAt;
  if (lower > est.hi) return { offset: lower, lo: lower, hi: Infinity, rtt: Infinity };
  if (lower <= est.lo) return est;
  const lo = lower;
  return { ...est, lo, offset: Math.max(est.offset, lo) };
}

/** Client time → server time. */
export const serverTime = (est: ClockEstimate, clientNow: number) => clientNow + est.offset;
