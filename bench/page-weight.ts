/**
 * Benchmark 5: page weight from the production build (.next-bench). For every app route:
 * first-load JS = the root main files + the route's layout and page chunks (app-build-manifest),
 * gzip level 9 as Next measures it; then whether tfjs is in that first load, and whether it is
 * reachable at all (chunks the route can load later: dynamic imports and Web Workers, followed
 * through webpack's chunk ids). tfjs must be reachable only from pages that train.
 *
 * Then, as a check, the same pages opened in Chromium from the running app: all the JavaScript
 * fetched until the network is idle (gzip level 9 of each body), and whether any of it was tfjs.
 * That includes Next's prefetch of routes the page links to (the header links home), so it can
 * exceed the route's own first-load JS.
 *
 * Usage: npm run bench:weight -- [--build] [--no-browser]   (builds into .next-bench when there is none)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { launchBrowser, startApp } from '../tests/e2e/harness';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib/bundle';
import { BENCH_DIST_DIR, ensureBuild, nextRouteTable } from './lib/app-process';
import { emit, machine, parseArgs, round, table } from './lib/stats';

/** Strings only tfjs (core and backends) carries in a minified bundle. */
const TFJS_MARKERS = [/Conv2DBackpropFilter/, /tfjs-backend-wasm/, /WEBGL_VERSION/];
/** Routes whose pages train a model in the browser. */
const TRAINING_ROUTES = new Set(['/challenges/[id]', '/room/[code]']);

const dist = join(ROOT, BENCH_DIST_DIR);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(dist, path), 'utf8')) as T;

function allChunks(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.js')) out.set(`${rel}${e.name}`, readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(join(dist, 'static'), 'static/');
  return out;
}

/**
 * Webpack chunk id → file. Lazy chunks are named `<id or name>.<hash>.js`; each webpack runtime (the
 * main one and each worker's) carries its own maps from ids to names and hashes, which are read here.
 */
function chunkIdIndex(src: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const pairs = (obj: string) => new Map([...obj.matchAll(/(\d+):"([^"]+)"/g)].map((m) => [m[1] as string, m[2] as string]));
  for (const [file, code] of src) {
    const own = file.match(/static\/chunks\/(\d+)[.-][0-9a-f]+\.js$/);
    if (own) out.set(own[1] as string, file);
    const runtime = code.match(/"static\/chunks\/"\+\(\((\{[^}]*\})\)\[e\]\|\|e\)\+"\."\+\((\{[^}]*\})\)\[e\]\+"\.js"/);
    if (!runtime) continue;
    const names = pairs(runtime[1] as string);
    for (const [id, hash] of pairs(runtime[2] as string)) out.set(id, `static/chunks/${names.get(id) ?? id}.${hash}.js`);
  }
  return out;
}

/** Chunk ids a file can load: dynamic imports `.e(ID)`, worker URLs `.u(ID)`, a worker's start-up list. */
function chunkRefs(code: string): string[] {
  const ids = [...code.matchAll(/\.[eu]\((\d+)\)/g)].map((m) => m[1] as string);
  for (const m of code.matchAll(/\[([\d,]+)\]\.map\(\w+\.e\b|\.O\(void 0,\[([\d,]+)\]/g)) ids.push(...(m[1] ?? m[2] ?? '').split(','));
  return ids;
}

/** Everything `start` can load, transitively. */
function reachable(start: string[], src: Map<string, string>, byId: Map<string, string>): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const id of chunkRefs(src.get(queue.pop() as string) ?? '')) {
      const file = byId.get(id);
      if (file && src.has(file) && !seen.has(file)) {
        seen.add(file);
        queue.push(file);
      }
    }
  }
  return seen;
}

const gzipKiB = (code: string) => gzipSync(code, { level: 9 }).byteLength / 1024;
const hasTfjs = (code: string) => TFJS_MARKERS.some((m) => m.test(code));

/** Pages as a visitor opens them (a room that does not exist still loads the room page's code). */
const BROWSER_PAGES: Record<string, string> = {
  home: '/',
  join: '/join',
  lobby: '/room/ACDEFH',
  'host lobby': '/room/ACDEFH/host',
  leaderboard: '/leaderboard/sign-digits',
  challenge: '/challenges/sign-digits',
};

