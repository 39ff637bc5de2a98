/**
 * The scoring worker pool: inference runs in worker threads (piscina), never on the event loop.
 * Workers run TypeScript through tsx's loader, inherited from the parent's execArgv
 * (`tsx server/index.ts` and `node --import tsx` both put it there); added if missing.
 */
import { Piscina } from 'piscina';
import type { ScoringJob, ScoringOutput, ScoringWorkerData } from './types';

/** A job still running after this long is cancelled (its worker thread is terminated). */
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
  return {
    async score(job) {
      try {
        return await pool.run(job, { signal: AbortSignal.timeout(SCORING_TIMEOUT_MS) });
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
