/// <reference lib="webworker" />
/**
 * The in-browser benchmark worker, bundled by esbuild (bench/lib/bundle.ts). It trains in a Web
 * Worker like the app's training.worker.ts, with the same modules: backend choice, builder, data
 * decoding, tensors and the app's own training loop (models/train.ts). tfjs's plain `model.fit`
 * runs in the same worker on the same backend, model, data and batch size as the baseline.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendChoice, type BackendName } from '../../models/backend';
import { planReplicas, stepWork, type GradientPeer } from '../../models/parallel';
import { peersForRun, withReplicas, type RunPeers } from '../../models/parallel-worker';
import { buildModel, createOptimizer, lossFunction } from '../../models/build';
import { decodeSplit, manifestSchema, type SplitData } from '../../models/dataset';
import type { ModelSpec } from '../../models/spec';
import { splitToTensors, type XY } from '../../models/tensors';
import { trainModel, type EpochLog } from '../../models/train';
import { serializeWeights } from '../../models/weights';

declare const self: DedicatedWorkerGlobalScope;

/** `wasmThreads`: ask tfjs WASM for this many threads (default: one per core, as the app does). */
export type BenchRequest =
  | {
      type: 'throughput';
      backend: BackendName;
      wasmThreads?: number;
      /** 'app': as the app trains (planReplicas: replica workers on WASM); absent: this thread alone. */
      replicas?: 'app';
      spec: ModelSpec;
      samples: number;
      epochs: number;
      rounds: number;
      warmupBatches: number;
    }
  | { type: 'accuracy'; backend: BackendName; wasmThreads?: number; replicas?: 'app'; spec: ModelSpec; epochs: number; capMs: number; stopAt: number }
  /** Milliseconds by kernel over `steps` training steps (tf.profile), after `warmup` untimed ones. */
  | { type: 'profile'; backend: BackendName; wasmThreads?: number; spec: ModelSpec; steps: number; warmup: number };

export interface KernelProfile {
  /** Wall milliseconds of the profiled steps, all kernels and the JS between them. */
  wallMs: number;
  /** Kernel name → summed kernelTimeMs over the profiled steps (a kernel built from other kernels counts them too). */
  kernels: Record<string, number>;
}

export interface MethodRun {
  method: 'app' | 'fit';
  ms: number;
  samplesPerSecond: number;
  /** tf.memory().numTensors at the end of each epoch (app loop only; fit gets no callback). */
  tensorsByEpoch: number[];
  tensorsAfter: number;
}

const INPUT_SHAPE = [64, 64, 1];
const CLASSES = 10;
const log = (text: string) => self.postMessage({ type: 'log', text });

async function fetchSplit(name: 'train' | 'val'): Promise<SplitData> {
  const base = '/datasets/sign-digits';
  const manifest = manifestSchema.parse(await (await fetch(`${base}/manifest.json`)).json());
  const bytes = await (await fetch(`${base}/${name}.bin`)).arrayBuffer();
  return decodeSplit(bytes, manifest, name);
}

function firstN(split: SplitData, n: number): SplitData {
  const count = Math.min(n, split.count);
  const size = split.height * split.width * split.channels;
  return { ...split, count, images: split.images.subarray(0, count * size), labels: split.labels.subarray(0, count) };
}

const withEpochs = (spec: ModelSpec, epochs: number): ModelSpec => ({ ...spec, training: { ...spec.training, epochs } });

async function runApp(spec: ModelSpec, data: XY, epochs: number, peers: readonly GradientPeer[] = []): Promise<MethodRun> {
  const model = buildModel(spec, { inputShape: INPUT_SHAPE, numClasses: CLASSES });
  const tensorsByEpoch: number[] = [];
  const t0 = performance.now();
  // The app's worker posts every batch to the page; so does this one.
  const result = await trainModel(model, withEpochs(spec, epochs), data, undefined, {
    onBatchEnd: (progress) => self.postMessage({ type: 'batch', progress }),
    onEpochEnd: () => void tensorsByEpoch.push(tf.memory().numTensors),
  }, undefined, { peers });
  const ms = performance.now() - t0;
  model.dispose();
  const samples = data.xs.shape[0] * result.history.length;
  return { method: 'app', ms, samplesPerSecond: (samples * 1000) / ms, tensorsByEpoch, tensorsAfter: tf.memory().numTensors };
}

