#!/usr/bin/env node
// Runs the test suites with Node's own test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [unit|integration|e2e ...]   (no argument: all suites)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SUITES = ['unit', 'integration', 'e2e'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : SUITES;

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...collect(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = wanted.flatMap((suite) => {
  if (!SUITES.includes(suite)) throw new Error(`unknown suite ${suite}; expected one of ${SUITES.join(', ')}`);
  try {
    return collect(join('tests', suite));
  } catch {
    return [];
  }
});
// Longest first: with two files at a time the run ends when its slowest file does, so the files
// that train start first and short unit files fill the end; no long file starts last and runs
// alone. Node starts files in the order given.
const LONGEST = [
  'e2e/gan-digits', 'e2e/autoencoder', 'e2e/sequence', 'e2e/studio2d', 'e2e/gan', 'e2e/a11y', 'e2e/solo', 'e2e/phone',
  'e2e/sequence-backends', 'e2e/lessons', 'e2e/persist', 'unit/challenges/autoencoder-models',
  'unit/types/typecheck', 'unit/challenges/sequence-models', 'unit/challenges/gan-models', 'unit/challenges/gan-digits-models', 'unit/challenges/models',
].map((f) => join('tests', `${f}.test.ts`));
const SUITE_ORDER = ['e2e', 'integration', 'unit'];
const rank = (f) => {
  const i = LONGEST.indexOf(f);
  return i >= 0 ? i : LONGEST.length + SUITE_ORDER.findIndex((s) => f.startsWith(join('tests', s)));
};
files.sort((a, b) => rank(a) - rank(b));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Two files at a time: much of a test file's time is waiting (a page load, a round's deadline, a
// tsx start-up), and on two cores one file at a time left CI past its 30 minutes. TEST_CONCURRENCY=1
// runs them one after another; TEST_REPORTER=tap gives each file's duration.
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
const reporter = process.env.TEST_REPORTER ?? 'spec';
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, `--test-reporter=${reporter}`, ...files], {
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
