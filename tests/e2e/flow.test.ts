/**
 * The first slice as a student plays it, in Debian's Chromium: nickname → train a small model in
 * the browser → submit → the server scores it → a second student's leaderboard updates live.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { registerNickname, screenshot, startAppAndBrowser, TRAIN_TIMEOUT_MS } from './harness';

describe('sign digits, end to end in Chromium', () => {
  const e2e = startAppAndBrowser();

  test('train in the browser, submit, and the leaderboard of another player updates live', async () => {
    const viewerCtx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const studentCtx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const viewer = await viewerCtx.newPage();
    const student = await studentCtx.newPage();

    await registerNickname(viewer, e2e.app.url, 'Viewer');
    await viewer.goto(`${e2e.app.url}/leaderboard/sign-digits`);
    await viewer.getByTestId('leaderboard-table').waitFor();
    assert.equal(await viewer.getByTestId('leaderboard-row').count(), 0, 'a fresh database has no rows');

    await registerNickname(student, e2e.app.url, 'Ada');
    await student.goto(`${e2e.app.url}/challenges/sign-digits?preset=tiny&backend=wasm`);
    await student.getByTestId('sample-grid').locator('canvas').nth(9).waitFor({ timeout: 30_000 });
    await student.getByTestId('train-button').click();

    const valAcc = student.getByTestId('val-accuracy');
    await valAcc.waitFor({ timeout: TRAIN_TIMEOUT_MS });
    const badge = student.getByTestId('backend-badge');
    assert.equal(await badge.getAttribute('data-backend'), 'wasm');
    // One epoch of the tiny model is about the flow, not the accuracy: check the numbers agree.
    const acc = Number(await valAcc.getAttribute('data-value'));
    assert.ok(acc >= 0 && acc <= 1, `validation accuracy ${acc}`);
    const cells = await student.getByTestId('confusion-matrix').locator('tbody td').allInnerTexts();
    assert.equal(cells.length, 100);
    const total = cells.reduce((n, c) => n + Number(c || 0), 0);
    const diagonal = cells.filter((_, i) => i % 11 === 0).reduce((n, c) => n + Number(c || 0), 0);
    assert.equal(total, 209, 'the confusion matrix counts every validation image');
    assert.ok(Math.abs(diagonal / total - acc) < 1e-9, 'its diagonal is the validation accuracy');
    // The tiny model's one conv layer (4 filters) as feature maps on a validation photo, and its filters.
    const conv = student.locator('[data-testid="feature-layer"][data-type="conv2d"]').first();
    await conv.waitFor({ timeout: 60_000 });
    assert.equal(await conv.getAttribute('data-maps'), '4');
    assert.equal(await student.getByTestId('feature-filters').getAttribute('data-count'), '4');
    await screenshot(student, 'challenge-trained');

    await student.getByTestId('submit-button').click();
    await student.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
    const score = Number(await student.getByTestId('submission-score').getAttribute('data-value'));
    assert.ok(score >= 0 && score <= 1, `server score ${score}`);

    // The viewer never reloaded: the row arrives over socket.io.
    const row = viewer.getByTestId('leaderboard-row').filter({ hasText: 'Ada' });
    await row.waitFor({ timeout: 15_000 });
    const shown = await row.getByTestId('lb-score').innerText();
    assert.ok(shown.includes((score * 100).toFixed(1)), `leaderboard shows ${shown} for score ${score}`);
    await screenshot(viewer, 'leaderboard-live');

    await student.goto(`${e2e.app.url}/leaderboard/sign-digits`);
    const mine = student.locator('[data-testid="leaderboard-row"][data-me="true"]');
    await mine.waitFor();
    assert.match(await mine.innerText(), /Ada/);
    await screenshot(student, 'leaderboard-own-row');

    await viewerCtx.close();
    await studentCtx.close();
  });

  test('the WebGPU path trains on the software adapter, and Stop ends training within a batch', async () => {
    const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await registerNickname(page, e2e.app.url, 'Gpu');
    await page.goto(`${e2e.app.url}/challenges/sign-digits?preset=tiny&backend=webgpu`);
    await page.getByTestId('train-button').click();
    const badge = page.locator('[data-testid="backend-badge"][data-backend="webgpu"]');
    await badge.waitFor({ timeout: 60_000 });
    assert.match((await badge.innerText()) + ((await badge.getAttribute('title')) ?? ''), /WebGPU/);

    const progress = page.getByTestId('progress-bar');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="progress-bar"]')?.getAttribute('aria-valuenow') ?? 0) > 0,
      undefined,
      { timeout: 120_000 },
    );
    await page.getByTestId('stop-button').click();
    const atStop = Number(await progress.getAttribute('aria-valuenow'));
    await page.getByTestId('train-button').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    const afterStop = Number(await progress.getAttribute('aria-valuenow'));
    const max = Number(await progress.getAttribute('aria-valuemax'));
    assert.ok(afterStop < max, `training stopped before the end (${afterStop}/${max})`);
    // aria-valuenow counts samples: at most one more batch (tiny preset: 32) after Stop was pressed.
    assert.ok(afterStop - atStop <= 64, `stopped within one batch: ${atStop} → ${afterStop}`);
    await screenshot(page, 'challenge-webgpu-stopped');
    await ctx.close();
  });

  test('Korean for a Korean browser, English on request, and the choice is remembered', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await page.goto(`${e2e.app.url}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    assert.match(await page.locator('h1').innerText(), /딥러닝/);
    await screenshot(page, 'home-ko');
    await page.getByTestId('locale-switch').click();
    await page.locator('html[lang="en"]').waitFor();
    assert.match(await page.locator('h1').innerText(), /deep learning/i);
    await page.reload();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await ctx.close();
  });

  test('the browser can fetch training and validation data but never the test split', async () => {
    for (const [file, status] of [['train.bin', 200], ['val.bin', 200], ['manifest.json', 200], ['test.bin', 404]] as const) {
      const res = await fetch(`${e2e.app.url}/datasets/sign-digits/${file}`);
      assert.equal(res.status, status, file);
    }
  });
});
