/** Nickname rules: what a player may be called on the shared leaderboard. */
/** Most characters (code points) in a nickname; protocol/common.ts exports the same number to clients. */
export const NICKNAME_MAX_CHARS = 20;

export type NicknameResult =
  | { ok: true; nickname: string }
  | { ok: false; code: 'nickname/invalid'; message: string };

// Control and format characters (bidi overrides, zero-width spaces) are invisible or layout-breaking;
// the zero-width joiner stays because emoji sequences need it.
const INVISIBLE = /(?!\u200D)[\p{Cc}\p{Cf}]/gu;

/** NFC, strips invisible characters, collapses whitespace runs, then checks 1..20 code points. */
export function normalizeNickname(input: unknown): NicknameResult {
  if (typeof input !== 'string') {
    return { ok: false, code: 'nickname/invalid', message: 'nickname must be text' };
  }
  // Whitespace first (tabs and newlines are also control characters), so 'a\tb' reads 'a b', not 'ab'.
  const nickname = input
    .normalize('NFC')
    .replace(/\s/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const length = [...nickname].length;
  if (length === 0) {
    return { ok: false, code: 'nickname/invalid', message: 'nickname is empty' };
  }
  if (length > NICKNAME_MAX_CHARS) {
    return {
      ok: false,
      code: 'nickname/invalid',
      message: `nickname is too long: ${length} characters, at most ${NICKNAME_MAX_CHARS}`,
    };
  }
  return { ok: true, nickname };
}
