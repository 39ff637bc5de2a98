/** Bundles a browser entry with esbuild (installed with tsx) into a temporary folder. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Returns the folder holding `<name>.js` (`into`, when given: several entries in one folder).
 * tfjs-backend-wasm's Emscripten glue names Node modules it
 * only uses under Node; they are marked empty for the browser, as Next's bundler does.
 */
export function bundle(entry: string, name: string, into?: string): string {
  const out = into ?? mkdtempSync(join(tmpdir(), 'arena-bench-bundle-'));
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  execFileSync(
    esbuild,
    [
      join(ROOT, entry),
      '--bundle',
      '--format=esm',
      '--platform=browser',
      '--target=es2022',
      '--minify',
      '--log-level=warning',
      ...['fs', 'path', 'os', 'worker_threads', 'perf_hooks', 'crypto', 'util'].map((m) => `--alias:${m}=${join(ROOT, 'bench', 'browser', 'empty.ts')}`),
      '--define:process.env.NODE_ENV="production"',
      `--outfile=${join(out, `${name}.js`)}`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return out;
}
