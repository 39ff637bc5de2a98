/**
 * End-to-end harness: the real app (production Next build + socket.io, as `npm start` runs it) on a
 * free port with a fresh SQLite file, and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const START_TIMEOUT_MS = 90_000;
/** Next's build folder, as next.config.ts reads it: engineers sharing a checkout each use their own. */
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';

export interface App {
  url: string;
  dbFile: string;
  stop(): Promise<void>;
  logs(): string;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logs()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url} within ${START_TIMEOUT_MS} ms:\n${logs()}`);
}

/**
 * Starts `tsx server/index.ts` in production mode; needs `npm run build` first. `distDir`: the build
 * folder to serve (default DIST_DIR; benchmarks pass their own).
 */
export async function startApp(opts: { dbFile?: string; distDir?: string } = {}): Promise<App> {
  const distDir = opts.distDir ?? DIST_DIR;
  if (!existsSync(join(ROOT, distDir, 'BUILD_ID'))) {
    throw new Error(`no production build in ${distDir}/: run \`npm run build\` first (npm test does)`);
  }
  const port = await freePort();
  const dir = opts.dbFile ? undefined : mkdtempSync(join(tmpdir(), 'arena-e2e-'));
  const dbFile = opts.dbFile ?? join(dir as string, 'arena.db');
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      // Join links must point where the test's browsers can go, not at this machine's LAN address.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_FILE: dbFile,
      NEXT_DIST_DIR: distDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, child, () => output);
  return {
    url,
    dbFile,
    logs: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `args`: extra Chromium switches for one test's browser (e.g. a fake camera, tests/e2e/hand.test.ts). */
export async function launchBrowser(opts: { args?: readonly string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium), as .ci/run does`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(opts.args ?? []),
    ],
  });
}

export interface AppAndBrowser {
  readonly app: App;
  readonly browser: Browser;
}

/** The app and Chromium for the tests of one describe block: started before them, stopped after. */
export function startAppAndBrowser(): AppAndBrowser {
  let app: App | undefined;
  let browser: Browser | undefined;
  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T,>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the app and browser start in before(): use them inside a test');
    return v;
  };
  return {
    get app() { return started(app); },
    get browser() { return started(browser); },
  };
}

/** One section of a page alone (the README's figures), with the fixed Train bar out of the way. */
export async function sectionShot(page: Page, testId: string, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const bar = page.getByTestId('train-bar');
  await bar.evaluate((el: HTMLElement) => (el.style.visibility = 'hidden'));
  await page.getByTestId(testId).screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  await bar.evaluate((el: HTMLElement) => (el.style.visibility = ''));
}

/**
 * A full-page capture keeps fixed elements where the viewport was scrolled to, on top of the page:
 * the studio's Train bar is drawn in its place in the page instead (after the studio).
 */
const FULL_PAGE_STYLE = '[data-testid="train-bar"] { position: static !important; }';

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, style: FULL_PAGE_STYLE });
  return path;
}

/** Registers a nickname on the home page and waits until the header shows it. */
export async function registerNickname(page: Page, baseUrl: string, nickname: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByTestId('nickname-input').fill(nickname);
  await page.getByTestId('nickname-submit').click();
  await page.getByTestId('player-name').filter({ hasText: nickname }).first().waitFor({ timeout: 20_000 });
}

/** Training a small model in software-rendered Chromium on 2 busy cores can take minutes. */
export const TRAIN_TIMEOUT_MS = 180_000;

/** Opens a room's join address, joins under `nickname` and waits for the lobby. */
export async function joinRoom(page: Page, url: string, nickname: string): Promise<void> {
  await page.goto(url);
  const input = page.getByTestId('room-nickname');
  await input.waitFor();
  await input.fill(nickname);
  await page.getByTestId('room-join').and(page.locator(':enabled')).click();
  await page.getByTestId('player-lobby').waitFor({ timeout: 20_000 });
}

/** Trains the loaded preset (the tiny one: one epoch) and submits; resolves with the server's score. */
export async function trainAndSubmit(page: Page): Promise<number> {
  await page.getByTestId('sample-grid').locator('canvas').nth(9).waitFor({ timeout: 30_000 });
  await page.getByTestId('train-button').click();
  await page.getByTestId('val-accuracy').waitFor({ timeout: TRAIN_TIMEOUT_MS });
  await page.getByTestId('submit-button').click();
  await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 60_000 });
  return Number(await page.getByTestId('submission-score').getAttribute('data-value'));
}

/** Submits the trained model and waits for the server's score; resolves with the score and stars it gave. */
export async function submitForStars(page: Page): Promise<{ score: number; stars: number }> {
  await page.getByTestId('submit-button').click();
  await page.locator('[data-testid="submission-status"][data-status="scored"]').waitFor({ timeout: 120_000 });
  return {
    score: Number(await page.getByTestId('submission-score').getAttribute('data-value')),
    stars: Number(await page.getByTestId('submission-stars').getAttribute('data-value')),
  };
}

/**
 * A teacher (`host`) opens a room; the student joins it at `query` as `nickname`; the teacher starts
 * a round on `challengeId` without locks, and the student's page is running it.
 */
export async function startRoomRound(host: Page, student: Page, appUrl: string, challengeId: string, nickname: string, query = '?preset=tiny&backend=wasm'): Promise<void> {
  await host.goto(`${appUrl}/host`);
  await host.getByTestId('create-room').and(host.locator(':enabled')).click();
  await host.waitForURL(/\/room\/[A-Z0-9]{6}\/host$/);
  const joinUrl = (await host.getByTestId('join-url').getAttribute('href')) ?? '';
  await host.getByTestId('pin-dismiss').click();
  await joinRoom(student, `${joinUrl}${query}`, nickname);
  await host.getByTestId('setup-round').click();
  await host.getByTestId('settings-challenge').selectOption(challengeId);
  await host.getByTestId('settings-no-locks').waitFor();
  await host.getByTestId('start-round').click();
  await student.getByTestId('player-running').waitFor({ timeout: 30_000 });
}
