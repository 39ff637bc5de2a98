/**
 * A student's work survives a reload, a closed (discarded) tab and a dropped connection, in Chromium
 * at 1366×768 (issue 16, finding 1: a hidden layer and a learning rate of 0.05 came back as the
 * default after a reload). Solo: the editor's spec per challenge. Room: per round, with the round's
 * locks winning and a new round starting from its own defaults. A trained, unsubmitted model comes
 * back after a reload, is submitted without retraining and scored by the server, and is gone once
 * submitted or once the spec moved away from it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { joinRoom, launchBrowser, registerNickname, screenshot, startApp, TRAIN_TIMEOUT_MS, type App } from './harness';

const VIEWPORT = { width: 1366, height: 768 };
const SWITCH_TIMEOUT_MS = 15_000;

/** The finding's edit on logic gates: a hidden layer (Dense 2, tanh) above the output, learning rate 0.05. */
async function editModel(page: Page): Promise<void> {
  const rows = page.getByTestId('layer-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1, 'starts from the default: the output layer alone');
  await page.getByTestId('add-layer').click();
  await page.locator('[data-testid="layer-row"]').nth(1).waitFor();
  await rows.first().locator('input[type="number"]').first().fill('2');
  await rows.first().locator('select').first().selectOption('tanh');
  await page.getByTestId('learning-rate-input').fill('0.05');
  await page.getByTestId('param-count').filter({ hasText: /(^|\D)12(\D|$)/ }).waitFor();
}

/** The editor shows the edit: two layer rows, the hidden one Dense 2 tanh, and the rate 0.05. */
async function assertEdited(page: Page, when: string, rate = '0.05'): Promise<void> {
  const rows = page.getByTestId('layer-row');
  await page.locator('[data-testid="layer-row"]').nth(1).waitFor({ timeout: SWITCH_TIMEOUT_MS });
  assert.equal(await rows.count(), 2, `${when}: both layer rows`);
  assert.equal(await rows.first().locator('input[type="number"]').first().inputValue(), '2', `${when}: the hidden layer's units`);
  assert.equal(await rows.first().locator('select').first().inputValue(), 'tanh', `${when}: the hidden layer's activation`);
  assert.equal(await page.getByTestId('learning-rate-input').inputValue(), rate, `${when}: the learning rate`);
}

/** Keys of the trained models this page's origin keeps in IndexedDB (the app creates the store). */
async function savedModelKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((resolve) => {
    const req = indexedDB.open('gradient-arena');
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('trained-models')) {
        db.close();
        return resolve([]);
      }
      const keys = db.transaction('trained-models').objectStore('trained-models').getAllKeys();
      keys.onsuccess = () => {
        db.close();
        resolve(keys.result.map(String));
      };
      keys.onerror = () => resolve([]);
    };
    req.onerror = () => resolve([]);
  }));
}

async function waitForSavedModel(page: Page, key: string, present: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await savedModelKeys(page)).includes(key) === present) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`IndexedDB key ${key} ${present ? 'never saved' : 'never deleted'}`);
}

