/**
 * The server's own training run (server/scoring/scorer.ts, the scoring worker's code, in-process
 * on tfjs WASM): time per retrain of each retrained challenge's default and known-good spec, the
 * score and stars the server would give, and the most expensive spec a challenge accepts.
 *
 *   node --import tsx bench/retrain.ts [--repeat 3] [--unbounded]
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { CHALLENGE_IDS, generatedTrainCount, getModelChallenge, modelChallenge, type ModelChallengeId } from '../game/challenges';
import { scoreFromPredictions } from '../game/scoring';
import { modelStars } from '../game/stars';
import { MAX_SERVER_LAYER_STEPS, scoringPlan } from '../game/verification';
import { defaultSpec, knownGoodSpec } from '../models/presets';
import type { ModelSpec } from '../models/spec';
import { inferShapes } from '../models/shapes';
import { createScorer } from '../server/scoring/scorer';
import { testExamples } from '../server/scoring/test-split';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '3' }, unbounded: { type: 'boolean', default: false } } });
const DATA = join(import.meta.dirname, '..', 'data');

await tf.setBackend('wasm');
await tf.ready();
const scorer = createScorer(DATA);
const retrained = CHALLENGE_IDS.filter((id): id is ModelChallengeId => {
  const c = getModelChallenge(id);
  return c !== undefined && scoringPlan(c).retrain;
});

async function time(id: ModelChallengeId, name: string, spec: ModelSpec): Promise<void> {
  const c = modelChallenge(id);
  const shapes = inferShapes(spec, c.inputShape, c.numClasses);
  if (!shapes.ok) throw new Error('bad spec');
  const weights = new Uint8Array(shapes.totalParams * 4);
  const labels = testExamples(DATA, c).labels;
  const ms: number[] = [];
  let line = '';
  for (let i = 0; i < Number(values.repeat); i++) {
    const out = await scorer.score({ challengeId: id, specJson: JSON.stringify(spec), weights, retrain: true });
    if (!out.ok || !out.run) throw new Error(JSON.stringify(out));
    ms.push(out.workerMs);
    const scored = scoreFromPredictions(out.predictions, labels);
    if (!scored.ok) throw new Error(scored.message);
    const stars = modelStars(c, { score: scored.value.score, paramCount: shapes.totalParams, spec, run: out.run });
    line = `score ${(100 * scored.value.score).toFixed(1)} %, ${stars} stars, ${out.run.epochs} epochs, ${out.run.samplesSeen} samples, train ${out.run.trainMs.toFixed(0)} ms`;
  }
  const t = spec.training;
  console.log(`${id.padEnd(13)} ${name.padEnd(11)} batch ${String(t.batchSize).padStart(3)} × ${String(t.epochs).padStart(3)} epochs: worker ${ms.map((m) => m.toFixed(0)).join(' / ')} ms; ${line}; tensors ${tf.memory().numTensors}`);
}

for (const id of retrained) {
  await time(id, 'default', defaultSpec(id));
  await time(id, 'known-good', knownGoodSpec(id));
}
// The most a submission may ask of the server (MAX_SERVER_LAYER_STEPS): batches of 1 for as many epochs
// as fit, on losses and, in a locked round, on the deepest 2-D network (activations); and what one
// such run would cost without the bound (200 epochs of losses in batches of 1: 80,000 steps).
const steps = (id: ModelChallengeId) => Math.floor(MAX_SERVER_LAYER_STEPS / ((generatedTrainCount(modelChallenge(id)) ?? 1) * knownGoodSpec(id).layers.length));
for (const id of ['losses', 'activations', 'depth-width'] as const) {
  const spec = knownGoodSpec(id);
  await time(id, 'most steps', { ...spec, training: { ...spec.training, batchSize: 1, epochs: steps(id) } });
}
if (values.unbounded) {
  const spec = knownGoodSpec('losses');
  await time('losses', 'unbounded', { ...spec, training: { ...spec.training, batchSize: 1, epochs: 200 } });
}
scorer.dispose();
