/** 'room:deny' (host): waiting players are refused and told ('room:kicked'); they cannot ask again here. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onDeny(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(
    ctx,
    socket,
    'room:deny',
    (p, actor, now) => ({ type: 'deny', actor, playerIds: p.playerIds, now }),
    (_state, _p, effects) => ({ playerIds: effects.flatMap((e) => (e.type === 'kicked' ? [e.playerId] : [])) }),
  );
}
