/**
 * The scoring worker's job for a GAN challenge (issue 18): rebuild the generator (and the
 * discriminator, whose weights follow the generator's in the submitted bytes) from the stored spec,
 * load the submitted weights, and turn the server's own seeded noise into points. Only the points go
 * back; game/gan.ts compares them with the hidden target sample on the main thread. Nothing a
 * client generated is used: the client sends a spec and weights, never points.
 */
import type { ModelChallenge } from '../../game/challenges';
import { applyGanWeights, buildGan, disposeGan, generatePoints, type GanModels } from '../../models/gan';
import type { ModelSpec } from '../../models/spec';
import type { ApiError } from '../../protocol';
import { ganScoringNoise } from './test-split';
import type { ScoringJob, ScoringOutput } from './types';

const failure = (code: 'spec/invalid' | 'weights/invalid', message: string, issues?: ApiError['issues']): ScoringOutput => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export async function scoreGenerator(spec: ModelSpec, challenge: ModelChallenge, job: ScoringJob, started: number): Promise<ScoringOutput> {
  let models: GanModels | undefined;
  try {
    try {
      models = buildGan(spec);
    } catch (err) {
      const issues = (err as { issues?: ApiError['issues'] }).issues;
      return failure('spec/invalid', `the models could not be built: ${(err as Error).message}`, issues);
    }
    const applied = applyGanWeights(models, job.weights);
    if (!applied.ok) return failure('weights/invalid', 'the weights do not fit the two models', applied.issues);
    const points = await generatePoints(models, ganScoringNoise(challenge, models.noiseDim));
    return { ok: true, predictions: new Int32Array(0), points, workerMs: performance.now() - started };
  } finally {
    if (models) disposeGan(models);
  }
}
