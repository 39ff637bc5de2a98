/**
 * What the players and the host see after a room changed: ONE broadcast of the player view to the
 * room's players channel, `room:me` only to players whose own standing changed, and the host view to
 * the host's sockets, each stamped with the server's time. Views that did not change are not resent.
 */
import type { Clock } from '../clock';
import type { RoomState } from '../../game/room/types';
import { hostRoomView, myRoundViews, playerRoomView } from '../../game/room/views';
import { playerRoom, roomHostChannel, roomPlayersChannel, type ArenaServer } from '../socket/context';
import type { Presence } from './presence';
import type { Wall } from './wall';

export interface RoomOutput {
  /** The room's state changed: send every view that differs from the last one sent. */
  changed(state: RoomState): void;
  /** Tells the kicked player's sockets and takes them out of the room's channel. */
  kicked(code: string, playerId: string): void;
  /** A player left the room for good (left the lobby, or their grace period ran out). */
  removed(code: string, playerId: string): void;
  /** The room closed: forget what was kept for it. */
  closed(code: string): void;
  /** The `room:me` payload this player was last sent (set by a join's answer too). */
  rememberMe(code: string, playerId: string, json: string): void;
}

interface Sent {
  player: string;
  host: string;
  /** playerId → last MyRoundView JSON sent. */
  me: Map<string, string>;
}

export function createRoomOutput(io: ArenaServer, clock: Clock, presence: Presence, wall: Wall): RoomOutput {
  const sent = new Map<string, Sent>();
  const sentFor = (code: string): Sent => {
    let s = sent.get(code);
    if (!s) sent.set(code, (s = { player: '', host: '', me: new Map() }));
    return s;
  };

  const removed = (code: string, playerId: string) => {
    io.in(playerRoom(playerId)).socketsLeave(roomPlayersChannel(code));
    presence.drop(code, playerId);
    wall.forget(code, playerId);
    sent.get(code)?.me.delete(playerId);
  };

  return {
    changed(state) {
      const s = sentFor(state.code);
      const serverNow = clock.now();
      const playerView = playerRoomView(state);
      const player = JSON.stringify(playerView);
      if (player !== s.player) {
        s.player = player;
        io.to(roomPlayersChannel(state.code)).emit('room:state', { ...playerView, serverNow });
      }
      // Every member whose own standing changed (a score moves everyone's rank, a start resets all).
      for (const [playerId, me] of myRoundViews(state)) {
        const json = JSON.stringify(me);
        if (s.me.get(playerId) === json) continue;
        s.me.set(playerId, json);
        io.to(playerRoom(playerId)).emit('room:me', { code: state.code, me });
      }
      const hostView = hostRoomView(state);
      const host = JSON.stringify(hostView);
      if (host !== s.host) {
        s.host = host;
        io.to(roomHostChannel(state.code)).emit('room:host-state', { ...hostView, serverNow });
      }
    },
    kicked(code, playerId) {
      io.to(playerRoom(playerId)).emit('room:kicked', { code });
      removed(code, playerId);
    },
    removed,
    closed(code) {
      sent.delete(code);
      presence.dropRoom(code);
      wall.forget(code);
    },
    rememberMe(code, playerId, json) {
      sentFor(code).me.set(playerId, json);
    },
  };
}
