/**
 * Every sequence layer trains in Chromium on each tfjs backend the app can choose (WASM, WebGL,
 * WebGPU, CPU), with the app's own builder and training loop, bundled by esbuild into a bare page
 * (no Next build needed). Same seed, same data: each backend's first-epoch loss must equal the CPU
 * backend's, and the loss must fall. WebGPU here is Chromium's software adapter (no GPU), about
 * 100x slower than WASM, so it trains a smaller run (compared with a CPU run of the same size).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ROOT } from './harness';
import type { BackendReport } from './seq-backends/entry';
import { SEQ_MODELS } from './seq-backends/models';

const WASM_DIR = join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const FULL = { examples: 64, epochs: 4 };
/** One batch per epoch: three optimizer steps per model. */
const SMALL = { examples: 16, epochs: 3 };
const LOSS_TOLERANCE = 2e-3;

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'tests/e2e/seq-backends/entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle');
  return file.text;
}

function serve(js: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/') {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>sequence backends</title><script src="/bundle.js"></script>');
    } else if (url === '/bundle.js') {
      res.setHeader('content-type', 'text/javascript');
      res.end(js);
    } else if (/^\/wasm\/[\w-]+\.wasm$/.test(url)) {
      res.setHeader('content-type', 'application/wasm');
      res.end(readFileSync(join(WASM_DIR, url.slice('/wasm/'.length))));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
  }));
}

describe('sequence layers train on every browser backend', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const run = (backend: string, size: { examples: number; epochs: number }) =>
    page.evaluate(([b, n, e]) => (globalThis as unknown as { runSeq(b: string, n: number, e: number): Promise<BackendReport> }).runSeq(b, n, e), [backend, size.examples, size.epochs] as const);
  let cpu: { full: BackendReport; small: BackendReport };

  before(async () => {
    const served = await serve(await bundle());
    server = served.server;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(served.url);
    cpu = { full: await run('cpu', FULL), small: await run('cpu', SMALL) };
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  function check(report: BackendReport, reference: BackendReport, backend: string): void {
    assert.ok(report.started, `${backend} started (${report.reason ?? ''})`);
    assert.equal(report.backend, backend);
    assert.deepEqual(report.runs.map((r) => r.name), Object.keys(SEQ_MODELS));
    report.runs.forEach((r, i) => {
      assert.equal(r.error, undefined, `${backend} ${r.name}: ${r.error}`);
      const ref = reference.runs[i]!;
      assert.ok(r.losses.every(Number.isFinite), `${backend} ${r.name} finite: ${r.losses.join(', ')}`);
      assert.ok(r.losses.at(-1)! < r.losses[0]!, `${backend} ${r.name} falls: ${r.losses.join(', ')}`);
      assert.ok(Math.abs(r.losses[0]! - ref.losses[0]!) < LOSS_TOLERANCE, `${backend} ${r.name}: first epoch ${r.losses[0]} vs cpu ${ref.losses[0]}`);
    });
  }

  test('cpu: every layer trains', () => {
    check(cpu.full, cpu.full, 'cpu');
    check(cpu.small, cpu.small, 'cpu');
  });
  test('wasm', async () => check(await run('wasm', FULL), cpu.full, 'wasm'));
  test('webgl', async () => check(await run('webgl', FULL), cpu.full, 'webgl'));
  test('webgpu (software adapter, smaller run)', async () => check(await run('webgpu', SMALL), cpu.small, 'webgpu'));
});
