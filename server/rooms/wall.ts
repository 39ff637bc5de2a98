/**
 * One room's class wall: live training curves kept in memory only (a curve is worth nothing after a
 * restart), downsampled by appendCurvePoint, and sent to the host at most once per WALL_EMIT_MS per
 * student, with a trailing send so the newest point always arrives. Owned by its Room (room.ts).
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

export class RoomWall {
  private readonly tilesByPlayer = new Map<string, Tile>();

  constructor(
    private readonly io: ArenaServer,
    private readonly clock: Clock,
    private readonly code: string,
  ) {}

  /** Records what a student reported and schedules a (throttled) update to the host. */
  report(playerId: string, activity: PlayerActivity, backend: string | null, point: CurvePoint | undefined): void {
    let tile = this.tilesByPlayer.get(playerId);
    if (!tile) this.tilesByPlayer.set(playerId, (tile = { activity, backend, curve: [], lastSentAt: 0, trailing: null }));
    tile.activity = activity;
    tile.backend = backend ?? tile.backend;
    if (point) tile.curve = appendCurvePoint(tile.curve, point);
    if (tile.trailing) return;
    const wait = tile.lastSentAt + WALL_EMIT_MS - this.clock.now();
    if (wait <= 0) return this.send(playerId, tile);
    const t = tile;
    tile.trailing = this.clock.setTimeout(() => this.send(playerId, t), wait);
  }

  /** Every student's tile, for a host that just attached. */
  tiles(): RoomWallUpdate[] {
    return [...this.tilesByPlayer.entries()].map(([playerId, t]) => this.update(playerId, t));
  }

  forget(playerId: string): void {
    const tile = this.tilesByPlayer.get(playerId);
    if (tile) this.clear(tile);
    this.tilesByPlayer.delete(playerId);
  }

  dispose(): void {
    for (const t of this.tilesByPlayer.values()) this.clear(t);
    this.tilesByPlayer.clear();
  }

  private update(playerId: string, t: Tile): RoomWallUpdate {
    return { code: this.code, playerId, activity: t.activity, backend: t.backend, curve: t.curve };
  }

  private send(playerId: string, tile: Tile): void {
    tile.trailing = null;
    tile.lastSentAt = this.clock.now();
    this.io.to(roomHostChannel(this.code)).emit('room:wall', this.update(playerId, tile));
  }

  private clear(tile: Tile): void {
    if (tile.trailing) this.clock.clearTimeout(tile.trailing);
    tile.trailing = null;
  }
}
