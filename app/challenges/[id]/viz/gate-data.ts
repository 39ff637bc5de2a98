/** Training data for a practice gate: the challenge's own table swapped for another gate's. */
import type { ModelChallenge } from '../../../../game/challenges';
import type { GateId } from '../../../../game/solo/data2d';
import { generatedSplits } from '../../../../game/challenge-data';
import type { FeatureSplit } from '../../../../models/challenge-data';

/** The gate a gate challenge scores, or null for other challenges. */
export function scoredGate(challenge: ModelChallenge): GateId | null {
  return challenge.data.type === 'gate' ? challenge.data.gate : null;
}

/**
 * Train and validation splits of `gate`, built like the challenge's own (same repeat), or null when
 * the challenge is not a gate challenge.
 */
export function gateSplits(challenge: ModelChallenge, gate: GateId): { train: FeatureSplit; val: FeatureSplit } | null {
  if (challenge.data.type !== 'gate') return null;
  return generatedSplits({ ...challenge, data: { ...challenge.data, gate } });
}
