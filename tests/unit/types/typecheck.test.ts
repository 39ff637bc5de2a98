/**
 * The whole project type-checks, tests included: `next build` checks only what the app reaches, so
 * without this a test or bench file could break its types unnoticed, and the catalogue's type-level
 * tests (tests/types/protocol.ts: each `@ts-expect-error` line must fail to compile, or tsc reports
 * TS2578) would never run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..', '..');

test('tsc --noEmit: no type error anywhere, and the type-level tests are in the program', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const res = spawnSync(process.execPath, [tsc, '--noEmit', '--listFiles', '-p', ROOT], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = res.stdout.split('\n');
  const errors = lines.filter((l) => /error TS\d+/.test(l));
  assert.deepEqual(errors, [], 'type errors');
  assert.equal(res.status, 0, res.stderr);
  assert.ok(lines.some((l) => l.replaceAll('\\', '/').endsWith('/tests/types/protocol.ts')), 'tests/types/protocol.ts is checked');
});
