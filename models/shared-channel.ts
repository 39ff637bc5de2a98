/**
 * A replica's step over shared memory instead of messages: the loop writes the weights and rows
 * into SharedArrayBuffers and wakes the replica with Atomics.notify; the replica writes its
 * gradient back and wakes the loop. Measured in bench:throughput, a message each way cost the
 * default CNN's step 2-4 ms to reach the replica and 4-9 ms to come back (worker event loops,
 * copies), a tenth of the step; here both are a memory copy. Only where memory can be shared
 * (a cross-origin isolated page); elsewhere the replicas use messages (parallel-worker.ts).
 */
import type { GradientPeer, ShardRequest, ShardResult } from './parallel';

/** ctrl slots: the request's number, the number answered (negative: failed), rows, augmentation seed. */
const SEQ = 0;
const DONE = 1;
const ROWS = 2;
const SEED = 3;
const CLOSED = -1;
const ERROR_BYTES = 512;

function writeError(buf: SharedArrayBuffer, err: unknown): void {
  const bytes = new TextEncoder().encode(err instanceof Error ? err.message : String(err)).subarray(0, ERROR_BYTES);
  const view = new Uint8Array(buf);
  view.fill(0);
  view.set(bytes);
}

function readError(buf: SharedArrayBuffer): string {
  const copy = new Uint8Array(buf).slice();
  const end = copy.indexOf(0);
  return new TextDecoder().decode(end < 0 ? copy : copy.subarray(0, end));
}

export interface SharedBlock {
  ctrl: SharedArrayBuffer;
  weights: SharedArrayBuffer;
  grads: SharedArrayBuffer;
  rows: SharedArrayBuffer;
  /** loss, accuracy, milliseconds (Float64). */
  meta: SharedArrayBuffer;
  /** A failed step's message, UTF-8, zero-padded. */
  error: SharedArrayBuffer;
  /** Each trainable variable's size, in order. */
  sizes: number[];
}

export const canShareMemory = (): boolean =>
  typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;

export function createSharedBlock(sizes: readonly number[], maxRows: number): SharedBlock {
  const total = sizes.reduce((a, b) => a + b, 0);
  return {
    ctrl: new SharedArrayBuffer(4 * 4),
    weights: new SharedArrayBuffer(4 * total),
    grads: new SharedArrayBuffer(4 * total),
    rows: new SharedArrayBuffer(4 * Math.max(1, maxRows)),
    meta: new SharedArrayBuffer(8 * 3),
    error: new SharedArrayBuffer(ERROR_BYTES),
    sizes: [...sizes],
  };
}

/** Views of `buf`, one per variable. */
function split(buf: SharedArrayBuffer, sizes: readonly number[]): Float32Array[] {
  let offset = 0;
  return sizes.map((n) => {
    const view = new Float32Array(buf, 4 * offset, n);
    offset += n;
    return view;
  });
}

/** The loop's side. `timeoutMs`: a replica silent this long is lost (a crash leaves no answer). */
export function sharedPeer(block: SharedBlock, close: () => void, timeoutMs = 60_000): GradientPeer {
  const ctrl = new Int32Array(block.ctrl);
  const weights = split(block.weights, block.sizes);
  const grads = split(block.grads, block.sizes);
  const rows = new Int32Array(block.rows);
  const meta = new Float64Array(block.meta);
  const answer = (seq: number): ShardResult => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = Atomics.load(ctrl, DONE);
      if (done === seq) break;
      if (done === -seq) throw new Error(readError(block.error) || 'replica worker: the step failed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('replica worker: no answer');
      Atomics.wait(ctrl, DONE, done, left);
    }
    return { grads: grads.map((g) => g.slice()), loss: meta[0] as number, acc: meta[1] as number, ms: meta[2] as number };
  };
  return {
    gradients(req: ShardRequest) {
      if (req.indices.length > rows.length) return Promise.reject(new Error(`replica: ${req.indices.length} rows exceed the shared block's ${rows.length}`));
      req.weights.forEach((w, j) => weights[j]?.set(w));
      rows.set(req.indices);
      Atomics.store(ctrl, ROWS, req.indices.length);
      Atomics.store(ctrl, SEED, req.augmentSeed | 0);
      const seq = Atomics.add(ctrl, SEQ, 1) + 1;
      Atomics.notify(ctrl, SEQ);
      // Waited for when the loop awaits it, after its own shard: the wait blocks this thread.
      return Promise.resolve().then(() => answer(seq));
    },
    close() {
      Atomics.store(ctrl, SEQ, CLOSED);
      Atomics.notify(ctrl, SEQ);
      close();
    },
  };
}

/**
 * The replica's side: answers every request until the loop closes the block. Blocks its thread
 * (Atomics.wait), so it is the last thing a replica worker does.
 */
export function serveShared(block: SharedBlock, step: (req: ShardRequest) => ShardResult): void {
  const ctrl = new Int32Array(block.ctrl);
  const weights = split(block.weights, block.sizes);
  const grads = split(block.grads, block.sizes);
  const rows = new Int32Array(block.rows);
  const meta = new Float64Array(block.meta);
  for (let last = 0; ; ) {
    Atomics.wait(ctrl, SEQ, last);
    const seq = Atomics.load(ctrl, SEQ);
    if (seq === CLOSED) return;
    if (seq === last) continue;
    last = seq;
    try {
      const r = step({ weights, indices: rows.slice(0, Atomics.load(ctrl, ROWS)), augmentSeed: Atomics.load(ctrl, SEED) });
      r.grads.forEach((g, j) => grads[j]?.set(g));
      meta.set([r.loss, r.acc, r.ms]);
      Atomics.store(ctrl, DONE, seq);
    } catch (err) {
      writeError(block.error, err);
      Atomics.store(ctrl, DONE, -seq);
    }
    Atomics.notify(ctrl, DONE);
  }
}
