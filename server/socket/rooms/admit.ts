/**
 * 'room:admit' (host): waiting players come in (all or nothing: a full or locked room refuses); their
 * sockets join the room's channel and get 'room:admitted' with the player view.
 */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onAdmit(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(
    ctx,
    socket,
    'room:admit',
    (p, actor, now) => ({ type: 'admit', actor, playerIds: p.playerIds, now }),
    (_state, _p, effects) => ({ playerIds: effects.flatMap((e) => (e.type === 'admitted' ? [e.playerId] : [])) }),
  );
}
