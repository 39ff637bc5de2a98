/**
 * Accessibility in Debian's Chromium: axe-core (node_modules/axe-core, injected into the page) on every
 * page the other e2e flows walk, at 1366×768 and, for the pages a student opens on a phone, at
 * 390×844. Rules: WCAG 2.0/2.1/2.2 A and AA, axe's best practices (duplicate landmarks and the like),
 * and the label-in-name check (WCAG 2.5.3: a control's accessible name contains its visible text),
 * which axe ships as experimental. A serious or critical violation, or a duplicate landmark, fails the
 * test that met it, with the list (rule, element, page); other minor and moderate ones are only reported. Every result goes to
 * test-results/e2e/a11y-report.json.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as tf from '@tensorflow/tfjs';
import { closeAll, grantStar, joinAs, type Player } from '../integration/rooms/helpers';
import { splitMemorizers } from '../integration/rooms/memorizer';
import { connect, request } from '../integration/server/harness';
import { LINE_SPEC, LINE_WEIGHTS, XOR_SPEC, XOR_WEIGHTS, bytes } from '../integration/server/gate-fixtures';
import { CHALLENGE_IDS } from '../../game/challenges';
import { ARTIFACTS, ROOT, TRAIN_TIMEOUT_MS, joinRoom, launchBrowser, registerNickname, screenshot, startApp, type App } from './harness';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SWITCH_TIMEOUT_MS = 15_000;
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: { 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations'],
};
const BLOCKING = new Set(['serious', 'critical']);
/** Rated moderate by axe, but two landmarks of one name are two doors with one sign: counted too. */
const BLOCKING_RULES = new Set(['landmark-unique', 'landmark-no-duplicate-main', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo']);
const blocks = (v: Found) => BLOCKING.has(v.impact) || BLOCKING_RULES.has(v.id);

interface Found { page: string; id: string; impact: string; target: string; summary: string }
interface Audited { page: string; viewport: string; violations: number; blocking: number }

const found: Found[] = [];
const audited: Audited[] = [];

/** Runs axe on what the page shows now; returns the serious and critical violations it found. */
async function audit(page: Page, label: string): Promise<Found[]> {
  // Fonts change text size and so contrast's large-text threshold; animations change colours.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)));
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, options);
    return result.violations.flatMap((v) => v.nodes.map((n) => ({ id: v.id, impact: v.impact ?? 'unknown', target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })));
  }, AXE_OPTIONS);
  const size = page.viewportSize();
  const where = `${label} @${size?.width}×${size?.height}`;
  const mine = violations.map((v) => ({ page: where, ...v }));
  found.push(...mine);
  const blocking = mine.filter(blocks);
  audited.push({ page: where, viewport: `${size?.width}×${size?.height}`, violations: mine.length, blocking: blocking.length });
  return blocking;
}

function assertClean(blocking: Found[], what: string) {
  const lines = blocking.map((v) => `  [${v.impact}] ${v.id} · ${v.target} · ${v.page}\n      ${v.summary}`);
  assert.equal(blocking.length, 0, `${what}: ${blocking.length} serious or critical axe violations (or duplicate landmarks)\n${lines.join('\n')}`);
}

/**
 * Opens `path`, waits for `testId` (the page's content, not its loading state; a button enabled once
 * the socket is up), then audits.
 */
async function visit(page: Page, base: string, path: string, testId: string | null, label = path): Promise<Found[]> {
  await page.goto(base + path);
  if (testId) await page.locator(`[data-testid="${testId}"]:not([disabled])`).first().waitFor({ timeout: 30_000 });
  // Pages without one id to wait for: until the data they fetch has come (sockets do not count).
  else await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  return audit(page, label);
}

