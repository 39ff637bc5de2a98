/**
 * Issue 16, finding 2, in Debian's Chromium: a lesson shows the controls it needs and no more
 * (logic gates has no Dropout, early stopping or weight decay until "All controls"); the feedback
 * on the default XOR run (a flat loss) says underfitting in points, never overfitting; its 0-star
 * result is not a personal best; the concept card leads without giving the answer; Train and the
 * progress are on the first screen of every model challenge at 1366×768, and on a 390×844 phone
 * in a bar that stays at the bottom while the page scrolls.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { CHALLENGE_IDS, getModelChallenge } from '../../game/challenges';
import { ARTIFACTS, registerNickname, screenshot, startAppAndBrowser, TRAIN_TIMEOUT_MS } from './harness';

const CHROMEBOOK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const MODEL_IDS = CHALLENGE_IDS.filter((id) => getModelChallenge(id) !== undefined);

/** The element's box lies wholly inside the viewport as the page is scrolled now. */
async function inViewport(page: Page, el: Locator): Promise<{ inside: boolean; box: string }> {
  const box = await el.boundingBox();
  const vp = page.viewportSize();
  assert.ok(box && vp, 'the element has a box');
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height;
  return { inside, box: `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${vp.width}×${vp.height}` };
}

/** What the first screen shows, not the whole page: the fixed bar at the bottom of the viewport. */
async function viewportShot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

