/**
 * Room test helpers on top of the server harness: a host with its credentials, players that register
 * and join, a look at the room's rows, and a listener that keeps each client's latest room messages.
 */
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import type { RoundSettings } from '../../../game/room/settings';
import type { HostCredentials, HostRoomView, MyRoundView, PlayerRoomView, Stamped } from '../../../protocol';
import { connect, register, request, type ClientSocket } from '../server/harness';

export const CHALLENGE = 'sign-digits';

export const SETTINGS: RoundSettings = {
  challengeId: 'sign-digits',
  durationMs: 10 * 60_000,
  maxSubmissions: 3,
  leaderboardVisible: true,
  locked: {},
};

export interface Host extends HostCredentials {
  socket: ClientSocket;
}

export async function createHostedRoom(url: string): Promise<Host> {
  const socket = await connect(url);
  const created = await request<HostCredentials>(socket, 'room:create', {});
  assert.ok(created.ok, JSON.stringify(created));
  const attached = await request<HostRoomView & Stamped>(socket, 'room:host', { code: created.data.code, hostToken: created.data.hostToken });
  assert.ok(attached.ok, JSON.stringify(attached));
  return { socket, ...created.data };
}

export interface JoinAnswer {
  view: PlayerRoomView & Stamped;
  me: MyRoundView | null;
  nickname: string;
  playerId: string;
}

/** A client that keeps the latest room:state and room:me it received. */
export interface Player {
  socket: ClientSocket;
  playerId: string;
  token: string;
  nickname: string;
  latest: { state?: PlayerRoomView & Stamped; me?: MyRoundView | null; kicked: boolean };
}

export function track(socket: ClientSocket): Player['latest'] {
  const latest: Player['latest'] = { kicked: false };
  socket.on('room:state', (v) => (latest.state = v));
  socket.on('room:me', (m) => (latest.me = m.me));
  socket.on('room:kicked', () => (latest.kicked = true));
  return latest;
}

export async function joinAs(url: string, code: string, nickname: string): Promise<Player> {
  const reg = await register(url, nickname);
  const latest = track(reg.socket);
  const joined = await request<JoinAnswer>(reg.socket, 'room:join', { code, nickname });
  assert.ok(joined.ok, JSON.stringify(joined));
  latest.state ??= joined.data.view;
  latest.me ??= joined.data.me;
  return { socket: reg.socket, playerId: reg.playerId, token: reg.token, nickname: joined.data.nickname, latest };
}

/** Resolves once `check()` is true, checking after every message the sockets receive. */
export function until(sockets: readonly ClientSocket[], check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((ok, fail) => {
    if (check()) return ok();
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const on = () => {
      // After the other listeners of this message ran.
      queueMicrotask(() => {
        if (!check()) return;
        stop();
        ok();
      });
    };
    const stop = () => {
      clearTimeout(timer);
      for (const s of sockets) s.offAny(on);
    };
    for (const s of sockets) s.onAny(on);
  });
}

export interface RoomRows {
  room: { phase: string; state_json: string; host_token_hash: string; last_activity_at: number } | undefined;
  rounds: Record<string, unknown>[];
  submissions: number;
}

/** The room's rows, through a separate read-only connection. */
export function roomRows(dbFile: string, code: string): RoomRows {
  const db = new Database(dbFile, { readonly: true });
  try {
    return {
      room: db.prepare('select phase, state_json, host_token_hash, last_activity_at from rooms where code = ?').get(code) as RoomRows['room'],
      rounds: db.prepare('select * from room_rounds where room_code = ? order by number').all(code) as Record<string, unknown>[],
      submissions: (db.prepare('select count(*) as n from submissions').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

export function closeAll(sockets: readonly { disconnect(): unknown }[]): void {
  for (const s of sockets) s.disconnect();
}

/** RFC 4180 CSV (quoted fields with doubled quotes, CRLF rows), after stripping a byte-order mark. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\ufeff/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && src[i + 1] === '\n') {
      rows.push([...row, cell]);
      (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A star on the solo path, written as a scored submission would have (opens the level after it). */
export function grantStar(dbFile: string, playerId: string, challengeId: string, now = Date.now()): void {
  const db = new Database(dbFile);
  try {
    db.prepare('insert into progress (player_id, challenge_id, stars, updated_at) values (?, ?, 1, ?)').run(playerId, challengeId, now);
  } finally {
    db.close();
  }
}
