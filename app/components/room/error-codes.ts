/**
 * Moved: every error code a page may show, and its sentence, is listed once for the whole app in
 * app/components/errors/codes.ts (checked against the server's sources by a unit test).
 */
export { ERROR_CODES as ROOM_ERROR_CODES, isErrorCode as isKnownRoomError } from '../errors/codes';
