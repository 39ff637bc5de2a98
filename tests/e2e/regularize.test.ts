/**
 * The studio's tools against overfitting in Debian's Chromium, on Sign 0/1: weight decay on a
 * layer, a Dropout layer in one click, early stopping, augmentation with its preview (pixels change
 * when the shift slider moves and on Shuffle), a short run with both loss curves, the best-epoch
 * marker and the note on the epoch kept; field errors in English and Korean; no augmentation on
 * 2-D points.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, startAppAndBrowser, TRAIN_TIMEOUT_MS } from './harness';

const EPOCHS = 8;

/** The pixels of every augmented preview canvas, as drawn now (one array per canvas). */
function previewPixels(page: Page): Promise<number[][]> {
  return page.getByTestId('augment-preview-image').locator('canvas').evaluateAll((canvases) =>
    canvases.map((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return data ? Array.from(data) : [];
    }),
  );
}

/** Waits until the preview is drawn with settings containing `part`, then until its pixels differ from `before`. */
async function previewChanged(page: Page, part: string, before: number[][]): Promise<number[][]> {
  await page.locator(`[data-testid="augment-preview"][data-state="ready"][data-settings*='${part}']`).waitFor({ timeout: 30_000 });
  // The canvases are painted in an effect after the commit that set the attribute.
  await page.waitForFunction(
    (old) => {
      const now = Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-testid="augment-preview-image"] canvas')).map((c) => Array.from(c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []));
      return now.length === old.length && now.some((px, i) => px.some((v, k) => v !== old[i]?.[k]));
    },
    before,
    { timeout: 10_000 },
  );
  return previewPixels(page);
}

