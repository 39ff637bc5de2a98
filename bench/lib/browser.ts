/** Runs the bench worker (bench/browser/worker.ts) in headless Chromium from a local origin. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/harness';
import type { BenchRequest } from '../browser/worker';
import { bundle, ROOT } from './bundle';
import { ISOLATED_PREFIX, startStaticServer, type StaticServer } from './static-server';

export interface BenchBrowser {
  /**
   * Runs one request in a fresh page and worker, so backends (and tfjs's WASM thread pool, sized
   * once per worker) never share a context. `isolated` (default true): from the cross-origin
   * isolated copy of the page (COOP/COEP), as the app serves its training pages, so WASM trains
   * on every core; false: without, as the app trained before (one thread).
   */
  run<T>(req: BenchRequest, opts?: { isolated?: boolean }): Promise<T>;
  close(): Promise<void>;
}

const NEVER_SERVED = /test\.bin$/;

export async function openBenchBrowser(quiet = false, isolated = false): Promise<BenchBrowser> {
  const out = bundle('bench/browser/worker.ts', 'worker');
  // The replicas' worker (data-parallel WASM), started by worker.js from beside it.
  bundle('bench/browser/peer.ts', 'peer', out);
  const server: StaticServer = await startStaticServer(
    {
      '/bundle/': out,
      '/datasets/': join(ROOT, 'data'),
      // As the app serves them: the binaries and the threads' script (scripts/copy-wasm.mjs).
      '/tfjs-wasm/': join(ROOT, 'public', 'tfjs-wasm'),
    },
    (path) => !NEVER_SERVED.test(path),
    isolated,
  );
  const browser: Browser = await launchBrowser();
  return {
    async run<T>(req: BenchRequest, opts: { isolated?: boolean } = {}): Promise<T> {
      const page: Page = await browser.newPage();
      if (!quiet) page.on('console', (m) => process.stderr.write(`  [browser] ${m.text()}\n`));
      try {
        await page.goto(server.url + (opts.isolated ?? true ? ISOLATED_PREFIX : '/'));
        await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
        return (await page.evaluate(
          (r) => (window as unknown as { runWorker(m: unknown): Promise<unknown> }).runWorker(r),
          req as unknown as Record<string, unknown>,
        )) as T;
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
