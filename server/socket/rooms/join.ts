/**
 * 'room:join': a registered player enters (or comes back to) a room. Rate-limited per socket, so a
 * flood on one code is answered cheaply and the room's queue stays free for real events.
 */
import { myRoundView, playerRoomView, waitingRoomView } from '../../../game/room/views';
import { roomPlayersChannel, type ArenaSocket, type HandlerContext } from '../context';
import { handle, refuse } from '../handle';
import { limited } from '../limits';
import { lookUpRoom } from './lookup';
import { newcomerLimit } from './newcomers';

export function onJoin(ctx: HandlerContext, socket: ArenaSocket): void {
  handle(ctx, socket, 'room:join', async ({ code: raw, nickname }, reply) => {
    const blocked = await limited(ctx.roomLimiters.join, socket.id, 'join attempts');
    if (blocked) return reply(blocked);
    const playerId = socket.data.playerId;
    if (!playerId) return reply(refuse('auth/required', 'choose a nickname (register) before joining a room'));
    // A code with no room costs the address a lookup point, as room:check's do (lookup.ts).
    const found = lookUpRoom(ctx, socket, raw);
    if (!found.ok) return reply(found.result);
    const { code } = found;
    const tooMany = newcomerLimit(ctx, socket, code, playerId);
    if (tooMany) return reply(tooMany);
    const out = await ctx.rooms.dispatch(code, (now) => ({ type: 'join', playerId, nickname, now }), {
      // In the queue, before this join's broadcast: the answer reaches the player before any newer view.
      applied: ({ state }) => {
        // Presence for a waiting player too: a disconnect starts their grace, an admit finds their sockets.
        ctx.rooms.enter(code, playerId, socket.id);
        const waiting = waitingRoomView(state, playerId);
        // Not in the players' channel: no class list or standings until the host admits them.
        if (waiting) return reply({ ok: true, data: { waiting: { ...waiting, serverNow: ctx.clock.now() }, nickname: waiting.nickname, playerId } });
        void socket.join(roomPlayersChannel(code));
        const me = myRoundView(state, playerId);
        ctx.rooms.room(code)?.rememberMe(playerId, JSON.stringify(me));
        const nick = state.players.find((p) => p.playerId === playerId)?.nickname ?? '';
        reply({ ok: true, data: { view: { ...playerRoomView(state), serverNow: ctx.clock.now() }, me, nickname: nick, playerId } });
      },
    });
    if (!out.ok) reply(refuse(out.error.code, out.error.message));
  });
}
