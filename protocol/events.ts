/**
 * The socket.io catalogue: every event once, with its payload schema and (for events the client
 * awaits) its ack schema. socket.io's typed maps, the server's handler registration and the
 * browser's request() are all derived from these two objects, so a misspelt event, a wrong payload
 * or a wrong ack does not compile (tests/types/protocol.ts keeps that true).
 */
import type { z } from 'zod';
import type { Ack } from './errors';
import { roomClientEvents, roomServerEvents } from './room';
import { soloClientEvents, soloServerEvents } from './solo';

/** Client → server: `payload` is checked by the server before any handler runs; `ack: null` = no answer. */
export const clientEvents = { ...soloClientEvents, ...roomClientEvents } as const;
/** Server → client: each event's one argument. */
export const serverEvents = { ...soloServerEvents, ...roomServerEvents } as const;

type ClientCatalogue = typeof clientEvents;
export type ClientEventName = keyof ClientCatalogue;
export type ServerEventName = keyof typeof serverEvents;

/** What the client sends (the schema's input). */
export type PayloadOf<E extends ClientEventName> = z.input<ClientCatalogue[E]['payload']>;
/** What a handler receives once the schema accepted it (its output: trimmed, canonical). */
export type ParsedPayloadOf<E extends ClientEventName> = z.output<ClientCatalogue[E]['payload']>;
/** The data of a successful ack; `null` for an event the client does not await. */
export type AckOf<E extends ClientEventName> = ClientCatalogue[E]['ack'] extends z.ZodType<infer T> ? T : null;
/** Events the client awaits an answer to. */
export type AckedEvent = { [E in ClientEventName]: ClientCatalogue[E]['ack'] extends null ? never : E }[ClientEventName];
export type ServerPayloadOf<E extends ServerEventName> = z.output<(typeof serverEvents)[E]>;

export type ClientToServerEvents = {
  [E in ClientEventName]: ClientCatalogue[E]['ack'] extends null
    ? (payload: PayloadOf<E>) => void
    : (payload: PayloadOf<E>, ack: Ack<AckOf<E>>) => void;
};
export type ServerToClientEvents = { [E in ServerEventName]: (payload: ServerPayloadOf<E>) => void };

export interface SocketData {
  playerId?: string;
  nickname?: string;
}
