/** 'room:admission' (host): 'approve' puts each newcomer on a waiting list; 'open' lets codes in directly. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onAdmission(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(ctx, socket, 'room:admission', (p, actor, now) => ({ type: 'admission', actor, admission: p.admission, now }), () => null);
}
