/**
 * Benchmark 1a: training throughput in headless Chromium. For each model and backend, samples/s of
 * the app's training loop (models/train.ts) vs tfjs's plain model.fit in the same Web Worker, on
 * the same backend, model, data and batch size; the ratio is the app's overhead (target ≥ 0.95).
 * Also tf.memory().numTensors after epoch 1 vs the last epoch (target: equal).
 *
 * WASM runs four ways on the same model and data, each in a fresh page and worker: as the app
 * trains now (cross-origin isolated, a replica worker per core sharing every batch, planReplicas),
 * tfjs's own thread pool alone (one thread per core, one replica), single-threaded (isolated, one
 * thread) and as the app trained before isolation (not isolated, SIMD build, 1 thread); app ÷
 * single is the cores' gain (target ≥ 1.6 on 2 cores). With replicas the app's loop uses every
 * core and model.fit one, so their ratio is above 1 there. Other backends run isolated.
 *
 * Usage: npm run bench:throughput -- [--models cnn,dense] [--backends wasm,webgl,webgpu,cpu]
 *        [--wasm mt,pool,st,plain] [--threads N] (pool's thread count; default one per core)
 *        [--passes N]   (WASM: the variants N times over, alternating; medians of the passes)
 *        [--batches N] [--epochs N] [--rounds N]   (overrides apply to every backend)
 *        [--batch N]    (the model's batch size; default the spec's)
 */
import { openBenchBrowser, type BenchBrowser } from './lib/browser';
import { emit, listArg, machine, numArg, parseArgs, round, table } from './lib/stats';
import type { MethodRun } from './browser/worker';
import { benchSpec } from './specs';
import type { WasmThreads } from '../models/backend';
import type { BackendName } from '../models/backend-names';

interface Plan {
  /** Training batches per epoch. */
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
  /** WASM: isolation, threads support and the threads tfjs really used (getThreadsCount). */
  wasm?: WasmThreads;
}

/**
 * How a WASM run is set up: isolated or not, the thread count asked for (undefined: per core) and
 * whether replica workers share each batch as in the app (models/parallel.ts).
 */
const WASM_VARIANTS = {
  mt: { isolated: true, threads: undefined as number | undefined, replicas: true, note: 'isolated, as the app: replicas per core' },
  pool: { isolated: true, threads: undefined as number | undefined, replicas: false, note: "isolated, tfjs's thread pool only" },
  st: { isolated: true, threads: 1 as number | undefined, replicas: false, note: 'isolated, 1 thread' },
  plain: { isolated: false, threads: 1 as number | undefined, replicas: false, note: 'not isolated (before), SIMD' },
};
type WasmVariant = keyof typeof WASM_VARIANTS;