describe('tools against overfitting in the studio, end to end in Chromium', () => {
  const e2e = startAppAndBrowser();

  test('weight decay, dropout, early stopping and augmentation on Sign 0/1; both curves and the best epoch after training', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${e2e.app.url}/challenges/sign-01?preset=tiny&backend=wasm`);
    await page.getByTestId('layer-editor').waitFor();
    // Sign 0/1's lesson leaves the tools against overfitting out (game/controls.ts): All controls shows them.
    await page.getByTestId('all-controls').check();

    // Weight decay on the output layer: off, then L2 0.001; a value past 0.1 is an error under the row.
    const dense = page.locator('[data-testid="layer-row"][data-layer-type="dense"]');
    assert.equal(await dense.getByTestId('decay-summary').innerText(), 'off');
    await dense.getByTestId('decay').locator('summary').click();
    await dense.getByTestId('decay-l2').fill('0.5');
    const error = dense.getByTestId('spec-error');
    await error.waitFor();
    assert.match(await error.innerText(), /^L2: at most 0\.1$/);
    assert.ok(await page.getByTestId('train-button').isDisabled(), 'no training with an invalid spec');
    await dense.getByTestId('decay-l2').fill('0.001');
    await error.waitFor({ state: 'detached' });
    assert.equal(await dense.getByTestId('decay-summary').innerText(), 'L2 0.001');

    // Dropout in one click, just above the output layer.
    const before = await page.getByTestId('layer-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-layer-type')));
    await page.getByTestId('add-dropout').click();
    const after = await page.getByTestId('layer-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-layer-type')));
    assert.deepEqual(after, [...before.slice(0, -1), 'dropout', 'dense']);

    // A learning rate this high makes validation loss jump about, so early stopping (patience 1) has work to do.
    await page.getByTestId('optimizer-select').selectOption('adam');
    await page.getByTestId('learning-rate-input').fill('0.05');
    await page.getByTestId('epochs-input').fill(String(EPOCHS));
    await page.getByTestId('early-stopping-toggle').check();
    await page.getByTestId('patience-input').fill('0');
    await page.getByTestId('overfit-tools').getByTestId('spec-error').waitFor();
    assert.equal(await page.getByTestId('overfit-tools').getByTestId('spec-error').innerText(), 'at least 1');
    await page.getByTestId('patience-input').fill('1');
    await page.getByTestId('overfit-tools').getByTestId('spec-error').waitFor({ state: 'detached' });

    // Augmentation: the preview draws the same training images moved; the shift slider and Shuffle redraw them.
    await page.getByTestId('augment-toggle').check();
    await page.locator('[data-testid="augment-preview"][data-state="ready"]').waitFor({ timeout: 60_000 });
    const tiles = await page.getByTestId('augment-preview-image').count();
    assert.equal(tiles, 12, 'two augmented copies of six images');
    const first = await previewPixels(page);
    assert.ok(first.every((px) => px.length === 64 * 64 * 4), 'every tile is a 64×64 image');
    await page.getByTestId('augment-shift').fill('25');
    assert.equal(await page.getByTestId('augment-shift-value').innerText(), '25%');
    const shifted = await previewChanged(page, '"shift":0.25', first);
    const settings = JSON.parse((await page.getByTestId('augment-preview').getAttribute('data-settings')) ?? '{}') as { seed: number };
    await page.getByTestId('augment-shuffle').click();
    await previewChanged(page, `"seed":${settings.seed + 1}`, shifted);

    await page.getByTestId('train-button').click();
    await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });

    const legend = await page.getByTestId('loss-chart').locator('.u-legend .u-series').allInnerTexts();
    assert.ok(legend.some((l) => /training loss/.test(l)) && legend.some((l) => /validation loss/.test(l)), `legend: ${legend.join(' | ')}`);
    const best = page.getByTestId('best-epoch');
    const bestEpoch = Number(await best.getAttribute('data-epoch'));
    assert.ok(bestEpoch >= 1 && bestEpoch <= EPOCHS, `best epoch ${bestEpoch}`);
    const marker = page.getByTestId('loss-chart').getByTestId('best-epoch-marker');
    assert.ok(await marker.isVisible(), 'the marker is drawn on the loss chart');
    assert.equal(Number(await marker.getAttribute('data-x')), bestEpoch);
    assert.equal(await marker.innerText(), `best: epoch ${bestEpoch}`);

    // Early stopping was on: the note says which epoch's weights the model kept (the best one).
    const note = page.getByTestId('early-stop-note');
    const kind = await note.getAttribute('data-kind');
    const ran = Number(await note.getAttribute('data-ran'));
    assert.equal(Number(await note.getAttribute('data-kept')), bestEpoch);
    if (kind === 'early') {
      assert.ok(ran < EPOCHS && ran === bestEpoch + 1, `stopped at ${ran} with patience 1 after best ${bestEpoch}`);
      assert.match(await note.innerText(), new RegExp(`stopped at epoch ${ran}, kept the weights of epoch ${bestEpoch}`));
    } else {
      assert.equal(kind, 'full');
      assert.equal(ran, EPOCHS);
    }
    await screenshot(page, 'studio-regularize');
    await ctx.close();
  });

  test('Korean: the weight decay control and its errors; a boss level augments; 2-D points offer early stopping but no augmentation', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${e2e.app.url}/challenges/sign-01?preset=tiny`);
    await page.getByTestId('all-controls').check();
    const dense = page.locator('[data-testid="layer-row"][data-layer-type="dense"]');
    assert.match(await dense.getByTestId('decay').locator('summary').innerText(), /가중치 감쇠/);
    await dense.getByTestId('decay').locator('summary').click();
    await dense.getByTestId('decay-l1').fill('0.2');
    await dense.getByTestId('spec-error').waitFor();
    assert.equal(await dense.getByTestId('spec-error').innerText(), 'L1: 0.1 이하여야 해요');
    await page.getByTestId('augment-toggle').check();
    assert.equal(await page.getByTestId('augment-rotate-value').innerText(), '10°');

    // A boss level (a tiny training set) is an image challenge: augmentation and its preview are there.
    await page.goto(`${e2e.app.url}/challenges/boss-3`);
    await page.getByTestId('augment-toggle').check();
    await page.locator('[data-testid="augment-preview"][data-state="ready"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('augment-preview-image').count(), 12);

    await page.goto(`${e2e.app.url}/challenges/depth-width`);
    await page.getByTestId('all-controls').check();
    await page.getByTestId('overfit-tools').waitFor();
    assert.equal(await page.getByTestId('augment-toggle').count(), 0);
    await page.getByTestId('early-stopping-toggle').check();
    assert.equal(await page.getByTestId('patience-input').inputValue(), '3');
    await ctx.close();
  });
});
