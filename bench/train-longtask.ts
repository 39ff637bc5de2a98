/**
 * Benchmark 1b: the real training page's main thread while the model trains. Opens
 * /challenges/sign-digits in headless Chromium (production build, .next-bench), records every
 * 'longtask' (PerformanceObserver, injected before any page script) and the lateness of a 20 ms timer, clicks Train, lets it train, clicks Stop and times how long Stop takes.
 * Target: no task over 100 ms while training, so Stop and the UI respond.
 *
 * Usage: npm run bench:longtask -- [--backends wasm] [--seconds 45] [--preset default|tiny] [--build]
 */
import type { Page } from 'playwright-core';
import { launchBrowser, startApp } from '../tests/e2e/harness';
import { BENCH_DIST_DIR, ensureBuild } from './lib/app-process';
import { emit, listArg, machine, numArg, parseArgs, round, table } from './lib/stats';

interface Probe {
  longtasks: { start: number; duration: number }[];
  maxTimerLag: number;
}

type ProbeWindow = Window & { __probe: Probe };

/**
 * Injected before any page script. A string, not a function: tsx compiles named functions with an
 * esbuild `__name` helper that does not exist in the page.
 * The 20 ms heartbeat: how late it fires is how long an input or a paint would have waited
 * (requestAnimationFrame does not tick in headless Chromium, so a timer stands in for frames).
 */
const PROBE_SCRIPT = `(() => {
  const probe = { longtasks: [], maxTimerLag: 0 };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__probe.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const PERIOD_MS = 20;
  let due = performance.now() + PERIOD_MS;
  const beat = () => {
    const now = performance.now();
    window.__probe.maxTimerLag = Math.max(window.__probe.maxTimerLag, now - due);
    due = now + PERIOD_MS;
    setTimeout(beat, PERIOD_MS);
  };
  setTimeout(beat, PERIOD_MS);
})();`;

const samplesSeen = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid="progress-bar"]')?.getAttribute('aria-valuenow') ?? 0));

async function measure(page: Page, url: string, seconds: number) {
  await page.goto(url);
  await page.getByTestId('sample-grid').locator('canvas').nth(9).waitFor({ timeout: 120_000 });
  const load = await page.evaluate(() => {
    const p = (window as unknown as ProbeWindow).__probe;
    const out = { longest: Math.max(0, ...p.longtasks.map((t) => t.duration)), count: p.longtasks.length };
    p.longtasks = [];
    p.maxTimerLag = 0;
    return out;
  });
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByTestId('train-button').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="progress-bar"]')?.getAttribute('aria-valuenow') ?? 0) > 0, undefined, { timeout: 300_000 });
  const firstBatchMs = (await page.evaluate(() => performance.now())) - clickedAt;
  const from = await samplesSeen(page);
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const trainedS = (Date.now() - t0) / 1000;
  const atStop = await samplesSeen(page);
  const stopStart = Date.now();
  const stopAt = (await page.evaluate(() => performance.now())) - clickedAt;
  await page.getByTestId('stop-button').click();
  await page.getByTestId('train-button').and(page.locator(':enabled')).waitFor({ timeout: 300_000 });
  const stopMs = Date.now() - stopStart;
  // Samples trained after Stop was clicked: the batch in flight, at most (batch size 32).
  const samplesAfterStop = (await samplesSeen(page)) - atStop;
  const probe = await page.evaluate(() => (window as unknown as ProbeWindow).__probe);
  const during = probe.longtasks.map((t) => t.duration).sort((a, b) => b - a);
  // When each task began, relative to the Train click, to tell start-up, steady training and Stop apart.
  const timeline = probe.longtasks.map((t) => `${round((t.start - clickedAt) / 1000, 1)}s:${round(t.duration, 0)}ms`).join(' ');
  const backend = await page.getByTestId('backend-badge').getAttribute('data-backend');
  return {
    backend,
    trainedS: round(trainedS, 0),
    uiSamplesPerS: round((atStop - from) / trainedS, 1),
    firstBatchMs: round(firstBatchMs, 0),
    longestTaskMs: round(during[0] ?? 0, 0),
    tasksOver50ms: during.length,
    top3: during.slice(0, 3).map((d) => round(d, 0)).join(' '),
    maxTimerLagMs: round(probe.maxTimerLag, 0),
    stopMs,
    samplesAfterStop,
    loadLongestMs: round(load.longest, 0),
    loadTasks: load.count,
    timeline: `${timeline} (stop at ${round(stopAt / 1000, 1)}s)`,
  };
}

async function main(): Promise<void> {
  const args = parseArgs();
  const backends = listArg(args, 'backends', ['wasm']);
  const seconds = numArg(args, 'seconds', 45);
  const preset = args.get('preset') ?? 'default';
  ensureBuild(args.has('build'));
  const env = machine();
  console.log(`main-thread long tasks while training on /challenges/sign-digits, ${env.cores} cores, load ${env.load}`);
  const app = await startApp({ distDir: BENCH_DIST_DIR });
  const browser = await launchBrowser();
  const rows: Record<string, unknown>[] = [];
  try {
    for (const backend of backends) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await ctx.addInitScript(PROBE_SCRIPT);
      const page = await ctx.newPage();
      const url = `${app.url}/challenges/sign-digits?backend=${backend}${preset === 'tiny' ? '&preset=tiny' : ''}`;
      const row = { preset, ...(await measure(page, url, seconds)) };
      rows.push(row);
      emit('longtask', { ...row, load: machine().load });
      await ctx.close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  console.log(table(rows));
  console.log('longestTaskMs/tasksOver50ms: main-thread long tasks from the Train click to the end of Stop (target < 100 ms); loadLongestMs: during page load, for reference.');
}

await main();
