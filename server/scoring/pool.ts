/**
 * The scoring worker pool: inference runs in worker threads (piscina), never on the event loop.
 * Workers run TypeScript through tsx's loader, inherited from the parent's execArgv
 * (`tsx server/index.ts` and `node --import tsx` both put it there); added if missing.
 * Jobs wait in a FairQueue (round-robin by owner, the submitting player) and piscina gets one per
 * worker, so each job's timeout starts when it can start running.
 */
import { Piscina } from 'piscina';
import { FairQueue } from './fair-queue';
import type { ScoringJob, ScoringOutput, ScoringWorkerData } from './types';

/**
 * A job still running this long after a worker took it is cancelled (its worker thread is
 * terminated). Time spent waiting for a free worker does not count: in a burst of 500 submissions
 * the last ones used to time out in the queue without being scored (bench:fanout, N = 500).
 */
export const SCORING_TIMEOUT_MS = 120_000;

/** Owner of jobs that name none (all share one turn). */
const NO_OWNER = '';

export interface ScoringPool {
  /** Scores `job` when its owner's turn comes (round-robin between owners with waiting jobs). */
  score(job: ScoringJob, owner?: string): Promise<ScoringOutput>;
  /** Jobs of `owner` waiting or running. */
  pending(owner: string): number;
  close(): Promise<void>;
}

function workerExecArgv(): string[] {
  const argv = process.execArgv;
  return argv.some((a) => a.includes('tsx')) ? argv : [...argv, '--import', 'tsx'];
}

function failed(err: unknown): ScoringOutput {
  const timedOut = (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError';
  return {
    ok: false,
    error: timedOut
      ? { code: 'scoring/timeout', message: `scoring took longer than ${SCORING_TIMEOUT_MS / 1000} s` }
      : { code: 'scoring/failed', message: `the scoring worker failed: ${(err as Error).message}` },
  };
}

type PoolOptions = { workers: number; dataDir: string; onError?: (err: unknown) => void };

function createPiscina(opts: PoolOptions): Piscina<ScoringJob, ScoringOutput> {
  const workerData: ScoringWorkerData = { dataDir: opts.dataDir };
  const pool = new Piscina<ScoringJob, ScoringOutput>({
    filename: new URL('./worker.ts', import.meta.url).href,
    minThreads: 1,
    maxThreads: opts.workers,
    // A worker keeps its WASM backend and test tensor; an idle timeout would throw that away.
    idleTimeout: Number.POSITIVE_INFINITY,
    execArgv: workerExecArgv(),
    workerData,
  });
  // A worker that dies outside a task (e.g. fails to load) is replaced by piscina; without a
  // listener the 'error' event would crash the whole server.
  pool.on('error', (err: unknown) => opts.onError?.(err));
  return pool;
}

export function createScoringPool(opts: PoolOptions): ScoringPool {
  const pool = createPiscina(opts);

  const waiting = new FairQueue<{ start(): void; cancel(): void }>();
  const pendingByOwner = new Map<string, number>();
  let running = 0;
  let closed = false;

  const pump = () => {
    while (running < opts.workers && !closed) {
      const next = waiting.shift();
      if (!next) return;
      running++;
      next.job.start();
    }
  };
  const release = (owner: string) => {
    const left = (pendingByOwner.get(owner) ?? 1) - 1;
    if (left > 0) pendingByOwner.set(owner, left);
    else pendingByOwner.delete(owner);
  };

  /** One job on a worker thread; `done` always gets an output (a failure when it threw or timed out). */
  const start = (job: ScoringJob, done: (out: ScoringOutput) => void) =>
    void pool
      .run(job, { signal: AbortSignal.timeout(SCORING_TIMEOUT_MS) })
      .then((out) => out ?? failed(new Error('the scoring queue dropped the job')), failed)
      .then((out) => {
        running--;
        done(out);
        pump();
      });

  return {
    score(job, owner = NO_OWNER) {
      if (closed) return Promise.resolve(failed(new Error('the scoring pool is closed')));
      pendingByOwner.set(owner, (pendingByOwner.get(owner) ?? 0) + 1);
      return new Promise<ScoringOutput>((resolve) => {
        const done = (out: ScoringOutput) => {
          release(owner);
          resolve(out);
        };
        waiting.push(owner, { start: () => start(job, done), cancel: () => done(failed(new Error('the scoring pool is closed'))) });
        pump();
      });
    },
    pending: (owner) => pendingByOwner.get(owner) ?? 0,
    close: () => {
      closed = true;
      // Jobs still waiting end as failed; the service, closing, leaves their submissions queued.
      for (let next = waiting.shift(); next; next = waiting.shift()) next.job.cancel();
      return pool.destroy();
    },
  };
}