interface Measured {
  model: string;
  backend: BackendName;
  variant: WasmVariant | null;
  appSps: number;
  wasm?: WasmThreads;
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** One (model, backend, variant) run: its table row, its BENCH line and its figures for the summary. */
async function measure(
  browser: BenchBrowser, args: Map<string, string>, model: string, backend: BackendName, variant: WasmVariant | null, load: string,
): Promise<{ row: Record<string, unknown>; measured?: Measured }> {
  const plan = (model === 'dense' ? DENSE_PLAN : CNN_PLAN)[backend];
  const batches = numArg(args, 'batches', plan.batches);
  const epochs = numArg(args, 'epochs', plan.epochs);
  const rounds = numArg(args, 'rounds', plan.rounds);
  const base = benchSpec(model);
  // --batch: the same model at another batch size (replicas' shards grow with it).
  const spec = args.has('batch') ? { ...base, training: { ...base.training, batchSize: numArg(args, 'batch', base.training.batchSize) } } : base;
  const samples = batches * spec.training.batchSize;
  const v = variant ? WASM_VARIANTS[variant] : { isolated: true, threads: undefined, replicas: false, note: 'isolated' };
  const threads = variant === 'pool' && args.has('threads') ? numArg(args, 'threads', 0) : v.threads;
  const req = {
    type: 'throughput' as const, backend, spec, samples, epochs, rounds, warmupBatches: plan.warmup,
    ...(threads ? { wasmThreads: threads } : {}), ...(v.replicas ? { replicas: 'app' as const } : {}),
  };
  const res = await browser.run<ThroughputResult>(req, { isolated: v.isolated });
  if (!res.available || !res.runs) {
    return { row: { model, backend, note: `not available: fell back to ${res.backend}; ${res.reasons?.join('; ')}` } };
  }
  const app = res.runs.filter((r) => r.method === 'app');
  const fit = res.runs.filter((r) => r.method === 'fit');
  const appSps = median(app.map((r) => r.samplesPerSecond));
  const fitSps = median(fit.map((r) => r.samplesPerSecond));
  const tensors = app[0]?.tensorsByEpoch ?? [];
  const row = {
    model,
    backend: `${backend}${res.software ? ' (software)' : ''}`,
    setup: v.note,
    isolated: res.wasm?.isolated,
    mtSupport: res.wasm?.multithread,
    threads: res.wasm?.threads,
    replicas: res.wasm?.replicas ?? 1,
    batches: `${batches}x${epochs} ep x${rounds}`,
    appSps: round(appSps, 1),
    fitSps: round(fitSps, 1),
    ratio: round(appSps / fitSps, 3),
    tensorsEpoch1: tensors[0],
    tensorsLast: tensors.at(-1),
    leakAfterRuns: (res.tensorsAtEnd ?? 0),
  };
  emit('throughput', { ...row, appRuns: app.map((r) => round(r.samplesPerSecond, 1)), fitRuns: fit.map((r) => round(r.samplesPerSecond, 1)), load });
  return { row, measured: { model, backend, variant, appSps, ...(res.wasm ? { wasm: res.wasm } : {}) } };
}

/** Multi-threaded ÷ single-threaded (and ÷ before isolation) per model, from the same run. */
function threadGains(all: Measured[]): Record<string, unknown>[] {
  const models = [...new Set(all.map((m) => m.model))];
  return models.flatMap((model) => {
    // With --passes, each variant's figure is the median over the passes (they alternate in time).
    const of = (v: WasmVariant): Measured | undefined => {
      const runs = all.filter((m) => m.model === model && m.variant === v);
      return runs[0] && { ...runs[0], appSps: median(runs.map((r) => r.appSps)) };
    };
    const [mt, pool, st, plain] = [of('mt'), of('pool'), of('st'), of('plain')];
    if (!mt || (!st && !plain)) return [];
    const over = (a: Measured | undefined, b: Measured | undefined) => (a && b ? round(a.appSps / b.appSps, 2) : undefined);
    const gain = {
      model, threads: mt.wasm?.threads, replicas: mt.wasm?.replicas ?? 1, cores: mt.wasm?.cores,
      mtSps: round(mt.appSps, 1), poolSps: pool ? round(pool.appSps, 1) : undefined, stSps: st ? round(st.appSps, 1) : undefined, beforeSps: plain ? round(plain.appSps, 1) : undefined,
      mtOverSt: over(mt, st), poolOverSt: over(pool, st), mtOverBefore: over(mt, plain),
    };
    emit('throughput-threads', gain);
    return [gain];
  });
}

async function main(): Promise<void> {
  const args = parseArgs();
  const models = listArg(args, 'models', ['cnn', 'dense']);
  const backends = listArg(args, 'backends', ['wasm', 'webgl', 'webgpu', 'cpu']) as BackendName[];
  const variants = listArg(args, 'wasm', ['mt', 'pool', 'st', 'plain']).filter((v): v is WasmVariant => Object.hasOwn(WASM_VARIANTS, v));
  const passes = Math.max(1, numArg(args, 'passes', 1));
  const env = machine();
  console.log(`training throughput in Chromium, ${env.cores} cores (${env.cpu}), load ${env.load}`);
  const browser = await openBenchBrowser(args.has('quiet'));
  const rows: Record<string, unknown>[] = [];
  const measured: Measured[] = [];
  try {
    for (const model of models) {
      for (const backend of backends) {
        for (let pass = 0; pass < (backend === 'wasm' ? passes : 1); pass++) {
          for (const variant of backend === 'wasm' ? variants : [null]) {
            const out = await measure(browser, args, model, backend, variant, env.load);
            rows.push(out.row);
            if (out.measured) measured.push(out.measured);
          }
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(table(rows));
  console.log('batches = training batches per epoch x epochs x rounds; slow backends get few on purpose. ratio = app / fit (target >= 0.95).');
  console.log('isolated = crossOriginIsolated in the worker; mtSupport = tfjs WASM_HAS_MULTITHREAD_SUPPORT; threads = tfjs getThreadsCount().');
  console.log('leakAfterRuns = tensors still alive in the worker after every run and the data are disposed (0 = none leaked).');
  const gains = threadGains(measured);
  if (gains.length) {
    console.log(`\nWASM threads (app loop samples/s, same run, same model; load at start ${env.load}, at end ${machine().load}):`);
    console.log(table(gains));
    console.log('mtOverSt = as the app trains (replicas) / single-threaded, both isolated (target >= 1.6 on 2 cores); poolOverSt = tfjs\'s own threads only / single-threaded; mtOverBefore = / the SIMD build without isolation.');
  }
}

await main();
