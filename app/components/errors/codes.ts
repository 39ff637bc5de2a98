/**
 * Where the sentence for each error code lives in the message catalogues. The codes themselves are
 * the protocol's (protocol/codes.ts, zod-free so pages can import it); a unit test
 * (tests/unit/app/error-codes.test.ts) checks each has a Korean and an English sentence and that no
 * place here names a code the protocol lacks. Pages never show a code or the server's English text:
 * a code nobody listed gets the generic sentence. Pure (no React), so tests can read it.
 */
import { isErrorCode, type ErrorCode } from '../../../protocol/codes';

/** A code as a catalogue key: 'room/not_found' → 'room_not_found'. */
export const keyOf = (code: string) => code.replace('/', '_');

/**
 * Places that explain some codes in their own words (the submit panel speaks of "the model", the
 * nickname form of "this network"); every other code gets the general sentence in `errors`.
 */
export interface ErrorContext {
  /** Where the context's sentences live: `<prefix>.<key>`. */
  prefix: string;
  codes: readonly ErrorCode[];
  /** The context's own sentence for a code nobody listed, if it has one. */
  unknown: boolean;
}

export const ERROR_CONTEXTS = {
  train: {
    prefix: 'train.errors',
    unknown: true,
    codes: [
      'spec/invalid', 'submission/over_budget', 'submission/too_many_layers', 'submission/over_samples', 'submission/over_steps',
      'weights/wrong_length', 'weights/too_large', 'weights/not_finite', 'weights/invalid', 'payload/invalid', 'challenge/unknown',
      'auth/required', 'rate/limited', 'submission/queue_full', 'scoring/mismatch', 'scoring/timeout',
      'scoring/failed', 'server/internal', 'client/timeout', 'client/offline',
    ],
  },
  play: {
    prefix: 'play.submit.errors',
    unknown: true,
    codes: ['play/invalid', 'auth/required', 'rate/limited', 'scoring/failed', 'server/internal', 'client/timeout', 'client/offline'],
  },
  boss: {
    prefix: 'boss.errors',
    unknown: true,
    codes: [
      'boss/locked', 'boss/not_boss', 'boss/revealed', 'boss/not_yours', 'boss/too_many_selected', 'boss/nothing_to_reveal',
      'round/not_boss', 'round/not_ended', 'round/already_revealed', 'round/scoring_pending', 'round/wrong_challenge',
      'room/not_host', 'room/not_member', 'client/timeout', 'client/offline',
    ],
  },
  nickname: { prefix: 'common.nicknameError', unknown: false, codes: ['nickname/invalid', 'rate/limited', 'client/timeout', 'client/not_ready'] },
  leaderboard: { prefix: 'leaderboard.error', unknown: false, codes: ['challenge/unknown', 'rate/limited', 'client/timeout'] },
} as const satisfies Record<string, ErrorContext>;

export type ErrorContextName = keyof typeof ERROR_CONTEXTS;

/** The general catalogue: one sentence per code, and `unknown`. */
export const GENERAL_PREFIX = 'errors';

/** The full catalogue key (namespace included) of the sentence for `code` in `context`. */
export function errorMessageKey(code: string, context?: ErrorContextName): string {
  const ctx: ErrorContext | undefined = context ? ERROR_CONTEXTS[context] : undefined;
  if (ctx && (ctx.codes as readonly string[]).includes(code)) return `${ctx.prefix}.${keyOf(code)}`;
  if (isErrorCode(code)) return `${GENERAL_PREFIX}.${keyOf(code)}`;
  return ctx?.unknown ? `${ctx.prefix}.unknown` : `${GENERAL_PREFIX}.unknown`;
}
