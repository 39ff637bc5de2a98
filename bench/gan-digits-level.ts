/**
 * Calibration of the "gan-digits" challenge (issue 18): trains digit-GAN specs in Node with the
 * app's loop on the public 16×16 photos and scores the generator as the server does (its noise, the
 * shipped judge), every `--every` epochs and at the end: confidence, variety, digits covered,
 * score, stars and time.
 *
 *   npm run bench:gan-digits -- [--backend wasm] [--epochs N] [--every 5] [--seeds 1,2] [default|good ...]
 */
import { parseArgs } from 'node:util';
import type { BackendName } from '../models/backend';
import { GAN_DIGITS_DEFAULT, GAN_DIGITS_KNOWN_GOOD } from '../models/presets-gan';
import type { ModelSpec } from '../models/spec';
import type { DigitGanMeasure } from '../game/gan-digits';
import { runDigitGan } from '../tests/unit/challenges/gan-digits-harness';
import { useBackend } from '../tests/unit/challenges/harness';
import { machine } from './lib/stats';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { backend: { type: 'string', default: 'wasm' }, epochs: { type: 'string' }, every: { type: 'string', default: '5' }, seeds: { type: 'string', default: '1' } },
});
/** The known-good with other learning rates (generator, discriminator). */
const rates = (g: number, d: number): ModelSpec => ({
  ...GAN_DIGITS_KNOWN_GOOD,
  training: { ...GAN_DIGITS_KNOWN_GOOD.training, optimizer: { ...GAN_DIGITS_KNOWN_GOOD.training.optimizer, learningRate: g } },
  gan: { ...GAN_DIGITS_KNOWN_GOOD.gan!, discriminator: { ...GAN_DIGITS_KNOWN_GOOD.gan!.discriminator, optimizer: { ...GAN_DIGITS_KNOWN_GOOD.gan!.discriminator.optimizer, learningRate: d } } },
});
/** The known-good with tfjs's default Adam (beta1 0.9) in both models. */
const noBeta = (): ModelSpec => {
  const { beta1: _g, ...g } = GAN_DIGITS_KNOWN_GOOD.training.optimizer;
  const { beta1: _d, ...d } = GAN_DIGITS_KNOWN_GOOD.gan!.discriminator.optimizer;
  return { ...GAN_DIGITS_KNOWN_GOOD, training: { ...GAN_DIGITS_KNOWN_GOOD.training, optimizer: g }, gan: { ...GAN_DIGITS_KNOWN_GOOD.gan!, discriminator: { ...GAN_DIGITS_KNOWN_GOOD.gan!.discriminator, optimizer: d } } };
};
const SPECS: Record<string, ModelSpec> = {
  default: GAN_DIGITS_DEFAULT,
  good: GAN_DIGITS_KNOWN_GOOD,
  'beta0.9': noBeta(),
  'lr2-1': rates(0.002, 0.001),
  'lr2-05': rates(0.002, 0.0005),
};
const fmt = (m: DigitGanMeasure) =>
  `score ${m.score.toFixed(3)}  confidence ${m.confidence.toFixed(3)}  recognised ${(m.recognised * 100).toFixed(1)} %  variety ${m.variety.toFixed(2)} (spread ${m.spread.toFixed(4)})  digits ${m.digitsCovered}/10`;

const backend = await useBackend(values.backend as BackendName);
console.log(`bench gan-digits-level: ${backend}; machine ${JSON.stringify(machine())}`);
for (const name of positionals.length > 0 ? positionals : ['default', 'good']) {
  for (const seed of values.seeds.split(',').map(Number)) {
    const base = SPECS[name];
    if (!base) throw new Error(`unknown spec ${name}`);
    const epochs = values.epochs ? Number(values.epochs) : base.training.epochs;
    const spec: ModelSpec = { ...base, training: { ...base.training, epochs, seed } };
    const r = await runDigitGan(spec, Number(values.every));
    for (const c of r.curve) console.log(`  ${name} seed ${seed} epoch ${String(c.epoch).padStart(3)} ${(c.elapsedMs / 1000).toFixed(0).padStart(4)} s  ${fmt(c.measure)}  stars ${c.stars}`);
    console.log(`${name} seed ${seed}: ${epochs} epochs, ${r.rounds} rounds, ${r.params} params, ${(r.trainMs / 1000).toFixed(1)} s wall, ${(r.trainCpuMs / 1000).toFixed(1)} CPU s; ${fmt(r.measure)}; stars ${r.stars}`);
  }
}
