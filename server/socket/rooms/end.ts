/** 'room:end' (host): ends the running round now; later submissions are refused. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onEnd(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(ctx, socket, 'room:end', (_p, actor, now) => ({ type: 'endRound', actor, now }), () => null);
}