describe('a student’s work survives a reload, a discarded tab and a dropped connection', () => {
  let app: App;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const open = async (locale: string) => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale });
    contexts.push(ctx);
    return { ctx, page: await ctx.newPage() };
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  test('solo: a hidden layer and a learning rate of 0.05 come back after a reload; a link wins; Start over forgets', async () => {
    const { ctx, page } = await open('ko-KR');
    await page.goto(`${app.url}/challenges/logic-gates?backend=wasm`);
    await editModel(page);
    await page.reload();
    await assertEdited(page, 'after a reload');
    const note = page.locator('[data-testid="draft-restored"][data-what="spec"]');
    await note.waitFor();
    assert.match(await note.innerText(), /불러왔어요/, 'told in Korean');
    await screenshot(page, 'persist-solo-restored');

    // A discarded tab: the page is gone, a new one opens the same address.
    await page.close();
    const again = await ctx.newPage();
    await again.goto(`${app.url}/challenges/logic-gates?backend=wasm`);
    await assertEdited(again, 'in a new tab');
    // Another challenge has its own draft (none yet): its default.
    await again.goto(`${app.url}/challenges/activations?backend=wasm`);
    await again.getByTestId('layer-row').first().waitFor();
    assert.equal(await again.getByTestId('draft-restored').count(), 0, 'no draft on another challenge');

    // A preset link is what the student asked for: it wins over the draft (which stays).
    await again.goto(`${app.url}/challenges/logic-gates?preset=tiny&backend=wasm`);
    await again.getByTestId('layer-row').first().waitFor();
    await again.waitForTimeout(500);
    assert.equal(await again.getByTestId('draft-restored').count(), 0, 'the preset, not the draft');
    assert.equal(await again.getByTestId('epochs-input').inputValue(), '1', 'the tiny preset trains one epoch');
    await again.goto(`${app.url}/challenges/logic-gates?backend=wasm`);
    await assertEdited(again, 'the draft outlived the preset link');

    await again.getByTestId('draft-start-over').click();
    await again.locator('[data-testid="layer-row"]').nth(1).waitFor({ state: 'detached' });
    assert.equal(await again.getByTestId('learning-rate-input').inputValue(), '0.1', 'the default rate');
    await again.reload();
    await again.getByTestId('layer-row').first().waitFor();
    await again.waitForTimeout(500);
    assert.equal(await again.getByTestId('layer-row').count(), 1, 'Start over forgot the draft');
    assert.equal(await again.getByTestId('draft-restored').count(), 0);
  });

  test('room: the same edit survives a reload, a dropped connection and a closed tab; round 2 starts from its own defaults and locks', async () => {
    const { page: host } = await open('en-US');
    const { ctx, page: first } = await open('en-US');
    let student = first;
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    const joinUrl = (await host.getByTestId('join-url').getAttribute('href')) ?? '';
    await host.getByTestId('pin-dismiss').click();
    await joinRoom(student, `${joinUrl}?backend=wasm`, 'Ada');
    await host.locator('[data-testid="player-count"][data-count="1"]').waitFor({ timeout: 10_000 });
    await host.getByTestId('setup-round').click();
    await host.getByTestId('settings-challenge').selectOption('logic-gates');
    await host.getByTestId('start-round').click();
    await student.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });

    await editModel(student);
    await student.reload();
    await student.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await assertEdited(student, 'room, after a reload');
    assert.match(await student.getByTestId('draft-restored').innerText(), /back/, 'told in English');

    // The connection drops: the socket goes, the studio keeps the work, the round comes back.
    await ctx.setOffline(true);
    await student.getByTestId('reconnecting').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await assertEdited(student, 'room, offline');
    await ctx.setOffline(false);
    await student.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 30_000 });
    await assertEdited(student, 'room, back online');

    // A discarded tab: a new page rejoins the round with the same work.
    await student.close();
    student = await ctx.newPage();
    await student.goto(`${joinUrl}?backend=wasm`);
    await student.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await assertEdited(student, 'room, in a new tab');
    await screenshot(student, 'persist-room-restored');

    // Round 2, with the epochs locked at 7: the studio starts from the round's defaults and locks.
    await host.getByTestId('end-round').click();
    await host.getByTestId('end-round-confirm').click();
    await host.getByTestId('new-round').click();
    await host.getByTestId('setup-round').click();
    await host.locator('[data-testid="round-settings"][data-round="2"]').waitFor();
    await host.getByTestId('settings-challenge').selectOption('logic-gates');
    await host.getByTestId('lock-epochs').check();
    await host.getByTestId('lock-epochs-value').fill('7');
    await host.getByTestId('start-round').click();
    await student.locator('[data-testid="epochs-input"]:disabled').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await student.waitForTimeout(500);
    assert.equal(await student.getByTestId('layer-row').count(), 1, 'round 2 does not inherit round 1’s draft');
    assert.equal(await student.getByTestId('learning-rate-input').inputValue(), '0.1', 'the default rate, not round 1’s 0.05');
    assert.equal(await student.getByTestId('epochs-input').inputValue(), '7', 'the round’s lock');
    await student.getByTestId('add-layer').click();
    await student.locator('[data-testid="layer-row"]').nth(1).waitFor();
    await student.reload();
    await student.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await student.locator('[data-testid="layer-row"]').nth(1).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await student.getByTestId('epochs-input').inputValue(), '7', 'the lock still holds after the reload');
    assert.ok(await student.getByTestId('epochs-input').isDisabled());
  });

  test('a trained model comes back after a reload, is submitted without retraining and scored by the server; then it is gone', async () => {
    const { page } = await open('en-US');
    await registerNickname(page, app.url, 'Keeper');
    await page.goto(`${app.url}/challenges/logic-gates?backend=wasm`);
    await page.getByTestId('train-button').and(page.locator(':enabled')).click();
    await page.getByTestId('submit-button').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    const trainedAcc = await page.getByTestId('val-accuracy').getAttribute('data-value');
    await waitForSavedModel(page, 'solo/logic-gates', true);

    await page.reload();
    const note = page.locator('[data-testid="draft-restored"][data-what="model"]');
    await note.waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.match(await note.innerText(), /without training again/);
    assert.equal(await page.getByTestId('val-accuracy').getAttribute('data-value'), trainedAcc, 'the same run’s results');
    assert.equal(await page.getByTestId('progress-bar').getAttribute('aria-valuenow'), await page.getByTestId('progress-bar').getAttribute('aria-valuemax'), 'the run shown as finished');
    await screenshot(page, 'persist-model-restored');
    await page.getByTestId('submit-button').click();
    await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
    const score = Number(await page.getByTestId('submission-score').getAttribute('data-value'));
    assert.ok(score >= 0 && score <= 1, `the server scored it: ${score}`);
    await waitForSavedModel(page, 'solo/logic-gates', false);
    await page.reload();
    await page.getByTestId('layer-row').first().waitFor();
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('submit-button').count(), 0, 'a submitted model is not offered again');

    // Trained again, then the spec changes: that model is not offered after a reload.
    await page.getByTestId('train-button').and(page.locator(':enabled')).click();
    await page.getByTestId('submit-button').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    await waitForSavedModel(page, 'solo/logic-gates', true);
    await page.getByTestId('learning-rate-input').fill('0.05');
    await waitForSavedModel(page, 'solo/logic-gates', false);
    await page.reload();
    await page.locator('[data-testid="draft-restored"][data-what="spec"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('submit-button').count(), 0, 'the model of the old spec is gone');
  });
});
