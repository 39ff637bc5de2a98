/**
 * Try it on your own hand, in Chromium with a fake camera playing a data set photo (fake-camera.ts):
 * after training the tiny model on 0 vs 1, the panel shows the camera, the photo cropped and
 * converted as the data set was, the model's live prediction and a probability per class; the
 * tensor count stays flat frame after frame; no frame goes out (no request with a body, no socket
 * frame the size of an image); the camera stops when the panel closes and on pagehide.
 * A page without camera permission says so (Korean here).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blockingViolations } from './axe-scope';
import { fakeCameraArgs, writeFakeCamera, type FakeCamera } from './fake-camera';
import { ARTIFACTS, launchBrowser, screenshot, startApp, TRAIN_TIMEOUT_MS, type App } from './harness';

const VIEWPORT = { width: 1366, height: 900 };
/** Bytes a 64×64 grey image takes; anything sent while the camera runs stays far below it. */
const IMAGE_BYTES = 64 * 64;

/** Every request with a body and every socket frame the page sends, from now on. */
function watchOutgoing(page: Page) {
  const sent: { what: string; bytes: number; at: number }[] = [];
  let mark = 0;
  page.on('request', (r) => {
    const body = r.postDataBuffer();
    if (r.method() !== 'GET' || body) sent.push({ what: `${r.method()} ${r.url()}`, bytes: body?.length ?? 0, at: mark });
  });
  page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push({ what: `ws ${ws.url()}`, bytes: typeof f.payload === 'string' ? Buffer.byteLength(f.payload) : f.payload.length, at: mark })));
  return { since: (m: number) => sent.filter((s) => s.at >= m), next: () => ++mark };
}

async function trainTiny(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // 0 vs 1 shows three photos of each of its two classes.
  await page.getByTestId('sample-grid').locator('canvas').nth(5).waitFor({ timeout: 30_000 });
  await page.getByTestId('train-button').and(page.locator(':enabled')).click();
  await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
}

const live = (page: Page) => page.getByTestId('hand-live');
const frameNo = async (page: Page) => Number(await live(page).getAttribute('data-frame'));

/** Polls the panel until frame `n`, recording the tensor count at every frame seen. */
async function framesUntil(page: Page, n: number): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [frame, tensors] = await live(page).evaluate((el) => [Number(el.getAttribute('data-frame')), Number(el.getAttribute('data-tensors'))]);
    if (frame > 0) seen.set(frame, tensors);
    if (frame >= n) return seen;
    await page.waitForTimeout(100);
  }
  assert.fail(`only reached frame ${await frameNo(page)} of ${n}`);
}

/** Mean absolute difference between the panel's 64×64 image and the photo the camera plays. */
async function inputDifference(page: Page, camera: FakeCamera): Promise<number> {
  const pixels = await live(page).locator('canvas[role="img"]').first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    return Array.from({ length: d.length / 4 }, (_, i) => d[i * 4] as number);
  });
  assert.equal(pixels.length, camera.photo.length, 'the panel shows a 64×64 image');
  return pixels.reduce((sum, v, i) => sum + Math.abs(v - (camera.photo[i] as number)), 0) / pixels.length;
}

