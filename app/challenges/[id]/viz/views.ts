/** Which teaching views the 2-D studio shows for a challenge, beside the decision boundary. */
import type { ModelChallenge } from '../../../../game/challenges';

export interface Views2d {
  /** The AND / OR / XOR practice switch and the neuron panel (logic gates). */
  gates: boolean;
  /** Per-layer gradient magnitudes (the activation showdown). */
  gradients: boolean;
  /** The previous run beside this one: from the start (losses), or once there is a previous run. */
  compare: 'always' | 'afterRun';
  /** Samples seen against the budget, steps per epoch, per-batch loss (batch size and epochs). */
  budget: boolean;
}

export function views2d(challenge: ModelChallenge): Views2d {
  return {
    gates: challenge.data.type === 'gate',
    gradients: challenge.id === 'activations',
    compare: challenge.id === 'losses' ? 'always' : 'afterRun',
    budget: challenge.budget.maxSamplesSeen !== undefined,
  };
}

/** True for challenges whose examples are points in the plane (2-D points, gate inputs). */
export const isPlanar = (challenge: ModelChallenge) => challenge.inputShape.length === 1 && challenge.inputShape[0] === 2;
