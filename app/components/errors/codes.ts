/**
 * Where the sentence for each error code lives in the message catalogues. The codes are the
 * protocol's (protocol/codes.ts, zod-free so pages can import it), and no list of codes is kept
 * here: a place with its own wording for a code is one whose catalogue has a sentence under that
 * code's key, so the messages are the only list and cannot disagree with one. A unit test
 * (tests/unit/app/error-codes.test.ts) checks every code has a Korean and an English sentence and no
 * place has a sentence for a code the protocol lacks. Pages never show a code or the server's
 * English text: a code nobody knows gets the generic sentence. Pure (no React), so tests can read it.
 */
import { isErrorCode } from '../../../protocol/codes';

/** A code as a catalogue key: 'room/not_found' → 'room_not_found'. */
export const keyOf = (code: string) => code.replace('/', '_');

/**
 * Places that explain some codes in their own words (the submit panel speaks of "the model", the
 * nickname form of "this network"): `<prefix>.<key>` where they have a sentence, `<prefix>.unknown`
 * for a code nobody knows if they have that; every other code gets the general one in `errors`.
 */
export const ERROR_CONTEXTS = {
  train: 'train.errors',
  play: 'play.submit.errors',
  boss: 'boss.errors',
  nickname: 'common.nicknameError',
  leaderboard: 'leaderboard.error',
} as const;

export type ErrorContextName = keyof typeof ERROR_CONTEXTS;

/** The general catalogue: one sentence per code, and `unknown`. */
export const GENERAL_PREFIX = 'errors';

/** Whether the reader's catalogue has a message at this full key (next-intl's `t.has`). */
export type HasMessage = (key: string) => boolean;

/** The full catalogue key (namespace included) of the sentence for `code` in `context`. */
export function errorMessageKey(code: string, has: HasMessage, context?: ErrorContextName): string {
  const prefix = context ? ERROR_CONTEXTS[context] : undefined;
  const known = isErrorCode(code);
  if (prefix && known && has(`${prefix}.${keyOf(code)}`)) return `${prefix}.${keyOf(code)}`;
  if (known) return `${GENERAL_PREFIX}.${keyOf(code)}`;
  return prefix && has(`${prefix}.unknown`) ? `${prefix}.unknown` : `${GENERAL_PREFIX}.unknown`;
}
