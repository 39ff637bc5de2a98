/**
 * Benchmark 1a: training throughput in headless Chromium. For each model and backend, samples/s of
 * the app's training loop (models/train.ts) vs tfjs's plain model.fit in the same Web Worker, on
 * the same backend, model, data and batch size; the ratio is the app's overhead (target ≥ 0.95).
 * Also tf.memory().numTensors after epoch 1 vs the last epoch (target: equal).
 *
 * Usage: npm run bench:throughput -- [--models cnn,dense] [--backends wasm,webgl,webgpu,cpu]
 *        [--batches N] [--epochs N] [--rounds N]   (overrides apply to every backend)
 *        [--isolated]   (COOP/COEP headers, which the app does not send: tfjs loads its threaded
 *        WASM build, with half the logical cores as threads: 1 on this 2-core machine)
 */
import { openBenchBrowser } from './lib/browser';
import { emit, listArg, machine, numArg, parseArgs, round, table } from './lib/stats';
import type { MethodRun } from './browser/worker';
import { benchSpec } from './specs';
import type { BackendName } from '../models/backend-names';

interface Plan {
  /** Training batches per epoch (batch size 32). */
  batches: number;
  epochs: number;
  /** Rounds of (app, fit), alternating which goes first. */
  rounds: number;
  /** Untimed batches of each method first, so kernels and shaders are compiled. */
  warmup: number;
}

/**
 * Fast backends train whole batches for a few epochs; slow ones (software GPU, tfjs CPU train the
 * CNN at 1-6 samples/s here) only a few, so the run stays in minutes. The dense model is fast on all.
 */
const CNN_PLAN: Record<BackendName, Plan> = {
  wasm: { batches: 10, epochs: 3, rounds: 2, warmup: 2 },
  webgl: { batches: 3, epochs: 2, rounds: 2, warmup: 1 },
  webgpu: { batches: 2, epochs: 2, rounds: 2, warmup: 1 },
  cpu: { batches: 2, epochs: 2, rounds: 2, warmup: 1 },
};
const DENSE_PLAN: Record<BackendName, Plan> = {
  wasm: { batches: 20, epochs: 3, rounds: 2, warmup: 2 },
  webgl: { batches: 20, epochs: 2, rounds: 2, warmup: 2 },
  webgpu: { batches: 10, epochs: 2, rounds: 2, warmup: 2 },
  cpu: { batches: 10, epochs: 2, rounds: 2, warmup: 2 },
};

interface ThroughputResult {
  available: boolean;
  backend: string;
  software?: boolean;
  reasons?: string[];
  runs?: MethodRun[];
  tensorsAtEnd?: number;
  /** tfjs WASM threads (1 unless the page is cross-origin isolated). */
  threads?: number;
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  const args = parseArgs();
  const models = listArg(args, 'models', ['cnn', 'dense']);
  const backends = listArg(args, 'backends', ['wasm', 'webgl', 'webgpu', 'cpu']) as BackendName[];
  const env = machine();
  console.log(`training throughput in Chromium, ${env.cores} cores (${env.cpu}), load ${env.load}`);
  // --isolated: serve with COOP/COEP, as the app would need for tfjs's multi-threaded WASM build.
  const isolated = args.has('isolated');
  const browser = await openBenchBrowser(args.has('quiet'), isolated);
  const rows: Record<string, unknown>[] = [];
  try {
    for (const model of models) {
      for (const backend of backends) {
        const plan = (model === 'dense' ? DENSE_PLAN : CNN_PLAN)[backend];
        const batches = numArg(args, 'batches', plan.batches);
        const epochs = numArg(args, 'epochs', plan.epochs);
        const rounds = numArg(args, 'rounds', plan.rounds);
        const spec = benchSpec(model);
        const samples = batches * spec.training.batchSize;
        const res = await browser.run<ThroughputResult>({ type: 'throughput', backend, spec, samples, epochs, rounds, warmupBatches: plan.warmup });
        if (!res.available || !res.runs) {
          rows.push({ model, backend, note: `not available: fell back to ${res.backend}; ${res.reasons?.join('; ')}` });
          continue;
        }
        const app = res.runs.filter((r) => r.method === 'app');
        const fit = res.runs.filter((r) => r.method === 'fit');
        const appSps = median(app.map((r) => r.samplesPerSecond));
        const fitSps = median(fit.map((r) => r.samplesPerSecond));
        const tensors = app[0]?.tensorsByEpoch ?? [];
        const row = {
          model,
          backend: `${backend}${res.software ? ' (software)' : ''}${isolated ? ' (isolated)' : ''}${res.threads && res.threads > 1 ? ` ${res.threads} threads` : ''}`,
          batches: `${batches}x${epochs} ep x${rounds}`,
          appSps: round(appSps, 1),
          fitSps: round(fitSps, 1),
          ratio: round(appSps / fitSps, 3),
          tensorsEpoch1: tensors[0],
          tensorsLast: tensors.at(-1),
          leakAfterRuns: (res.tensorsAtEnd ?? 0),
        };
        rows.push(row);
        emit('throughput', { ...row, appRuns: app.map((r) => round(r.samplesPerSecond, 1)), fitRuns: fit.map((r) => round(r.samplesPerSecond, 1)), load: env.load });
      }
    }
  } finally {
    await browser.close();
  }
  console.log(table(rows));
  console.log('batches = training batches per epoch (batch 32) x epochs x rounds; slow backends get few on purpose. ratio = app / fit (target >= 0.95).');
  console.log('leakAfterRuns = tensors still alive in the worker after every run and the data are disposed (0 = none leaked).');
}

await main();
