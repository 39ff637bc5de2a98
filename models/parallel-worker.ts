/**
 * Replicas in Web Workers: `serveReplica` is a replica worker's whole body; `startWorkerPeers`
 * starts them from the training worker and speaks to them as GradientPeers. The worker's script
 * comes from the caller (`make`), so the app's bundler and the benches' each bundle their own.
 */
import { selectBackend, type BackendChoice } from './backend';
import type { BackendName } from './backend-names';
import type { GradientPeer, ShardRequest, ShardResult } from './parallel';
import { createReplica, variableSizes, type Replica, type ReplicaInit } from './replica';
import { canShareMemory, createSharedBlock, serveShared, sharedPeer, type SharedBlock } from './shared-channel';

export type ToReplica =
  | { type: 'init'; init: ReplicaInit; backend: BackendName; threads: number; wasmPath?: string }
  | { type: 'grads'; id: number; req: ShardRequest }
  /** From now on, steps come through shared memory (the worker blocks in serveShared). */
  | { type: 'shared'; block: SharedBlock };

export type FromReplica =
  | { type: 'ready'; threads: number }
  | { type: 'grads'; id: number; result: ShardResult }
  | { type: 'error'; id?: number; message: string };

interface Port {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(msg: unknown, transfer?: Transferable[]): void;
}

/** A replica worker's body: starts the backend the loop trains on, then answers each step. */
export function serveReplica(scope: Port): void {
  let replica: Replica | undefined;
  const post = (msg: FromReplica, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
  const fail = (err: unknown, id?: number) => post({ type: 'error', ...(id !== undefined ? { id } : {}), message: err instanceof Error ? err.message : String(err) });
  scope.onmessage = (e: MessageEvent<ToReplica>) => {
    const msg = e.data;
    if (msg.type === 'init') {
      startReplica(msg).then((r) => {
        replica = r.replica;
        post({ type: 'ready', threads: r.threads });
      }, fail);
      return;
    }
    if (msg.type === 'shared') {
      const r = replica;
      if (!r) return fail(new Error('replica: shared memory came before init'));
      return serveShared(msg.block, (req) => r.gradients(req));
    }
    try {
      if (!replica) throw new Error('replica: a step came before init');
      const result = replica.gradients(msg.req);
      // Only arrays that own their whole (unshared) buffer can be handed over rather than copied.
      const own = result.grads.filter((g) => g.buffer instanceof ArrayBuffer && g.byteOffset === 0 && g.byteLength === g.buffer.byteLength);
      post({ type: 'grads', id: msg.id, result }, own.map((g) => g.buffer as ArrayBuffer));
    } catch (err) {
      fail(err, msg.id);
    }
  };
}

async function startReplica(msg: Extract<ToReplica, { type: 'init' }>): Promise<{ replica: Replica; threads: number }> {
  // Only the loop's backend may start here: a replica on another would compute other numbers.
  const only = (name: BackendName) => ({ available: msg.backend === name });
  const probe = { webgpu: only('webgpu'), webgl: only('webgl'), wasm: only('wasm') };
  const choice = await selectBackend({ prefer: msg.backend, probe, wasmThreads: msg.threads, ...(msg.wasmPath ? { wasmPath: msg.wasmPath } : {}) });
  if (choice.backend !== msg.backend) throw new Error(`replica: ${msg.backend} did not start here (${choice.reasons.join('; ')})`);
  const threads = choice.wasm?.threads ?? 1;
  return { replica: createReplica(msg.init), threads };
}

/** A peer that waits longer than this for its worker has lost it (a crash leaves no message). */
const STEP_TIMEOUT_MS = 60_000;

function workerPeer(worker: Worker): GradientPeer {
  let next = 0;
  const waiting = new Map<number, { ok: (r: ShardResult) => void; fail: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const settle = (id: number | undefined, how: (w: { ok: (r: ShardResult) => void; fail: (e: Error) => void }) => void) => {
    const ids = id === undefined ? [...waiting.keys()] : [id];
    for (const i of ids) {
      const w = waiting.get(i);
      if (!w) continue;
      clearTimeout(w.timer);
      waiting.delete(i);
      how(w);
    }
  };
  worker.onmessage = (e: MessageEvent<FromReplica>) => {
    const m = e.data;
    if (m.type === 'grads') settle(m.id, (w) => w.ok(m.result));
    else if (m.type === 'error') settle(m.id, (w) => w.fail(new Error(m.message)));
  };
  worker.onerror = (e) => settle(undefined, (w) => w.fail(new Error(`replica worker: ${e.message}`)));
  return {
    gradients(req) {
      const id = next++;
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => settle(id, (w) => w.fail(new Error('replica worker: no answer'))), STEP_TIMEOUT_MS);
        waiting.set(id, { ok, fail, timer });
        worker.postMessage({ type: 'grads', id, req } satisfies ToReplica);
      });
    },
    close() {
      settle(undefined, (w) => w.fail(new Error('replica worker closed')));
      worker.terminate();
    },
  };
}

