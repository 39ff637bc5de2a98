/**
 * Bundled (esbuild) into a bare page by tests/e2e/sequence-backends.test.ts: trains each sequence
 * layer with the app's own builder and loop on one tfjs backend in Chromium and reports the losses.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { buildModel } from '../../../models/build';
import type { LayerSpec, ModelSpec } from '../../../models/spec';
import { trainModel } from '../../../models/train';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { SEQ_MODELS, memoryExamples, STEPS, VOCAB, CLASSES } from './models';

export interface SeqRun {
  name: string;
  /** Mean training loss of each epoch. */
  losses: number[];
  error?: string;
}
export interface BackendReport {
  backend: string;
  started: boolean;
  reason?: string;
  runs: SeqRun[];
}

const spec = (layers: LayerSpec[], epochs: number): ModelSpec => ({
  version: 1,
  layers: [...layers, { type: 'dense', units: CLASSES, activation: 'softmax' }],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.03 }, batchSize: 16, epochs, seed: 3 },
});

/** `examples` sequences, `epochs` passes, batches of 16. */
async function runAll(backend: string, examples: number, epochs: number): Promise<BackendReport> {
  setWasmPaths('/wasm/');
  registerWasmGradKernels();
  try {
    if (!(await tf.setBackend(backend))) return { backend, started: false, reason: 'setBackend returned false', runs: [] };
    await tf.ready();
  } catch (err) {
    return { backend, started: false, reason: (err as Error).message, runs: [] };
  }
  const runs: SeqRun[] = [];
  const { xs, labels } = memoryExamples(examples);
  for (const [name, layers] of Object.entries(SEQ_MODELS)) {
    const data = tf.tidy(() => ({ xs: tf.tensor3d(xs, [examples, STEPS, VOCAB]), ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES).toFloat() as tf.Tensor2D }));
    try {
      const s = spec(layers, epochs);
      const model = buildModel(s, { inputShape: [STEPS, VOCAB], numClasses: CLASSES });
      const result = await trainModel(model, s, data, undefined);
      model.dispose();
      runs.push({ name, losses: result.history.map((h) => h.loss) });
    } catch (err) {
      runs.push({ name, losses: [], error: (err as Error).message });
    } finally {
      tf.dispose([data.xs, data.ys]);
    }
  }
  return { backend: tf.getBackend(), started: true, runs };
}

(globalThis as unknown as { runSeq: typeof runAll }).runSeq = runAll;
