/**
 * The scoring worker's job for a GAN challenge (issue 18): rebuild the generator (and the
 * discriminator, whose weights follow the generator's in the submitted bytes) from the stored spec,
 * load the submitted weights, and turn the server's own seeded noise into samples. For the points
 * GAN only the points go back; game/gan.ts compares them with the hidden target sample on the main
 * thread. For a GAN of photos the generator is asked for each digit in turn and the server's judge
 * (models/judge.ts, read once per worker from data/judges/) reads every photo; the photos and the
 * judge's probabilities go back to game/gan-digits.ts. Nothing a client generated is used: the
 * client sends a spec and weights, never samples.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { ModelChallenge } from '../../game/challenges';
import { ganIO } from '../../game/gan-challenges';
import { applyGanWeights, buildGan, disposeGan, generate, type GanModels } from '../../models/gan';
import { judgeProbabilities, loadJudge } from '../../models/judge';
import type { ModelSpec } from '../../models/spec';
import type { ApiError } from '../../protocol';
import { ganScoringClasses, ganScoringNoise } from './test-split';
import type { ScoringJob, ScoringOutput } from './types';

const failure = (code: 'spec/invalid' | 'weights/invalid', message: string, issues?: ApiError['issues']): ScoringOutput => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** The folder of the judge of a challenge's generated photos. */
export const JUDGE_DIR = join('judges', 'sign-digits-16');

/** The shipped judge, loaded on first use and kept (one per scorer). */
export function createJudgeCache(dataDir: string): { get(): tf.Sequential; dispose(): void } {
  let judge: tf.Sequential | null = null;
  return {
    get() {
      judge ??= loadJudge(readFileSync(join(dataDir, JUDGE_DIR, 'spec.json'), 'utf8'), new Uint8Array(readFileSync(join(dataDir, JUDGE_DIR, 'weights.bin'))));
      return judge;
    },
    dispose() {
      judge?.dispose();
      judge = null;
    },
  };
}

export async function scoreGenerator(spec: ModelSpec, challenge: ModelChallenge, job: ScoringJob, started: number, judge: () => tf.Sequential): Promise<ScoringOutput> {
  let models: GanModels | undefined;
  try {
    try {
      models = buildGan(spec, ganIO(challenge));
    } catch (err) {
      const issues = (err as { issues?: ApiError['issues'] }).issues;
      return failure('spec/invalid', `the models could not be built: ${(err as Error).message}`, issues);
    }
    const applied = applyGanWeights(models, job.weights);
    if (!applied.ok) return failure('weights/invalid', 'the weights do not fit the two models', applied.issues);
    const classes = ganScoringClasses(challenge);
    const points = await generate(models, ganScoringNoise(challenge, models.noiseDim), classes);
    const judged = classes ? await judgeProbabilities(judge(), points) : undefined;
    return { ok: true, predictions: new Int32Array(0), points, ...(judged && { judged }), workerMs: performance.now() - started };
  } finally {
    if (models) disposeGan(models);
  }
}
