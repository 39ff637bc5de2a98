/**
 * `npm run bench`: every benchmark once, with modest defaults, one after another (they would skew
 * each other if run together), then one summary of the figures. A benchmark that fails is reported
 * and the rest still run; no benchmark ever fails on a timing.
 *
 * Usage: npm run bench -- [--skip name,name] [--only name,name] [--no-build] [--smoke]
 * Names: weight, leaderboard, score, fanout, throughput, longtask, accuracy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, nextRouteTable } from './lib/app-process';
import { ROOT } from './lib/bundle';
import { listArg, machine, parseArgs } from './lib/stats';

interface Step {
  name: string;
  script: string;
  args: string[];
  /** Tiny sizes for `--smoke`: checks that every benchmark runs, in a few minutes. */
  smoke: string[];
}

const STEPS: Step[] = [
  { name: 'weight', script: 'bench/page-weight.ts', args: [], smoke: [] },
  { name: 'leaderboard', script: 'bench/leaderboard.ts', args: ['--submissions', '1000000', '--reads', '2000'], smoke: ['--submissions', '20000', '--reads', '100'] },
  { name: 'score', script: 'bench/score.ts', args: ['--workers', '1,2', '--runs', '10', '--burst', '40'], smoke: ['--workers', '1', '--runs', '2', '--burst', '4'] },
  // The room fan-out benchmark belongs to the rooms work; it runs here when it is in the tree.
  { name: 'fanout', script: 'bench/room-fanout.ts', args: ['100'], smoke: ['10'] },
  {
    name: 'throughput',
    script: 'bench/train-throughput.ts',
    args: ['--quiet'],
    smoke: ['--quiet', '--models', 'dense', '--backends', 'wasm,cpu', '--batches', '2', '--epochs', '2', '--rounds', '1'],
  },
  { name: 'longtask', script: 'bench/train-longtask.ts', args: ['--seconds', '45'], smoke: ['--seconds', '5'] },
  {
    name: 'accuracy',
    script: 'bench/time-to-accuracy.ts',
    args: ['--models', 'cnn', '--epochs', '30', '--cap-min', '8', '--quiet'],
    smoke: ['--models', 'dense', '--epochs', '1', '--cap-min', '1', '--quiet'],
  },
];

/** BENCH lines, or a pretty-printed JSON report (the fan-out benchmark's) made one line. */
function figureLines(stdout: string): string[] {
  const lines = stdout.split('\n').filter((l) => l.startsWith('BENCH '));
  const start = stdout.search(/^\{$/m);
  const end = stdout.lastIndexOf('\n}');
  if (start >= 0 && end > start) {
    try {
      lines.push(`BENCH ${JSON.stringify(JSON.parse(stdout.slice(start, end + 2)))}`);
    } catch {
      // not one JSON document: the BENCH lines are all there is
    }
  }
  return lines;
}

function main(): void {
  const args = parseArgs();
  const only = args.has('only') ? new Set(listArg(args, 'only', [])) : undefined;
  const skip = new Set(listArg(args, 'skip', []));
  const steps = STEPS.filter((s) => (!only || only.has(s.name)) && !skip.has(s.name));
  const env = machine();
  console.log(`npm run bench: ${env.cores} cores (${env.cpu}), ${env.memGiB} GiB, load ${env.load}, ${new Date().toISOString()}`);
  // One fresh production build for the benchmarks that need one, so none measures stale code.
  if (!args.has('no-build') && steps.some((s) => s.name === 'weight' || s.name === 'longtask')) {
    console.log(`next build's route table (kB = 1000 bytes):\n${nextRouteTable(ensureBuild(true))}`);
  }
  const lines: string[] = [];
  const failed: string[] = [];
  for (const step of steps) {
    const stepArgs = args.has('smoke') ? step.smoke : step.args;
    if (!existsSync(join(ROOT, step.script))) {
      console.log(`\n== ${step.name}: ${step.script} is not in this tree, skipped`);
      continue;
    }
    console.log(`\n== ${step.name}: tsx ${step.script} ${stepArgs.join(' ')} (load ${machine().load})`);
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', step.script, ...stepArgs], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-bench' },
    });
    process.stdout.write(run.stdout ?? '');
    lines.push(...figureLines(run.stdout ?? ''));
    if (run.status !== 0) failed.push(`${step.name} (exit ${run.status ?? run.signal})`);
    console.log(`== ${step.name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`\n== all figures (load now ${machine().load}):`);
  for (const l of lines) console.log(l);
  if (failed.length) console.log(`\nbenchmarks that did not finish: ${failed.join(', ')}`);
}

main();
