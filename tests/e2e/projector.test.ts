/**
 * The teacher's lobby on a projector (issue 16, finding 5), in Chromium at 1366×768. Thirty students
 * join over socket.io; in the first screen, without scrolling, every name is at least 28 px and whole
 * (not cut off), and the code, the QR and Start round are visible; past 30 the type shrinks and every
 * name still fits. The round settings are a step of their own: edits kept on the way back, the round
 * starts from there; the class wall shows 28 px names; the next round starts in one click with the
 * last round's settings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { closeAll, joinAs, until, type Player } from '../integration/rooms/helpers';
import { request } from '../integration/server/harness';
import { launchBrowser, screenshot, startApp, type App } from './harness';

const VIEWPORT = { width: 1366, height: 768 };
const SWITCH_TIMEOUT_MS = 15_000;
const MIN_NAME_PX = 28;
/** A class as nicknames come: Korean names, English ones, a few long ones. */
const NAMES = [
  '김민준', '이서연', '박도윤', '최하은', '정시우', '강지호', '조수아', '윤예준', '장하린', '임주원',
  '한지안', '오서진', '서건우', '신채원', '권민서', '황유준', '안다은', '송현우', '류지우', '홍은서',
  'Ada', 'Grace', 'Olivia', 'Noah K', 'Mia', 'Neuron 4242', 'Linus', 'Hopper', '가나다라마바사', 'Turing Fan',
];

interface Box { x: number; y: number; width: number; height: number }

async function boxOf(l: Locator, what: string): Promise<Box> {
  const box = await l.boundingBox();
  assert.ok(box, `${what} is rendered`);
  return box;
}

function assertOnScreen(box: Box, what: string) {
  assert.ok(box.x >= 0 && box.y >= 0, `${what} starts on screen: ${JSON.stringify(box)}`);
  assert.ok(box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height, `${what} ends inside 1366×768: ${JSON.stringify(box)}`);
}

/** Every name's font size in px, and whether its text shows whole (no ellipsis). */
const nameMetrics = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"]`).evaluateAll((els) =>
    els.map((el) => {
      const text = (el.matches('[data-testid="projector-name"]') ? el.querySelector('span.truncate') : el) as HTMLElement;
      return { name: text.textContent ?? '', fontPx: Number.parseFloat(getComputedStyle(text).fontSize), whole: text.scrollWidth <= text.clientWidth };
    }));

