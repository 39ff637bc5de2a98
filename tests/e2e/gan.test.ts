/**
 * The GAN studio in Debian's Chromium (issue 18): the known-good pair (through its reproduce link)
 * trains on WASM in the page's worker, draws real and generated points on the discriminator's
 * heatmap and both losses as curves, is submitted and earns its three stars from the server (which
 * samples the generator with its own noise); a drawn target trains as practice (nothing to submit);
 * the Korean studio names both networks; and a teacher's room round runs on the challenge.
 * NEXT_DIST_DIR names the build (own dist dir). The known-good's training time and score are
 * printed as diagnostics (measured, not asserted).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { knownGoodSpec } from '../../models/presets';
import { inferGanShapes } from '../../models/shapes-gan';
import type { ModelSpec } from '../../models/spec';
import { blockingViolations } from './axe-scope';
import { launchBrowser, registerNickname, ROOT, screenshot, sectionShot, startApp, startRoomRound, submitForStars, TRAIN_TIMEOUT_MS, type App } from './harness';

const EN_TRAIN = JSON.parse(readFileSync(join(ROOT, 'app/i18n/messages/en/train.json'), 'utf8')) as { threadsLight: string };

type Ack = { ok: true; data: { submissionId: string } } | { ok: false; error: { code: string } };
const VIEWPORT = { width: 1366, height: 900 };
/**
 * The known-good trains 1,120 rounds (2 discriminator steps and 1 generator step each): measured
 * here 39.3 s from Train to Submit in headless Chromium on WASM on a quiet 2-core machine (server
 * score 0.837, three stars). The test waits for it under load too; it does not time it.
 */
const KNOWN_GOOD_TIMEOUT_MS = 8 * 60_000;

/** A scored submission of `spec` with zero weights: its reproduce link carries the spec. */
async function seedRun(url: string, spec: ModelSpec): Promise<string> {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  try {
    const reg = (await socket.timeout(20_000).emitWithAck('player:register', { nickname: 'Seed gan' })) as { ok: boolean };
    assert.ok(reg.ok, 'seed player registered');
    const shapes = inferGanShapes(spec);
    assert.ok(shapes.ok, 'the known-good spec fits');
    const scored = new Promise<void>((ok) => socket.on('submission:result', () => ok()));
    const ack = (await socket.timeout(20_000).emitWithAck('submission:submit', { challengeId: 'gan', spec, weights: new Uint8Array(shapes.totalParams * 4) })) as Ack;
    assert.ok(ack.ok, JSON.stringify(ack));
    await scored;
    return ack.data.submissionId;
  } finally {
    socket.disconnect();
  }
}

/** Pixels of a canvas by colour family: the discriminator's tints, real (green) and generated (purple) dots. */
async function planePixels(page: Page): Promise<{ tinted: number; purple: number; green: number }> {
  return page.getByTestId('gan-plane').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    const out = { tinted: 0, purple: 0, green: 0 };
    if (!data) return out;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 255, data[i + 1] ?? 255, data[i + 2] ?? 255];
      if (r < 250 || g < 250 || b < 250) out.tinted++;
      if (b > g + 60 && r > g + 30) out.purple++;
      if (g > r + 50 && g > b + 30) out.green++;
    }
    return out;
  });
}

/** Non-white pixels of the loss chart's canvas (uPlot draws the curves there). */
async function chartInk(page: Page): Promise<number> {
  return page.getByTestId('gan-loss-chart').locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    if (data) for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0 && ((data[i] ?? 255) < 240 || (data[i + 1] ?? 255) < 240)) n++;
    return n;
  });
}

