/**
 * The scoring worker pool: inference runs in worker threads (piscina), never on the event loop.
 * Workers run TypeScript through tsx's loader, inherited from the parent's execArgv
 * (`tsx server/index.ts` and `node --import tsx` both put it there); added if missing.
 */
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { ScoringJob, ScoringOutput, ScoringWorkerData } from './types';

/**
 * A job still running this long after a worker took it is cancelled (its worker thread is
 * terminated). Time spent waiting for a free worker does not count: in a burst of 500 submissions
 * the last ones used to time out in the queue without being scored (bench:fanout, N = 500).
 */
export const SCORING_TIMEOUT_MS = 120_000;

export interface ScoringPool {
  score(job: ScoringJob): Promise<ScoringOutput>;
  close(): Promise<void>;
}

function workerExecArgv(): string[] {
  const argv = process.execArgv;
  return argv.some((a) => a.includes('tsx')) ? argv : [...argv, '--import', 'tsx'];
}

export function createScoringPool(opts: { workers: number; dataDir: string; onError?: (err: unknown) => void }): ScoringPool {
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
  // Hands piscina one job per worker, so each job's timeout starts when it can start running.
  const gate = new PQueue({ concurrency: opts.workers });
  return {
    async score(job) {
      try {
        const out = await gate.add(() => pool.run(job, { signal: AbortSignal.timeout(SCORING_TIMEOUT_MS) }));
        if (!out) throw new Error('the scoring queue dropped the job');
        return out;
      } catch (err) {
        const timedOut = (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError';
        return {
          ok: false,
          error: timedOut
            ? { code: 'scoring/timeout', message: `scoring took longer than ${SCORING_TIMEOUT_MS / 1000} s` }
            : { code: 'scoring/failed', message: `the scoring worker failed: ${(err as Error).message}` },
        };
      }
    },
    close: () => pool.destroy(),
  };
}
