/**
 * Calibration of the autoencoder challenges: trains candidate specs in Node with the app's loop on
 * WASM, scores them on the server's hidden test photos (and noise) and prints score, stars, code
 * length, parameters and training time (wall and CPU). Also prints the mean-photo baseline the
 * score is measured against, and with --sizes the same dense and convolutional autoencoders at
 * 32×32 and 64×64.
 *
 *   node --import tsx bench/autoencoder.ts [--backend wasm|cpu] [--sizes] [--codes 2,8,16] [--epochs 15] [name ...]
 *
 * Names: default, known-good (each challenge's presets), dense, conv, transpose (sweeps over --codes).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AUTOENCODER_CHALLENGE, DENOISE_CHALLENGE } from '../game/autoencoder-challenges';
import { forChallenge } from '../game/challenge-data';
import type { ModelChallenge } from '../game/challenges';
import { meanImage, meanImageErrors } from '../models/autoencoder';
import type { BackendName } from '../models/backend';
import { loadSplitFromDisk } from '../models/dataset-node';
import { defaultSpec, knownGoodSpec } from '../models/presets';
import { convAutoencoder, denseAutoencoder } from '../models/presets-autoencoder';
import type { ModelSpec } from '../models/spec';
import { useBackend } from '../tests/unit/challenges/harness';
import { DATA_DIR, runAutoencoder } from '../tests/unit/challenges/autoencoder-harness';
import { testExamples } from '../server/scoring/test-split';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'wasm' },
    sizes: { type: 'boolean', default: false },
    codes: { type: 'string', default: '2,8,16,32' },
    epochs: { type: 'string', default: '15' },
    lr: { type: 'string', default: '0.003' },
    denoise: { type: 'boolean', default: false },
  },
});

const backend = await useBackend(values.backend as BackendName);
console.log(`backend ${backend}, Node ${process.version}`);
const epochs = Number(values.epochs);
const lr = Number(values.lr);
const codes = values.codes.split(',').map(Number);
const t = (e = epochs) => ({ loss: 'meanSquaredError' as const, optimizer: { type: 'adam' as const, learningRate: lr }, batchSize: 32, epochs: e, seed: 1 });

/** The mean training photo's error on the hidden test photos: the score's zero. */
function baseline(c: ModelChallenge): number {
  if (c.data.type !== 'images') return NaN;
  const train = forChallenge(c, loadSplitFromDisk(join(DATA_DIR, c.data.dataset), 'train').data, 'train');
  const test = testExamples(DATA_DIR, c);
  if (!('images' in test)) return NaN;
  const errors = meanImageErrors(meanImage(train), test);
  return errors.reduce((s, e) => s + e, 0) / errors.length;
}

async function report(c: ModelChallenge, name: string, spec: ModelSpec) {
  const r = await runAutoencoder(c, spec, { check: false });
  console.log(
    `${c.id.padEnd(11)} ${String(c.inputShape[0]).padStart(2)}px score ${r.score.toFixed(3)} (${r.correct}/${r.total} beat the mean photo)  stars ${r.stars}  ` +
      `code ${String(r.code).padStart(3)}  params ${String(r.paramCount).padStart(6)}  epochs ${r.epochs}  train ${(r.trainMs / 1000).toFixed(1)} s (cpu ${(r.trainCpuMs / 1000).toFixed(1)} s)  ${name}`,
  );
}

const sized = (c: ModelChallenge, side: number): ModelChallenge =>
  c.data.type === 'images' ? { ...c, data: { ...c.data, size: side }, inputShape: [side, side, 1] } : c;

const challenges = values.denoise ? [DENOISE_CHALLENGE] : [AUTOENCODER_CHALLENGE, DENOISE_CHALLENGE];
for (const c of challenges) console.log(`${c.id}: mean-photo MSE on the test photos ${baseline(c).toPrecision(6)}`);

if (values.sizes) {
  for (const side of [32, 64]) {
    const c = sized(AUTOENCODER_CHALLENGE, side);
    for (const k of codes) await report(c, `dense 128, code ${k}`, denseAutoencoder(side, k, 128, t()));
    // The known-good's shape; at 64x64 its decoder's first dense layer (16x16x16 = 4,096 units) is
    // past SPEC_LIMITS.maxUnits, so this size could not even be submitted as it is.
    for (const k of codes) await report(c, `conv 8-16, code ${k}`, convAutoencoder(side, k, [8, 16], t()));
  }
}
const names = positionals.length ? positionals : values.sizes ? [] : ['default', 'known-good'];
for (const c of challenges) {
  for (const name of names) {
    if (name === 'default') await report(c, name, defaultSpec(c.id as 'autoencoder'));
    else if (name === 'known-good') await report(c, name, knownGoodSpec(c.id as 'autoencoder'));
    else {
      for (const k of codes) {
        const spec = name === 'dense' ? denseAutoencoder(32, k, 64, t()) : convAutoencoder(32, k, [8, 16], t(), name === 'transpose');
        await report(c, `${name}, code ${k}`, spec);
      }
    }
  }
}
