/** Every room handler on one socket, and what a disconnect means for the rooms it was in. */
import type { ArenaSocket, HandlerContext } from '../context';
import { onActivity } from './activity';
import { onAdmission } from './admission';
import { onAdmit } from './admit';
import { onCheck } from './check';
import { onClockSync } from './clock';
import { onCreate } from './create';
import { onDeny } from './deny';
import { onEnd } from './end';
import { onExport } from './export';
import { onFinished } from './finished';
import { onHost } from './host';
import { onJoin } from './join';
import { onKick } from './kick';
import { onKickMany } from './kick-many';
import { onLeave } from './leave';
import { onLock } from './lock';
import { onReclaim } from './reclaim';
import { onRename } from './rename';
import { onResults } from './results';
import { onPublish } from './publish';
import { onReveal } from './reveal';
import { onStart } from './start';

export function onRoomEvents(ctx: HandlerContext, socket: ArenaSocket): void {
  for (const attach of [onCreate, onHost, onReclaim, onJoin, onLeave, onKick, onLock, onRename, onStart, onEnd, onExport, onActivity, onClockSync, onFinished, onResults, onReveal, onPublish]) {
    attach(ctx, socket);
  }
  // The teacher's clean-up: several players out at once, and the waiting list.
  for (const attach of [onKickMany, onAdmission, onAdmit, onDeny]) attach(ctx, socket);
  // The first step of joining: does the typed code open a room (before the nickname)?
  onCheck(ctx, socket);
  // A player is disconnected from a room when their LAST socket in it goes (another tab keeps them).
  socket.on('disconnect', () => {
    for (const { code, playerId } of ctx.rooms.exit(socket.id)) {
      ctx.rooms
        .dispatch(code, (now) => ({ type: 'disconnect', playerId, now }))
        .catch((err: unknown) => ctx.log.error('room disconnect failed', { code, playerId, err: String(err) }));
    }
  });
}
