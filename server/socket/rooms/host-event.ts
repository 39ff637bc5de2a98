/**
 * The host events that go through the room reducer (kick, lock, rename, start, end): the token picks
 * the actor, the reducer decides, a refusal is logged and answered, and nothing is written.
 */
import type { z } from 'zod';
import type { RoomEffect, RoomEvent, RoomState } from '../../../game/room/types';
import type { ArenaSocket, HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { actorFor, hostedRoom, logHostRefusal, notYourRoom } from './common';

type HostPayload = { code: string; hostToken: string };

export function onHostEvent<S extends z.ZodType<HostPayload>, T>(
  ctx: HandlerContext,
  socket: ArenaSocket,
  event: string,
  schema: S,
  build: (payload: z.infer<S>, actor: Extract<RoomEvent, { actor: unknown }>['actor'], now: number) => RoomEvent,
  answer: (state: RoomState, payload: z.infer<S>, effects: readonly RoomEffect[]) => T,
): void {
  handle(ctx, socket, event, schema, async (payload, reply) => {
    // Checked before the queue: a stranger learns nothing about the code and costs the room nothing.
    const code = hostedRoom(ctx, payload.code, payload.hostToken);
    if (!code) {
      const r = notYourRoom();
      if (!r.ok) logHostRefusal(ctx, socket, event, payload.code.slice(0, 40), r.error);
      return reply(r);
    }
    const actor = actorFor(ctx, socket, code, payload.hostToken);
    const out = await ctx.rooms.dispatch(code, (now) => build(payload, actor, now));
    if (!out.ok) {
      logHostRefusal(ctx, socket, event, code, out.error);
      return reply(refuse(out.error.code, out.error.message));
    }
    reply({ ok: true, data: answer(out.state, payload, out.effects) });
  });
}