async function inBrowser(): Promise<Record<string, unknown>[]> {
  const app = await startApp({ distDir: BENCH_DIST_DIR });
  const browser = await launchBrowser();
  const rows: Record<string, unknown>[] = [];
  try {
    for (const [name, path] of Object.entries(BROWSER_PAGES)) {
      const page = await browser.newPage();
      const bodies: Promise<Buffer | null>[] = [];
      page.on('response', (res) => {
        if (res.request().resourceType() === 'script') bodies.push(res.body().catch(() => null));
      });
      await page.goto(app.url + path, { waitUntil: 'networkidle' });
      const scripts = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
      const gz = scripts.reduce((n, b) => n + gzipSync(b, { level: 9 }).byteLength, 0) / 1024;
      const tfjs = scripts.some((b) => hasTfjs(b.toString('utf8')));
      rows.push({ page: name, path, scripts: scripts.length, jsFetchedGzipKiB: round(gz, 1), tfjs });
      await page.close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  return rows;
}

async function main(): Promise<void> {
  const args = parseArgs();
  const buildLog = ensureBuild(args.has('build'));
  const pages = readJson<{ pages: Record<string, string[]> }>('app-build-manifest.json').pages;
  const rootMain = readJson<{ rootMainFiles: string[] }>('build-manifest.json').rootMainFiles;
  const src = allChunks();
  const byId = chunkIdIndex(src);
  const tfjsFiles = [...src].filter(([, code]) => hasTfjs(code)).map(([f]) => f);
  const rows: Record<string, unknown>[] = [];
  for (const [entry, files] of Object.entries(pages).sort()) {
    if (!entry.endsWith('/page')) continue;
    const route = entry.slice(0, -'/page'.length) || '/';
    // A page loads every layout above it; the manifest lists each layout under its own key.
    const layouts = Object.keys(pages).filter((k) => k.endsWith('/layout') && (route + '/').startsWith(k.slice(0, -'layout'.length)));
    const initial = [...new Set([...rootMain, ...layouts.flatMap((l) => pages[l] ?? []), ...files])].filter((f) => f.endsWith('.js'));
    const later = [...reachable(initial, src, byId)].filter((f) => !initial.includes(f));
    const tfjsFirst = initial.some((f) => hasTfjs(src.get(f) ?? ''));
    const tfjsLater = later.filter((f) => hasTfjs(src.get(f) ?? ''));
    const trains = TRAINING_ROUTES.has(route);
    rows.push({
      route,
      firstLoadGzipKiB: round(initial.reduce((n, f) => n + gzipKiB(src.get(f) ?? ''), 0), 1),
      files: initial.length,
      laterGzipKiB: round(later.reduce((n, f) => n + gzipKiB(src.get(f) ?? ''), 0), 1),
      tfjsInFirstLoad: tfjsFirst,
      tfjsLoadedLater: tfjsLater.length > 0 ? `${round(tfjsLater.reduce((n, f) => n + gzipKiB(src.get(f) ?? ''), 0), 0)} KiB gz` : 'no',
      trains,
      ok: !tfjsFirst && (trains || tfjsLater.length === 0),
    });
  }
  console.log(`page weight from ${BENCH_DIST_DIR}/ (load ${machine().load})`);
  console.log(table(rows));
  console.log(`tfjs-bearing chunks: ${tfjsFiles.map((f) => `${f} (${round(gzipKiB(src.get(f) ?? ''), 0)} KiB gz)`).join(', ')}`);
  if (buildLog) console.log(`next build's own table (kB = 1000 bytes):\n${nextRouteTable(buildLog)}`);
  emit('page-weight', { routes: rows, tfjsChunks: tfjsFiles.length });
  if (args.has('no-browser')) return;
  const seen = await inBrowser();
  console.log(`\nthe same pages loaded in Chromium (all scripts fetched until the network is idle, Next's prefetch of linked routes included):\n${table(seen)}`);
  emit('page-weight-browser', { pages: seen });
}

await main();
