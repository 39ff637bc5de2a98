/**
 * A round's own rules for one submission (after membership, deadline and the submission limit):
 * the round's challenge, its locked hyper-parameters, and, where the locks make the server train the
 * spec itself, how long that training may be. Locks exist only on challenges the server retrains
 * (settings.ts), so a spec that follows them here is then trained with exactly these settings.
 */
import type { ModelSpec } from '../../models/spec';
import { getModelChallenge } from '../challenges';
import { retrainCostProblem } from '../verification';
import { lockedMismatches, type RoundSettings } from './settings';
import type { RoomError } from './types';

/** What a player submits to a round, as far as the room's rules look at it. */
export interface RoundEntryInput {
  challengeId: string;
  /** The validated model spec; null for a play challenge's entry (no hyper-parameters to lock). */
  spec: ModelSpec | null;
}

/** Why the round refuses this entry; null when it follows the round's rules. */
export function entryProblem(settings: RoundSettings, entry: RoundEntryInput): RoomError | null {
  const { challengeId, spec } = entry;
  if (settings.challengeId !== challengeId) {
    return { code: 'round/wrong_challenge', message: `this round's challenge is ${settings.challengeId}, not ${challengeId}` };
  }
  const mismatches = spec ? lockedMismatches(settings.locked, spec) : [];
  if (mismatches.length > 0) {
    const issues = mismatches.map((m) => ({ path: m.path, message: `${m.path}: the host locked it to ${m.expected}, got ${String(m.got)}` }));
    return { code: 'round/locked_hyper', message: `locked by the host: ${mismatches.map((m) => m.path).join(', ')}`, issues };
  }
  // With locks the server trains the spec itself: how long it trains is bounded, as in solo.
  const challenge = getModelChallenge(challengeId);
  const problem = challenge && spec ? retrainCostProblem(challenge, spec, settings.locked) : null;
  return problem && { code: problem.code, message: problem.message, issues: problem.issues };
}
