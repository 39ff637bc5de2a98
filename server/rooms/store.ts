/**
 * Database reads and writes for rooms. The room's whole RoomState is one JSON column (the reducer's
 * output, the truth at start-up); each round is also upserted into room_rounds so finished rounds stay
 * readable (results, CSV, history) after the room moves on or closes. Writes take a Db that may be a
 * transaction: the room service runs them inside one synchronous transaction per event.
 */
import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { roomRounds, rooms, type RoomRoundRow } from '../../drizzle/schema';
import type { RoomState, Round } from '../../game/room/types';
import { roundStandings, type RoundStanding } from '../../game/room/views';

export interface StoredRoom {
  state: RoomState;
  hostTokenHash: string;
  hostPinHash: string;
}

export function roomExists(db: Db, code: string): boolean {
  return db.select({ code: rooms.code }).from(rooms).where(eq(rooms.code, code)).get() !== undefined;
}

export function insertRoom(db: Db, room: StoredRoom): void {
  const s = room.state;
  db.insert(rooms)
    .values({
      code: s.code,
      hostTokenHash: room.hostTokenHash,
      hostPinHash: room.hostPinHash,
      phase: s.phase,
      stateJson: JSON.stringify(s),
      createdAt: s.createdAt,
      lastActivityAt: s.lastActivityAt,
    })
    .run();
}

const parse = (row: { stateJson: string; hostTokenHash: string; hostPinHash: string }): StoredRoom => ({
  state: JSON.parse(row.stateJson) as RoomState,
  hostTokenHash: row.hostTokenHash,
  hostPinHash: row.hostPinHash,
});

export function loadRoom(db: Db, code: string): StoredRoom | undefined {
  const row = db.select().from(rooms).where(eq(rooms.code, code)).get();
  return row ? parse(row) : undefined;
}

/** Rooms that may still change (everything but closed), loaded at start-up. */
export function loadOpenRooms(db: Db): StoredRoom[] {
  return db.select().from(rooms).where(ne(rooms.phase, 'closed')).all().map(parse);
}

export function setHostTokenHash(db: Db, code: string, hostTokenHash: string): void {
  db.update(rooms).set({ hostTokenHash }).where(eq(rooms.code, code)).run();
}

function upsertRound(db: Db, state: RoomState, round: Round): void {
  const row = {
    challengeId: round.settings.challengeId,
    settingsJson: JSON.stringify(round.settings),
    startedAt: round.startedAt,
    endsAt: round.endsAt,
    endedAt: round.endedAt,
    endedBy: round.endedBy,
    standingsJson: JSON.stringify(roundStandings(state, round)),
  };
  db.insert(roomRounds)
    .values({ roomCode: state.code, number: round.number, ...row })
    .onConflictDoUpdate({ target: [roomRounds.roomCode, roomRounds.number], set: row })
    .run();
}

/** Writes the room's new state; the round row too when the round (or a nickname in it) changed. */
export function saveRoomState(db: Db, prev: RoomState, next: RoomState): void {
  db.update(rooms)
    .set({ phase: next.phase, stateJson: JSON.stringify(next), lastActivityAt: next.lastActivityAt })
    .where(eq(rooms.code, next.code))
    .run();
  // Standings carry nicknames, so a rename (players changed) rewrites the round's row as well.
  if (next.round && (next.round !== prev.round || next.players !== prev.players)) upsertRound(db, next, next.round);
}

export interface StoredRound {
  code: string;
  number: number;
  challengeId: string;
  endedAt: number | null;
  standings: RoundStanding[];
}

const toStoredRound = (r: RoomRoundRow): StoredRound => ({
  code: r.roomCode,
  number: r.number,
  challengeId: r.challengeId,
  endedAt: r.endedAt,
  standings: JSON.parse(r.standingsJson) as RoundStanding[],
});

export function loadRound(db: Db, code: string, number: number): StoredRound | undefined {
  const row = db
    .select()
    .from(roomRounds)
    .where(and(eq(roomRounds.roomCode, code), eq(roomRounds.number, number)))
    .get();
  return row ? toStoredRound(row) : undefined;
}

/** The most recently finished rounds of all rooms, newest first. */
export function finishedRounds(db: Db, limit: number): StoredRound[] {
  return db
    .select()
    .from(roomRounds)
    .where(isNotNull(roomRounds.endedAt))
    .orderBy(desc(roomRounds.endedAt))
    .limit(limit)
    .all()
    .map(toStoredRound);
}
