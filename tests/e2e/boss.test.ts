/**
 * The overfitting boss in Debian's Chromium. A class: the teacher starts a round on boss-3, two
 * students each train the tiny preset and submit through the studio, one picks a submission for the
 * private board; nothing private reaches a student before the reveal (page text, socket frames);
 * the teacher ends the round and presses Reveal; all three screens play the same reveal (health,
 * shake-up rows with public and private %, gaps). Two socket.io players join the class with
 * hand-built memorizers (tests/integration/rooms/memorizer.ts) so the shake-up really shakes: Pub
 * learned the public part by heart and leads the live board, then falls below Priv at the reveal. Solo: a player submits on boss-1, faces the boss
 * and sees the reveal and its stars.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as tf from '@tensorflow/tfjs';
import type { SubmissionResult } from '../../protocol';
import { closeAll, grantStar, joinAs, type Player } from '../integration/rooms/helpers';
import { splitMemorizers } from '../integration/rooms/memorizer';
import { request } from '../integration/server/harness';
import { joinRoom, launchBrowser, registerNickname, screenshot, startApp, trainAndSubmit, type App } from './harness';

const SWITCH_TIMEOUT_MS = 15_000;
const VIEWPORT = { width: 1366, height: 768 };
/** Test ids that carry private or training accuracy: only the reveal renders them. */
const PRIVATE_IDS = ['reveal-view', 'shakeup-table', 'reveal-private', 'reveal-gap', 'reveal-my-private', 'reveal-my-train', 'reveal-my-gap', 'boss-line'];
/** Column headers of the private board, in both languages. */
const PRIVATE_WORDS = /Private rank|비공개 순위(?!표)/;

/** Every socket.io message a page receives (websocket frames and long-polling bodies), in order. */
function recordSocket(page: Page): string[] {
  const seen: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => seen.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))));
  page.on('response', (res) => {
    if (res.url().includes('/socket.io/') && res.request().method() === 'GET') void res.text().then((t) => seen.push(t), () => undefined);
  });
  return seen;
}

/** Train the tiny preset (one epoch of the boss's default CNN) on WASM and submit; the server's score. */
async function bossTrainAndSubmit(page: Page): Promise<number> {
  const score = await trainAndSubmit(page);
  // The public score carries no stars: they come at the reveal, and the panel says so.
  assert.equal(await page.getByTestId('submission-stars').count(), 0);
  await page.getByTestId('boss-stars-later').waitFor();
  return score;
}

/** `mustSee`: a text some recorded frame has, so that an empty recording cannot pass. */
async function assertNothingPrivate(page: Page, frames: readonly string[], who: string, mustSee = 'room:state') {
  for (const id of PRIVATE_IDS) assert.equal(await page.getByTestId(id).count(), 0, `${who}: no ${id} before the reveal`);
  assert.doesNotMatch(await page.locator('body').innerText(), PRIVATE_WORDS, `${who}: no private column on the page`);
  assert.ok(frames.some((f) => f.includes(mustSee)), `${who}: the recorder saw the room's messages`);
  const leaked = frames.filter((f) => /"private"\s*:|"train"\s*:|privateIdx|publicIdx/.test(f));
  assert.deepEqual(leaked, [], `${who}: no socket message with private or training accuracy or the split`);
}

/** Waits until the reveal's health bar and shake-up have finished moving (screenshots mid-move lie). */
async function revealSettled(page: Page) {
  await page.locator('[data-testid="shakeup-table"][data-settled="true"], [data-testid="reveal-mine"]').first().waitFor({ timeout: SWITCH_TIMEOUT_MS });
  await page.waitForFunction(() => {
    const view = document.querySelector('[data-testid="reveal-view"]');
    const fill = document.querySelector('[data-testid="boss-health-fill"]');
    const health = Number(view?.getAttribute('data-health'));
    const shown = Number(fill?.getAttribute('data-shown'));
    return view !== null && Math.abs(shown - Math.round(health * 10) / 10) < 0.05 && view.getAnimations({ subtree: true }).every((a) => a.playState === 'finished');
  }, undefined, { timeout: SWITCH_TIMEOUT_MS });
}

interface ShownRow { nickname: string; publicRank: number; privateRank: number; public: string; private: string; gap: string; moved: string }

async function revealRows(page: Page): Promise<ShownRow[]> {
  const rows = page.getByTestId('shakeup-row');
  const out: ShownRow[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const r = rows.nth(i);
    out.push({
      nickname: (await r.getAttribute('data-nickname')) ?? '',
      publicRank: Number(await r.getAttribute('data-public-rank')),
      privateRank: Number(await r.getAttribute('data-private-rank')),
      public: await r.getByTestId('reveal-public').innerText(),
      private: await r.getByTestId('reveal-private').innerText(),
      gap: await r.getByTestId('reveal-gap').innerText(),
      moved: await r.getByTestId('reveal-moved').innerText(),
    });
  }
  return out;
}

