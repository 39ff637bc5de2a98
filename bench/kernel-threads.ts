/**
 * Where a WASM training step's time goes, by kernel, on 1 thread and on N (issue 15: two threads
 * trained no faster than one). In headless Chromium, cross-origin isolated as the training pages
 * are, each thread count in a fresh page and worker; `passes` alternate the order. Prints each
 * kernel's ms per step at 1 and N threads and the ratio: a kernel near 1.0x runs on one thread.
 *
 * Usage: npx tsx bench/kernel-threads.ts [--model cnn] [--threads 2] [--steps 8] [--passes 2]
 */
import { openBenchBrowser } from './lib/browser';
import type { KernelProfile } from './browser/worker';
import { emit, machine, numArg, parseArgs, round, table } from './lib/stats';
import { benchSpec } from './specs';
import type { WasmThreads } from '../models/backend';

type Result = KernelProfile & { available: boolean; wasm?: WasmThreads };

const args = parseArgs();
const model = args.get('model') ?? 'cnn';
const threads = numArg(args, 'threads', 2);
const steps = numArg(args, 'steps', 8);
const passes = numArg(args, 'passes', 2);
const spec = benchSpec(model);
console.log(`kernel-threads: ${model}, batch ${spec.training.batchSize}, ${steps} steps per run, 1 vs ${threads} threads, ${passes} passes; machine ${JSON.stringify(machine())}`);

const browser = await openBenchBrowser(true, true);
const sums: Record<1 | 2, { wall: number; kernels: Map<string, number>; used: number[] }> = {
  1: { wall: 0, kernels: new Map(), used: [] },
  2: { wall: 0, kernels: new Map(), used: [] },
};
try {
  for (let p = 0; p < passes; p++) {
    for (const which of p % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const)) {
      const res = await browser.run<Result>({ type: 'profile', backend: 'wasm', wasmThreads: which === 1 ? 1 : threads, spec, steps, warmup: 3 }, { isolated: true });
      if (!res.available) throw new Error('wasm backend not available');
      const s = sums[which];
      s.wall += res.wallMs;
      s.used.push(res.wasm?.threads ?? 0);
      for (const [k, ms] of Object.entries(res.kernels)) s.kernels.set(k, (s.kernels.get(k) ?? 0) + ms);
    }
  }
} finally {
  await browser.close();
}
const per = (ms: number) => ms / (steps * passes);
const names = [...sums[1].kernels.keys()].sort((a, b) => (sums[1].kernels.get(b) ?? 0) - (sums[1].kernels.get(a) ?? 0));
const rows = names.slice(0, 15).map((k) => {
  const one = per(sums[1].kernels.get(k) ?? 0);
  const many = per(sums[2].kernels.get(k) ?? 0);
  return { kernel: k, 'ms/step 1 thread': round(one, 2), [`ms/step ${threads} threads`]: round(many, 2), gain: round(one / many, 2) };
});
console.log(table(rows));
const wall1 = per(sums[1].wall);
const wallN = per(sums[2].wall);
console.log(`wall per step (profiled): 1 thread ${round(wall1, 1)} ms, ${threads} threads ${round(wallN, 1)} ms, gain ${round(wall1 / wallN, 2)}x; threads really used: ${sums[1].used.join(',')} / ${sums[2].used.join(',')}`);
emit('kernel-threads', { model, threads, steps, passes, wall1, wallN, kernels: rows });