/** Starts one worker until it says it is ready; its WASM thread count comes back. */
function startOne(make: () => Worker, init: Omit<Extract<ToReplica, { type: 'init' }>, 'type'>, timeoutMs: number): Promise<{ worker: Worker; threads: number }> {
  const worker = make();
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('replica worker did not start in time')), timeoutMs);
    const done = (f: () => void) => {
      clearTimeout(timer);
      f();
    };
    worker.onmessage = (e: MessageEvent<FromReplica>) => {
      const m = e.data;
      if (m.type === 'ready') done(() => ok({ worker, threads: m.threads }));
      else if (m.type === 'error') done(() => fail(new Error(m.message)));
    };
    worker.onerror = (e) => done(() => fail(new Error(`replica worker: ${e.message}`)));
    worker.postMessage({ type: 'init', ...init } satisfies ToReplica);
  }).catch((err: unknown) => {
    worker.terminate();
    throw err;
  }) as Promise<{ worker: Worker; threads: number }>;
}

/** With `shared` (variable sizes, most rows a shard) and memory that can be shared, steps go through it. */
function peerOf(worker: Worker, shared: { sizes: number[]; maxRows: number } | undefined): GradientPeer {
  if (!shared || !canShareMemory()) return workerPeer(worker);
  const block = createSharedBlock(shared.sizes, shared.maxRows);
  worker.postMessage({ type: 'shared', block } satisfies ToReplica);
  return sharedPeer(block, () => worker.terminate());
}

/**
 * Starts `count` replica workers and resolves once all are ready; if one fails, all are closed and
 * the promise rejects (the loop then trains alone). `threads`: each worker's WASM threads.
 */
export async function startWorkerPeers(
  make: () => Worker,
  count: number,
  init: Omit<Extract<ToReplica, { type: 'init' }>, 'type'>,
  shared?: { sizes: number[]; maxRows: number },
  timeoutMs = 60_000,
): Promise<{ peers: GradientPeer[]; threads: number[] }> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startOne(make, init, timeoutMs)));
  const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    for (const s of ok) s.worker.terminate();
    throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  }
  return { peers: ok.map((s) => peerOf(s.worker, shared)), threads: ok.map((s) => s.threads) };
}


export interface RunPeers {
  peers: GradientPeer[];
  /** Threads training in all: this thread's WASM threads plus every replica's. */
  threads: number;
  /** Set when replicas were planned but could not start (the run then trains alone). */
  reason?: string;
}

/**
 * The replicas for one training run: `replicas - 1` workers beside this thread (planReplicas), on
 * WASM only (a GPU is one device whatever the cores). Never throws: if one cannot start, none is used.
 */
export async function peersForRun(opts: {
  make: () => Worker;
  backend: BackendName;
  replicas: number;
  threadsEach: number;
  /** This thread's WASM threads (the backend choice's). */
  ownThreads: number;
  init: ReplicaInit;
  wasmPath?: string;
}): Promise<RunPeers> {
  const alone = { peers: [], threads: opts.ownThreads };
  if (opts.backend !== 'wasm' || opts.replicas <= 1) return alone;
  try {
    const base = { init: opts.init, backend: opts.backend, threads: opts.threadsEach, ...(opts.wasmPath ? { wasmPath: opts.wasmPath } : {}) };
    const shared = { sizes: variableSizes(opts.init), maxRows: opts.init.spec.training.batchSize };
    const { peers, threads } = await startWorkerPeers(opts.make, opts.replicas - 1, base, shared);
    return { peers, threads: threads.reduce((a, b) => a + b, opts.ownThreads) };
  } catch (err) {
    return { ...alone, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The backend choice as the badge shows it with `run`'s replicas: every thread that trains, and why none if they failed. */
export function withReplicas(choice: BackendChoice, run: RunPeers): BackendChoice {
  if (!choice.wasm) return choice;
  const reasons = run.reason ? [...choice.reasons, `replicas: ${run.reason}`] : choice.reasons;
  return { ...choice, reasons, wasm: { ...choice.wasm, threads: run.threads, replicas: run.peers.length + 1 } };
}
