/**
 * The whole app as `npm start` runs it (Next production build + socket.io + SQLite), built into its
 * own folder (.next-bench) so a benchmark never clobbers another engineer's `.next`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './bundle';

export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-bench';
const START_TIMEOUT_MS = 120_000;

/** Runs `next build` into BENCH_DIST_DIR when there is no build yet, or when `force` is set. */
export function ensureBuild(force = false, cwd = ROOT): string {
  if (!force && existsSync(join(cwd, BENCH_DIST_DIR, 'BUILD_ID'))) return '';
  console.error(`building the app into ${BENCH_DIST_DIR}/ (next build)…`);
  return execFileSync(join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
    cwd,
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  });
}

/** The route table `next build` prints (its "First Load JS" column), for comparison. */
export function nextRouteTable(buildLog: string): string {
  return buildLog
    .split('\n')
    .filter((l) => /^(Route \(app\)|[┌├└│+]\s)/.test(l.trim()) || /^\s+[├└]\s/.test(l))
    .join('\n');
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => ok(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export interface AppProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startAppProcess(): Promise<AppProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'arena-bench-app-'));
  let logs = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: BENCH_DIST_DIR, PORT: String(port), HOST: '127.0.0.1', DATABASE_FILE: join(dir, 'arena.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${logs}`);
    if (Date.now() > deadline) throw new Error(`app did not answer within ${START_TIMEOUT_MS} ms:\n${logs}`);
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
