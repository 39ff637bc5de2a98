/** 'room:rename' (host): a new nickname for a player, cleaned and filtered like a joining one. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onRename(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(
    ctx,
    socket,
    'room:rename',
    (p, actor, now) => ({ type: 'rename', actor, playerId: p.playerId, nickname: p.nickname, now }),
    (state, p) => ({ nickname: state.players.find((x) => x.playerId === p.playerId)?.nickname ?? '' }),
  );
}
