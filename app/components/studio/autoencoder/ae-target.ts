/**
 * What the studio asks of an autoencoder challenge (objective 'reconstruct'): its last layer
 * rebuilds the input, so shapes are checked and models built against the input's shape instead of
 * a class count (models/shapes.ts OutputTarget). Pure; the studio, its problems and its worker use it.
 */
import type { ModelChallenge } from '../../../../game/challenges';

export const reconstructs = (c: Pick<ModelChallenge, 'objective'>): boolean => c.objective === 'reconstruct';

/** inferShapes' third argument: the class count, or the input's shape for an autoencoder. */
export const outputTargetOf = (c: Pick<ModelChallenge, 'objective' | 'inputShape' | 'numClasses'>): number | readonly number[] =>
  reconstructs(c) ? c.inputShape : c.numClasses;
