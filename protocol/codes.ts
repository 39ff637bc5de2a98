/**
 * Every error code, declared once: what the server can answer (per domain) and what the browser's
 * socket client makes up for itself. The server's `refuse()` takes only these, game/'s code unions
 * must fit in them (checked below), and the app's sentences are checked against these lists
 * (tests/unit/app/error-codes.test.ts). No zod here: pages import this file without pulling zod in.
 */
import type { RoomErrorCode } from '../game/room/types';
import type { RoundSettingsErrorCode } from '../game/room/settings';
import type { SubmissionErrorCode, WeightsErrorCode } from '../game/submission';

/** Codes the server sends, by domain; a code is always `<domain>/<name>`. */
export const SERVER_ERROR_CODES_BY_DOMAIN = {
  auth: ['auth/required'],
  boss: ['boss/locked', 'boss/not_boss', 'boss/not_yours', 'boss/nothing_to_reveal', 'boss/revealed', 'boss/too_many_selected'],
  challenge: ['challenge/unknown'],
  nickname: ['nickname/invalid'],
  payload: ['payload/forbidden_key', 'payload/invalid'],
  play: ['play/invalid', 'play/not_play'],
  rate: ['rate/limited', 'rate/too_many_sockets'],
  room: [
    'room/bad_pin', 'room/closed', 'room/full', 'room/kicked', 'room/locked', 'room/none_selected', 'room/not_found',
    'room/not_host', 'room/not_member', 'room/not_waiting', 'room/unknown_player', 'room/waiting_full',
  ],
  round: [
    'round/already_revealed', 'round/already_running', 'round/ended', 'round/locked_hyper', 'round/locks_unverifiable',
    'round/none', 'round/not_boss', 'round/not_ended', 'round/not_finished', 'round/not_found', 'round/not_running',
    'round/private', 'round/scoring_pending', 'round/stale', 'round/submission_limit', 'round/wrong_challenge',
  ],
  run: ['run/not_found', 'run/private'],
  scoring: ['scoring/cannot_retrain', 'scoring/failed', 'scoring/mismatch', 'scoring/not_retrained', 'scoring/timeout'],
  server: ['server/busy', 'server/closing', 'server/internal'],
  spec: ['spec/invalid'],
  submission: ['submission/over_budget', 'submission/over_samples', 'submission/over_steps', 'submission/queue_full', 'submission/too_many_layers'],
  weights: ['weights/invalid', 'weights/not_finite', 'weights/too_large', 'weights/wrong_length'],
} as const;

// Each domain's codes start with its name (a code under the wrong domain does not compile).
type Domained<T> = { [D in keyof T]: readonly `${D & string}/${string}`[] };
SERVER_ERROR_CODES_BY_DOMAIN satisfies Domained<typeof SERVER_ERROR_CODES_BY_DOMAIN>;

export type ErrorDomain = keyof typeof SERVER_ERROR_CODES_BY_DOMAIN;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES_BY_DOMAIN)[ErrorDomain][number];
export const SERVER_ERROR_CODES: readonly ServerErrorCode[] = Object.values(SERVER_ERROR_CODES_BY_DOMAIN).flat();

/** Made by the browser, never sent: no connection, no answer in time, the player not set up yet. */
export const CLIENT_ERROR_CODES = ['client/offline', 'client/timeout', 'client/not_ready'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export type ErrorCode = ServerErrorCode | ClientErrorCode;
export const ERROR_CODES: readonly ErrorCode[] = [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES];
export const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

// game/ decides with its own code unions; each must be a code the catalogue knows (compile-time).
type Within<T extends ServerErrorCode> = T;
export type GameErrorCode = Within<RoomErrorCode | RoundSettingsErrorCode | SubmissionErrorCode | WeightsErrorCode>;