describe('the lobby on a projector, 1366×768, thirty students', () => {
  let app: App;
  let browser: Browser;
  let ctx: BrowserContext;
  let host: Page;
  let code = '';
  let students: Player[] = [];

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'ko-KR' });
    host = await ctx.newPage();
  });

  after(async () => {
    closeAll(students.map((s) => s.socket));
    await ctx?.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  test('thirty names of at least 28 px, the code, the QR and Start round all in the first screen', async () => {
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    code = (await host.getByTestId('join-code').getAttribute('data-code')) ?? '';
    await host.getByTestId('pin-dismiss').click();
    const t0 = Date.now();
    for (const name of NAMES) students.push(await joinAs(app.url, code, name));
    const joinMs = Date.now() - t0;
    await host.locator(`[data-testid="player-count"][data-count="${NAMES.length}"]`).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.evaluate(() => window.scrollTo(0, 0));
    assert.equal(await host.evaluate(() => window.scrollY), 0);

    const metrics = await nameMetrics(host, 'projector-name');
    assert.deepEqual(metrics.map((m) => m.name).sort(), [...NAMES].sort(), 'every student is on the wall of names');
    for (const m of metrics) {
      assert.ok(m.fontPx >= MIN_NAME_PX, `${m.name}: ${m.fontPx} px`);
      assert.ok(m.whole, `${m.name} shows whole, not cut off`);
    }
    const names = host.getByTestId('projector-name');
    let lowest = 0;
    for (let i = 0; i < NAMES.length; i++) {
      const box = await boxOf(names.nth(i), `name ${i}`);
      assertOnScreen(box, `name ${NAMES[i]}`);
      lowest = Math.max(lowest, box.y + box.height);
    }
    const start = await boxOf(host.getByTestId('start-round'), 'Start round');
    assertOnScreen(start, 'Start round');
    assert.ok(await host.getByTestId('start-round').isEnabled());
    const codeBox = await boxOf(host.getByTestId('join-code'), 'the join code');
    assertOnScreen(codeBox, 'the join code');
    const codePx = await host.getByTestId('join-code').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    assert.ok(codePx >= 72, `the code is ${codePx} px`);
    const qr = await boxOf(host.getByTestId('join-qr'), 'the QR code');
    assertOnScreen(qr, 'the QR code');
    assert.ok(qr.width >= 170 && qr.height >= 170, `the QR is ${qr.width}×${qr.height}`);
    assert.ok(await host.getByTestId('join-url').isVisible());
    // Management stays out of the projected part until asked for.
    assert.equal(await host.getByTestId('host-player').count(), 0, 'no rename/remove rows on the projected lobby');
    assert.equal(await host.getByTestId('round-settings').count(), 0, 'the settings are a step of their own');
    console.log(`# 30 joined over socket.io in ${joinMs} ms; names ${metrics[0]?.fontPx} px, lowest name ends at y = ${Math.round(lowest)}; Start round at y = ${Math.round(start.y)}–${Math.round(start.y + start.height)}; code ${codePx} px, QR ${Math.round(qr.width)} px`);
    await screenshot(host, 'room-lobby');
  });

  test('past 30 the names shrink gracefully: 38 students, 24 px, all still in the first screen', async () => {
    const late = ['Ken', 'Lee', '문가은', '배준서', 'Sam', 'Yuna', '노하준', 'Zoe'];
    for (const name of late) students.push(await joinAs(app.url, code, name));
    await host.locator(`[data-testid="player-count"][data-count="${students.length}"]`).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.evaluate(() => window.scrollTo(0, 0));
    const metrics = await nameMetrics(host, 'projector-name');
    assert.equal(metrics.length, 38);
    for (const m of metrics) assert.ok(m.fontPx >= 24 && m.fontPx < MIN_NAME_PX, `${m.name}: ${m.fontPx} px`);
    const names = host.getByTestId('projector-name');
    for (let i = 0; i < metrics.length; i++) assertOnScreen(await boxOf(names.nth(i), `name ${i}`), `name ${metrics[i]?.name}`);
    assertOnScreen(await boxOf(host.getByTestId('start-round'), 'Start round'), 'Start round');
    await screenshot(host, 'room-lobby-38');
  });

  test('Manage opens rename, remove and the checkboxes below the projected part, which does not move', async () => {
    const before = await boxOf(host.getByTestId('projector-name').first(), 'first name');
    await host.getByTestId('manage-toggle').click();
    await host.getByTestId('manage-panel').waitFor();
    assert.equal(await host.getByTestId('host-player').count(), students.length);
    assert.equal(await host.getByTestId('select-player').count(), students.length);
    assert.equal(await host.locator('[data-testid="manage-toggle"][aria-expanded="true"]').count(), 1);
    const panel = await host.getByTestId('manage-panel').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    assert.ok(panel >= VIEWPORT.height - 80, `the panel starts below the first screen (at ${Math.round(panel)} px)`);
    await host.getByTestId('manage-toggle').click();
    await host.getByTestId('manage-panel').waitFor({ state: 'detached' });
    await host.evaluate(() => window.scrollTo(0, 0));
    const after = await boxOf(host.getByTestId('projector-name').first(), 'first name');
    assert.deepEqual([after.x, after.y], [before.x, before.y]);
  });

  test('the settings step keeps its edits on the way back, and the round starts from it', async () => {
    await host.getByTestId('setup-round').click();
    await host.locator('[data-testid="round-settings"][data-round="1"]').waitFor();
    assert.equal(await host.getByTestId('projector-names').count(), 0, 'the step replaces the projected lobby');
    assert.equal(await host.getByTestId('start-round').count(), 1, 'one Start round: the step’s own');
    assertOnScreen(await boxOf(host.getByTestId('start-round'), 'the step’s Start round'), 'the step’s Start round');
    await host.getByTestId('settings-minutes').fill('5');
    await host.getByTestId('settings-max-submissions').fill('3');
    await host.getByTestId('settings-back').click();
    await host.getByTestId('projector-names').waitFor();
    assert.match(await host.getByTestId('round-summary').innerText(), /5분/);
    assert.match(await host.getByTestId('round-summary').innerText(), /3번/);
    await host.getByTestId('setup-round').click();
    assert.equal(await host.getByTestId('settings-minutes').inputValue(), '5', 'the edit survived the way back');
    await host.getByTestId('settings-challenge').selectOption('logic-gates');
    await host.getByTestId('start-round').click();
    await host.locator('[data-testid="host-console"][data-phase="running"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await until(students.map((s) => s.socket), () => students.every((s) => s.latest.state?.phase === 'running'), 'every student in the round');
    const settings = students[0]?.latest.state?.round?.settings;
    assert.equal(settings?.challengeId, 'logic-gates');
    assert.equal(settings?.durationMs, 5 * 60_000);
    assert.equal(settings?.maxSubmissions, 3);
  });

  test('the class wall shows every name at 28 px', async () => {
    // A few loss points per student, as a training page reports them (4 a second at most per socket).
    await Promise.all(students.slice(0, 12).map(async (s, i) => {
      for (const [x, loss] of [[0.3, 0.69], [0.6, 0.5 - i * 0.02], [1, 0.35 - i * 0.02]] as const) {
        const ack = await request(s.socket, 'room:activity', { code, activity: 'training', backend: 'wasm', point: { x, loss, acc: 0.5 + x * 0.4 } });
        assert.ok(ack.ok, JSON.stringify(ack));
      }
    }));
    await host.locator('[data-testid="wall-tile"][data-activity="training"]').nth(11).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    const wall = await nameMetrics(host, 'wall-name');
    assert.equal(wall.length, students.length);
    for (const m of wall) assert.ok(m.fontPx >= MIN_NAME_PX, `wall: ${m.name} at ${m.fontPx} px`);
    await host.evaluate(() => window.scrollTo(0, 0));
    await screenshot(host, 'room-class-wall-30');
  });

  test('the next round starts in one click with the last round’s settings', async () => {
    await host.getByTestId('end-round').click();
    await host.getByTestId('end-round-confirm').click();
    await host.locator('[data-testid="host-console"][data-phase="ended"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.getByTestId('new-round').click();
    await host.locator('[data-testid="host-lobby"][data-round="2"]').waitFor();
    assertOnScreen(await boxOf(host.getByTestId('start-round'), 'Start round'), 'round 2’s Start round');
    await host.getByTestId('start-round').click();
    await host.locator('[data-testid="host-console"][data-phase="running"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await until(students.map((s) => s.socket), () => students.every((s) => s.latest.state?.round?.number === 2 && s.latest.state.phase === 'running'), 'round 2 on every student');
    const settings = students[0]?.latest.state?.round?.settings;
    assert.deepEqual([settings?.challengeId, settings?.durationMs, settings?.maxSubmissions], ['logic-gates', 5 * 60_000, 3]);
  });
});
