/**
 * Benchmark 1b: the real training page's main thread while the model trains. Opens
 * /challenges/sign-digits in headless Chromium (production build, .next-bench), records every
 * 'longtask' (PerformanceObserver, injected before any page script) and the longest gap between
 * animation frames, clicks Train, lets it train, clicks Stop and times how long Stop takes.
 * Target: no task over 100 ms while training, so Stop and the UI respond.
 *
 * Usage: npm run bench:longtask -- [--backends wasm] [--seconds 45] [--preset default|tiny] [--build]
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/harness';
import { ensureBuild, startAppProcess } from './lib/app-process';
import { emit, listArg, machine, numArg, parseArgs, round, table } from './lib/stats';

interface Probe {
  longtasks: { start: number; duration: number }[];
  maxFrameGap: number;
}

type ProbeWindow = Window & { __probe: Probe };

function installProbe(): void {
  const w = window as unknown as ProbeWindow;
  w.__probe = { longtasks: [], maxFrameGap: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__probe.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const frame = (t: number) => {
    if (last > 0) w.__probe.maxFrameGap = Math.max(w.__probe.maxFrameGap, t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const samplesSeen = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid="progress-bar"]')?.getAttribute('aria-valuenow') ?? 0));

async function measure(page: Page, url: string, seconds: number) {
  await page.goto(url);
  await page.getByTestId('sample-grid').locator('canvas').nth(9).waitFor({ timeout: 120_000 });
  const load = await page.evaluate(() => {
    const p = (window as unknown as ProbeWindow).__probe;
    const out = { longest: Math.max(0, ...p.longtasks.map((t) => t.duration)), count: p.longtasks.length };
    p.longtasks = [];
    p.maxFrameGap = 0;
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
  await page.getByTestId('stop-button').click();
  await page.getByTestId('train-button').and(page.locator(':enabled')).waitFor({ timeout: 300_000 });
  const stopMs = Date.now() - stopStart;
  const probe = await page.evaluate(() => (window as unknown as ProbeWindow).__probe);
  const during = probe.longtasks.map((t) => t.duration).sort((a, b) => b - a);
  const backend = await page.getByTestId('backend-badge').getAttribute('data-backend');
  return {
    backend,
    trainedS: round(trainedS, 0),
    uiSamplesPerS: round((atStop - from) / trainedS, 1),
    firstBatchMs: round(firstBatchMs, 0),
    longestTaskMs: round(during[0] ?? 0, 0),
    tasksOver50ms: during.length,
    top3: during.slice(0, 3).map((d) => round(d, 0)).join(' '),
    maxFrameGapMs: round(probe.maxFrameGap, 0),
    stopMs,
    loadLongestMs: round(load.longest, 0),
    loadTasks: load.count,
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
  const app = await startAppProcess();
  const browser = await launchBrowser();
  const rows: Record<string, unknown>[] = [];
  try {
    for (const backend of backends) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await ctx.addInitScript(installProbe);
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
