/**
 * What the sequence challenges teach, as variants of their presets (tests/unit/challenges/
 * lessons.ts spreads them in): the recurrent layer swapped, trained longer, or attention without
 * positional encoding. Stars: lowest and highest measured (bench/challenges.ts --lessons).
 */
import type { ModelChallengeId } from '../../../game/challenges';
import { defaultSpec, knownGoodSpec } from '../../../models/presets';
import type { LayerSpec, ModelSpec } from '../../../models/spec';
import type { Lesson } from './lessons';

const withLayers = (spec: ModelSpec, layers: LayerSpec[]): ModelSpec => ({ ...spec, layers });
const withTraining = (spec: ModelSpec, t: Partial<ModelSpec['training']>): ModelSpec => ({ ...spec, training: { ...spec.training, ...t } });
const out: LayerSpec = { type: 'dense', units: 10, activation: 'softmax' };

export const SEQUENCE_LESSONS: Partial<Record<ModelChallengeId, Lesson[]>> = {
  memory: [
    {
      // 94 / 73 / 18 % at lengths 5 / 10 / 20: short sequences only.
      name: 'the plain RNN trained four times longer at a gentler rate',
      spec: () => withTraining(defaultSpec('memory'), { epochs: 20, optimizer: { type: 'adam', learningRate: 0.003 } }),
      stars: [0, 1],
    },
    {
      name: 'an LSTM of 32 instead of the GRU, 4 epochs',
      spec: () => withLayers(knownGoodSpec('memory'), [{ type: 'lstm', units: 32, returnSequences: false }, out]),
      // 100 / 100 / 91.7 % (three stars); 100 / 100 / 87 % (two) before the training lengths came in bands.
      stars: [2, 3],
    },
  ],
  attention: [
    {
      name: 'a GRU of 48 (near the budget) for 20 epochs',
      spec: () => withTraining(withLayers(defaultSpec('attention'), [{ type: 'gru', units: 48, returnSequences: false }, out]), { epochs: 20 }),
      // 37.0 %: it learns the training sequences by heart (loss falls) but not the lookup.
      stars: [0, 0],
    },
    {
      name: 'the attention layer with positional encoding off',
      spec: () => {
        const s = knownGoodSpec('attention');
        return withLayers(s, s.layers.map((l) => (l.type === 'selfAttention' ? { ...l, positional: false } : l)));
      },
      stars: [0, 0],
    },
  ],
};
