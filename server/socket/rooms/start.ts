/** 'room:start' (host): a new round with the settings the teacher picked; everyone switches at once. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onHostEvent } from './host-event';

export function onStart(ctx: HandlerContext, socket: ArenaSocket): void {
  onHostEvent(
    ctx,
    socket,
    'room:start',
    (p, actor, now) => ({ type: 'startRound', actor, settings: p.settings, now }),
    (state) => ({ round: state.round?.number ?? 0, endsAt: state.round?.endsAt ?? 0 }),
  );
}