async function runFit(spec: ModelSpec, data: XY, epochs: number): Promise<MethodRun> {
  const model = buildModel(spec, { inputShape: INPUT_SHAPE, numClasses: CLASSES });
  const optimizer = createOptimizer(spec.training.optimizer);
  model.compile({ optimizer, loss: spec.training.loss, metrics: ['accuracy'] });
  const t0 = performance.now();
  // Plain fit: no callbacks (a callback would add tfjs's 125 ms yield), shuffled each epoch.
  await model.fit(data.xs, data.ys, { epochs, batchSize: spec.training.batchSize, shuffle: true, verbose: 0 });
  const ms = performance.now() - t0;
  model.dispose();
  optimizer.dispose();
  return { method: 'fit', ms, samplesPerSecond: (data.xs.shape[0] * epochs * 1000) / ms, tensorsByEpoch: [], tensorsAfter: tf.memory().numTensors };
}

async function throughput(req: Extract<BenchRequest, { type: 'throughput' }>, data: XY, warm: XY, peers: readonly GradientPeer[]) {
  // Warm-up: kernels, shader programs and WASM code paths get compiled before any timing.
  await runApp(req.spec, warm, 1, peers);
  await runFit(req.spec, warm, 1);
  const runs: MethodRun[] = [];
  for (let r = 0; r < req.rounds; r++) {
    // Alternate the order so neither method always runs on a warmer (or hotter) machine.
    const app = (spec: ModelSpec, d: XY, e: number) => runApp(spec, d, e, peers);
    const order = r % 2 === 0 ? [app, runFit] : [runFit, app];
    for (const run of order) {
      const out = await run(req.spec, data, req.epochs);
      log(`${req.backend} ${out.method} round ${r + 1}: ${out.samplesPerSecond.toFixed(1)} samples/s`);
      runs.push(out);
    }
  }
  return runs;
}

async function accuracy(req: Extract<BenchRequest, { type: 'accuracy' }>, train: XY, val: XY, peers: readonly GradientPeer[]) {
  const model = buildModel(req.spec, { inputShape: INPUT_SHAPE, numClasses: CLASSES });
  const controller = new AbortController();
  const cap = setTimeout(() => controller.abort(), req.capMs);
  const epochs: EpochLog[] = [];
  try {
    const result = await trainModel(model, withEpochs(req.spec, req.epochs), train, val, {
      onBatchEnd: (progress) => self.postMessage({ type: 'batch', progress }),
      onEpochEnd: (e) => {
        epochs.push(e);
        log(`${req.backend} epoch ${e.epoch + 1}: val ${(e.valAcc ?? 0).toFixed(3)} at ${(e.elapsedMs / 1000).toFixed(0)} s`);
        // Once the highest threshold is reached, the rest of the run would only cost time.
        if ((e.valAcc ?? 0) >= req.stopAt) controller.abort();
      },
    }, controller.signal, { peers });
    const weights = serializeWeights(model);
    return { epochs, stopped: result.stopped, elapsedMs: result.elapsedMs, weights };
  } finally {
    clearTimeout(cap);
    model.dispose();
  }
}

/** One optimizer step on a batch, as models/train.ts takes it (minimize, then read the loss). */
async function profile(req: Extract<BenchRequest, { type: 'profile' }>, data: XY): Promise<KernelProfile> {
  const model = buildModel(req.spec, { inputShape: INPUT_SHAPE, numClasses: CLASSES });
  const optimizer = createOptimizer(req.spec.training.optimizer);
  const lossFn = lossFunction(req.spec.training.loss);
  const step = async () => {
    const loss = optimizer.minimize(() => lossFn(data.ys, model.apply(data.xs, { training: true }) as tf.Tensor).mean() as tf.Scalar, true);
    await loss?.data();
    loss?.dispose();
  };
  for (let i = 0; i < req.warmup; i++) await step();
  const kernels: Record<string, number> = {};
  const t0 = performance.now();
  for (let i = 0; i < req.steps; i++) {
    const info = await tf.profile(step);
    for (const k of info.kernels) kernels[k.name] = (kernels[k.name] ?? 0) + Number(k.kernelTimeMs);
  }
  const wallMs = performance.now() - t0;
  model.dispose();
  optimizer.dispose();
  return { wallMs, kernels };
}