const trainEnabled = (page: Page) =>
  page.waitForFunction(() => !(document.querySelector('[data-testid="train-button"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 60_000 });

describe('the GAN studio in Chromium', () => {
  let app: App;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    ctx = await browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
    page = await ctx.newPage();
    await registerNickname(page, app.url, 'Gan');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test('the known-good pair trains on WASM, draws points, heatmap and both losses, and earns three stars', { timeout: KNOWN_GOOD_TIMEOUT_MS + 5 * 60_000 }, async (t) => {
    const run = await seedRun(app.url, knownGoodSpec('gan'));
    await page.goto(`${app.url}/challenges/gan?run=${run}&backend=wasm`);
    await page.getByTestId('generator-card').waitFor({ timeout: 30_000 });
    await page.getByTestId('discriminator-card').waitFor();
    assert.equal(await page.getByTestId('gan-plane').getAttribute('data-heatmap'), 'no', 'no verdict before training');
    const before = await planePixels(page);
    assert.ok(before.green > 100, `the real points draw before training (${before.green} green pixels)`);
    await trainEnabled(page);
    const started = Date.now();
    await page.getByTestId('train-button').click();
    // While training: the plane gets the discriminator's heatmap and the generator's points.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="gan-plane"]')?.getAttribute('data-drawn-at') || '0') > 0, null, { timeout: TRAIN_TIMEOUT_MS });
    const badge = page.getByTestId('backend-badge');
    assert.equal(await badge.getAttribute('data-backend'), 'wasm');
    // GANs train on one thread (gan-worker-loop.ts), and the badge says why on more cores.
    assert.equal(await badge.getAttribute('data-threads'), '1');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    assert.equal(((await badge.getAttribute('title')) ?? '').includes(EN_TRAIN.threadsLight), cores > 1);
    await page.getByTestId('submit-button').waitFor({ timeout: KNOWN_GOOD_TIMEOUT_MS });
    const trainMs = Date.now() - started;
    const px = await planePixels(page);
    assert.ok(px.purple > 200, `generated points drew (${px.purple} purple pixels)`);
    assert.ok(px.tinted > 20_000, `the heatmap tinted the plane (${px.tinted} pixels)`);
    assert.ok(Number(await page.getByTestId('gan-losses').getAttribute('data-points')) > 50, 'a loss point per round');
    assert.ok((await chartInk(page)) > 200, 'the loss curves drew');
    assert.match(await page.getByTestId('gan-loss-values').innerText(), /discriminator \d/);
    const modes = page.getByTestId('gan-modes');
    const covered = Number(await modes.getAttribute('data-covered'));
    assert.equal(await modes.getAttribute('data-total'), '8');
    await screenshot(page, 'gan-trained');
    await sectionShot(page, 'gan-live', 'gan-live');
    // Accessible after a run: labels, names and contrast of the whole studio (axe-core, serious or critical).
    assert.deepEqual(await blockingViolations(page.getByTestId('gan-studio')), []);
    const { score, stars } = await submitForStars(page);
    t.diagnostic(`known-good: trained in ${(trainMs / 1000).toFixed(1)} s (click to Submit), ${covered}/8 modes in the view, server score ${score}, ${stars} stars`);
    assert.equal(stars, 3, `server score ${score}`);
  });

  test('a drawn target: clicks and a drag add points, it trains as practice and has nothing to submit', async () => {
    await page.goto(`${app.url}/challenges/gan?preset=tiny&backend=wasm`);
    // A click before the studio is interactive is undone as React takes the page over (seen once in CI).
    await page.getByTestId('generator-card').waitFor({ timeout: 30_000 });
    await trainEnabled(page);
    await page.getByTestId('gan-target-drawn').check({ force: true });
    const plane = page.getByTestId('gan-plane');
    assert.equal(await plane.getAttribute('data-drawing'), 'yes');
    await plane.scrollIntoViewIfNeeded();
    const box = await plane.boundingBox();
    assert.ok(box, 'the plane is on screen');
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.3);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width * (0.25 + i * 0.025), box.y + box.height * 0.3, { steps: 2 });
    await page.mouse.up();
    await plane.click({ position: { x: box.width * 0.5, y: box.height * 0.8 } });
    const count = Number(await page.getByTestId('gan-drawn-count').getAttribute('data-count'));
    assert.ok(count >= 10, `${count} points drawn`);
    // The keyboard draws too: focus the plane, move the ring, Enter drops a point.
    await plane.focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('gan-drawn-count').getAttribute('data-count'), String(count + 1), 'Enter added a point');
    assert.ok(Number(await plane.getAttribute('data-real-count')) > 100, 'the drawing is spread into training points');
    await trainEnabled(page);
    await page.getByTestId('train-button').click();
    await page.getByTestId('practice-no-submit').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    assert.equal(await page.getByTestId('submit-button').count(), 0);
    assert.equal(await plane.getAttribute('data-drawing'), 'yes', 'drawing is back on after the run');
    assert.ok((await planePixels(page)).purple > 50, 'the generator drew on the drawn target');
    assert.deepEqual(await blockingViolations(page.getByTestId('gan-studio')), [], 'accessible while drawing');
    await page.getByTestId('gan-draw-clear').click();
    assert.equal(await page.getByTestId('gan-drawn-count').getAttribute('data-count'), '0');
    assert.equal(await page.getByTestId('train-button').isDisabled(), true, 'an empty drawing cannot train');
  });

  test('in Korean: both networks, the targets and mode collapse in Korean; the draft survives a reload', async () => {
    const ko = await browser.newContext({ locale: 'ko-KR', viewport: VIEWPORT });
    try {
      const p = await ko.newPage();
      await p.goto(`${app.url}/challenges/gan?preset=tiny`);
      await p.getByTestId('generator-card').waitFor({ timeout: 30_000 });
      assert.match(await p.getByTestId('generator-card').innerText(), /생성 모델/);
      assert.match(await p.getByTestId('discriminator-card').innerText(), /판별 모델/);
      assert.match(await p.getByTestId('gan-targets').innerText(), /고리 8개/);
      assert.match(await p.getByTestId('challenge-intro').innerText(), /모드 붕괴/);
      // The draft is kept in this browser: an edit survives a reload (without a preset link), Reset forgets it.
      await p.goto(`${app.url}/challenges/gan`);
      await p.getByTestId('gan-noise-dim').fill('5');
      await p.reload();
      await p.getByTestId('gan-restored').waitFor({ timeout: 30_000 });
      assert.equal(await p.getByTestId('gan-noise-dim').inputValue(), '5');
      await p.getByTestId('reset-default').click();
      assert.equal(await p.getByTestId('gan-noise-dim').inputValue(), '2');
    } finally {
      await ko.close();
    }
  });

  test('a room round on the GAN: the student trains and submits, the standings show the score', async () => {
    const hostCtx = await browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
    const studentCtx = await browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
    try {
      const host = await hostCtx.newPage();
      const student = await studentCtx.newPage();
      await startRoomRound(host, student, app.url, 'gan', 'Ada');
      await student.getByTestId('generator-card').waitFor({ timeout: 30_000 });
      await trainEnabled(student);
      await student.getByTestId('train-button').click();
      await student.getByTestId('submit-button').waitFor({ timeout: TRAIN_TIMEOUT_MS });
      const { score } = await submitForStars(student);
      assert.ok(score >= 0 && score <= 1, `server score ${score}`);
      await host.getByTestId('standings-row').first().waitFor({ timeout: 20_000 });
      assert.match(await host.getByTestId('standings-row').first().innerText(), /Ada/);
    } finally {
      await hostCtx.close();
      await studentCtx.close();
    }
  });
});
