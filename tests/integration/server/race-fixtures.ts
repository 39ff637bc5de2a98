/** One optimizer-race entry tuned per surface: the race's well-played example in tests that need a quick, server-replayed score. */
import type { RaceEntry } from '../../../game/solo/play';

export const TUNED_RACE: RaceEntry = {
  kind: 'race',
  surfaces: {
    bowl: { optimizer: 'gd', learningRate: 0.5, momentum: 0.5 },
    ravine: { optimizer: 'adagrad', learningRate: 2, momentum: 0.5 },
    saddle: { optimizer: 'rmsprop', learningRate: 0.3, momentum: 0.5 },
    rosenbrock: { optimizer: 'adam', learningRate: 1, momentum: 0.9 },
  },
};