/** As the app's training worker plans a run: how many replicas, and each one's WASM threads. */
const appPlan = (spec: ModelSpec) =>
  planReplicas({ cores: navigator.hardwareConcurrency, batchSize: spec.training.batchSize, work: stepWork(spec, INPUT_SHAPE, CLASSES) });

async function startPeers(req: Extract<BenchRequest, { type: 'throughput' | 'accuracy' }>, choice: BackendChoice, split: SplitData): Promise<RunPeers> {
  const plan = appPlan(req.spec);
  const own = choice.wasm?.threads ?? 1;
  if (req.replicas !== 'app') return { peers: [], threads: own };
  const make = () => new Worker(new URL('./peer.js', import.meta.url), { type: 'module' });
  const run = await peersForRun({ make, backend: choice.backend, ...plan, ownThreads: own, init: { spec: req.spec, inputShape: INPUT_SHAPE, numClasses: CLASSES, train: split }, wasmPath: '/tfjs-wasm/' });
  log(`replicas: ${run.peers.length + 1}, ${run.threads} threads in all${run.reason ? ` (replicas failed: ${run.reason})` : ''}`);
  return run;
}

async function handle(req: BenchRequest): Promise<void> {
  const threads = req.type !== 'profile' && req.replicas === 'app' ? appPlan(req.spec).threadsEach : req.wasmThreads;
  const choice = await selectBackend({ prefer: req.backend, wasmPath: '/tfjs-wasm/', ...(threads ? { wasmThreads: threads } : {}) });
  if (choice.backend !== req.backend) {
    self.postMessage({ type: 'result', available: false, backend: choice.backend, reasons: choice.reasons });
    return;
  }
  if (choice.wasm) {
    const { isolated, multithread, threads, cores } = choice.wasm;
    log(`wasm: crossOriginIsolated ${String(isolated)}, multithread support ${String(multithread)}, threads ${threads} of ${cores} cores`);
  }
  const trainSplit = await fetchSplit('train');
  if (req.type === 'throughput') {
    // The replicas hold the whole timed set; the warm-up's rows are its first ones.
    const split = firstN(trainSplit, req.samples);
    const data = splitToTensors(split, CLASSES);
    const warm = splitToTensors(firstN(trainSplit, req.warmupBatches * req.spec.training.batchSize), CLASSES);
    const run = await startPeers(req, choice, split);
    try {
      const runs = await throughput(req, data, warm, run.peers);
      tf.dispose([data.xs, data.ys, warm.xs, warm.ys]);
      const { wasm } = withReplicas(choice, run);
      self.postMessage({ type: 'result', available: true, backend: choice.backend, software: choice.software, runs, tensorsAtEnd: tf.memory().numTensors, wasm });
    } finally {
      for (const p of run.peers) p.close();
    }
    return;
  }
  if (req.type === 'profile') {
    const data = splitToTensors(firstN(trainSplit, req.spec.training.batchSize), CLASSES);
    const out = await profile(req, data);
    tf.dispose([data.xs, data.ys]);
    self.postMessage({ type: 'result', available: true, backend: choice.backend, wasm: choice.wasm, ...out });
    return;
  }
  const train = splitToTensors(trainSplit, CLASSES);
  const val = splitToTensors(await fetchSplit('val'), CLASSES);
  const run = await startPeers(req, choice, trainSplit);
  try {
    const out = await accuracy(req, train, val, run.peers);
    const { wasm } = withReplicas(choice, run);
    self.postMessage({ type: 'result', available: true, backend: choice.backend, software: choice.software, wasm, ...out }, [out.weights]);
  } finally {
    for (const p of run.peers) p.close();
  }
}

self.onmessage = (e: MessageEvent<BenchRequest>) => {
  handle(e.data).catch((err: unknown) => self.postMessage({ type: 'error', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }));
};
