/**
 * The 2-D studio in Debian's Chromium: the decision boundary redrawn while a real tfjs model trains
 * in the worker, a single neuron's weights and line on the logic gates (XOR out of its reach, AND
 * within it), sigmoid's vanishing gradient, two runs compared, the batch budget; and a screenshot
 * of every 2-D challenge page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, registerNickname, screenshot, startApp, TRAIN_TIMEOUT_MS, type App } from './harness';

/** Pixels sampled per side of the canvas when comparing two drawings. */
const SAMPLES_PER_SIDE = 60;

/** RGB of a SAMPLES_PER_SIDE² grid of the boundary canvas's pixels, as drawn now. */
async function canvasSample(page: Page): Promise<number[]> {
  return page.evaluate((n) => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="boundary-canvas"]');
    const ctx = c?.getContext('2d');
    if (!c || !ctx) throw new Error('no boundary canvas');
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let r = 0; r < n; r++) {
      for (let q = 0; q < n; q++) {
        const i = 4 * (Math.floor(((r + 0.5) * c.height) / n) * c.width + Math.floor(((q + 0.5) * c.width) / n));
        out.push(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
      }
    }
    return out;
  }, SAMPLES_PER_SIDE);
}

/** Waits until the canvas shows a probe taken at `epoch` or later; returns the epoch it shows. */
async function drawnAtLeast(page: Page, epoch: number): Promise<number> {
  await page.waitForFunction(
    (e) => Number(document.querySelector<HTMLCanvasElement>('[data-testid="boundary-canvas"]')?.dataset.drawnAt || -1) >= e,
    epoch,
    { timeout: TRAIN_TIMEOUT_MS },
  );
  return Number(await page.getByTestId('boundary-canvas').evaluate((c) => (c as HTMLCanvasElement).dataset.drawnAt));
}

async function trainToEnd(page: Page): Promise<void> {
  await page.getByTestId('train-button').click();
  await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
}

