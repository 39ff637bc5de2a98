/**
 * What the boss screens show from a reveal: the health bar's width and tone, the boss's line with its
 * numbers, and the shake-up's order and animation offsets. Pure, so they are unit-tested.
 */
import type { BossReveal, RevealRow } from '../../../game/boss/reveal';
import type { BossLine } from '../../../game/boss/rules';

/** Health 0..100 as the bar's width in percent: clamped, one decimal, NaN as full (nothing revealed). */
export function healthWidth(health: number): number {
  if (!Number.isFinite(health)) return 100;
  return Math.round(Math.min(100, Math.max(0, health)) * 10) / 10;
}

export type HealthTone = 'high' | 'mid' | 'low' | 'empty';

/** Green above 60, amber above 25, red above 0, grey when the boss is down. */
export function healthTone(health: number): HealthTone {
  const w = healthWidth(health);
  return w <= 0 ? 'empty' : w <= 25 ? 'low' : w <= 60 ? 'mid' : 'high';
}

/**
 * 0..1 → whole percent, as the boss says it ("train 100 %, test 61 %"). A tiny negative (a gap of
 * −0.4 points) rounds to −0, which ICU prints as "-0": it comes out as a plain 0.
 */
export function wholePercent(x: number): number {
  const v = Math.round((Number.isFinite(x) ? x : 0) * 100);
  return v === 0 ? 0 : v;
}

/** One of the player's submissions as the face-the-boss confirm quotes it (1-based, as listed). */
export interface FaceCandidate {
  number: number;
  public: number;
  publicTotal: number;
}

/**
 * What meets the private part when the player faces the boss: their picks, or with none the best
 * public submission (game/boss/rules privateEntry); `best` is the highest public among them.
 */
export function faceCandidates(mine: { submissions: readonly { submissionId: string; public: number; publicTotal: number; submittedAt: number }[]; picks: readonly string[] }): { candidates: FaceCandidate[]; best: FaceCandidate | null } {
  const listed = mine.submissions.map((s, i) => ({ ...s, number: i + 1 }));
  const picked = listed.filter((s) => mine.picks.includes(s.submissionId));
  const bestPublic = [...listed].sort((a, b) => b.public - a.public || a.submittedAt - b.submittedAt)[0];
  const pool = picked.length > 0 ? picked : bestPublic ? [bestPublic] : [];
  const candidates = pool.map((s) => ({ number: s.number, public: s.public, publicTotal: s.publicTotal }));
  const best = [...candidates].sort((a, b) => b.public - a.public)[0] ?? null;
  return { candidates, best };
}

/** Correct answers behind a public accuracy ("12 of 120"). */
export const publicCorrect = (c: Pick<FaceCandidate, 'public' | 'publicTotal'>) => Math.round(c.public * c.publicTotal);

/** A message of the `boss.line` catalogue and its values. */
export interface LineText {
  /** The hit's line, or `defeatedNoGap` when it won with no gap at all (private at or above train). */
  key: BossLine | 'defeatedNoGap';
  values: { train: number; test: number; gap: number; damage: number; heal: number };
}

/** The boss's line for one player's hit: the kind of hit and the numbers it quotes. */
export function lineText(row: Pick<RevealRow, 'train' | 'private' | 'gap' | 'hit'>): LineText {
  // "a gap of only 0 points" beside a table that says -74 reads as a mistake; say it in words.
  const noGap = row.hit.line === 'defeated' && wholePercent(row.gap) <= 0;
  return {
    key: noGap ? 'defeatedNoGap' : row.hit.line,
    values: {
      train: wholePercent(row.train),
      test: wholePercent(row.private),
      // The gap is in percentage points; a negative gap (private above train) reads as 0.
      gap: Math.max(0, wholePercent(row.gap)),
      damage: Math.round(row.hit.damage),
      heal: Math.round(row.hit.heal),
    },
  };
}

/** One row of the shake-up table, in final (private) order, with where it starts its move. */
export interface ShakeUpMove {
  row: RevealRow;
  /** Rows to move from: the public place minus the private place (positive: starts lower, climbs). */
  fromOffset: number;
  /** '▲' climbed, '▼' fell, '=' stayed. */
  arrow: '▲' | '▼' | '=';
  /** Places moved, without sign. */
  places: number;
}

/**
 * The table in private order; each row starts `fromOffset` rows away (where it stood on the public
 * board) and slides to its place: FLIP with a translateY of fromOffset × row height.
 */
export function shakeUpMoves(rows: readonly RevealRow[]): ShakeUpMove[] {
  return [...rows]
    .sort((a, b) => a.privateRank - b.privateRank)
    .map((row) => {
      const fromOffset = row.publicRank - row.privateRank;
      return { row, fromOffset, arrow: fromOffset > 0 ? '▲' : fromOffset < 0 ? '▼' : '=', places: Math.abs(fromOffset) };
    });
}

/** The translateY a row starts from (px), given the row height; 0 when motion is reduced. */
export function startTransform(move: Pick<ShakeUpMove, 'fromOffset'>, rowHeightPx: number, reduced: boolean): string {
  if (reduced || move.fromOffset === 0 || !Number.isFinite(rowHeightPx)) return 'translateY(0px)';
  return `translateY(${move.fromOffset * rowHeightPx}px)`;
}

/** Stagger (ms) before row i starts moving: the bottom of the board first, the winner last. */
export function moveDelayMs(index: number, count: number, stepMs = 120): number {
  return Math.max(0, count - 1 - index) * stepMs;
}

/** The viewer's own row, if they submitted. */
export function myRow(reveal: Pick<BossReveal, 'rows'>, playerId: string | null | undefined): RevealRow | undefined {
  return playerId ? reveal.rows.find((r) => r.playerId === playerId) : undefined;
}

/** At most `max` picks: adding one past the limit is refused (null), removing always works. */
export function togglePick(picks: readonly string[], id: string, max = 2): string[] | null {
  if (picks.includes(id)) return picks.filter((p) => p !== id);
  return picks.length >= max ? null : [...picks, id];
}
