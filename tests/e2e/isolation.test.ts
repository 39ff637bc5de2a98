/**
 * The pages that train are cross-origin isolated (COOP same-origin + COEP require-corp, from
 * next.config.ts), so tfjs WASM trains with one thread per core; everything on them still works
 * (socket.io, the data set photos, the WASM binaries), other pages are served as before, and a
 * studio embedded in another site falls back to one thread and says so. The default Sign Digits
 * CNN trains on a replica per core (models/parallel.ts), isolated or not: replicas need no shared
 * memory (they use it where there is, and messages where there is not). A model too small
 * for that (the tiny preset) trains on one thread by choice (planReplicas), and the badge says so.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchBrowser, registerNickname, ROOT, screenshot, startApp, TRAIN_TIMEOUT_MS, type App } from './harness';

const en = JSON.parse(readFileSync(join(ROOT, 'app/i18n/messages/en/train.json'), 'utf8')) as { threadsNotIsolated: string; replicasHelp: string; threadsLight: string };

const TINY = '/challenges/sign-digits?preset=tiny&backend=wasm';
const DEFAULT = '/challenges/sign-digits?backend=wasm';
const isolatedIn = (p: Page | Frame) => p.evaluate(() => window.crossOriginIsolated);

/** Trains the tiny preset on WASM in `p` and returns the backend badge's attributes and text. */
async function trainTiny(p: Page | Frame) {
  await p.getByTestId('sample-grid').locator('canvas').nth(9).waitFor({ timeout: 30_000 });
  await p.getByTestId('train-button').click();
  await p.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
  const badge = p.getByTestId('backend-badge');
  return {
    backend: await badge.getAttribute('data-backend'),
    threads: Number(await badge.getAttribute('data-threads')),
    isolated: await badge.getAttribute('data-isolated'),
    text: await badge.innerText(),
    title: (await badge.getAttribute('title')) ?? '',
  };
}

/** Starts the default CNN in `p`, reads the badge's replicas and threads once training runs, then stops. */
async function replicasOfDefault(p: Page | Frame) {
  await p.getByTestId('sample-grid').locator('canvas').nth(9).waitFor({ timeout: 30_000 });
  await p.getByTestId('train-button').click();
  const badge = p.locator('[data-testid="backend-badge"][data-replicas]');
  await badge.waitFor({ timeout: TRAIN_TIMEOUT_MS });
  await p.getByTestId('stop-button').click();
  return { replicas: Number(await badge.getAttribute('data-replicas')), threads: Number(await badge.getAttribute('data-threads')), title: (await badge.getAttribute('title')) ?? '' };
}

