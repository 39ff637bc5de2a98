/**
 * What the players and the host see after a room changed: ONE broadcast of the player view to the
 * room's players channel, `room:me` only to players whose own standing changed, and the host view to
 * the host's sockets, each stamped with the server's time. Views that did not change are not resent.
 */
import type { Clock } from '../clock';
import type { RoomState } from '../../game/room/types';
import { hostRoomView, leaderboardShown, playerRoomView, roundStandings, type MyRoundView } from '../../game/room/views';
import { playerRoom, roomHostChannel, roomPlayersChannel, type ArenaServer } from '../socket/context';
import type { Presence } from './presence';
import type { Wall } from './wall';

/**
 * game/room/views myRoundView for every member at once. That function ranks the round once per call,
 * which made 100 players' views cost 100 rankings per event (about 40 % of the fan-out's CPU); here the
 * round is ranked once. Same fields in the same order: tests compare it with myRoundView.
 */
export function myRoundViews(state: RoomState): Map<string, MyRoundView | null> {
  const round = state.round;
  const out = new Map<string, MyRoundView | null>();
  const ranks = round && leaderboardShown(state) ? new Map(roundStandings(state).map((s) => [s.playerId, s.rank])) : null;
  for (const p of state.players) {
    const e = round?.entries[p.playerId];
    out.set(p.playerId, round ? { submissions: e?.submissions ?? 0, maxSubmissions: round.settings.maxSubmissions, pending: e?.pending ?? 0, best: e?.best ?? null, rank: ranks?.get(p.playerId) ?? null } : null);
  }
  return out;
}

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
      io.in(playerRoom(playerId)).socketsLeave(roomPlayersChannel(code));
      presence.drop(code, playerId);
      wall.forget(code, playerId);
      sent.get(code)?.me.delete(playerId);
    },
    removed(code, playerId) {
      io.in(playerRoom(playerId)).socketsLeave(roomPlayersChannel(code));
      presence.drop(code, playerId);
      wall.forget(code, playerId);
      sent.get(code)?.me.delete(playerId);
    },
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
