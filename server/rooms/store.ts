/**
 * Database reads and writes for rooms. The room's whole RoomState is one JSON column (the reducer's
 * output, the truth at start-up); each round is also upserted into room_rounds so finished rounds stay
 * readable (results, CSV, history) after the room moves on or closes. Writes take a Db that may be a
 * transaction: the room service runs them inside one synchronous transaction per event.
 */
import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import { roomRounds, rooms, type RoomRoundRow } from '../../drizzle/schema';
import type { RoomState, Round } from '../../game/room/types';
import { roundStandings, type RoundStanding } from '../../game/room/views';
import { parseStored, tryParseStored, type StoredRowError } from '../stored/parse';
import { storedRoomStateSchema, storedStandingsSchema } from '../stored/room';

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

type RoomRow = { code: string; stateJson: string; hostTokenHash: string; hostPinHash: string };

const stateOf = (row: RoomRow) => tryParseStored(storedRoomStateSchema, row.stateJson, `rooms[${row.code}].state_json`);

/** A malformed state throws a StoredRowError (stored/parse.ts): the request fails, logged; nothing else does. */
export function loadRoom(db: Db, code: string): StoredRoom | undefined {
  const row = db.select().from(rooms).where(eq(rooms.code, code)).get();
  if (!row) return undefined;
  const state = stateOf(row);
  if (!state.ok) throw state.error;
  return { state: state.value, hostTokenHash: row.hostTokenHash, hostPinHash: row.hostPinHash };
}

/**
 * Rooms that may still change (everything but closed), loaded at start-up. A room whose stored state
 * is malformed is left out and handed to `skipped` (to log), so one bad row does not stop the server.
 */
export function loadOpenRooms(db: Db, skipped: (error: StoredRowError) => void = () => {}): StoredRoom[] {
  return db
    .select()
    .from(rooms)
    .where(ne(rooms.phase, 'closed'))
    .all()
    .flatMap((row) => {
      const state = stateOf(row);
      if (!state.ok) skipped(state.error);
      return state.ok ? [{ state: state.value, hostTokenHash: row.hostTokenHash, hostPinHash: row.hostPinHash }] : [];
    });
}

export function setHostTokenHash(db: Db, code: string, hostTokenHash: string): void {
  db.update(rooms).set({ hostTokenHash }).where(eq(rooms.code, code)).run();
}

/** 128 random bits, base64url (22 characters): a published round's address, unguessable and unrelated to the code. */
export const newPublicId = () => randomBytes(16).toString('base64url');

function upsertRound(db: Db, state: RoomState, round: Round): void {
  const row = {
    challengeId: round.settings.challengeId,
    settingsJson: JSON.stringify(round.settings),
    startedAt: round.startedAt,
    endsAt: round.endsAt,
    endedAt: round.endedAt,
    endedBy: round.endedBy,
    standingsJson: JSON.stringify(roundStandings(state, round)),
    publishedAt: round.publishedAt ?? null,
  };
  // The public id is drawn once, when the round's row is first written, and never changes.
  db.insert(roomRounds)
    .values({ roomCode: state.code, number: round.number, publicId: newPublicId(), ...row })
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
  publicId: string;
  /** Null while only the room may see the round. */
  publishedAt: number | null;
}

const toStoredRound = (r: RoomRoundRow): StoredRound => ({
  code: r.roomCode,
  number: r.number,
  challengeId: r.challengeId,
  endedAt: r.endedAt,
  standings: parseStored(storedStandingsSchema, r.standingsJson, `room_rounds[${r.roomCode}:${r.number}].standings_json`),
  publicId: r.publicId,
  publishedAt: r.publishedAt,
});

export function loadRound(db: Db, code: string, number: number): StoredRound | undefined {
  const row = db
    .select()
    .from(roomRounds)
    .where(and(eq(roomRounds.roomCode, code), eq(roomRounds.number, number)))
    .get();
  return row ? toStoredRound(row) : undefined;
}

/** A published round by its public id; an unpublished one is not found (nothing says it exists). */
export function loadPublishedRound(db: Db, publicId: string): StoredRound | undefined {
  const row = db
    .select()
    .from(roomRounds)
    .where(and(eq(roomRounds.publicId, publicId), isNotNull(roomRounds.publishedAt), isNotNull(roomRounds.endedAt)))
    .get();
  return row ? toStoredRound(row) : undefined;
}

/** The most recently published finished rounds of all rooms, newest publication first. */
export function publishedRounds(db: Db, limit: number): StoredRound[] {
  return db
    .select()
    .from(roomRounds)
    .where(and(isNotNull(roomRounds.publishedAt), isNotNull(roomRounds.endedAt)))
    .orderBy(desc(roomRounds.publishedAt), desc(roomRounds.endedAt))
    .limit(limit)
    .all()
    .map(toStoredRound);
}

/**
 * Publishes (keeping the first time) or withdraws an earlier round; the current round's row follows
 * its state in saveRoomState. Answers the round's challenge, or undefined when there is no such row.
 */
export function setRoundPublished(db: Db, code: string, number: number, publishedAt: number | null): string | undefined {
  const at = publishedAt === null ? null : sql`coalesce(${roomRounds.publishedAt}, ${publishedAt})`;
  return db
    .update(roomRounds)
    .set({ publishedAt: at })
    .where(and(eq(roomRounds.roomCode, code), eq(roomRounds.number, number), isNotNull(roomRounds.endedAt)))
    .returning({ challengeId: roomRounds.challengeId })
    .get()?.challengeId;
}

/** Whether a room's round is published (its submissions may appear on the public boards). */
export function roundPublished(db: Db, code: string, number: number): boolean {
  const row = db
    .select({ at: roomRounds.publishedAt })
    .from(roomRounds)
    .where(and(eq(roomRounds.roomCode, code), eq(roomRounds.number, number)))
    .get();
  return row?.at !== undefined && row.at !== null;
}