describe('lessons: controls, feedback and layout (issue 16, finding 2)', () => {
  const e2e = startAppAndBrowser();

  test('logic gates shows no Dropout, early stopping, weight decay or loss; All controls shows them; the boss has them all', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'en-US', viewport: CHROMEBOOK });
    const page = await ctx.newPage();
    await page.goto(`${e2e.app.url}/challenges/logic-gates`);
    await page.getByTestId('layer-editor').waitFor();
    for (const id of ['add-dropout', 'early-stopping-toggle', 'decay', 'overfit-tools', 'loss-select', 'batch-size-input', 'optimizer-select']) {
      assert.equal(await page.getByTestId(id).count(), 0, `${id} is not part of the first lesson`);
    }
    for (const id of ['learning-rate-input', 'epochs-input', 'seed-input']) assert.ok(await page.getByTestId(id).isVisible(), `${id} shown`);
    const types = await page.getByLabel('Layer type').locator('option').allInnerTexts();
    assert.ok(!types.some((o) => /dropout/i.test(o)), `no Dropout in the layer types: ${types.join(', ')}`);

    await page.getByTestId('all-controls').check();
    for (const id of ['add-dropout', 'early-stopping-toggle', 'decay', 'loss-select', 'batch-size-input']) {
      assert.ok(await page.getByTestId(id).first().isVisible(), `${id} shown with All controls`);
    }
    assert.equal(await page.getByTestId('augment-toggle').count(), 0, 'points are never augmented');
    assert.match(await page.getByTestId('overfit-tools').innerText(), /training points/);
    // A Dropout layer the player added stays in sight when the switch goes off again.
    await page.getByTestId('add-dropout').click();
    await page.getByTestId('all-controls').uncheck();
    assert.equal(await page.getByTestId('early-stopping-toggle').count(), 0, 'early stopping hidden again');
    assert.ok(await page.getByTestId('add-dropout').isVisible(), 'the spec uses Dropout: its control stays');
    await page.getByTestId('reset-default').click();
    await page.getByTestId('add-dropout').waitFor({ state: 'detached' });

    await page.goto(`${e2e.app.url}/challenges/boss-1`);
    await page.getByTestId('layer-editor').waitFor();
    assert.equal(await page.getByTestId('all-controls').count(), 0, 'nothing to add on a boss level');
    for (const id of ['add-dropout', 'early-stopping-toggle', 'augment-toggle']) assert.ok(await page.getByTestId(id).isVisible(), `${id} on the boss`);
    await ctx.close();
  });

  test('the concept card and hint of logic gates lead to a hidden layer without naming it (en, ko)', async () => {
    for (const [locale, banned] of [['en-US', /two neurons|2 units|tanh/i], ['ko-KR', /뉴런 두 개짜리|뉴런 2개|tanh/]] as const) {
      const ctx = await e2e.browser.newContext({ locale, viewport: CHROMEBOOK });
      const page = await ctx.newPage();
      await page.goto(`${e2e.app.url}/challenges/logic-gates`);
      await page.getByTestId('hint').locator('summary').click();
      const card = `${await page.getByTestId('concept-text').innerText()}\n${await page.getByTestId('hint').innerText()}`;
      assert.doesNotMatch(card, banned, `${locale}: ${card}`);
      assert.match(card, /\?/, 'the hint asks');
      await ctx.close();
    }
  });

  test('the default on XOR (a flat loss): underfitting in points with the one-line hint, no overfitting; its 0-star result is no personal best', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'en-US', viewport: CHROMEBOOK });
    const page = await ctx.newPage();
    await registerNickname(page, e2e.app.url, 'Flat');
    await page.goto(`${e2e.app.url}/challenges/logic-gates?backend=wasm`);
    await page.getByTestId('train-button').and(page.locator(':enabled')).click();
    await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    assert.equal(await page.getByTestId('overfit-note').count(), 0, 'no overfitting on a flat loss');
    const note = page.getByTestId('underfit-note');
    assert.equal(await note.getAttribute('data-hint'), 'line');
    const text = await note.innerText();
    assert.match(text, /cannot separate the points/);
    assert.match(text, /underfitting/);
    assert.doesNotMatch(text, /image|photo|overfitting/i);
    assert.match(await page.getByTestId('underfit-hint').innerText(), /straight line/);

    await page.getByTestId('submit-button').click();
    await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('submission-stars').getAttribute('data-value'), '0', 'one neuron cannot win a star on XOR');
    const status = await page.getByTestId('submission-status').innerText();
    assert.doesNotMatch(status, /personal best/i, status);
    assert.equal(await page.getByTestId('new-best').count(), 0);
    assert.match(await page.getByTestId('zero-stars').innerText(), /No star yet/);
    await screenshot(page, 'lessons-xor-underfit');
    await ctx.close();
  });

  test('at 1366×768 Train and the progress are on the first screen of every model challenge', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'en-US', viewport: CHROMEBOOK });
    const page = await ctx.newPage();
    for (const id of MODEL_IDS) {
      await page.goto(`${e2e.app.url}/challenges/${id}`);
      const train = page.getByTestId('train-button');
      await train.waitFor();
      const at = await inViewport(page, train);
      assert.ok(at.inside, `${id}: Train at ${at.box}`);
      assert.ok((await inViewport(page, page.getByTestId('train-bar-progress'))).inside, `${id}: progress on screen`);
    }
    await page.goto(`${e2e.app.url}/challenges/sign-digits`);
    await page.getByTestId('train-button').waitFor();
    await viewportShot(page, 'lessons-chromebook-sign-digits');
    await ctx.close();
  });

  test('on a 390×844 phone the bar with Train, Stop and progress stays at the bottom while the page scrolls', async () => {
    const ctx = await e2e.browser.newContext({ locale: 'ko-KR', viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto(`${e2e.app.url}/challenges/logic-gates?backend=wasm`);
    const bar = page.getByTestId('train-bar');
    await bar.waitFor();
    const train = bar.getByTestId('train-button');
    assert.equal(await train.innerText(), '학습 시작');
    assert.ok((await inViewport(page, train)).inside, 'Train on the first screen');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const mid = await inViewport(page, bar);
    assert.ok(mid.inside, `bar in view halfway down: ${mid.box}`);
    const vp = page.viewportSize();
    const box = await bar.boundingBox();
    assert.ok(vp && box && Math.abs(box.y + box.height - vp.height) <= 1, 'the bar sits on the bottom edge');

    await train.and(page.locator(':enabled')).click();
    await page.locator('[data-testid="train-bar"][data-phase="done"]').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    assert.equal(await bar.getByTestId('train-bar-progress').getAttribute('aria-valuenow'), '100');
    assert.match(await bar.getByTestId('train-bar-status').innerText(), /끝남/);
    assert.ok(await bar.getByTestId('stop-button').isVisible(), 'Stop is in the bar');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    assert.ok((await inViewport(page, bar.getByTestId('train-button'))).inside, 'Train again in reach at the bottom of the page');
    await viewportShot(page, 'lessons-phone-bar');
    await ctx.close();
  });
});
