/** Join codes a teacher can read aloud (no look-alike characters); light enough for the browser. */

/** No look-alikes on screen or aloud: no 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, N (heard as M), U/V; 19 symbols. */
export const JOIN_CODE_ALPHABET = 'ACDEFHJKMPRTWXY3479';
export const JOIN_CODE_LENGTH = 6;

/** A join code drawn with `rand` (floats in [0, 1)); the server passes a crypto-backed source. */
export function generateJoinCode(rand: () => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[Math.floor(rand() * JOIN_CODE_ALPHABET.length)] ?? 'A';
  }
  return code;
}

/** What a student typed ("ac d-e f3") as a code ("ACDEF3"), or null when it cannot be one. */
export function normalizeJoinCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}
