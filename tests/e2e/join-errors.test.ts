/**
 * Issue 16, finding 3, in Chromium: a mistyped code is refused at the first step, before the nickname,
 * in a Korean sentence only (before, it led on to "choose a nickname" and after Join showed
 * `room/not_found · no room with the code "…"` under the sentence). A real code goes on to the
 * nickname step. Other errors on the page are sentences too: a locked room at the first step, and a
 * wrong PIN on the teacher's reclaim form, with no code or server English on the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { JOIN_CODE_ALPHABET } from '../../game/room/code';
import type { HostCredentials } from '../../protocol';
import { launchBrowser, screenshot, startApp, type App } from './harness';

const CHROMEBOOK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** A code-like 'namespace/name' anywhere in the page's text: what a raw error code looks like. */
const RAW_CODE = /\b(room|round|rate|auth|payload|client|server|boss|scoring|submission|spec|weights|nickname|run|play|challenge)\/[a-z_]+/;

/** A well-formed code that is not `real`. */
function wrongCode(real: string): string {
  for (const ch of JOIN_CODE_ALPHABET) {
    const c = `${ch}${real.slice(1)}`;
    if (c !== real) return c;
  }
  throw new Error('unreachable');
}

function emit<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
}

/** The page shows sentences only: no raw code, none of the server's English, some Korean. */
async function assertKoreanOnly(page: Page, serverEnglish: RegExp[], where: string) {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, RAW_CODE, `${where}: a raw error code on the page`);
  for (const english of serverEnglish) assert.doesNotMatch(text, english, `${where}: the server's English on the page`);
}

describe('join errors, end to end in Chromium', () => {
  let app: App;
  let browser: Browser;
  let teacher: Socket;
  let room: HostCredentials;
  let locked: HostCredentials;
  const contexts: BrowserContext[] = [];

  const open = async (viewport: { width: number; height: number }) => {
    const ctx = await browser.newContext({ viewport, locale: 'ko-KR' });
    contexts.push(ctx);
    return ctx.newPage();
  };

  /** Types `code` into the page's code box and presses Go. */
  async function typeCode(page: Page, code: string) {
    const box = page.getByTestId('join-code-form');
    await box.getByTestId('join-code-input').fill(code.toLowerCase());
    await box.getByTestId('join-code-submit').click();
  }

  /** A code with no room: refused in the code box, in Korean, still on the same page, no nickname asked. */
  async function assertRefusedHere(page: Page, path: string, code: string) {
    await typeCode(page, code);
    const help = page.locator('[data-testid="join-code-help"][data-code="room/not_found"]');
    await help.waitFor({ timeout: 15_000 });
    assert.match(await help.innerText(), /코드의 방이 없어요/);
    assert.equal(new URL(page.url()).pathname, path, 'still at the first step');
    assert.equal(await page.getByTestId('room-nickname').count(), 0, 'no nickname asked');
    await assertKoreanOnly(page, [/no room with the code/i, /not_found/], path);
  }

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    teacher = io(app.url, { transports: ['websocket'], forceNew: true });
    const made = await emit<{ ok: true; data: HostCredentials }>(teacher, 'room:create', {});
    room = made.data;
    locked = (await emit<{ ok: true; data: HostCredentials }>(teacher, 'room:create', {})).data;
    const lock = await emit<{ ok: boolean }>(teacher, 'room:lock', { code: locked.code, hostToken: locked.hostToken, locked: true });
    assert.ok(lock.ok);
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    teacher?.disconnect();
    await browser?.close();
    await app?.stop();
  });

  test('home page (Chromebook): a code with no room is refused before the nickname; the real code goes on to it', async () => {
    const page = await open(CHROMEBOOK);
    await page.goto(`${app.url}/`);
    await assertRefusedHere(page, '/', wrongCode(room.code));
    await screenshot(page, 'join-home-no-room');
    await typeCode(page, room.code);
    await page.waitForURL(`${app.url}/room/${room.code}`);
    await page.getByTestId('room-nickname').waitFor({ timeout: 15_000 });
  });

  test('/join (phone): the same, and a locked room is said at the first step too', async () => {
    const page = await open(PHONE);
    await page.goto(`${app.url}/join`);
    await assertRefusedHere(page, '/join', wrongCode(room.code));
    await screenshot(page, 'join-page-no-room-phone');
    await typeCode(page, locked.code);
    const help = page.locator('[data-testid="join-code-help"][data-code="room/locked"]');
    await help.waitFor({ timeout: 15_000 });
    assert.match(await help.innerText(), /선생님이 방을 잠갔어요/);
    assert.equal(new URL(page.url()).pathname, '/join');
    await assertKoreanOnly(page, [/the host has locked this room/i], 'locked');
    await typeCode(page, room.code);
    await page.waitForURL(`${app.url}/room/${room.code}`);
    await page.getByTestId('room-nickname').waitFor({ timeout: 15_000 });
  });

  test("a room's address typed with a code that has no room: said instead of the nickname step", async () => {
    const page = await open(CHROMEBOOK);
    await page.goto(`${app.url}/room/${wrongCode(room.code)}`);
    const refused = page.locator('[data-testid="room-refused"][data-code="room/not_found"]');
    await refused.waitFor({ timeout: 15_000 });
    assert.match(await refused.getByTestId('room-error').innerText(), /코드의 방이 없어요/);
    assert.equal(await page.getByTestId('room-nickname').count(), 0);
    await assertKoreanOnly(page, [/no room with the code/i], 'room address');
  });

  test("the teacher's reclaim form: a wrong PIN is a Korean sentence, without the code or the server's English", async () => {
    const page = await open(CHROMEBOOK);
    await page.goto(`${app.url}/host`);
    await page.getByTestId('reclaim-code').fill(room.code);
    await page.getByTestId('reclaim-pin').fill('AAAA-AAAA-AAAA');
    await page.getByTestId('reclaim-submit').and(page.locator(':enabled')).click();
    const error = page.locator('[data-testid="room-error"][data-code="room/bad_pin"]');
    await error.waitFor({ timeout: 15_000 });
    assert.match(await error.innerText(), /PIN이 맞지 않아요/);
    await assertKoreanOnly(page, [/this PIN does not open this room/i, /bad_pin/], 'reclaim');
    await screenshot(page, 'host-reclaim-bad-pin');
  });
});
