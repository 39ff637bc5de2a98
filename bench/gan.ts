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
import { gaussianNoise } from '../models/gan-noise';
import { GAN_DEFAULT, GAN_KNOWN_GOOD, ganSpec } from '../models/presets-gan';
import type { ModelSpec } from '../models/spec';
import { modeCoverage, slicedWasserstein } from '../game/gan';
import { sampleTarget, targetModes } from '../game/gan-data';
import { useBackend } from '../tests/unit/challenges/harness';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'wasm' },
    seeds: { type: 'string' },
    epochs: { type: 'string' },
    train: { type: 'string', default: '2000' },
  },
});

const SPECS: Record<string, () => ModelSpec> = {
  default: () => GAN_DEFAULT,
  good: () => GAN_KNOWN_GOOD,
};

const backend = await useBackend(values.backend as BackendName);
console.log(`backend ${backend}, Node ${process.version}`);
const names = positionals.length ? positionals : Object.keys(SPECS);
const real = sampleTarget('ring', Number(values.train), 11);
const hidden = sampleTarget('ring', 2000, 999);
const noise = (dim: number) => gaussianNoise(2000, dim, 777);

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
    const pts = await generatePoints(g, noise(g.noiseDim));
    disposeGan(g);
    const swd = slicedWasserstein(pts, hidden, { projections: 32, seed: 5 });
    const m = modeCoverage(pts, targetModes('ring'), { radius: 0.25, minShare: 0.25 });
    console.log(`${name.padEnd(10)} seed ${seed} swd ${swd.toFixed(4)} modes ${m.covered} near ${(m.nearShare * 100).toFixed(0)}% counts ${m.counts.join(',')} rounds ${r.steps} d ${r.dLoss.toFixed(3)} g ${r.gLoss.toFixed(3)} train ${(r.elapsedMs / 1000).toFixed(1)} s cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s tensors ${tf.memory().numTensors}`);
  }
}
