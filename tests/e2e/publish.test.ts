/**
 * A class's results stay in the class until the teacher publishes them, in Debian's Chromium. The
 * teacher runs a short round with the leaderboard hidden; two students submit over socket.io (as the
 * boss test's classmates do, to save the training time); an outsider in another browser sees neither
 * the round under Class rounds, nor the students on the challenge board, nor the results by the
 * room's address. The teacher presses Publish: after a reload the outsider sees the round with the
 * nicknames (and no join code), its results page and the board rows. Make private again takes it back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SubmissionResult } from '../../protocol';
import { closeAll, joinAs, type Player } from '../integration/rooms/helpers';
import { request } from '../integration/server/harness';
import { SMALL_PARAMS, SMALL_SPEC, weightsWith } from '../integration/server/model-fixture';
import { launchBrowser, screenshot, startApp, type App } from './harness';

const SWITCH_TIMEOUT_MS = 15_000;
const VIEWPORT = { width: 1366, height: 768 };
const NICKNAMES = ['Ada Lovelace', 'Bo'];

describe('publishing a class round, end to end in Chromium', () => {
  let app: App;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let outsider: Page;
  let students: Player[] = [];
  let code = '';

  const open = async (locale: string) => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale });
    contexts.push(ctx);
    return ctx.newPage();
  };

  /** The outsider's /leaderboard after a fresh load: the class-rounds section once it has loaded. */
  const classRounds = async () => {
    await outsider.goto(`${app.url}/leaderboard`);
    await outsider.locator('[data-testid="class-rounds"], [data-testid="class-rounds-empty"]').first().waitFor({ timeout: SWITCH_TIMEOUT_MS });
    return outsider.getByTestId('class-round');
  };
  /** The outsider's challenge board once its rows (or its empty state) arrived over the socket. */
  const boardPlayers = async () => {
    await outsider.goto(`${app.url}/leaderboard/sign-digits`);
    await outsider.locator('[data-testid="leaderboard-table"][aria-busy="false"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    return outsider.getByTestId('leaderboard-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-player-id')));
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    host = await open('en-US');
    outsider = await open('ko-KR');
  });

  after(async () => {
    closeAll(students.map((s) => s.socket));
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  test('the teacher runs a hidden-board round; the students submit; an outsider sees nothing of it', async () => {
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    code = (await host.getByTestId('join-code').getAttribute('data-code')) ?? '';
    await host.getByTestId('pin-dismiss').click();
    students = [await joinAs(app.url, code, NICKNAMES[0]!), await joinAs(app.url, code, NICKNAMES[1]!)];
    await host.locator('[data-testid="player-count"][data-count="2"]').waitFor({ timeout: 10_000 });
    await host.getByTestId('setup-round').click();
    await host.getByTestId('settings-minutes').fill('5');
    await host.getByTestId('settings-leaderboard').uncheck();
    await host.getByTestId('start-round').click();
    await host.locator('[data-testid="host-console"][data-phase="running"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    for (const [i, s] of students.entries()) {
      const scored = new Promise<SubmissionResult>((ok) => s.socket.once('submission:result', ok));
      const ack = await request(s.socket, 'submission:submit', { challengeId: 'sign-digits', spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, i * 5, 0.4), roomCode: code });
      assert.ok(ack.ok, JSON.stringify(ack));
      assert.equal((await scored).status, 'scored');
    }
    await host.getByTestId('standings-row').nth(1).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    // While the hidden round runs, the public board has no row of the class.
    const during = await boardPlayers();
    for (const s of students) assert.equal(during.includes(s.playerId), false, `${s.nickname} on the public board while the board is hidden`);
    await host.getByTestId('end-round').click();
    await host.getByTestId('end-round-confirm').click();
    await host.locator('[data-testid="host-console"][data-phase="ended"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.locator('[data-testid="publish-panel"][data-published="false"]').waitFor();
    assert.match(await host.getByTestId('publish-state').innerText(), /^Private: only this room sees these results/);

    assert.equal(await (await classRounds()).count(), 0, 'not under Class rounds');
    await outsider.getByTestId('class-rounds-empty').waitFor();
    assert.equal((await outsider.locator('body').innerText()).includes(code), false, 'no join code on the page');
    const after = await boardPlayers();
    for (const s of students) assert.equal(after.includes(s.playerId), false, `${s.nickname} on the public board before publishing`);
    // The room's address does not open its results either.
    await outsider.goto(`${app.url}/leaderboard/room/${code}/1`);
    await outsider.locator('[data-testid="room-error"][data-code="round/private"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await outsider.getByTestId('standings-row').count(), 0);
  });

  test('the teacher presses Publish; after a reload the outsider sees the round with the nicknames, no code', async () => {
    await host.getByTestId('publish-toggle').click();
    await host.locator('[data-testid="publish-panel"][data-published="true"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.match(await host.getByTestId('publish-state').innerText(), /^Published:/);
    assert.equal(await host.getByTestId('publish-toggle').innerText(), 'Make private again');
    const publicHref = (await host.getByTestId('public-link').getAttribute('href')) ?? '';
    assert.match(publicHref, /^\/leaderboard\/round\/[A-Za-z0-9_-]{22}$/);
    await screenshot(host, 'room-published');

    const rounds = await classRounds();
    await rounds.first().waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await rounds.count(), 1);
    const card = await rounds.first().innerText();
    for (const n of NICKNAMES) assert.ok(card.includes(n), `${n} on the class-round card: ${card}`);
    assert.equal((await outsider.locator('body').innerText()).includes(code), false, 'no join code on the page');
    assert.equal(await rounds.first().getAttribute('href'), publicHref, 'the card links by the public id');
    await screenshot(outsider, 'class-rounds-published');
    await rounds.first().click();
    await outsider.waitForURL(new RegExp(`${publicHref}$`));
    await outsider.getByTestId('standings-row').nth(1).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    const names = await outsider.getByTestId('standings-table').innerText();
    for (const n of NICKNAMES) assert.ok(names.includes(n), `${n} in the results table`);
    assert.equal((await outsider.locator('body').innerText()).includes(code), false, 'no join code on the results page');
    const board = await boardPlayers();
    for (const s of students) assert.ok(board.includes(s.playerId), `${s.nickname} on the public board once published`);
  });

  test('Make private again takes it back', async () => {
    await host.getByTestId('publish-toggle').click();
    await host.locator('[data-testid="publish-panel"][data-published="false"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    assert.equal(await (await classRounds()).count(), 0);
    const board = await boardPlayers();
    for (const s of students) assert.equal(board.includes(s.playerId), false, `${s.nickname} off the board again`);
  });
});
