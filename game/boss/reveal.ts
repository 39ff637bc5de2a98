/**
 * The reveal: from every player's submissions (public, private and train accuracy, as the server
 * measured them) and their picks, the shake-up between the boards and each player's hit on the boss.
 */
import type { Stars } from '../stars';
import { bossStars } from './levels';
import { bestPublic, bossHit, privateEntry, shakeUp, type BossHit, type BossSubmission, type BossTuning } from './rules';

export interface RevealPlayer {
  playerId: string;
  nickname: string;
  own: readonly BossSubmission[];
  selected: readonly string[];
}

export interface RevealRow {
  playerId: string;
  nickname: string;
  publicRank: number;
  privateRank: number;
  /** Places climbed at the reveal (negative: fell). */
  moved: number;
  /** Best public accuracy (what the board showed during the round). */
  public: number;
  /** Private accuracy of the submission that counts (the better of the picks, or the best public). */
  private: number;
  train: number;
  /** train − private. */
  gap: number;
  submissionId: string;
  hit: BossHit;
  stars: Stars;
}

export interface BossReveal {
  challengeId: string;
  /** By private rank. */
  rows: RevealRow[];
  /** The boss's health after the class's best hit (0 = defeated). */
  bossHealth: number;
  revealedAt: number;
}

export function buildReveal(challengeId: string, players: readonly RevealPlayer[], tuning: BossTuning, now: number): BossReveal {
  const byId = new Map(players.map((p) => [p.playerId, p]));
  const rows = shakeUp(players).flatMap((r): RevealRow[] => {
    const p = byId.get(r.playerId);
    const pub = p && bestPublic(p.own);
    const counted = p && privateEntry(p.own, p.selected);
    if (!p || !pub || !counted) return [];
    const hit = bossHit(counted, tuning);
    return [{ ...r, nickname: p.nickname, public: pub.public, private: counted.private, train: counted.train, submissionId: counted.submissionId, hit, stars: bossStars(hit) }];
  });
  const bossHealth = rows.reduce((h, r) => Math.min(h, r.hit.health), 100);
  return { challengeId, rows, bossHealth, revealedAt: now };
}
