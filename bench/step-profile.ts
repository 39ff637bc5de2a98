/**
 * CPU milliseconds of one training step per candidate spec (bench/preset-candidates.ts), in Node on
 * WASM, and where they go by kernel (tf.profile). How the input-gradient kernel was found and
 * checked: `npx tsx bench/step-profile.ts old s2 s2:64` (name[:batch size]).
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, createOptimizer, lossFunction } from '../models/build';
import { useBackend } from '../tests/unit/challenges/harness';
import { CANDIDATES } from '../bench/preset-candidates';
await useBackend('wasm');
for (const name of process.argv.slice(2)) {
  const [n, bsArg] = name.split(':');
  const spec = CANDIDATES[n!]!();
  const bs = Number(bsArg ?? spec.training.batchSize);
  const model = buildModel(spec, { inputShape: [64, 64, 1], numClasses: 10 });
  const opt = createOptimizer(spec.training.optimizer);
  const lossFn = lossFunction(spec.training.loss);
  const xs = tf.randomUniform([bs, 64, 64, 1]);
  const ys = tf.oneHot(tf.randomUniform([bs], 0, 10, 'int32') as tf.Tensor1D, 10).toFloat();
  const step = () => { const l = opt.minimize(() => lossFn(ys, model.apply(xs, { training: true }) as tf.Tensor).mean() as tf.Scalar, true); l!.dataSync(); l!.dispose(); };
  step(); step();
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const N = 10;
  for (let i = 0; i < N; i++) step();
  const c = process.cpuUsage(c0);
  const per = (c.user + c.system) / 1000 / N;
  const prof = await tf.profile(() => { step(); });
  const by = new Map<string, number>();
  for (const k of prof.kernels) by.set(k.name, (by.get(k.name) ?? 0) + (k.kernelTimeMs as number));
  const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  console.log(`${name}: cpu ${per.toFixed(0)} ms/batch of ${bs} = ${(bs * 1000 / per).toFixed(0)} samples/cpu-s (wall ${((performance.now() - t0) / N).toFixed(0)}); kernels ${prof.kernels.length}: ${top}`);
  model.dispose(); opt.dispose(); tf.dispose([xs, ys]);
}
