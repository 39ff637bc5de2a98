/**
 * Trains a preset in headless Chromium through the real UI, submits it, and prints the wall time,
 * validation accuracy, backend and the server's test score.
 * Usage: npm run bench:browser -- [default|tiny] [wasm|webgl|webgpu|cpu]   (builds into .next-bench)
 */
import { launchBrowser, registerNickname, screenshot, startApp } from '../tests/e2e/harness';

const [preset = 'default', backend = 'wasm'] = process.argv.slice(2);
const TRAIN_LIMIT_MS = 30 * 60_000;

const app = await startApp();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await registerNickname(page, app.url, `bench-${backend}`);
  await page.goto(`${app.url}/challenges/sign-digits?backend=${backend}${preset === 'tiny' ? '&preset=tiny' : ''}`);
  await page.getByTestId('sample-grid').locator('canvas').nth(9).waitFor({ timeout: 60_000 });
  const params = await page.getByTestId('param-count').innerText();
  const started = performance.now();
  await page.getByTestId('train-button').click();
  await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_LIMIT_MS });
  const seconds = (performance.now() - started) / 1000;
  const valAcc = Number(await page.getByTestId('val-accuracy').getAttribute('data-value'));
  const chosen = await page.getByTestId('backend-badge').getAttribute('data-backend');
  await screenshot(page, `bench-${preset}-${backend}`);
  const submitted = performance.now();
  await page.getByTestId('submit-button').click();
  await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 120_000 });
  const scoreMs = performance.now() - submitted;
  const score = Number(await page.getByTestId('submission-score').getAttribute('data-value'));
  console.log(
    JSON.stringify({ preset, backend: chosen, params, trainSeconds: +seconds.toFixed(1), valAcc: +valAcc.toFixed(4), testScore: +score.toFixed(4), submitToScoreMs: Math.round(scoreMs) }),
  );
} finally {
  await browser.close();
  await app.stop();
}
