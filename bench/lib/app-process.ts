/**
 * The production build benchmarks run against, in its own folder (.next-bench) so a benchmark never
 * clobbers another engineer's `.next`. Serve it with the e2e harness: `startApp({ distDir: BENCH_DIST_DIR })`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle';

export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-bench';

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
