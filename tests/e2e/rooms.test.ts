/**
 * A class competition in Debian's Chromium: one teacher and two students, each in their own browser
 * context. Host a room → students join from the join URL (one offensive nickname is replaced) →
 * the round starts on every screen → both train the tiny preset and submit → the class wall and
 * standings follow → the teacher ends the round → podium everywhere → CSV export → the teacher
 * publishes the round → it appears under class rounds for anyone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { joinRoom, launchBrowser, screenshot, startApp, trainAndSubmit, type App } from './harness';

const SWITCH_TIMEOUT_MS = 15_000;
const VIEWPORT = { width: 1366, height: 768 };

/** Host controls that must never render on a student's page. */
const HOST_ONLY = ['create-room', 'start-round', 'setup-round', 'projector-names', 'manage-toggle', 'end-round', 'kick-button', 'rename-button', 'lock-toggle', 'export-csv', 'new-round', 'round-settings', 'class-wall'];

async function assertNoHostControls(page: Page, when: string) {
  for (const id of HOST_ONLY) assert.equal(await page.getByTestId(id).count(), 0, `${when}: no ${id} on a student page`);
}

/** Waits until the podium's entrance animation has played (screenshots mid-animation show nothing). */
async function podiumSettled(page: Page) {
  await page.waitForFunction(() => {
    const podium = document.querySelector('[data-testid="podium"]');
    return podium !== null && podium.getAnimations({ subtree: true }).every((a) => a.playState === 'finished');
  });
}