describe('2-D studio, end to end in Chromium', () => {
  let app: App;
  let browser: Browser;
  let ctx: BrowserContext;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  });

  after(async () => {
    await ctx?.close();
    await browser?.close();
    await app?.stop();
  });

  test('depth-width: the decision boundary is redrawn from the live model between epochs', async () => {
    const page = await ctx.newPage();
    await page.goto(`${app.url}/challenges/depth-width?backend=wasm`);
    await page.getByTestId('boundary-canvas').waitFor();
    assert.equal(await page.locator('[data-testid="layer-editor"] select[aria-label] option[value="conv2d"]').count(), 0, 'no Conv2D for a point input');
    // The default's 20 epochs can be over in 2 s on an idle machine: enough epochs that Stop finds it running.
    await page.getByTestId('epochs-input').fill('200');
    await page.getByTestId('train-button').click();
    const first = await drawnAtLeast(page, 1);
    const a = await canvasSample(page);
    const later = await drawnAtLeast(page, first + 3);
    const b = await canvasSample(page);
    let changed = 0;
    for (let i = 0; i < a.length; i += 3) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) changed++;
    const share = changed / (a.length / 3);
    assert.ok(share > 0.05, `${(share * 100).toFixed(1)} % of the sampled pixels changed between epoch ${first} and ${later}`);
    assert.match(await page.getByTestId('probe-status').innerText(), /\d/);
    await page.getByTestId('stop-button').click();
    await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    await screenshot(page, 'challenge-depth-width');
    await page.close();
  });

  test('logic-gates: one neuron shows its weights and bias, misses XOR, learns AND in practice', async () => {
    const page = await ctx.newPage();
    await page.goto(`${app.url}/challenges/logic-gates?backend=wasm`);
    await page.getByTestId('neuron-panel').waitFor();
    assert.equal(await page.getByTestId('gate-separable').getAttribute('data-separable'), 'false', 'XOR is not linearly separable');
    await trainToEnd(page);
    for (const id of ['neuron-w1', 'neuron-w2', 'neuron-b']) {
      const text = await page.getByTestId(id).innerText();
      assert.match(text, /^-?\d+\.\d\d$/, `${id} shows a number: ${text}`);
      assert.ok(Number.isFinite(Number(await page.getByTestId(id).getAttribute('data-value'))));
    }
    assert.equal(await page.getByTestId('truth-row').count(), 4);
    const right = await page.locator('[data-testid="truth-row"][data-right="true"]').count();
    assert.ok(right <= 3, `one neuron gets at most 3 of XOR's 4 rows (got ${right})`);
    assert.equal(await page.getByTestId('practice-no-submit').count(), 0, 'the XOR run can be submitted');
    await screenshot(page, 'challenge-logic-gates');

    await page.getByTestId('gate-and').check();
    assert.equal(await page.getByTestId('gate-separable').getAttribute('data-separable'), 'true');
    await page.getByTestId('train-button').click();
    await page.getByTestId('practice-no-submit').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    assert.equal(Number(await page.getByTestId('val-accuracy').getAttribute('data-value')), 1, 'one neuron learns AND');
    assert.equal(await page.locator('section[aria-labelledby="submit"] form').count(), 0, 'a practice run has no submit panel');
    await screenshot(page, 'challenge-logic-gates-and');
    await page.close();
  });

  test('logic-gates: a hidden layer bends the boundary, and the scored result shows its stars', async () => {
    const page = await ctx.newPage();
    await registerNickname(page, app.url, 'Perceptron');
    await page.goto(`${app.url}/challenges/logic-gates?backend=wasm`);
    await page.getByTestId('add-layer').click();
    const hidden = page.getByTestId('layer-row').first();
    await hidden.locator('input[type="number"]').fill('2');
    await hidden.locator('select').selectOption('tanh');
    await page.getByTestId('train-button').and(page.locator(':enabled')).click();
    await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    assert.equal(await page.getByTestId('neuron-panel').getAttribute('data-kind'), 'hidden', 'no single line with a hidden layer');
    await page.getByTestId('submit-button').click();
    await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
    const score = Number(await page.getByTestId('submission-score').getAttribute('data-value'));
    const stars = page.getByTestId('submission-stars');
    const earned = Number(await stars.getAttribute('data-value'));
    // Every star rule of XOR asks for all four rows, and this model has 12 parameters (≤ 12).
    assert.equal(earned, score === 1 ? 3 : 0, `score ${score}, stars ${earned}`);
    assert.equal((await stars.innerText()).replace(/[^★]/g, '').length, earned);
    assert.match((await stars.getAttribute('aria-label')) ?? '', new RegExp(String(earned)));
    await screenshot(page, 'challenge-logic-gates-hidden');
    await page.close();
  });

  test('activations: a deep sigmoid network’s first layer gets a vanishing gradient', async () => {
    const page = await ctx.newPage();
    await page.goto(`${app.url}/challenges/activations?backend=wasm`);
    await page.getByTestId('epochs-input').fill('3');
    await trainToEnd(page);
    assert.equal(await page.getByTestId('gradient-row').count(), 7, 'one bar per dense layer');
    const ratio = Number(await page.getByTestId('gradient-ratio').getAttribute('data-ratio'));
    assert.ok(ratio >= 100, `last/first layer gradient ${ratio}`);
    await screenshot(page, 'challenge-activations');
    await page.close();
  });

  test('losses: MSE then cross-entropy, both runs in one chart with their loss names', async () => {
    const page = await ctx.newPage();
    await page.goto(`${app.url}/challenges/losses?backend=wasm`);
    await page.getByTestId('run-compare').waitFor();
    await trainToEnd(page);
    await page.getByTestId('loss-select').selectOption('categoricalCrossentropy');
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid="compare-reached"]').nth(1).waitFor({ timeout: TRAIN_TIMEOUT_MS });
    await page.getByTestId('train-button').and(page.locator(':enabled')).waitFor({ timeout: TRAIN_TIMEOUT_MS });
    const legend = await page.getByTestId('compare-accuracy').innerText();
    assert.match(legend, /MSE/);
    assert.match(legend, /(Cross-entropy|교차 엔트로피)/);
    assert.deepEqual(await page.getByTestId('compare-reached').evaluateAll((els) => els.map((e) => e.getAttribute('data-run'))), ['1', '2']);
    await screenshot(page, 'challenge-losses');
    await page.close();
  });

  test('batch-epochs: samples seen against the budget and steps per epoch follow the batch size', async () => {
    const page = await ctx.newPage();
    await page.goto(`${app.url}/challenges/batch-epochs?backend=wasm`);
    const planned = page.getByTestId('budget-planned');
    assert.equal(await planned.getAttribute('data-planned'), '2000');
    assert.equal(await planned.getAttribute('data-budget'), '2000');
    assert.equal(await page.getByTestId('budget-steps').getAttribute('data-steps'), '2');
    await page.getByTestId('batch-size-input').fill('8');
    await page.locator('[data-testid="budget-steps"][data-steps="63"]').waitFor();
    await trainToEnd(page);
    await page.getByTestId('batch-loss-chart').waitFor();
    await screenshot(page, 'challenge-batch-epochs');
    await page.close();
  });
});