describe('accessibility: axe-core on every page the flows reach', () => {
  let app: App;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let bots: Player[] = [];
  /** The class round's screens, shared by its steps (which run in order, as one period). */
  let cls: { host: Page; student: Page; phone: Page; code: string; joinUrl: string; pin: string };

  const open = async (locale: string, viewport = DESKTOP) => {
    // Reduced motion: axe reads colours of finished states, not mid-transition ones.
    const ctx = await browser.newContext({ viewport, locale, reducedMotion: 'reduce' });
    contexts.push(ctx);
    return ctx.newPage();
  };

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  after(async () => {
    closeAll(bots.map((b) => b.socket));
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'a11y-report.json'), JSON.stringify({ audited, violations: found }, null, 2));
    const blocking = found.filter(blocks);
    console.log(`axe: ${audited.length} pages audited, ${audited.filter((a) => a.blocking > 0).length} with serious/critical violations or duplicate landmarks (${blocking.length} nodes), ${found.length - blocking.length} other minor/moderate nodes`);
  });

  test('home, path, every challenge, leaderboards, join and host start, at 1366×768', async () => {
    const ko = await open('ko-KR');
    const en = await open('en-US');
    const blocking: Found[] = [];
    blocking.push(...(await visit(ko, app.url, '/', 'join-code-form', 'home (ko)')));
    await screenshot(ko, 'a11y-home-ko');
    blocking.push(...(await visit(en, app.url, '/', 'join-code-form', 'home (en)')));
    blocking.push(...(await visit(ko, app.url, '/solo', 'solo-path')));
    for (const id of CHALLENGE_IDS) blocking.push(...(await visit(ko, app.url, `/challenges/${id}?backend=wasm`, null, `/challenges/${id}`)));
    blocking.push(...(await visit(en, app.url, '/challenges/sign-digits?backend=wasm', null, '/challenges/sign-digits (en)')));
    blocking.push(...(await visit(ko, app.url, '/leaderboard', 'class-rounds-empty')));
    blocking.push(...(await visit(ko, app.url, '/leaderboard/sign-digits', 'leaderboard-table')));
    blocking.push(...(await visit(ko, app.url, '/join', 'join-code-form')));
    blocking.push(...(await visit(ko, app.url, '/host', 'create-room')));
    blocking.push(...(await visit(en, app.url, '/challenges/no-such-challenge', null, 'not found')));
    assertClean(blocking, 'public pages');
  });

  test('the pages a student opens on a phone, at 390×844', async () => {
    const phone = await open('ko-KR', PHONE);
    const blocking: Found[] = [];
    blocking.push(...(await visit(phone, app.url, '/', 'join-code-form', 'home (ko)')));
    blocking.push(...(await visit(phone, app.url, '/solo', 'solo-path')));
    blocking.push(...(await visit(phone, app.url, '/challenges/logic-gates?backend=wasm', 'train-button')));
    blocking.push(...(await visit(phone, app.url, '/challenges/sign-digits?backend=wasm', 'train-button')));
    blocking.push(...(await visit(phone, app.url, '/leaderboard/logic-gates', 'leaderboard-table')));
    blocking.push(...(await visit(phone, app.url, '/join', 'join-code-form')));
    // A well-formed code that opens no room: refused on the code step, and on the room's own address.
    await phone.getByTestId('join-code-input').fill('ACDEFH');
    await phone.getByTestId('join-code-submit').click();
    await phone.locator('[data-testid="join-code-help"][data-code]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(phone, '/join (no such room)')));
    blocking.push(...(await visit(phone, app.url, '/room/ACDEFH', 'room-refused', '/room/<no such room>')));
    assertClean(blocking, 'phone pages');
  });

  test('a solo run on logic gates: before and after training, submitted, its leaderboard with the row', async () => {
    const page = await open('en-US');
    await registerNickname(page, app.url, 'Ada');
    const blocking: Found[] = [];
    await page.goto(`${app.url}/challenges/logic-gates?backend=wasm`);
    await page.getByTestId('train-button').waitFor();
    blocking.push(...(await audit(page, '/challenges/logic-gates (signed in)')));
    await page.getByTestId('train-button').click();
    await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
    blocking.push(...(await audit(page, '/challenges/logic-gates (trained)')));
    await page.getByTestId('submit-button').click();
    await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
    blocking.push(...(await audit(page, '/challenges/logic-gates (submitted)')));
    await screenshot(page, 'a11y-logic-gates-submitted');
    blocking.push(...(await visit(page, app.url, '/leaderboard/logic-gates', 'leaderboard-row')));
    blocking.push(...(await visit(page, app.url, '/solo', 'solo-path', '/solo (one star)')));
    assertClean(blocking, 'solo run');
  });

  test('a class round on logic gates: the lobby on the host, the join form and the lobby on students', async () => {
    const blocking: Found[] = [];
    const host = await open('ko-KR');
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    const code = (await host.getByTestId('join-code').getAttribute('data-code')) ?? '';
    const joinUrl = (await host.getByTestId('join-url').getAttribute('href')) ?? '';
    const pin = (await host.getByTestId('host-pin').innerText()).trim();
    cls = { host, student: host, phone: host, code, joinUrl, pin };
    blocking.push(...(await audit(host, 'host lobby (PIN shown, empty)')));
    await host.getByTestId('pin-dismiss').click();

    const student = await open('ko-KR');
    await student.goto(joinUrl);
    await student.getByTestId('room-nickname').waitFor();
    blocking.push(...(await audit(student, 'student join form')));
    await joinRoom(student, `${joinUrl}?backend=wasm`, 'Ada');
    const phone = await open('en-US', PHONE);
    cls = { ...cls, student, phone };
    await joinRoom(phone, `${joinUrl}?backend=wasm`, 'Bo');
    bots = [await joinAs(app.url, code, 'Cy'), await joinAs(app.url, code, 'Dee')];
    await host.locator('[data-testid="player-count"][data-count="4"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(host, 'host lobby with players')));
    await screenshot(host, 'a11y-host-lobby');
    // The projector lobby folds rename and remove away behind Manage.
    if ((await host.getByTestId('manage-toggle').count()) > 0) await host.getByTestId('manage-toggle').click();
    await host.getByTestId('rename-button').first().waitFor();
    blocking.push(...(await audit(host, 'host lobby, players managed')));
    blocking.push(...(await audit(student, 'student lobby')), ...(await audit(phone, 'student lobby (en)')));

    assertClean(blocking, 'class lobby');
  });

  test('a class round: admission by the teacher, the waiting and denied screens', async () => {
    const blocking: Found[] = [];
    const { host, joinUrl } = cls;
    await host.getByTestId('admission-toggle').click();
    const newcomer = await open('en-US', PHONE);
    await newcomer.goto(joinUrl);
    await newcomer.getByTestId('room-nickname').fill('Eve');
    await newcomer.getByTestId('room-join').and(newcomer.locator(':enabled')).click();
    await newcomer.getByTestId('waiting-for-teacher').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(newcomer, 'student waiting for the teacher')));
    await host.locator('[data-testid="waiting-count"][data-count="1"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(host, 'host lobby with a waiting list')));
    const eve = host.locator('[data-testid="waiting-player"][data-nickname="Eve"]');
    await eve.getByTestId('deny-button').click();
    await eve.getByTestId('deny-button-confirm').click();
    await newcomer.getByTestId('kicked').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(newcomer, 'student denied')));

    assertClean(blocking, 'waiting list');
  });

  test('a class round: settings, running with the class wall, ended with the podium, results pages, taken back', async () => {
    const blocking: Found[] = [];
    const { host, student, phone, code, pin } = cls;
    await openSettings(host);
    await host.getByTestId('settings-challenge').selectOption('logic-gates');
    await host.getByTestId('settings-minutes').fill('5');
    blocking.push(...(await audit(host, 'host round settings')));
    await host.getByTestId('start-round').click();
    await host.locator('[data-testid="host-console"][data-phase="running"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    for (const page of [student, phone]) await page.getByTestId('player-running').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await botsSubmit(code, 'logic-gates', [{ spec: XOR_SPEC, weights: bytes(XOR_WEIGHTS) }, { spec: LINE_SPEC, weights: bytes(LINE_WEIGHTS) }]);
    await host.locator('[data-testid="wall-tile"][data-activity="submitted"]').nth(1).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await student.getByTestId('standings-row').nth(1).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(host, 'host running (class wall)')));
    await screenshot(host, 'a11y-host-running');
    blocking.push(...(await audit(student, 'student running')), ...(await audit(phone, 'student running (en)')));

    await host.getByTestId('end-round').click();
    await host.getByTestId('end-round-confirm').click();
    for (const page of [host, student, phone]) await page.getByTestId('podium').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(host, 'host ended (podium)')));
    blocking.push(...(await audit(student, 'student ended (podium)')), ...(await audit(phone, 'student ended (podium, en)')));
    await host.getByTestId('publish-toggle').click();
    await host.locator('[data-testid="publish-panel"][data-published="true"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    // The room's view can say "published" before the ack clears the button's busy (dimmed) state.
    await host.locator('[data-testid="publish-toggle"]:enabled').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(host, 'host ended (published)')));
    const publicHref = (await host.getByTestId('public-link').getAttribute('href')) ?? '';

    blocking.push(...(await visit(student, app.url, `/leaderboard/room/${code}/1`, 'standings-row', 'room results page')));
    blocking.push(...(await visit(phone, app.url, publicHref, 'standings-row', 'published results page')));
    blocking.push(...(await visit(student, app.url, '/leaderboard', 'class-round', '/leaderboard (a class round)')));
    await host.getByTestId('new-round').click();
    await host.locator('[data-testid="round-settings"], [data-testid="host-lobby"]').first().waitFor();
    blocking.push(...(await audit(host, 'host new round settings')));
    // The room taken back on another device with its PIN: that device's console, and the first one's notice.
    const laptop = await open('en-US');
    await laptop.goto(`${app.url}/host`);
    await laptop.getByTestId('reclaim-code').fill(code);
    await laptop.getByTestId('reclaim-pin').fill(pin);
    await laptop.getByTestId('reclaim-submit').click();
    await laptop.locator('[data-testid="host-console"][data-phase="ended"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await host.locator('[data-testid="host-status"][data-status="revoked"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(laptop, 'host ended (taken back with the PIN)')), ...(await audit(host, 'host revoked')));
    assertClean(blocking, 'class round');
  });

  test('a boss round: the boss panel, the ended screens before the reveal, the reveal on every screen', async () => {
    const blocking: Found[] = [];
    const host = await open('en-US');
    await host.goto(`${app.url}/host`);
    await host.getByTestId('create-room').and(host.locator(':enabled')).click();
    await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
    const code = (await host.getByTestId('join-code').getAttribute('data-code')) ?? '';
    const joinUrl = (await host.getByTestId('join-url').getAttribute('href')) ?? '';
    await host.getByTestId('pin-dismiss').click();
    const student = await open('ko-KR');
    await joinRoom(student, `${joinUrl}?backend=wasm`, 'Bo');
    closeAll(bots.map((b) => b.socket));
    bots = [await joinAs(app.url, code, 'Pub'), await joinAs(app.url, code, 'Priv')];
    await host.locator('[data-testid="player-count"][data-count="3"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await openSettings(host);
    await host.getByTestId('settings-challenge').selectOption('boss-3');
    blocking.push(...(await audit(host, 'host round settings (boss)')));
    await host.getByTestId('start-round').click();
    await student.getByTestId('boss-panel').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await tf.setBackend('cpu');
    const { pub, priv } = splitMemorizers(`room:${code}:1`, 'boss-3');
    await botsSubmit(code, 'boss-3', [pub, priv]);
    await student.getByTestId('standings-row').nth(1).waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(student, 'student running (boss)')), ...(await audit(host, 'host running (boss)')));

    await host.getByTestId('end-round').click();
    await host.getByTestId('end-round-confirm').click();
    await host.getByTestId('reveal-button').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    await student.getByTestId('boss-note').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(host, 'host ended (boss, before the reveal)')), ...(await audit(student, 'student ended (boss, before the reveal)')));
    await host.getByTestId('reveal-button').click();
    await host.getByTestId('reveal-button-confirm').click();
    // Pub and Priv submitted; Bo did not, so two rows.
    for (const page of [host, student]) await page.locator('[data-testid="reveal-view"][data-rows="2"]').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(host, 'host reveal')), ...(await audit(student, 'student reveal')));
    await screenshot(host, 'a11y-boss-reveal-host');
    assertClean(blocking, 'boss round');
  });

  test('solo on boss-1: a submission on a locked level, the reveal confirm once unlocked, the reveal', async () => {
    const blocking: Found[] = [];
    await tf.setBackend('cpu');
    const { priv } = splitMemorizers('solo', 'boss-1');
    // A memorizer sent with the page's own token: the studio's submission without training in Chromium.
    const solo = await open('en-US');
    await registerNickname(solo, app.url, 'Solo');
    const token = (await solo.evaluate(() => window.localStorage.getItem('gradient-arena.token'))) ?? '';
    const socket = await connect(app.url, token);
    const scored = new Promise<{ status: string }>((ok) => socket.once('submission:result', ok));
    const ack = await request(socket, 'submission:submit', { challengeId: 'boss-1', spec: priv.spec, weights: priv.weights });
    assert.ok(ack.ok, JSON.stringify(ack));
    assert.equal((await scored).status, 'scored');
    socket.close();
    await solo.goto(`${app.url}/challenges/boss-1?backend=wasm`);
    await solo.getByTestId('boss-face-locked').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(solo, '/challenges/boss-1 (a submission, level locked)')));
    // boss-1 opens with a star on Sign 0/1, as boss.test.ts grants it.
    grantStar(app.dbFile, (await solo.evaluate(() => JSON.parse(window.localStorage.getItem('gradient-arena.player') ?? '{}') as { playerId?: string })).playerId ?? '', 'sign-01');
    await solo.reload();
    await solo.getByTestId('boss-face').click();
    await solo.getByTestId('boss-face-confirm').waitFor();
    blocking.push(...(await audit(solo, '/challenges/boss-1 (reveal confirm)')));
    await solo.getByTestId('boss-face-confirm').click();
    await solo.getByTestId('reveal-view').waitFor({ timeout: SWITCH_TIMEOUT_MS });
    blocking.push(...(await audit(solo, '/challenges/boss-1 (solo reveal)')));
    assertClean(blocking, 'solo boss');
  });

  /** Each bot submits one model in the room's round; waits until the server scored it. */
  async function botsSubmit(code: string, challengeId: string, models: readonly { spec: unknown; weights: Uint8Array }[]) {
    for (const [i, { spec, weights }] of models.entries()) {
      const bot = bots[i];
      if (!bot) throw new Error('not enough bots');
      const scored = new Promise<{ status: string }>((ok) => bot.socket.once('submission:result', ok));
      const ack = await request(bot.socket, 'submission:submit', { challengeId, spec, weights, roomCode: code });
      assert.ok(ack.ok, JSON.stringify(ack));
      assert.equal((await scored).status, 'scored');
    }
  }
});

/** The round settings: a step of their own behind the projector lobby's button (or still in the lobby). */
async function openSettings(host: Page) {
  if (await host.getByTestId('settings-challenge').isVisible()) return;
  await host.getByTestId('setup-round').click();
  await host.getByTestId('settings-challenge').waitFor();
}
