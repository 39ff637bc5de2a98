/** Limits and small schemas every part of the catalogue shares. */
import { z } from 'zod';

/** Largest accepted weight payload, in bytes (budget 250k params x 4 bytes, plus headroom). */
export const MAX_WEIGHTS_BYTES = 1_200_000;
/** socket.io's own frame limit; anything larger is dropped by the transport before our handlers. */
export const MAX_SOCKET_PAYLOAD_BYTES = 1_500_000;
export const NICKNAME_MAX_LENGTH = 20;

/** No payload: `{}` or nothing at all. */
export const emptyPayload = z.union([z.strictObject({}), z.undefined()]);
/** An acknowledgement that carries no data. */
export const nothing = z.null();

export const challengeId = z.string().min(1).max(64);
export const roomCode = z.string().min(1).max(40);
export const hostToken = z.string().min(1).max(200);
/** Epoch milliseconds on the server's clock. */
export const epochMs = z.number();
/** ISO 8601. */
export const isoTime = z.string();
