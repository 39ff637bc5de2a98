/**
 * Challenge definitions: which data set, what a model may spend, how it is scored.
 * Pure data and rules; the server and the UI both read these.
 */

export type ChallengeId = 'sign-digits';

export interface ChallengeBudget {
  /** Most trainable parameters a submitted model may have. */
  maxParams: number;
  /** Most layers a submitted model may have. */
  maxLayers: number;
}

export interface ChallengeDef {
  id: ChallengeId;
  /** Name of the data set folder under data/ (manifest.json, train.bin, val.bin, test.bin). */
  dataset: string;
  /** Input shape of one example, without the batch dimension. */
  inputShape: readonly [number, number, number];
  numClasses: number;
  budget: ChallengeBudget;
  /** Test accuracy (0..1) the challenge asks for; the paper's result for Sign Digits. */
  goalAccuracy: number;
}

export const CHALLENGES: Readonly<Record<ChallengeId, ChallengeDef>> = {
  'sign-digits': {
    id: 'sign-digits',
    dataset: 'sign-digits',
    inputShape: [64, 64, 1],
    numClasses: 10,
    budget: { maxParams: 250_000, maxLayers: 16 },
    goalAccuracy: 0.98,
  },
};

export function isChallengeId(value: string): value is ChallengeId {
  return Object.hasOwn(CHALLENGES, value);
}

export function getChallenge(id: string): ChallengeDef | undefined {
  return isChallengeId(id) ? CHALLENGES[id] : undefined;
}