describe('the overfitting boss, end to end in Chromium', () => {
  let app: App;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let ada: Page;
  let bo: Page;
  let adaFrames: string[] = [];
  let boFrames: string[] = [];
  let joinUrl = '';
  const scores: Record<string, number> = {};
  let bots: Player[] = [];
  let code = '';
  /** The round's public page, once the teacher published it. */
  let publicHref = '';

  /** Pub and Priv submit their memorizers over socket.io; the public scores the server sent them. */
  const botsSubmit = async () => {
    await tf.setBackend('cpu');
    const { pub, priv } = splitMemorizers(`room:${code}:1`, 'boss-3');
    for (const [bot, model] of [[bots[0], pub], [bots[1], priv]] as const) {
      if (!bot) throw new Error('bots have not joined');
      const scored = new Promise<SubmissionResult>((ok) => bot.socket.once('submission:result', ok));
      const ack = await request(bot.socket, 'submission:submit', { challengeId: 'boss-3', spec: model.spec, weights: model.weights, roomCode: code });
      assert.ok(ack.ok, JSON.stringify(ack));
      const result = await scored;
      assert.equal(result.status, 'scored', JSON.stringify(result.error));
      scores[bot.nickname] = result.score ?? -1;
    }
  };

  const open = async (locale: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference') => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale, reducedMotion });
    contexts.push(ctx);
    return ctx.newPage();
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    host = await open('en-US');
    ada = await open('en-US');
    // Bo asked for reduced motion: the shake-up stands still and the arrows tell the moves.
    bo = await open('ko-KR', 'reduce');
    adaFrames = recordSocket(ada);
    boFrames = recordSocket(bo);
  });

  after(async () => {
    closeAll(bots.map((b) => b.socket));
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  test('the teacher starts a round on boss-3; two students join', async () => {
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    joinUrl = (await host.getByTestId('join-url').getAttribute('href')) ?? '';
    await host.getByTestId('pin-dismiss').click();
    await joinRoom(ada, `${joinUrl}?preset=tiny&backend=wasm`, 'Ada');
    await joinRoom(bo, `${joinUrl}?preset=tiny&backend=wasm`, 'Bo');
    code = (await host.getByTestId('join-code').getAttribute('data-code')) ?? '';
    bots = [await joinAs(app.url, code, 'Pub'), await joinAs(app.url, code, 'Priv')];
    await host.locator('[data-testid="player-count"][data-count="4"]').waitFor({ timeout: 10_000 });
    await host.getByTestId('setup-round').click();
    await host.getByTestId('settings-challenge').selectOption('boss-3');
    await host.getByTestId('settings-minutes').fill('5');
    await host.getByTestId('settings-max-submissions').fill('3');
    await host.getByTestId('start-round').click();
    await host.locator('[data-testid="host-console"][data-phase="running"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    for (const page of [ada, bo]) {
      await page.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });
      await page.getByTestId('boss-panel').waitFor({ timeout: SWITCH_TIMEOUT_MS });
      assert.equal(await page.getByTestId('boss-health').getAttribute('data-value'), '100', 'the boss is at full health before the reveal');
      await page.getByTestId('boss-no-submissions').waitFor({ timeout: SWITCH_TIMEOUT_MS });
      assert.equal(await page.getByTestId('boss-face').count(), 0, 'in a room the teacher reveals, not the student');
    }
    assert.match(await ada.getByTestId('boss-taunt').innerText(), /10 photos per digit/);
  });

  test('both submit through the studio: the panel lists the public score; Ada picks hers; nothing private leaks', async () => {
    const [a, b] = await Promise.all([bossTrainAndSubmit(ada), bossTrainAndSubmit(bo)]);
    scores.Ada = a;
    scores.Bo = b;
    await botsSubmit();
    assert.equal(scores.Pub, 1, 'Pub learned the public part by heart');
    for (const [page, score] of [[ada, a], [bo, b]] as const) {
      assert.ok(score >= 0 && score <= 1, `public score ${score}`);
      const item = page.getByTestId('boss-submission');
      await item.first().waitFor({ timeout: SWITCH_TIMEOUT_MS });
      assert.equal(await item.count(), 1);
      assert.equal(Number(await item.getAttribute('data-public')), score, 'the panel shows the score the server sent (public only)');
      assert.equal(await page.getByTestId('boss-picks-note').getAttribute('data-count'), '0');
    }
    assert.match(await ada.getByTestId('boss-picks-note').innerText(), /None picked: your best public one counts/);
    await ada.getByTestId('boss-pick').click();
    await ada.locator('[data-testid="boss-submission"][data-picked="true"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await ada.locator('[data-testid="boss-picks-note"][data-count="1"]').waitFor();
    // The standings say which part of the test set they rank.
    await ada.getByTestId('standings-row').nth(3).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await ada.getByTestId('standings-row').first().getAttribute('data-player-id'), bots[0]?.playerId, 'Pub leads the live board');
    assert.match(await ada.getByTestId('standings-table').locator('thead').innerText(), /Public score/);
    await assertNothingPrivate(ada, adaFrames, 'Ada');
    await assertNothingPrivate(bo, boFrames, 'Bo');
    await ada.getByTestId('boss-panel').scrollIntoViewIfNeeded();
    await screenshot(ada, 'boss-round');
  });

  test('the teacher ends the round; students wait with their picks; a reload keeps Ada\'s pick', async () => {
    await host.getByTestId('end-round').click();
    await host.getByTestId('end-round-confirm').click();
    await host.getByTestId('reveal-button').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    for (const page of [ada, bo]) {
      await page.getByTestId('player-ended').waitFor({ timeout: SWITCH_TIMEOUT_MS });
      await page.getByTestId('boss-note').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    }
    assert.match(await ada.getByTestId('my-final').innerText(), /^On the public board: #\d/);
    assert.match(await bo.getByTestId('my-final').innerText(), /^공개 순위표에서 \d위/);
    await ada.reload();
    await ada.locator('[data-testid="boss-submission"][data-picked="true"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await assertNothingPrivate(ada, adaFrames, 'Ada after the round');
    // The round's results stay with the class until the teacher publishes them.
    const visitor = await open('en-US');
    const visitorFrames = recordSocket(visitor);
    await visitor.goto(`${app.url}/leaderboard/room/${code}/1`);
    await visitor.locator('[data-testid="room-error"][data-code="round/private"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.getByTestId('publish-toggle').click();
    await host.locator('[data-testid="publish-panel"][data-published="true"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    publicHref = (await host.getByTestId('public-link').getAttribute('href')) ?? '';
    // Its public results page: the public board, a note, no private board yet.
    await visitor.goto(`${app.url}${publicHref}`);
    await visitor.getByTestId('results-not-revealed').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await visitor.getByTestId('standings-row').nth(3).waitFor();
    assert.equal(await visitor.getByTestId('podium').count(), 0);
    await assertNothingPrivate(visitor, visitorFrames, 'a visitor of the results page', '"standings"');
    await visitor.close();
    await assertNothingPrivate(bo, boFrames, 'Bo after the round');
  });

  test('Reveal plays on every screen: the same rows with public and private %, gaps and the boss\'s health', async () => {
    await host.getByTestId('reveal-button').click();
    await host.getByTestId('reveal-button-confirm').click();
    const shown: Record<string, ShownRow[]> = {};
    let health = '';
    for (const [name, page] of [['host', host], ['Ada', ada], ['Bo', bo]] as const) {
      const view = page.locator('[data-testid="reveal-view"][data-rows="4"]');
      await view.waitFor({ timeout: SWITCH_TIMEOUT_MS });
      health ||= (await view.getAttribute('data-health')) ?? '';
      assert.equal(await view.getAttribute('data-health'), health, `${name} sees the same boss health`);
      assert.equal(await page.getByTestId('boss-health').getAttribute('data-value'), String(Math.round(Number(health) * 10) / 10));
      await revealSettled(page);
      shown[name] = await revealRows(page);
    }
    const rows = shown.host ?? [];
    assert.equal(rows.length, 4);
    assert.deepEqual(shown.Ada, rows, 'Ada sees the host\'s rows');
    assert.deepEqual(shown.Bo?.map((r) => [r.nickname, r.private, r.public]), rows.map((r) => [r.nickname, r.private, r.public]), 'Bo sees the same numbers');
    for (const r of rows) {
      assert.match(r.public, /^\d{1,3}\.\d%$/);
      assert.match(r.private, /^\d{1,3}\.\d%$/);
      assert.match(r.gap, /^-?\d+ pts?$/);
      assert.equal(r.public, `${((scores[r.nickname] ?? -1) * 100).toFixed(1)}%`, `${r.nickname}'s public % is the score submitted`);
    }
    assert.deepEqual(rows.map((r) => r.privateRank), [1, 2, 3, 4], 'in private order');
    // The shake-up: Priv climbs from second to first, Pub falls from first to second.
    assert.deepEqual(rows.slice(0, 2).map((r) => [r.nickname, r.publicRank, r.privateRank]), [['Priv', 2, 1], ['Pub', 1, 2]]);
    assert.match(rows[0]?.moved ?? '', /▲ 1/);
    assert.match(rows[1]?.moved ?? '', /▼ 1/);
    assert.equal(rows[0]?.private, '100.0%');
    for (const [page, name] of [[ada, 'Ada'], [bo, 'Bo']] as const) {
      await page.getByTestId('boss-line').waitFor();
      assert.match(await page.getByTestId('reveal-my-private').innerText(), /\d%$/, `${name} sees their private accuracy`);
      assert.ok(['0', '1', '2', '3'].includes((await page.getByTestId('reveal-my-stars').getAttribute('data-value')) ?? ''));
    }
    assert.match(await ada.getByTestId('boss-line').innerText(), /train \d+ %, test \d+ %|points/);
    assert.equal(await host.getByTestId('reveal-mine').count(), 0, 'the teacher has no hit of their own');
    assert.ok(adaFrames.some((f) => f.includes('room:revealed') && /"private"\s*:/.test(f)), 'the private scores came with the reveal, and the recorder would have seen them');
    // Reduced motion: rows never leave their place; the moved column still says who climbed and who fell.
    const transforms = await bo.getByTestId('shakeup-row').evaluateAll((trs) => trs.map((tr) => getComputedStyle(tr).transform));
    for (const t of transforms) assert.ok(t === 'none' || t === 'matrix(1, 0, 0, 1, 0, 0)', t);
    assert.match(await ada.getByTestId('shakeup-table').locator('thead').innerText(), /Private rank/);
    for (const page of [host, ada, bo]) assert.equal(await page.getByTestId('podium').count(), 0, 'no podium of the public board: the reveal is the ceremony');
    await screenshot(ada, 'boss-reveal');
    await screenshot(host, 'boss-reveal-host');
    await screenshot(bo, 'boss-reveal-ko');
  });

  test('a student who reloads after the reveal sees it again; the round\'s results page shows the private board', async () => {
    await bo.reload();
    await bo.locator('[data-testid="reveal-view"][data-rows="4"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await bo.getByTestId('boss-pick').count(), 0, 'picks are over');
    const visitor = await open('en-US');
    await visitor.goto(`${app.url}${publicHref}`);
    await visitor.locator('[data-testid="reveal-view"][data-rows="4"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await visitor.getByTestId('shakeup-row').first().getAttribute('data-nickname'), 'Priv');
    assert.equal(await visitor.getByTestId('podium').count(), 0);
  });

  test('solo: a player submits on boss-1, faces the boss and sees the reveal and the stars', async () => {
    const solo = await open('en-US');
    await registerNickname(solo, app.url, 'Solo');
    // boss-1 opens with a star on Sign Digits 0 vs 1 (a locked level offers no reveal: records.test.ts).
    const soloId = await solo.evaluate(() => (JSON.parse(window.localStorage.getItem('gradient-arena.player') ?? '{}') as { playerId?: string }).playerId);
    assert.ok(soloId);
    grantStar(app.dbFile, soloId, 'sign-01');
    await solo.goto(`${app.url}/challenges/boss-1?preset=tiny&backend=wasm`);
    await solo.getByTestId('boss-panel').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    const score = await bossTrainAndSubmit(solo);
    await solo.getByTestId('boss-submission').first().waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(Number(await solo.getByTestId('boss-submission').getAttribute('data-public')), score);
    await solo.getByTestId('boss-face').click();
    await solo.getByTestId('boss-face-confirm').click();
    await solo.getByTestId('reveal-view').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await revealSettled(solo);
    assert.equal(await solo.getByTestId('shakeup-table').count(), 0, 'solo has no class shake-up');
    assert.match(await solo.getByTestId('reveal-my-public').innerText(), new RegExp(`^${(score * 100).toFixed(1)}%$`));
    assert.match(await solo.getByTestId('boss-line').innerText(), /train \d+ %, test \d+ %|points/);
    const stars = Number(await solo.getByTestId('reveal-my-stars').getAttribute('data-value'));
    assert.ok(stars >= 0 && stars <= 3);
    await screenshot(solo, 'boss-solo-reveal');
    // The reveal is final: a reload shows it, with no button to face the boss again.
    await solo.reload();
    await solo.getByTestId('reveal-view').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await solo.getByTestId('boss-face').count(), 0);
  });
});
