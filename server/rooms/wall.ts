/**
 * The class wall's live training curves: kept in memory only (a curve is worth nothing after a
 * restart), downsampled by appendCurvePoint, and sent to the host at most once per WALL_EMIT_MS per
 * student, with a trailing send so the newest point always arrives.
 */
import type { Clock, ClockTimer } from '../clock';
import { appendCurvePoint, type CurvePoint } from '../../game/room/views';
import type { PlayerActivity } from '../../game/room/types';
import type { RoomWallUpdate } from '../../protocol';
import { roomHostChannel, type ArenaServer } from '../socket/context';

/** At most one wall update per student per this many milliseconds. */
export const WALL_EMIT_MS = 1000;

interface Tile {
  activity: PlayerActivity;
  backend: string | null;
  curve: CurvePoint[];
  lastSentAt: number;
  trailing: ClockTimer | null;
}

export interface Wall {
  /** Records what a student reported and schedules a (throttled) update to the host. */
  report(code: string, playerId: string, activity: PlayerActivity, backend: string | null, point: CurvePoint | undefined): void;
  /** Every student's tile, for a host that just attached. */
  tiles(code: string): RoomWallUpdate[];
  forget(code: string, playerId?: string): void;
}

export function createWall(io: ArenaServer, clock: Clock): Wall {
  const rooms = new Map<string, Map<string, Tile>>();
  const update = (code: string, playerId: string, t: Tile): RoomWallUpdate => ({ code, playerId, activity: t.activity, backend: t.backend, curve: t.curve });

  const send = (code: string, playerId: string, tile: Tile) => {
    tile.trailing = null;
    tile.lastSentAt = clock.now();
    io.to(roomHostChannel(code)).emit('room:wall', update(code, playerId, tile));
  };

  const clear = (tile: Tile) => {
    if (tile.trailing) clock.clearTimeout(tile.trailing);
    tile.trailing = null;
  };

  return {
    report(code, playerId, activity, backend, point) {
      let tiles = rooms.get(code);
      if (!tiles) rooms.set(code, (tiles = new Map()));
      let tile = tiles.get(playerId);
      if (!tile) tiles.set(playerId, (tile = { activity, backend, curve: [], lastSentAt: 0, trailing: null }));
      tile.activity = activity;
      tile.backend = backend ?? tile.backend;
      if (point) tile.curve = appendCurvePoint(tile.curve, point);
      if (tile.trailing) return;
      const wait = tile.lastSentAt + WALL_EMIT_MS - clock.now();
      if (wait <= 0) return send(code, playerId, tile);
      const t = tile;
      tile.trailing = clock.setTimeout(() => send(code, playerId, t), wait);
    },
    tiles(code) {
      return [...(rooms.get(code) ?? new Map<string, Tile>()).entries()].map(([playerId, t]) => update(code, playerId, t));
    },
    forget(code, playerId) {
      const tiles = rooms.get(code);
      if (!tiles) return;
      if (playerId === undefined) {
        for (const t of tiles.values()) clear(t);
        rooms.delete(code);
        return;
      }
      const tile = tiles.get(playerId);
      if (tile) clear(tile);
      tiles.delete(playerId);
    },
  };
}
