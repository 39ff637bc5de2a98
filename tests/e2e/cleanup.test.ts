/**
 * The teacher cleans up in Chromium: two students checked and removed in one action (both screens say
 * so), then "Admit each newcomer": a newcomer waits on a screen with nothing of the class on it, the
 * teacher admits them (their screen switches into the lobby by itself), another is denied.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { joinRoom, launchBrowser, screenshot, startApp, type App } from './harness';

const VIEWPORT = { width: 1366, height: 768 };
const SWITCH_TIMEOUT_MS = 15_000;

describe('the teacher removes several students at once and admits newcomers from a waiting list', () => {
  let app: App;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let joinUrl = '';

  const open = async (locale: string) => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale });
    contexts.push(ctx);
    return ctx.newPage();
  };

  /** Types a nickname on the join page and asks to join (the caller waits for what follows). */
  const ask = async (page: Page, nickname: string) => {
    await page.goto(joinUrl);
    await page.getByTestId('room-nickname').fill(nickname);
    await page.getByTestId('room-join').and(page.locator(':enabled')).click();
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    host = await open('en-US');
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    joinUrl = (await host.getByTestId('join-url').getAttribute('href')) ?? '';
    await host.getByTestId('pin-dismiss').click();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  test('two students checked, removed in one action with a confirm; both are told, the third stays', async () => {
    const [ada, bo, cy] = [await open('ko-KR'), await open('en-US'), await open('en-US')];
    for (const [page, name] of [[ada, 'Ada'], [bo, 'Bo'], [cy, 'Cy']] as const) await joinRoom(page, joinUrl, name);
    await host.locator('[data-testid="player-count"][data-count="3"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    // The checkboxes sit behind Manage, below the projected lobby.
    await host.getByTestId('manage-toggle').click();
    for (const name of ['Bo', 'Cy']) await host.locator(`[data-testid="host-player"][data-nickname="${name}"]`).getByTestId('select-player').check();
    await host.getByTestId('remove-selected').click();
    // The confirm names the count before anything happens.
    assert.match(await host.getByRole('group').filter({ has: host.getByTestId('remove-selected-confirm') }).innerText(), /2 players/);
    assert.equal(await host.getByTestId('host-player').count(), 3, 'nothing removed before the confirm');
    await screenshot(host, 'cleanup-confirm');
    await host.getByTestId('remove-selected-confirm').click();
    for (const page of [bo, cy]) await page.locator('[data-testid="kicked"][data-denied="false"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.locator('[data-testid="player-count"][data-count="1"]').waitFor();
    assert.deepEqual(await host.getByTestId('host-player-name').allInnerTexts(), ['Ada']);
    await host.getByTestId('removed-note').waitFor();
    await ada.locator('[data-testid="lobby-player"]').filter({ hasText: 'Ada' }).waitFor();
    assert.equal(await ada.getByTestId('lobby-player').count(), 1);
    // A reload does not get a removed student back in.
    await bo.goto(joinUrl);
    await bo.getByTestId('room-nickname').fill('Bo again');
    await bo.getByTestId('room-join').and(bo.locator(':enabled')).click();
    await bo.getByTestId('kicked').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await bo.getByTestId('player-lobby').count(), 0);
  });

  test('admit each newcomer: the newcomer waits with nothing of the class shown, is admitted live; another is denied', async () => {
    await host.getByTestId('admission-toggle').click();
    await host.locator('[data-testid="admission-toggle"][aria-checked="true"]').waitFor();
    await host.getByTestId('waiting-empty').waitFor();
    const [dee, eve] = [await open('ko-KR'), await open('en-US')];
    await ask(dee, 'Dee');
    await dee.getByTestId('waiting-for-teacher').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await dee.getByTestId('lobby-players').count(), 0, 'no class list while waiting');
    assert.equal(await dee.getByTestId('player-lobby').count(), 0);
    await screenshot(dee, 'cleanup-student-waiting');
    await ask(eve, 'Eve');
    await eve.getByTestId('waiting-for-teacher').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.locator('[data-testid="waiting-count"][data-count="2"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await host.getByTestId('host-player').count(), 1, 'waiting students are not players');
    await screenshot(host, 'cleanup-waiting-list');

    await host.locator('[data-testid="waiting-player"][data-nickname="Dee"]').getByTestId('admit-button').click();
    await dee.getByTestId('player-lobby').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await dee.getByTestId('lobby-player').filter({ hasText: 'Dee' }).waitFor();
    assert.deepEqual((await dee.getByTestId('lobby-player').allInnerTexts()).sort(), ['Ada', 'Dee']);
    await host.locator('[data-testid="player-count"][data-count="2"]').waitFor();

    const eveRow = host.locator('[data-testid="waiting-player"][data-nickname="Eve"]');
    await eveRow.getByTestId('deny-button').click();
    await eveRow.getByTestId('deny-button-confirm').click();
    await eve.locator('[data-testid="kicked"][data-denied="true"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.locator('[data-testid="waiting-count"][data-count="0"]').waitFor();
    await screenshot(eve, 'cleanup-student-denied');
  });
});
