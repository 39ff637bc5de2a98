/**
 * The host events that go through the room reducer (kick, lock, rename, start, end): the token picks
 * the actor, the reducer decides, a refusal is logged and answered, and nothing is written.
 */
import type { RoomEffect, RoomEvent, RoomState } from '../../../game/room/types';
import type { AckOf, ClientEventName, ParsedPayloadOf } from '../../../protocol';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { actorFor, hostedOrRefused, logHostRefusal } from './common';

type HostPayload = { code: string; hostToken: string };
/** The events whose payload names a room and carries its host token. */
export type HostEventName = { [E in ClientEventName]: ParsedPayloadOf<E> extends HostPayload ? E : never }[ClientEventName];

export function onHostEvent<E extends HostEventName>(
  ctx: HandlerContext,
  socket: ArenaSocket,
  event: E,
  build: (payload: ParsedPayloadOf<E>, actor: Extract<RoomEvent, { actor: unknown }>['actor'], now: number) => RoomEvent,
  answer: (state: RoomState, payload: ParsedPayloadOf<E>, effects: readonly RoomEffect[]) => AckOf<E>,
): void {
  handle(ctx, socket, event, async (parsed, reply) => {
    // E is a HostEventName, so its parsed payload has both (HostEventName checks it per event).
    const payload = parsed as ParsedPayloadOf<E> & HostPayload;
    // Checked before the queue: a stranger learns nothing about the code and costs the room nothing.
    const code = hostedOrRefused(ctx, socket, event, payload, reply);
    if (!code) return;
    const actor = actorFor(ctx, socket, code, payload.hostToken);
    const out = await ctx.rooms.dispatch(code, (now) => build(payload, actor, now));
    if (!out.ok) {
      logHostRefusal(ctx, socket, event, code, out.error);
      return reply(refuse(out.error.code, out.error.message));
    }
    reply({ ok: true, data: answer(out.state, payload, out.effects) });
  });
}
