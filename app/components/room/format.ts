/** Small formatting helpers for room pages; pure, so they are unit-tested. */

/** Milliseconds left → "m:ss" (or "h:mm:ss" from an hour up); never negative; rounds up so 0:00 means over. */
export function formatCountdown(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.ceil(ms / 1000)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * What a screen reader should hear about the time left, announced at a few moments only (every
 * minute, then 30 s and 10 s) so the live region does not chatter every second.
 * The answer only changes at those moments: minutes left (rounded up) above 30 s, then 30, 10, 0.
 */
export function countdownAnnouncement(ms: number): { minutes: number } | { seconds: number } {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total === 0) return { seconds: 0 };
  if (total > 30) return { minutes: Math.ceil(total / 60) };
  if (total > 10) return { seconds: 30 };
  return { seconds: 10 };
}

/** A join code in groups of three for reading aloud: "ACDEF3" → "ACD EF3". */
export function spacedCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, Math.ceil(code.length / 2))} ${code.slice(Math.ceil(code.length / 2))}` : code;
}

/** 0..1 → "87.3" (one decimal, as every score view shows it). */
export const percentText = (score: number) => (score * 100).toFixed(1);
