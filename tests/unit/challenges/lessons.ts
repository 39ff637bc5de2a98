/**
 * Variants of the presets that show each challenge's lesson: the default with the one change the
 * concept card is about, and what happens part-way there. Trained by bench/challenges.ts (printed)
 * and, where cheap, by models.test.ts (asserted).
 */
import type { ModelChallengeId } from '../../../game/challenges';
import type { Stars } from '../../../game/stars';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { Activation, ModelSpec } from '../../../models/spec';
import { SEQUENCE_LESSONS } from './sequence-lessons';

export interface Lesson {
  name: string;
  spec: () => ModelSpec;
  /** The stars it earned from seeds 1-3 when measured, lowest and highest. */
  stars: readonly [Stars, Stars];
}

const hiddenActivation = (spec: ModelSpec, activation: Activation): ModelSpec => ({
  ...spec,
  layers: spec.layers.map((l, i) => (l.type === 'dense' && i < spec.layers.length - 1 ? { ...l, activation } : l)),
});
const training = (spec: ModelSpec, t: Partial<ModelSpec['training']>): ModelSpec => ({ ...spec, training: { ...spec.training, ...t } });
const dense = (units: number, activation: Activation) => ({ type: 'dense' as const, units, activation });

export const LESSONS: Partial<Record<ModelChallengeId, Lesson[]>> = {
  'logic-gates': [
    {
      name: 'one neuron, five times the epochs (still one line)',
      spec: () => training(defaultSpec('logic-gates'), { epochs: 100 }),
      stars: [0, 0],
    },
    {
      name: 'a hidden layer of 3 tanh (17 parameters)',
      spec: () => {
        const s = knownGoodSpec('logic-gates');
        return { ...s, layers: [dense(3, 'tanh'), ...s.layers.slice(1)] };
      },
      stars: [2, 2],
    },
  ],
  'depth-width': [
    {
      name: 'one wide layer of 128 ReLUs (642 parameters)',
      spec: () => {
        const s = knownGoodSpec('depth-width');
        return { ...s, layers: [dense(128, 'relu'), ...s.layers.slice(2)] };
      },
      stars: [0, 1],
    },
  ],
  activations: [{ name: 'the default with ReLU', spec: () => hiddenActivation(defaultSpec('activations'), 'relu'), stars: [3, 3] }],
  losses: [
    { name: 'the default (MSE) for 10 epochs', spec: () => training(defaultSpec('losses'), { epochs: 10 }), stars: [2, 2] },
  ],
  'batch-epochs': [8, 16, 32].map((batchSize) => ({
    name: `the default with batches of ${batchSize}`,
    spec: () => training(defaultSpec('batch-epochs'), { batchSize }),
    stars: batchSize === 8 ? ([1, 3] as const) : batchSize === 16 ? ([0, 2] as const) : ([0, 2] as const),
  })),
  'sign-01': [
    {
      name: 'logistic regression trained properly (Adam 0.003, 15 epochs)',
      spec: () => training(defaultSpec('sign-01'), { optimizer: { type: 'adam', learningRate: 0.003 }, epochs: 15 }),
      stars: [0, 1],
    },
  ],
  ...SEQUENCE_LESSONS,
};
