/** 'clock:sync': the server's time, so every countdown runs on it rather than on each laptop's clock. */
import type { ArenaSocket, HandlerContext } from '../context';
import { handle } from '../handle';

export function onClockSync(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'clock:sync', ({ clientNow }, reply) => {
    reply({ ok: true, data: { clientNow, serverNow: ctx.clock.now() } });
  });
}
