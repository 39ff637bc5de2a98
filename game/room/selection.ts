/**
 * Which players a clean-up removes, decided once for the reducer and for the host's preview (this
 * module imports nothing heavy, so the host page can count a selection before it asks to confirm).
 */
import type { PlayerSelection, RoomErrorCode } from './types';

/** Most player ids one remove/admit/deny may name (a whole default-size room, twice over). */
export const SELECTION_MAX_IDS = 200;
/** Largest "joined in the last N minutes" (a day; rooms close after 4 idle hours). */
export const JOINED_WITHIN_MAX_MINUTES = 24 * 60;

/** What a selection looks at; the host view's players have these fields too (the UI previews a count). */
export interface SelectablePlayer {
  playerId: string;
  joinedAt: number;
  /** Submissions in the current round, or the last one once it ended. */
  submissions: number;
}

export type Selected = { ok: true; playerIds: string[] } | { ok: false; code: RoomErrorCode; message: string };

const picked = (playerIds: string[]): Selected =>
  playerIds.length > 0 ? { ok: true, playerIds } : { ok: false, code: 'room/none_selected', message: 'no player matches this selection' };

/** The players a selection removes, in the order named (ids) or joined (the others). `hasRound`: a round was played. */
export function selectPlayers(players: readonly SelectablePlayer[], selection: PlayerSelection, now: number, hasRound: boolean): Selected {
  switch (selection.by) {
    case 'ids': {
      const known = new Set(players.map((p) => p.playerId));
      const ids = [...new Set(selection.playerIds)];
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) return { ok: false, code: 'room/unknown_player', message: `no player ${JSON.stringify(unknown.slice(0, 64))} in this room` };
      return picked(ids);
    }
    case 'joinedWithin': {
      const since = now - selection.minutes * 60_000;
      return picked(players.filter((p) => p.joinedAt >= since).map((p) => p.playerId));
    }
    case 'notSubmitted':
      if (!hasRound) return { ok: false, code: 'round/none', message: 'no round has been played yet, so nobody could submit' };
      return picked(players.filter((p) => p.submissions === 0).map((p) => p.playerId));
  }
}

