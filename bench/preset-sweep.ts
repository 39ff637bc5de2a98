/**
 * Candidate Sign Digits specs side by side in Node (WASM, the app's loop): validation and hidden-test
 * accuracy after every epoch, wall and CPU seconds. On a shared machine the CPU time is the figure to
 * compare (WASM trains on one thread in Node); the first candidate is the baseline of the run.
 *
 *   npx tsx bench/preset-sweep.ts [--epochs 10] [--seed 42] [--stop-at 0.9] name ...   (names: bench/preset-candidates.ts)
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { modelChallenge } from '../game/challenges';
import { buildModel } from '../models/build';
import { evaluateLossAccuracy } from '../models/evaluate';
import { inferShapes } from '../models/shapes';
import { splitToTensors } from '../models/tensors';
import { trainModel } from '../models/train';
import { lossFunction } from '../models/build';
import { DATA_DIR, trainingExamples, useBackend } from '../tests/unit/challenges/harness';
import { testExamples } from '../server/scoring/test-split';
import { CANDIDATES } from './preset-candidates';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { epochs: { type: 'string' }, seed: { type: 'string' }, 'stop-at': { type: 'string' } } });
const challenge = modelChallenge('sign-digits');
await useBackend('wasm');
const { train, val } = trainingExamples(challenge);
const trainXy = splitToTensors(train, 10);
const valXy = splitToTensors(val, 10);
const testXy = splitToTensors(testExamples(DATA_DIR, challenge), 10);
const stopAt = values['stop-at'] ? Number(values['stop-at']) : undefined;

for (const name of positionals.length ? positionals : Object.keys(CANDIDATES)) {
  const make = CANDIDATES[name];
  if (!make) throw new Error(`unknown candidate ${name}`);
  const spec = make();
  if (values.epochs) spec.training.epochs = Number(values.epochs);
  if (values.seed) spec.training.seed = Number(values.seed);
  const shapes = inferShapes(spec, challenge.inputShape, 10);
  if (!shapes.ok) throw new Error(`${name}: ${shapes.issues.map((i) => i.message).join('; ')}`);
  const model = buildModel(spec, { inputShape: challenge.inputShape, numClasses: 10 });
  const lossFn = lossFunction(spec.training.loss);
  const cpu0 = process.cpuUsage();
  // Test evaluation is this bench's own cost: taken out of the wall and CPU figures.
  let evalMs = 0;
  let evalCpuUs = 0;
  const controller = new AbortController();
  const rows: string[] = [];
  const res = await trainModel(model, spec, trainXy, valXy, {
    onEpochEnd: async (e) => {
      const wall = (e.elapsedMs - evalMs) / 1000;
      const c = process.cpuUsage(cpu0);
      const cpu = (c.user + c.system - evalCpuUs) / 1e6;
      const t0 = performance.now();
      const e0 = process.cpuUsage();
      const test = await evaluateLossAccuracy(model, lossFn, testXy.xs, testXy.ys);
      evalMs += performance.now() - t0;
      const e1 = process.cpuUsage(e0);
      evalCpuUs += e1.user + e1.system;
      rows.push(`${e.epoch + 1}:${((e.valAcc ?? 0) * 100).toFixed(1)}/${(test.acc * 100).toFixed(1)}@${wall.toFixed(0)}s,cpu${cpu.toFixed(0)}`);
      console.log(`  ${name} ep ${e.epoch + 1} val ${(e.valAcc ?? 0).toFixed(3)} test ${test.acc.toFixed(3)} loss ${e.loss.toFixed(3)} t ${wall.toFixed(1)} s cpu ${cpu.toFixed(1)} s`);
      if (stopAt !== undefined && (e.valAcc ?? 0) >= stopAt) controller.abort();
    },
  }, controller.signal);
  const c = process.cpuUsage(cpu0);
  console.log(`RESULT ${name} params ${shapes.totalParams} epochs ${res.history.length} ${(res.samplesPerSecond).toFixed(1)} samples/s wall ${(res.elapsedMs / 1000).toFixed(0)} s cpu ${((c.user + c.system) / 1e6).toFixed(0)} s (test eval ${(evalMs / 1000).toFixed(0)} s) | ${rows.join(' ')}`);
  model.dispose();
}
tf.dispose([trainXy.xs, trainXy.ys, valXy.xs, valXy.ys, testXy.xs, testXy.ys]);
