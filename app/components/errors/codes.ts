/**
 * Every error code a page can be shown, and where its sentence lives in the message catalogues. The
 * server's codes are listed here by hand and checked against its sources by a unit test
 * (tests/unit/app/error-codes.test.ts), which also checks that each has a Korean and an English
 * sentence. Pages never show a code or the server's English text: a code nobody listed gets the
 * generic sentence. Pure (no React), so tests and the server-free parts can read it.
 */

/** What the server answers with (server/, game/): `refuse(code, …)`, `{ code, message }`, code unions. */
export const SERVER_ERROR_CODES = [
  'auth/required',
  'boss/locked', 'boss/not_boss', 'boss/not_yours', 'boss/nothing_to_reveal', 'boss/revealed', 'boss/too_many_selected',
  'challenge/unknown', 'nickname/invalid', 'payload/forbidden_key', 'payload/invalid', 'play/invalid', 'play/not_play',
  'rate/limited', 'rate/too_many_sockets',
  'room/bad_pin', 'room/closed', 'room/full', 'room/kicked', 'room/locked', 'room/none_selected', 'room/not_found',
  'room/not_host', 'room/not_member', 'room/not_waiting', 'room/unknown_player', 'room/waiting_full',
  'round/already_revealed', 'round/already_running', 'round/ended', 'round/locked_hyper', 'round/locks_unverifiable',
  'round/none', 'round/not_boss', 'round/not_ended', 'round/not_finished', 'round/not_found', 'round/not_running',
  'round/private', 'round/scoring_pending', 'round/stale', 'round/submission_limit', 'round/wrong_challenge',
  'run/not_found', 'run/private',
  'scoring/cannot_retrain', 'scoring/failed', 'scoring/mismatch', 'scoring/not_retrained', 'scoring/timeout',
  'server/busy', 'server/closing', 'server/internal',
  'spec/invalid',
  'submission/over_budget', 'submission/over_samples', 'submission/over_steps', 'submission/queue_full', 'submission/too_many_layers',
  'weights/invalid', 'weights/not_finite', 'weights/too_large', 'weights/wrong_length',
] as const;

/** What the browser says for itself: no connection, no answer, the player not set up yet. */
export const CLIENT_ERROR_CODES = ['client/offline', 'client/timeout', 'client/not_ready'] as const;

export const ERROR_CODES = [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

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