describe('classroom rooms, end to end in Chromium', () => {
  let app: App;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Shared by the steps below, which run in order as one class period. */
  let host: Page;
  let ada: Page;
  let rude: Page;
  /** The teacher's second device, once the room was taken back with its PIN. */
  let laptop: Page;
  let code = '';
  let pin = '';
  let joinUrl = '';
  let adaScore = 0;
  let graceScore = 0;

  const open = async (locale: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference') => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale, reducedMotion, acceptDownloads: true });
    contexts.push(ctx);
    return ctx.newPage();
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    host = await open('ko-KR');
    // Ada's browser asks for reduced motion: her podium must stand still.
    ada = await open('ko-KR', 'reduce');
    rude = await open('en-US');
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  test('the teacher opens a room: join code, URL and QR, host token kept, PIN shown once', async () => {
    await host.goto(`${app.url}/host`);
    await screenshot(host, 'room-host-start');
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    code = (await host.getByTestId('join-code').getAttribute('data-code')) ?? '';
    assert.match(code, /^[ACDEFHJKMPRTWXY3479]{6}$/);
    assert.ok(await host.evaluate((c) => window.localStorage.getItem(`gradient-arena.host.${c}`), code), 'host token stored');
    pin = (await host.getByTestId('host-pin').innerText()).trim();
    assert.match(pin, /^\S{4,}$/);
    joinUrl = (await host.getByTestId('join-url').getAttribute('href')) ?? '';
    assert.equal(joinUrl, `${app.url}/room/${code}`);
    assert.equal(await host.getByTestId('join-qr').getAttribute('data-text'), joinUrl);
    await host.getByTestId('pin-dismiss').click();
    assert.equal(await host.getByTestId('pin-panel').count(), 0);
    await host.getByTestId('players-empty').waitFor();
  });

  test('students join from the join URL in one click; an offensive nickname is replaced; the host renames and locks', async () => {
    await joinRoom(ada, `${joinUrl}?preset=tiny&backend=wasm`, 'Ada');
    await rude.goto(`${joinUrl}?preset=tiny&backend=wasm`);
    await rude.getByTestId('room-nickname').waitFor();
    await screenshot(rude, 'room-student-join');
    await rude.getByTestId('room-nickname').fill('fuckface');
    await rude.getByTestId('room-join').and(rude.locator(':enabled')).click();
    await rude.getByTestId('player-lobby').waitFor({ timeout: 20_000 });
    const replaced = await rude.getByTestId('nickname-replaced').innerText();
    assert.doesNotMatch(replaced, /fuck/i, 'the offensive nickname is replaced');
    assert.match(replaced, /Neuron/);

    await host.locator('[data-testid="player-count"][data-count="2"]').waitFor({ timeout: 10_000 });
    // Rename and remove sit behind Manage, below the projected lobby.
    await host.getByTestId('manage-toggle').click();
    await host.getByTestId('manage-panel').waitFor();
    const names = await host.getByTestId('host-player-name').allInnerTexts();
    assert.ok(names.includes('Ada') && names.some((n) => n.startsWith('Neuron')), names.join(', '));
    const rudeRow = host.getByTestId('host-player').filter({ hasText: 'Neuron' });
    await rudeRow.getByTestId('rename-button').click();
    await rudeRow.getByTestId('rename-input').fill('Grace');
    await rudeRow.getByTestId('rename-save').click();
    await host.locator('[data-testid="host-player"][data-nickname="Grace"]').waitFor();
    await rude.getByTestId('lobby-player').filter({ hasText: 'Grace' }).waitFor();
    await host.getByTestId('lock-toggle').click();
    await host.locator('[data-testid="lock-toggle"][aria-pressed="true"]').waitFor();
    // The projected lobby itself (30 names) is room-lobby, from projector.test.ts.
    await screenshot(host, 'room-lobby-manage');
    await screenshot(ada, 'room-student-lobby');
    await assertNoHostControls(ada, 'lobby');
  });

  test('the round starts on every student screen at once; locks are offered only where the server retrains', async () => {
    await host.getByTestId('setup-round').click();
    await host.getByTestId('settings-minutes').fill('5');
    await host.getByTestId('settings-max-submissions').fill('3');
    // Locks are a rule only where the server trains each model itself (2-D and gate challenges).
    assert.equal(await host.getByTestId('settings-locks').count(), 0, 'no locks on sign-digits');
    assert.equal(await host.getByTestId('settings-no-locks').getAttribute('data-reason'), 'not-retrained');
    await host.getByTestId('settings-challenge').selectOption('losses');
    await host.getByTestId('lock-optimizer').check();
    await host.getByTestId('settings-challenge').selectOption('sign-digits');
    await host.getByTestId('settings-no-locks').waitFor();
    await host.getByTestId('start-round').click();
    await host.locator('[data-testid="host-console"][data-phase="running"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    for (const page of [ada, rude]) {
      await page.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });
      // The lock ticked on losses went away with the switch back to sign-digits.
      assert.ok(await page.getByTestId('optimizer-select').isEnabled(), 'nothing is locked on an image challenge');
      assert.ok(await page.getByTestId('batch-size-input').isEnabled(), 'nothing is locked on an image challenge');
      assert.equal(await page.getByTestId('my-submissions').innerText(), '0 / 3');
      const left = Number(await page.getByTestId('countdown').getAttribute('data-left-ms'));
      assert.ok(left > 4 * 60_000 && left <= 5 * 60_000, `countdown on server time: ${left} ms`);
      await assertNoHostControls(page, 'running');
    }
    await host.locator('[data-testid="wall-tile"][data-activity="building"]').nth(1).waitFor({ timeout: 10_000 });
  });

  test('both train and submit; the class wall and the standings follow', async () => {
    [adaScore, graceScore] = await Promise.all([trainAndSubmit(ada), trainAndSubmit(rude)]);
    for (const s of [adaScore, graceScore]) assert.ok(s >= 0 && s <= 1, `server score ${s}`);
    for (const [nick, score] of [['Ada', adaScore], ['Grace', graceScore]] as const) {
      const tile = host.locator(`[data-testid="wall-tile"][data-nickname="${nick}"][data-activity="submitted"]`);
      await tile.waitFor({ timeout: 15_000 });
      await tile.and(host.locator(`[data-best="${score}"]`)).waitFor({ timeout: 15_000 });
      assert.equal(await tile.getByTestId('wall-backend').innerText(), 'WASM');
      assert.ok(Number(await tile.getByTestId('wall-sparkline').getAttribute('data-points')) >= 1, `${nick}'s curve reached the wall`);
      assert.match(await tile.getByTestId('wall-best').innerText(), new RegExp(`${(score * 100).toFixed(1)}%`));
    }
    await host.getByTestId('standings-row').nth(1).waitFor();
    await ada.getByTestId('standings-row').nth(1).waitFor({ timeout: 10_000 });
    await ada.locator('[data-testid="my-submissions"]', { hasText: '1 / 3' }).waitFor({ timeout: 10_000 });
    assert.match(await ada.getByTestId('my-rank').innerText(), /[12]/);
    await ada.evaluate(() => window.scrollTo(0, 0));
    await screenshot(host, 'room-class-wall');
    await screenshot(ada, 'room-student-running');
  });

  test('a reload mid-round comes back to the same room, nickname, submissions and best score', async () => {
    const bestBefore = await ada.getByTestId('my-best').innerText();
    await ada.reload();
    await ada.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await ada.locator('[data-testid="my-submissions"]', { hasText: '1 / 3' }).waitFor({ timeout: 10_000 });
    assert.equal(await ada.getByTestId('my-best').innerText(), bestBefore);
    assert.equal(await host.getByTestId('wall-tile').count(), 2, 'the reload did not add a player');
  });

  test('the teacher ends the round: the podium on all three screens, no late submission possible', async () => {
    await host.getByTestId('end-round').click();
    await host.getByTestId('end-round-confirm').click();
    for (const page of [host, ada, rude]) {
      await page.getByTestId('podium').waitFor({ timeout: SWITCH_TIMEOUT_MS });
      assert.equal(await page.getByTestId('podium-place').count(), 2);
    }
    // Equal scores are ranked by who submitted first, so the expected winner comes from the table.
    const winner = (await host.locator('[data-testid="standings-row"][data-rank="1"] [data-col="nickname"]').innerText()).trim();
    assert.equal(winner, adaScore > graceScore ? 'Ada' : graceScore > adaScore ? 'Grace' : winner);
    const first = await host.locator('[data-testid="podium-place"][data-rank="1"]').getByTestId('podium-nickname').innerText();
    assert.equal(first.split('\n')[0]?.trim(), winner);
    assert.match(await ada.getByTestId('my-final').innerText(), /[12]/);
    for (const page of [ada, rude]) {
      assert.equal(await page.getByTestId('submit-button').count(), 0, 'the studio is gone once the round ended');
      await assertNoHostControls(page, 'ended');
    }
    const podiumAnimations = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="podium"]')?.getAnimations({ subtree: true }).length ?? -1);
    assert.ok((await podiumAnimations(host)) > 0, 'the podium animates');
    assert.equal(await podiumAnimations(ada), 0, 'but not for a reader who asked for reduced motion');
    for (const page of [host, ada, rude]) await podiumSettled(page);
    await screenshot(host, 'room-podium');
    await screenshot(ada, 'room-student-podium');
    await screenshot(rude, 'room-student-podium-en');
  });

  test('the teacher exports the results as a CSV download with both students', async () => {
    const [download] = await Promise.all([host.waitForEvent('download'), host.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    assert.match(download.suggestedFilename(), /\.csv$/);
    assert.match(csv, /Ada/);
    assert.match(csv, /Grace/);
  });

  test('a removed student is told so, and kept out after a reload', async () => {
    await host.getByTestId('manage-players').click();
    const graceRow = host.locator('[data-testid="host-player"][data-nickname="Grace"]');
    await graceRow.getByTestId('kick-button').click();
    await graceRow.getByTestId('kick-button-confirm').click();
    await rude.getByTestId('kicked').waitFor({ timeout: 10_000 });
    await rude.reload();
    await rude.getByTestId('room-join').and(rude.locator(':enabled')).click();
    await rude.getByTestId('kicked').waitFor({ timeout: 10_000 });
    await screenshot(rude, 'room-student-kicked');
  });

  test('a new round goes back to the settings; the room is taken back on another device with its PIN', async () => {
    await host.getByTestId('new-round').click();
    // The next round's lobby starts with round 1's settings in one click, or opens them first.
    await host.locator('[data-testid="host-lobby"][data-round="2"] [data-testid="round-summary"]').waitFor();
    await host.getByTestId('setup-round').click();
    await host.locator('[data-testid="round-settings"][data-round="2"]').waitFor();
    laptop = await open('ko-KR');
    await laptop.goto(`${app.url}/host`);
    await laptop.getByTestId('reclaim-code').fill(code.toLowerCase());
    await laptop.getByTestId('reclaim-pin').fill(pin);
    await laptop.getByTestId('reclaim-submit').click();
    await laptop.waitForURL(new RegExp(`/room/${code}/host$`));
    await laptop.locator('[data-testid="host-console"][data-phase="ended"]').waitFor({ timeout: 10_000 });
    assert.equal(await laptop.getByTestId('pin-panel').count(), 0, 'the PIN is not shown again');
    await host.locator('[data-testid="host-status"][data-status="revoked"]').waitFor({ timeout: 10_000 });
  });

  test('the finished round stays with the class until the teacher publishes it; then it is listed and readable by anyone', async () => {
    // A student of the room reads its results by the room's address; nobody lists it yet.
    await ada.goto(`${app.url}/leaderboard/room/${code}/1`);
    await ada.getByTestId('standings-row').nth(1).waitFor({ timeout: 10_000 });
    await ada.locator('[data-testid="results-visibility"][data-published="false"]').waitFor();
    await ada.goto(`${app.url}/leaderboard`);
    await ada.getByTestId('class-rounds-empty').waitFor({ timeout: 10_000 });
    // The teacher (now on the laptop) publishes it from the ended round's screen.
    await laptop.locator('[data-testid="publish-panel"][data-published="false"]').waitFor({ timeout: 10_000 });
    await laptop.getByTestId('publish-toggle').click();
    await laptop.locator('[data-testid="publish-panel"][data-published="true"]').waitFor({ timeout: 10_000 });
    const visitor = await open('en-US');
    await visitor.goto(`${app.url}/leaderboard`);
    const listed = visitor.locator('[data-testid="class-round"][data-round="1"]');
    await listed.waitFor({ timeout: 10_000 });
    assert.equal((await visitor.locator('body').innerText()).includes(code), false, 'no join code under class rounds');
    await listed.click();
    await visitor.waitForURL(/\/leaderboard\/round\/[A-Za-z0-9_-]{22}$/);
    await visitor.getByTestId('standings-row').nth(1).waitFor();
    await screenshot(visitor, 'room-history');
  });
});
