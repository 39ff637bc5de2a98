/**
 * Calibration of the GAN challenge (issue 18): trains GAN specs in Node with the app's loop
 * (models/gan.ts) on the challenge's public training points, then measures the generator as the
 * server does (its own seeded noise against a hidden target sample) and prints the distance,
 * modes covered, score, stars and the training time (wall, and the process's CPU time).
 *
 *   node --import tsx bench/gan.ts [--backend wasm|cpu] [--seeds 1,2] [--epochs N] [name ...]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../models/backend';
import { buildGan, disposeGan, generatePoints, trainGan } from '../models/gan';
import { GAN_DEFAULT, GAN_KNOWN_GOOD, ganSpec } from '../models/presets-gan';
import type { ModelSpec } from '../models/spec';
import { modelChallenge } from '../game/challenges';
import { GAN_SCORING, ganOutcome, modeCoverage } from '../game/gan';
import { GAN_DATA } from '../game/gan-challenges';
import { ganTrainingPoints, targetModes } from '../game/gan-data';
import { ganScoringNoise, ganTargetSample } from '../server/scoring/test-split';
import { useBackend } from '../tests/unit/challenges/harness';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'wasm' },
    seeds: { type: 'string' },
    epochs: { type: 'string' },
  },
});

const SPECS: Record<string, () => ModelSpec> = {
  default: () => GAN_DEFAULT,
  good: () => GAN_KNOWN_GOOD,
  lsgan: () => ganSpec({ generator: [64, 64], discriminator: [64, 64], loss: 'meanSquaredError', gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 100 }),
  tanh: () => ganSpec({ generator: [32, 32], discriminator: [32, 32], activation: 'tanh', gLearningRate: 0.003, dLearningRate: 0.003, batchSize: 64, epochs: 100 }),
  d2: () => ganSpec({ generator: [64, 64], discriminator: [64, 64], dSteps: 2, gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 100 }),
  wide: () => ganSpec({ generator: [128, 128], discriminator: [128, 128], noiseDim: 4, gLearningRate: 0.0005, dLearningRate: 0.001, batchSize: 128, epochs: 150 }),
  b256: () => ganSpec({ generator: [64, 64], discriminator: [64, 64], gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 256, epochs: 200 }),
  ttur: () => ganSpec({ generator: [64, 64], discriminator: [64, 64], gLearningRate: 0.0005, dLearningRate: 0.002, batchSize: 128, epochs: 200 }),
  tanh128: () => ganSpec({ generator: [128, 128], discriminator: [128, 128], activation: 'tanh', gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 128, epochs: 200 }),
  collapse: () => ({ ...GAN_KNOWN_GOOD, gan: { ...GAN_KNOWN_GOOD.gan!, dSteps: 1 } }),
  small: () => ganSpec({ generator: [32, 32], discriminator: [32, 32], gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 50 }),
  d2ttur: () => ganSpec({ generator: [64, 64], discriminator: [64, 64], dSteps: 2, gLearningRate: 0.0005, dLearningRate: 0.002, batchSize: 64, epochs: 100 }),
  d3: () => ganSpec({ generator: [64, 64], discriminator: [64, 64], dSteps: 3, gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 64, epochs: 100 }),
  d2b128: () => ganSpec({ generator: [64, 64], discriminator: [64, 64], dSteps: 2, gLearningRate: 0.001, dLearningRate: 0.001, batchSize: 128, epochs: 200 }),
  sgd: () => ganSpec({ generator: [32, 32], discriminator: [32, 32], optimizer: 'sgd', gLearningRate: 0.05, dLearningRate: 0.05, batchSize: 64, epochs: 100 }),
  ls3: () => ganSpec({ generator: [64, 64, 64], discriminator: [64, 64], loss: 'meanSquaredError', noiseDim: 4, gLearningRate: 0.001, dLearningRate: 0.002, batchSize: 64, epochs: 100 }),
};

const backend = await useBackend(values.backend as BackendName);
console.log(`backend ${backend}, Node ${process.version}`);
const names = positionals.length ? positionals : Object.keys(SPECS);
const challenge = modelChallenge('gan');
const real = ganTrainingPoints(GAN_DATA);
const hidden = ganTargetSample(challenge);

for (const name of names) {
  const make = SPECS[name];
  if (!make) throw new Error(`no spec ${name}`);
  const base = make();
  for (const seed of values.seeds ? values.seeds.split(',').map(Number) : [base.training.seed]) {
    const spec: ModelSpec = { ...base, training: { ...base.training, seed, epochs: values.epochs ? Number(values.epochs) : base.training.epochs } };
    const g = buildGan(spec);
    const cpu0 = process.cpuUsage();
    const r = await trainGan(g, spec, real);
    const cpu = process.cpuUsage(cpu0);
    const pts = await generatePoints(g, ganScoringNoise(challenge, g.noiseDim));
    const params = g.generatorParams + g.discriminatorParams;
    disposeGan(g);
    const o = ganOutcome(challenge, pts, hidden ?? undefined, params);
    if (!o.ok) throw new Error(o.message);
    const m = o.measure;
    const counts = modeCoverage(pts, targetModes('ring'), GAN_SCORING.modes).counts;
    console.log(
      `${name.padEnd(9)} seed ${seed} swd ${m.distance.toFixed(4)} modes ${m.modesCovered} near ${(m.nearShare * 100).toFixed(0)}% score ${m.score.toFixed(3)} stars ${o.stars} ` +
        `params ${params} rounds ${r.steps} d ${r.dLoss.toFixed(3)} g ${r.gLoss.toFixed(3)} train ${(r.elapsedMs / 1000).toFixed(1)} s cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s ` +
        `tensors ${tf.memory().numTensors} counts ${counts.join(',')}`,
    );
  }
}
