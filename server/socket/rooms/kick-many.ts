/**
 * 'room:kick-many' (host): removes several players at once, by ids, by "joined in the last N minutes"
 * or by "has not submitted"; the reducer picks them (game/room/selection) and each is kicked as by
 * 'room:kick': told, out of the room's channel, unable to come back. Answers the ids removed.
 */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onKickMany(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(
    ctx,
    socket,
    'room:kick-many',
    (p, actor, now) => ({ type: 'kickMany', actor, selection: p.selection, now }),
    (_state, _p, effects) => ({ playerIds: effects.flatMap((e) => (e.type === 'kicked' ? [e.playerId] : [])) }),
  );
}
