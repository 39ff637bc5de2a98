/** 'room:kick' (host): the player is told, leaves the room's channel, and cannot come back. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onKick(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(ctx, socket, 'room:kick', (p, actor, now) => ({ type: 'kick', actor, playerId: p.playerId, now }), () => null);
}
