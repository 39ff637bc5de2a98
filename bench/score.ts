/**
 * Benchmark 3: server scoring. The real server runs in its own process (socket.io, SQLite, piscina
 * pool on tfjs WASM; bench/lib/server-child.ts) and real socket.io clients submit the default CNN.
 * Per pool size: a cold first submission, one-at-a-time latency (p50/p95), then `burst` players
 * submitting at the same instant (a class at the buzzer): latency p50/p95/max from emit to
 * `submission:result`, submissions scored per second, server CPU and peak RSS (VmHWM).
 *
 * Usage: npm run bench:score -- [--workers 1,2] [--runs 10] [--burst 40] [--model cnn|cnn4|dense|tiny]
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelChallenge } from '../game/challenges';
import { buildModel } from '../models/build';
import { serializeWeights } from '../models/weights';
import { registerPlayer, submitAndWait, type Client } from './lib/clients';
import { startServerProcess } from './lib/server-process';
import { emit, listArg, machine, numArg, parseArgs, round, summary, table } from './lib/stats';
import { benchSpec } from './specs';

const args = parseArgs();
const runs = numArg(args, 'runs', 10);
const burst = numArg(args, 'burst', 40);
const workerCounts = listArg(args, 'workers', ['1', '2']).map(Number);
const modelName = args.get('model') ?? 'cnn';
const spec = benchSpec(modelName);
const challenge = modelChallenge('sign-digits');

await tf.setBackend('cpu');
const model = buildModel(spec, { inputShape: challenge.inputShape, numClasses: challenge.numClasses });
const payload = { challengeId: 'sign-digits', spec, weights: new Uint8Array(serializeWeights(model)) };
const params = model.countParams();
model.dispose();

async function measure(workers: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-bench-score-'));
  const server = await startServerProcess({ databaseFile: join(dir, 'arena.db'), scoringWorkers: workers });
  const clients: Client[] = [];
  try {
    for (let i = 0; i < burst; i++) clients.push((await registerPlayer(server.url, `bench${i}`)).socket);
    const first = clients[0] as Client;
    const cold = await submitAndWait(first, payload);
    if (cold.result.status !== 'scored') throw new Error(`cold submission ${cold.result.status}: ${JSON.stringify(cold.result.error)}`);
    const single: number[] = [];
    for (let i = 0; i < runs; i++) single.push((await submitAndWait(clients[i % clients.length] as Client, payload)).ms);
    const idle = server.memory();
    const cpu0 = server.cpuSeconds();
    const t0 = performance.now();
    const results = await Promise.all(clients.map((c) => submitAndWait(c, payload)));
    const makespanS = (performance.now() - t0) / 1000;
    const cpuS = server.cpuSeconds() - cpu0;
    const failed = results.filter((r) => r.result.status !== 'scored').length;
    const s = summary(single, 0);
    const b = summary(results.map((r) => r.ms), 0);
    const row = {
      workers,
      coldMs: round(cold.ms, 0),
      singleP50: s.p50,
      singleP95: s.p95,
      burst: burst,
      burstP50: b.p50,
      burstP95: b.p95,
      burstMax: b.max,
      perSecond: round(burst / makespanS, 2),
      cpuUtil: round(cpuS / makespanS, 2),
      failed,
      idleRssMiB: round(idle.rssMiB, 0),
      peakRssMiB: round(server.memory().peakRssMiB, 0),
    };
    emit('score', { model: modelName, params, ...row, load: machine().load });
    return row;
  } finally {
    for (const c of clients) c.disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const env = machine();
console.log(`server scoring, ${modelName} (${params} params), ${env.cores} cores (${env.cpu}), load ${env.load}`);
const rows: Record<string, unknown>[] = [];
for (const w of workerCounts) rows.push(await measure(w));
console.log(table(rows));
console.log('ms from emit to submission:result; perSecond = burst / (last result - burst start); cpuUtil = server CPU seconds / wall seconds during the burst; peak RSS = VmHWM of the server process (its scoring threads included).');
