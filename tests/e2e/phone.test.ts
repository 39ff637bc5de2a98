/**
 * A phone (390×844) in Debian's Chromium: every page the other e2e flows reach is no wider than the
 * screen (document.documentElement.scrollWidth ≤ innerWidth), the nav folds into a menu that opens
 * and closes (aria-expanded, Escape), a student inside a room is offered no host link, and the home
 * page puts the join box in the first screen and lists the whole path. The room is hosted over
 * socket.io with its token handed to the teacher's phone, so the pages are measured in every phase
 * without training a model.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BOSS_IDS, CHALLENGE_IDS, PATH_IDS } from '../../game/challenges';
import ko from '../../app/i18n/messages/ko/common.json';
import en from '../../app/i18n/messages/en/common.json';
import { closeAll, createHostedRoom, joinAs, SETTINGS, type Host, type Player } from '../integration/rooms/helpers';
import { register, request, type ClientSocket } from '../integration/server/harness';
import { SMALL_PARAMS, SMALL_SPEC, weightsWith } from '../integration/server/model-fixture';
import { joinRoom, launchBrowser, screenshot, startApp, type App } from './harness';

const PHONE = { width: 390, height: 844 };
const WAIT_MS = 15_000;
/** A long nickname on the boards: it must truncate, not widen the table. */
const LONG_NAME = 'AlexandriaLovelaceBy';

/** The page's width against the screen, and the elements that stick out past its right edge. */
async function widths(page: Page) {
  // No named helpers inside: tsx's keepNames would wrap them in a __name() the page does not have.
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
      // Positioned boxes first: an sr-only span escapes a scroll box that is not its containing block.
      .sort((a, b) => Number(getComputedStyle(b).position === 'absolute') - Number(getComputedStyle(a).position === 'absolute'))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? ''}].${String(el.getAttribute('class') ?? '').slice(0, 50)} → ${Math.round(el.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, vw, wide };
  });
}

async function assertFits(page: Page, what: string) {
  const w = await widths(page);
  assert.ok(w.scroll <= w.vw, `${what}: page ${w.scroll} px wide on a ${w.vw} px screen; sticking out: ${w.wide.join('; ')}`);
}

/** Loads a page and lets its socket data and fonts arrive before it is measured. */
async function visit(page: Page, url: string, ready?: string) {
  await page.goto(url);
  if (ready) await page.locator(ready).first().waitFor({ timeout: WAIT_MS });
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS }).catch(() => undefined);
}