describe('cross-origin isolated training pages', () => {
  let app: App;
  let browser: Browser;
  let ctx: BrowserContext;

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  });

  after(async () => {
    await ctx?.close();
    await browser?.close();
    await app?.stop();
  });

  test('COOP and COEP on the studio, a student\'s room and the scripts; none on home, the teacher\'s room or the leaderboard', async () => {
    for (const path of [TINY, '/challenges/logic-gates', '/room/ACDEFH']) {
      const res = await fetch(app.url + path);
      assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin', path);
      assert.equal(res.headers.get('cross-origin-embedder-policy'), 'require-corp', path);
    }
    for (const path of ['/', '/solo', '/join', '/host', '/room/ACDEFH/host', '/leaderboard/sign-digits']) {
      const res = await fetch(app.url + path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cross-origin-embedder-policy'), null, path);
      assert.equal(res.headers.get('cross-origin-opener-policy'), null, path);
    }
    // The threaded SIMD binary is there for tfjs to fetch (scripts/copy-wasm.mjs copies it).
    const wasm = await fetch(`${app.url}/tfjs-wasm/tfjs-backend-wasm-threaded-simd.wasm`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.ok((await wasm.arrayBuffer()).byteLength > 100_000);
  });

  test('a link from home opens the studio isolated; the tiny model trains on WASM on one thread, the default CNN on every core; it draws the photos and submits over socket.io', async () => {
    const page = await ctx.newPage();
    await registerNickname(page, app.url, 'Ada');
    assert.equal(await isolatedIn(page), false, 'home is not isolated');
    const link = page.locator('[data-testid^="home-path-"][href^="/challenges/"]').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForURL(`${app.url}${href}`);
    await page.getByTestId('train-button').waitFor();
    assert.equal(await isolatedIn(page), true, `${href} opened from a link on home is isolated`);

    await page.goto(app.url + TINY);
    assert.equal(await isolatedIn(page), true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const badge = await trainTiny(page);
    assert.equal(badge.backend, 'wasm');
    assert.equal(badge.isolated, 'true', 'the training worker is isolated too');
    // The tiny model is too small for more threads to pay: one, and the badge says why.
    assert.equal(badge.threads, 1, `threads on ${cores} cores`);
    assert.match(badge.text, /WASM · 1 thread/);
    assert.equal(badge.title.includes(en.threadsLight), cores > 1, badge.title);
    assert.equal(badge.title.includes(en.threadsNotIsolated), false, badge.title);
    // The data set photos came through (same origin, allowed by require-corp): a drawn canvas.
    const inked = await page.getByTestId('sample-grid').locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
      const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      return new Set(Array.from(px.filter((_, i) => i % 4 === 0))).size;
    });
    assert.ok(inked > 10, `a sample photo has ${inked} grey levels`);
    await screenshot(page, 'studio-threads');

    await page.getByTestId('submit-button').click();
    await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
    const score = Number(await page.getByTestId('submission-score').getAttribute('data-value'));
    assert.ok(score >= 0 && score <= 1, `server score ${score}`);
    assert.equal(Number(await page.getByTestId('backend-badge').getAttribute('data-replicas')), 1, 'the tiny model is not worth sharing out');

    // The default CNN is: a replica per core (at most 4), each on its share of tfjs's threads.
    await page.goto(app.url + DEFAULT);
    const shared = await replicasOfDefault(page);
    const replicas = Math.min(cores, 4);
    assert.equal(shared.replicas, replicas, `replicas on ${cores} cores`);
    assert.equal(shared.threads, replicas * Math.max(1, Math.floor(cores / replicas)));
    if (cores > 1) assert.ok(shared.threads > 1, 'more than one thread on a multi-core machine');
    const help = en.replicasHelp.replace('{replicas}', String(replicas)).replace('{cores}', String(cores));
    assert.equal(shared.title.includes(help), cores > 1, shared.title);
    await page.close();
  });

  test('a student who joins by code gets an isolated room page, connected; the teacher\'s page is not isolated and shows the QR', async () => {
    const host = await ctx.newPage();
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    assert.equal(await isolatedIn(host), false, 'the teacher\'s console is not isolated');
    const code = (await host.getByTestId('join-code').getAttribute('data-code')) ?? '';
    const qr = host.getByTestId('join-qr');
    assert.ok(((await qr.locator('path').getAttribute('d')) ?? '').length > 100, 'the QR has modules');
    assert.ok(((await qr.boundingBox())?.width ?? 0) > 100, 'and is drawn');

    const student = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await student.goto(`${app.url}/join`);
    await student.getByTestId('join-code-input').fill(code);
    await student.getByTestId('join-code-submit').click();
    await student.waitForURL(`${app.url}/room/${code}`);
    // The room page must get a document of its own to be isolated (the form opens it with a full load).
    await student.waitForFunction(() => window.crossOriginIsolated, undefined, { timeout: 20_000 });
    await student.getByTestId('room-nickname').fill('Grace');
    await student.getByTestId('room-join').and(student.locator(':enabled')).click();
    await student.getByTestId('player-lobby').waitFor({ timeout: 20_000 });
    assert.equal(await isolatedIn(student), true);
    // The join went over the isolated page's socket.io connection: the teacher sees the student.
    await host.locator('[data-testid="player-count"][data-count="1"]').waitFor({ timeout: 10_000 });
    await student.context().close();
    await host.close();
  });

  test('embedded in another site, the studio trains on one thread and says why', async () => {
    const page = await ctx.newPage();
    await page.setContent(`<iframe src="${app.url}${TINY}" style="width:1340px;height:740px;border:0"></iframe>`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    assert.ok(frame);
    assert.equal(await isolatedIn(frame), false, 'a frame in a non-isolated page cannot be isolated');
    const cores = await frame.evaluate(() => navigator.hardwareConcurrency);
    const badge = await trainTiny(frame);
    assert.equal(badge.backend, 'wasm');
    assert.equal(badge.threads, 1);
    assert.equal(badge.isolated, 'false');
    // On one core there is nothing to explain; on more, the badge says isolation is missing.
    assert.equal(badge.title.includes(en.threadsNotIsolated), cores > 1, badge.title);
    // Replicas need no shared memory: the default CNN still trains on every core, by messages.
    await frame.goto(app.url + DEFAULT);
    const shared = await replicasOfDefault(frame);
    assert.equal(shared.replicas, Math.min(cores, 4));
    assert.equal(shared.threads, shared.replicas, 'one thread each without shared memory');
    await page.close();
  });
});
