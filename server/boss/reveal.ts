/**
 * Builds and stores a reveal inside the caller's transaction: the scope's submissions with their
 * hidden accuracies, everyone's picks, the pure game/boss reveal, and the stars it earns.
 */
import { buildReveal, type BossReveal, type RevealPlayer } from '../../game/boss/reveal';
import type { BossConfig } from '../../game/boss/levels';
import type { Db } from '../db';
import { recordStars } from '../progress';
import { placeScope, revealScope, type BossPlace } from '../../game/boss/scope';
import { allPicks, placeSubmissions, writeReveal, type OwnedBossSubmission } from './store';

function groupByPlayer(subs: readonly OwnedBossSubmission[]): Map<string, OwnedBossSubmission[]> {
  const out = new Map<string, OwnedBossSubmission[]>();
  for (const s of subs) out.set(s.playerId, [...(out.get(s.playerId) ?? []), s]);
  return out;
}

/**
 * `players`: who takes part (a room's players, or the one solo player) with their display names.
 * Returns null when none of them has a scored submission.
 */
export function revealAndStore(
  tx: Db,
  args: { place: BossPlace; challengeId: string; boss: BossConfig; players: ReadonlyMap<string, string>; onlyPlayer?: string; now: number },
): BossReveal | null {
  const { place, challengeId, boss, players, onlyPlayer, now } = args;
  const subs = groupByPlayer(placeSubmissions(tx, place, onlyPlayer));
  const picks = allPicks(tx, placeScope(place));
  const entries: RevealPlayer[] = [...subs.entries()].map(([playerId, own]) => ({
    playerId,
    nickname: players.get(playerId) ?? '?',
    own,
    selected: picks.get(playerId) ?? [],
  }));
  if (entries.length === 0) return null;
  const reveal = buildReveal(challengeId, entries, boss.tuning, now);
  writeReveal(tx, revealScope(place, onlyPlayer ?? ''), reveal);
  for (const row of reveal.rows) recordStars(tx, row.playerId, challengeId, row.stars, now);
  return reveal;
}