describe('a phone at 390×844, end to end in Chromium', () => {
  let app: App;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: ClientSocket[] = [];
  let koPage: Page;
  let enPage: Page;

  const open = async (locale: string, viewport = PHONE) => {
    const ctx = await browser.newContext({ viewport, locale });
    contexts.push(ctx);
    return ctx.newPage();
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    koPage = await open('ko-KR');
    enPage = await open('en-US');
    // One solo run on the Sign Digits board, under a long name.
    const solo = await register(app.url, LONG_NAME);
    sockets.push(solo.socket);
    const scored = new Promise((ok) => solo.socket.once('submission:result', ok));
    const ack = await request(solo.socket, 'submission:submit', { challengeId: 'sign-digits', spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 3, 0.4) });
    assert.ok(ack.ok, JSON.stringify(ack));
    await scored;
  });

  after(async () => {
    closeAll(sockets);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  test('the pages outside a room fit the screen, in Korean and English', async () => {
    const pages = ['/', '/solo', '/leaderboard', '/join', '/host', '/leaderboard/logic-gates', '/leaderboard/optimizer-race', '/leaderboard/backprop-steps'];
    for (const page of [koPage, enPage]) {
      for (const path of pages) {
        await visit(page, app.url + path);
        await assertFits(page, `${path} (${await page.locator('html').getAttribute('lang')})`);
      }
    }
    for (const id of CHALLENGE_IDS) {
      await visit(koPage, `${app.url}/challenges/${id}`, `[data-testid="challenge-intro"][data-challenge="${id}"]`);
      await assertFits(koPage, `/challenges/${id}`);
    }
  });

  test('a leaderboard row fits: the time is on screen, the parameter count gives way, the name truncates', async () => {
    for (const page of [koPage, enPage]) {
      await visit(page, `${app.url}/leaderboard/sign-digits`, '[data-testid="leaderboard-row"]');
      await assertFits(page, '/leaderboard/sign-digits');
      const region = await page.getByTestId('leaderboard-table').evaluate((t) => {
        const box = t.parentElement as HTMLElement;
        return { scroll: box.scrollWidth, client: box.clientWidth };
      });
      assert.ok(region.scroll <= region.client, `the table scrolls inside its box: ${region.scroll} > ${region.client}`);
      const time = await page.getByTestId('lb-submitted').first().boundingBox();
      assert.ok(time && time.width > 0 && time.x + time.width <= PHONE.width, `the time column is on screen: ${JSON.stringify(time)}`);
      assert.equal(await page.getByTestId('lb-params').first().isVisible(), false, 'no parameter column on a phone');
      assert.ok(await page.getByTestId('lb-reproduce').first().isVisible(), 'the run is still one tap away');
    }
    await screenshot(koPage, 'phone-leaderboard');
  });

  test('the nav is one row with a menu: it opens, shows the links with the current page, and closes', async () => {
    const page = enPage;
    await visit(page, `${app.url}/leaderboard`);
    const header = page.getByTestId('site-header');
    const button = page.getByTestId('nav-menu');
    const links = page.getByTestId('nav-links');
    assert.ok(((await header.boundingBox())?.height ?? 999) <= 72, 'the header is a single row on a phone');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await links.isVisible(), false, 'links folded away');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await button.getAttribute('aria-controls'), await links.getAttribute('id'));
    assert.deepEqual(await links.getByRole('link').allInnerTexts(), ['Home', 'Path', 'Join a class', 'Host a room', 'Leaderboard']);
    assert.equal(await links.locator('[aria-current="page"]').innerText(), 'Leaderboard');
    await assertFits(page, 'menu open');
    await screenshot(page, 'phone-nav-open');
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await links.isVisible(), false, 'Escape closes the menu');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'nav-menu', 'focus back on the button');
    // By keyboard: Enter opens, Tab goes on into the links; a link followed closes the menu.
    await page.keyboard.press('Enter');
    await links.waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Home');
    await links.getByRole('link', { name: 'Path' }).click();
    await page.waitForURL(/\/solo$/);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    assert.equal(await links.locator('[aria-current="page"]').innerText(), 'Path');
    await button.click();

    // A Chromebook gets the links inline on one row, no menu button.
    const wide = await open('en-US', { width: 1366, height: 768 });
    await visit(wide, `${app.url}/leaderboard`);
    assert.equal(await wide.getByTestId('nav-menu').isVisible(), false);
    const tops = await wide.getByTestId('nav-links').getByRole('link').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    assert.equal(tops.length, 5);
    assert.equal(new Set(tops).size, 1, `one row: ${tops.join(',')}`);
  });

  test('home: the join box is in the first screen, and the whole path is listed with its names', async () => {
    for (const [page, names] of [[koPage, ko.challengeName], [enPage, en.challengeName]] as const) {
      await visit(page, `${app.url}/`);
      const join = await page.getByTestId('home-join').boundingBox();
      const input = await page.getByTestId('join-code-input').boundingBox();
      assert.ok(join && join.y < PHONE.height, `join box starts at y=${join?.y}`);
      assert.ok(input && input.y + input.height <= PHONE.height, `the code field is in the first screen: ${JSON.stringify(input)}`);
      for (const id of [...PATH_IDS, ...BOSS_IDS]) {
        const link = page.locator(`[data-testid="path-callout"] a[href="/challenges/${id}"]`);
        assert.equal(await link.count(), 1, `home links ${id}`);
        assert.match(await link.innerText(), new RegExp(names[id].replace(/[()]/g, '\\$&')), `${id} named`);
      }
      assert.ok((await page.locator('[data-testid="path-callout"] a[href="/solo"]').count()) >= 1, 'links the path page');
      const order = await page.getByTestId('home-path').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(order, PATH_IDS.map((id) => `/challenges/${id}`), 'in the path order');
    }
    await screenshot(koPage, 'phone-home');
  });

  test('a room on phones: the student and host pages fit in every phase; no host link for the student', async () => {
    const host: Host = await createHostedRoom(app.url);
    sockets.push(host.socket);
    const classmate: Player = await joinAs(app.url, host.code, 'Bo');
    sockets.push(classmate.socket);
    const student = await open('ko-KR');
    const teacher = await open('en-US');
    await teacher.goto(`${app.url}/`);
    await teacher.evaluate(([c, token]) => window.localStorage.setItem(`gradient-arena.host.${c}`, token!), [host.code, host.hostToken]);
    const hostUrl = `${app.url}/room/${host.code}/host`;
    await joinRoom(student, `${app.url}/room/${host.code}?preset=tiny&backend=wasm`, '김하늘');

    const noHostLinks = async (when: string) => {
      const hrefs = await student.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      assert.deepEqual(hrefs.filter((h) => h === '/host' || h.endsWith('/host')), [], `${when}: no host link in a room`);
      await student.getByTestId('nav-menu').click();
      assert.equal(await student.getByTestId('nav-links').getByRole('link').count(), 4, `${when}: four links in the room's menu`);
      await student.keyboard.press('Escape');
    };
    const phase = async (name: string, studentReady: string) => {
      await student.locator(studentReady).waitFor({ timeout: WAIT_MS });
      await student.waitForLoadState('networkidle', { timeout: WAIT_MS }).catch(() => undefined);
      await assertFits(student, `student, ${name}`);
      const header = await student.getByTestId('site-header').boundingBox();
      assert.ok(header && header.height <= 72, `${name}: the header with the student's name is one row (${header?.height} px)`);
      await noHostLinks(name);
      await visit(teacher, hostUrl, `[data-testid="host-console"][data-phase="${name}"]`);
      await assertFits(teacher, `host, ${name}`);
    };

    await phase('lobby', '[data-testid="player-lobby"]');
    await screenshot(student, 'phone-room-lobby');
    await screenshot(teacher, 'phone-host-lobby');
    const started = await request(host.socket, 'room:start', { code: host.code, hostToken: host.hostToken, settings: SETTINGS });
    assert.ok(started.ok, JSON.stringify(started));
    const scored = new Promise((ok) => classmate.socket.once('submission:result', ok));
    await request(classmate.socket, 'submission:submit', { challengeId: 'sign-digits', spec: SMALL_SPEC, weights: weightsWith(SMALL_PARAMS, 5, 0.4), roomCode: host.code });
    await scored;
    await phase('running', '[data-testid="player-running"]');
    await teacher.getByTestId('standings-row').first().waitFor({ timeout: WAIT_MS });
    await assertFits(teacher, 'host, running with standings');
    assert.ok((await request(host.socket, 'room:end', { code: host.code, hostToken: host.hostToken })).ok);
    await phase('ended', '[data-testid="player-ended"]');
    await screenshot(student, 'phone-room-ended');

    await visit(student, `${app.url}/leaderboard/room/${host.code}/1`, '[data-testid="standings-row"]');
    await assertFits(student, 'results by the room address');
    const published = await request<{ publicId: string }>(host.socket, 'room:publish', { code: host.code, hostToken: host.hostToken, round: 1, published: true });
    assert.ok(published.ok, JSON.stringify(published));
    await visit(enPage, `${app.url}/leaderboard/round/${published.data.publicId}`, '[data-testid="standings-row"]');
    await assertFits(enPage, 'published results');
  });
});
