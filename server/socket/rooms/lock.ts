/** 'room:lock' (host): a locked room refuses new players; those already in may reconnect. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onLock(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(ctx, socket, 'room:lock', (p, actor, now) => ({ type: 'lock', actor, locked: p.locked, now }), () => null);
}
