/**
 * Training throughput of the small reference CNN on the WASM backend (with our gradient kernels)
 * versus the pure-JS CPU backend, in Node. Run: npx tsx bench/wasm-train.ts
 *
 * Model: conv2d 8@3x3 relu → maxPool 2 → conv2d 16@3x3 relu → maxPool 2 → flatten → dense 10
 * softmax; 320 random 64x64x1 samples, batch 32, adam, 2 epochs. Both backends start from the
 * same weights and data, so the final losses should agree too.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradKernels } from '../models/wasm-kernels';

const SAMPLES = 320;
const BATCH = 32;
const EPOCHS = 2;
const SIDE_PX = 64;
const CLASSES = 10;
const SEED = 7;

function buildCnn(): tf.Sequential {
  const model = tf.sequential();
  const init = (i: number) => tf.initializers.glorotUniform({ seed: SEED + i });
  model.add(tf.layers.conv2d({ inputShape: [SIDE_PX, SIDE_PX, 1], filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: init(0) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init(1) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: init(2) }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return model;
}

/** Deterministic pseudo-random data (same on every backend). */
function makeData(): { x: Float32Array; labels: Int32Array } {
  let s = 12345;
  const next = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const x = Float32Array.from({ length: SAMPLES * SIDE_PX * SIDE_PX }, next);
  const labels = Int32Array.from({ length: SAMPLES }, () => Math.floor(next() * CLASSES));
  return { x, labels };
}

interface Run {
  backend: string;
  samplesPerSec: number;
  epochSeconds: number[];
  finalLoss: number;
}

async function runOn(backend: string, data: ReturnType<typeof makeData>): Promise<Run> {
  await tf.setBackend(backend);
  await tf.ready();
  const model = buildCnn();
  const xs = tf.tensor4d(data.x, [SAMPLES, SIDE_PX, SIDE_PX, 1]);
  const ys = tf.oneHot(tf.tensor1d(data.labels, 'int32'), CLASSES);
  const epochSeconds: number[] = [];
  let t = performance.now();
  const startMs = t;
  const history = await model.fit(xs, ys, {
    epochs: EPOCHS,
    batchSize: BATCH,
    shuffle: false,
    verbose: 0,
    callbacks: {
      onEpochEnd: async () => {
        const now = performance.now();
        epochSeconds.push((now - t) / 1000);
        t = now;
      },
    },
  });
  const totalS = (performance.now() - startMs) / 1000;
  const losses = history.history['loss'] as number[];
  xs.dispose();
  ys.dispose();
  model.dispose();
  return { backend, samplesPerSec: (SAMPLES * EPOCHS) / totalS, epochSeconds, finalLoss: losses[losses.length - 1] ?? NaN };
}

async function main(): Promise<void> {
  registerWasmGradKernels();
  const data = makeData();
  const runs: Run[] = [];
  for (const backend of ['wasm', 'cpu']) {
    const run = await runOn(backend, data);
    runs.push(run);
    const epochs = run.epochSeconds.map((s) => s.toFixed(2)).join(', ');
    console.log(
      `${backend.padEnd(4)}: ${run.samplesPerSec.toFixed(1)} samples/s (epochs ${epochs} s), final loss ${run.finalLoss.toFixed(5)}`,
    );
  }
  const [wasm, cpu] = runs;
  if (wasm && cpu) console.log(`wasm / cpu: ${(wasm.samplesPerSec / cpu.samplesPerSec).toFixed(1)}x`);
}

await main();
