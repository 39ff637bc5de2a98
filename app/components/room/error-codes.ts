/**
 * Room, round and connection error codes explained in the reader's language (catalogue key:
 * room.errors.<code with '/' → '_'>). Codes not listed show a generic sentence and the server's text.
 */
export const ROOM_ERROR_CODES = [
  'room/closed', 'room/locked', 'room/full', 'room/kicked', 'room/not_member', 'room/not_host', 'room/unknown_player',
  'room/not_found', 'room/unknown', 'room/bad_pin', 'room/bad_token',
  'room/none_selected', 'room/not_waiting', 'room/waiting_full', 'round/none',
  'round/not_running', 'round/already_running', 'round/ended', 'round/submission_limit', 'round/scoring_pending',
  'round/stale', 'round/locked_hyper', 'round/locks_unverifiable', 'round/wrong_challenge', 'round/not_found', 'round/not_finished', 'round/not_ended', 'round/private',
  'nickname/invalid', 'rate/limited', 'auth/required', 'auth/unknown_player', 'payload/invalid',
  'client/timeout', 'client/offline', 'client/not_ready', 'server/internal',
] as const;

export const isKnownRoomError = (code: string) => (ROOM_ERROR_CODES as readonly string[]).includes(code);
export const roomErrorKey = (code: string) => `errors.${isKnownRoomError(code) ? code.replace('/', '_') : 'unknown'}` as 'errors.unknown';