describe('try it on your own hand (fake camera)', () => {
  let app: App;
  let browser: Browser;
  let camera: FakeCamera;
  const contexts: BrowserContext[] = [];

  before(async () => {
    camera = writeFakeCamera(1);
    app = await startApp();
    browser = await launchBrowser({ args: fakeCameraArgs(camera) });
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
  });

  test('prediction and a bar per class, live; flat tensors; nothing sent; camera off on close and on pagehide', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', permissions: ['camera'] });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const outgoing = watchOutgoing(page);
    await trainTiny(page, `${app.url}/challenges/sign-01?preset=tiny&backend=cpu`);
    const panel = page.getByTestId('hand-panel').first();
    assert.match(await panel.getByTestId('hand-how').innerText(), /0\.299 × red \+ 0\.587 × green \+ 0\.114 × blue.*64 × 64.*divided by 255/);

    const mark = outgoing.next();
    await panel.getByTestId('hand-open').click();
    await page.locator('[data-testid="hand-live"][data-camera="live"]').waitFor({ timeout: 30_000 });
    const seen = await framesUntil(page, 12);
    const probs = page.getByTestId('hand-prob');
    assert.equal(await probs.count(), 2, 'one bar per class of 0 vs 1');
    const values = await probs.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    assert.ok(values.every((p) => p >= 0 && p <= 1), `probabilities ${values}`);
    assert.ok(Math.abs(values[0]! + values[1]! - 1) < 1e-4, `they sum to 1: ${values}`);
    const predicted = await page.getByTestId('hand-prediction').getAttribute('data-label');
    assert.equal(predicted, values[0]! >= values[1]! ? '0' : '1', 'the prediction is the likeliest class');
    // Frames 1-2 may still allocate tfjs's lazily made kernels' constants; from frame 3 on nothing may pile up.
    const counts = [...seen].filter(([f]) => f >= 3).map(([, n]) => n);
    assert.ok(counts.length >= 5, `tensor counts seen: ${[...seen]}`);
    assert.equal(new Set(counts).size, 1, `tensors stay flat: ${[...seen].map(([f, n]) => `${f}:${n}`).join(' ')}`);
    const diff = await inputDifference(page, camera);
    assert.ok(diff < 12, `the 64×64 image is the photo the camera plays (mean |difference| ${diff.toFixed(2)} grey levels)`);
    await screenshot(page, 'studio-hand');
    await panel.screenshot({ path: join(ARTIFACTS, 'studio-hand-panel.png') }); // the README's picture
    assert.deepEqual(await blockingViolations(panel), [], 'axe: the live panel');

    // On a phone the live panel fits the screen's width (the page's charts, drawn at 1366 px, redraw on their own).
    await page.setViewportSize({ width: 390, height: 844 });
    await framesUntil(page, (await frameNo(page)) + 2);
    const fit = await panel.evaluate((el) => ({ right: el.getBoundingClientRect().right, scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(fit.right <= 390 && fit.scroll <= fit.client, `the panel fits 390 px: ${JSON.stringify(fit)}`);
    await page.setViewportSize(VIEWPORT);

    const out = outgoing.since(mark);
    const big = out.filter((s) => s.bytes >= IMAGE_BYTES / 4);
    assert.deepEqual(big, [], 'nothing image-sized leaves the page');
    assert.deepEqual(out.filter((s) => !s.what.startsWith('ws ')), [], 'no HTTP request with a body while the camera runs');

    // Closing the panel ends the camera's tracks.
    await page.getByTestId('hand-video').evaluate((v: HTMLVideoElement) => ((window as unknown as { handStream: unknown }).handStream = v.srcObject));
    await page.getByTestId('hand-close').click();
    await live(page).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => (window as unknown as { handStream: MediaStream }).handStream.getTracks().every((t) => t.readyState === 'ended')), true, 'tracks ended on close');

    // Leaving the page (pagehide: a reload, a link away, a closed or discarded tab) ends them too.
    await panel.getByTestId('hand-open').click();
    await page.locator('[data-testid="hand-live"][data-camera="live"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('hand-video').evaluate((v: HTMLVideoElement) => ((window as unknown as { handStream: unknown }).handStream = v.srcObject));
    assert.equal(await page.evaluate(() => (window as unknown as { handStream: MediaStream }).handStream.getTracks().some((t) => t.readyState === 'live')), true, 'live again');
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    await page.locator('[data-testid="hand-live"][data-camera="off"]').waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { handStream: MediaStream }).handStream.getTracks().every((t) => t.readyState === 'ended')), true, 'tracks ended on pagehide');
  });

  test('without camera permission the panel says so, in Korean', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'ko-KR' }); // camera not granted
    contexts.push(ctx);
    const page = await ctx.newPage();
    await trainTiny(page, `${app.url}/challenges/sign-01?preset=tiny&backend=cpu`);
    await page.getByTestId('hand-open').first().click();
    const alert = page.locator('[data-testid="hand-camera-error"]');
    await alert.waitFor({ timeout: 30_000 });
    assert.equal(await alert.getAttribute('data-error'), 'denied');
    assert.match(await alert.innerText(), /카메라가 막혀 있어요/);
    assert.equal(await page.getByTestId('hand-prediction').count(), 0, 'no prediction without a camera');
    assert.deepEqual(await blockingViolations(page.getByTestId('hand-panel').first()), [], 'axe: the panel with its message');
  });
});
