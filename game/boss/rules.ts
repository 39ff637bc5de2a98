/**
 * The overfitting boss: a hidden test set split once per round into a public part (scored live) and a
 * private part (revealed at the end), the submissions a player picks for the private board, the
 * generalization gap, the boss's health, and the shake-up between the two boards. Pure and seeded.
 */
import { rankRows } from '../ranking';
import { mulberry32, shuffled } from '../random';

/** Share of the hidden test set scored live on the public board. */
export const PUBLIC_FRACTION = 0.3;
/** Most submissions a player may pick for the private board. */
export const MAX_SELECTED = 2;

export interface TestSplit {
  /** Sorted indices into the hidden test set. */
  publicIdx: number[];
  privateIdx: number[];
}

/**
 * Fixed by the round's seed (kept on the server, never sent before the reveal), stratified by label
 * so both parts keep the class balance.
 */
export function splitPublicPrivate(labels: ArrayLike<number>, seed: number, fraction = PUBLIC_FRACTION): TestSplit {
  const rand = mulberry32(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] ?? 0;
    byClass.set(c, [...(byClass.get(c) ?? []), i]);
  }
  const publicIdx: number[] = [];
  const privateIdx: number[] = [];
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const idx = shuffled(byClass.get(c) ?? [], rand);
    const cut = Math.round(idx.length * fraction);
    publicIdx.push(...idx.slice(0, cut));
    privateIdx.push(...idx.slice(cut));
  }
  return { publicIdx: publicIdx.sort((a, b) => a - b), privateIdx: privateIdx.sort((a, b) => a - b) };
}

/** Accuracy on the listed indices; 0 for an empty list. */
export function subsetAccuracy(predictions: ArrayLike<number>, labels: ArrayLike<number>, idx: readonly number[]): number {
  if (idx.length === 0) return 0;
  let correct = 0;
  for (const i of idx) if (predictions[i] === labels[i]) correct++;
  return correct / idx.length;
}

export interface BossSubmission {
  submissionId: string;
  /** Accuracy on the player's own training set, as the server measured it. */
  train: number;
  public: number;
  private: number;
  submittedAt: number;
}

export type SelectionError = { code: 'boss/too_many_selected' | 'boss/not_yours'; message: string };

/** Checks a player's pick for the private board: at most two of their own submissions. */
export function validateSelection(own: readonly BossSubmission[], selected: readonly string[]): SelectionError | null {
  const unique = [...new Set(selected)];
  if (unique.length > MAX_SELECTED) return { code: 'boss/too_many_selected', message: `pick at most ${MAX_SELECTED} submissions` };
  const ids = new Set(own.map((s) => s.submissionId));
  const stranger = unique.find((id) => !ids.has(id));
  return stranger ? { code: 'boss/not_yours', message: `submission ${stranger} is not one of yours` } : null;
}

/** Best public submission (ties: the earlier), the default pick when a player chose none. */
export function bestPublic(own: readonly BossSubmission[]): BossSubmission | undefined {
  return [...own].sort((a, b) => b.public - a.public || a.submittedAt - b.submittedAt)[0];
}

/** The submission that counts on the private board: the best private among the picks (or the default). */
export function privateEntry(own: readonly BossSubmission[], selected: readonly string[]): BossSubmission | undefined {
  const picked = own.filter((s) => selected.includes(s.submissionId));
  const pool = picked.length > 0 ? picked : [bestPublic(own)].filter((s): s is BossSubmission => s !== undefined);
  return [...pool].sort((a, b) => b.private - a.private || a.submittedAt - b.submittedAt)[0];
}

/** Train accuracy minus private accuracy: how much was memorized rather than learned. */
export const generalizationGap = (s: Pick<BossSubmission, 'train' | 'private'>) => s.train - s.private;

export interface BossHit {
  /** Private accuracy above the baseline, in points (0..100). */
  damage: number;
  /** Points the boss heals by, from the gap. */
  heal: number;
  /** Boss health left, 0..100 (100 = untouched). */
  health: number;
  line: BossLine;
}

export type BossLine = 'memorized' | 'underfit' | 'defeated' | 'scratched';

/** A round's boss, tuned from measured runs (plain vs regularized training on the same split). */
export interface BossTuning {
  /** Private accuracy plain training reaches on this round: the bar to beat (0..1). */
  baseline: number;
  /** Accuracy above the baseline that empties the health bar (0..1). */
  full: number;
  /** Points healed per point of generalization gap (train accuracy stays near 100 % on a tiny set). */
  healFactor: number;
}

/** One player's hit on the boss. */
export function bossHit(s: Pick<BossSubmission, 'train' | 'private'>, t: BossTuning): BossHit {
  const gap = generalizationGap(s);
  const damage = Math.max(0, (s.private - t.baseline) * 100);
  const heal = Math.max(0, gap * 100 * t.healFactor);
  const health = Math.min(100, Math.max(0, 100 - ((damage - heal) / (t.full * 100)) * 100));
  const line: BossLine = health === 0 ? 'defeated' : s.train < 0.6 ? 'underfit' : gap >= 0.2 ? 'memorized' : 'scratched';
  return { damage, heal, health, line };
}

export interface ShakeUpRow {
  playerId: string;
  publicRank: number;
  privateRank: number;
  /** Positive: climbed that many places at the reveal. */
  moved: number;
  gap: number;
}

/** Each player's place on the public board (best public) and on the private board (their pick). */
export function shakeUp(players: readonly { playerId: string; own: readonly BossSubmission[]; selected: readonly string[] }[]): ShakeUpRow[] {
  const withEntries = players.flatMap((p) => {
    const pub = bestPublic(p.own);
    const priv = privateEntry(p.own, p.selected);
    return pub && priv ? [{ playerId: p.playerId, pub, priv }] : [];
  });
  const rankBy = (pick: (x: (typeof withEntries)[number]) => BossSubmission, score: (s: BossSubmission) => number) =>
    new Map(rankRows(withEntries.map((x) => ({ playerId: x.playerId, score: score(pick(x)), submittedAt: pick(x).submittedAt }))).map((e) => [e.playerId, e.rank]));
  const pubRank = rankBy((x) => x.pub, (s) => s.public);
  const privRank = rankBy((x) => x.priv, (s) => s.private);
  return withEntries
    .map((x) => {
      const publicRank = pubRank.get(x.playerId) ?? 0;
      const privateRank = privRank.get(x.playerId) ?? 0;
      return { playerId: x.playerId, publicRank, privateRank, moved: publicRank - privateRank, gap: generalizationGap(x.priv) };
    })
    .sort((a, b) => a.privateRank - b.privateRank);
}
