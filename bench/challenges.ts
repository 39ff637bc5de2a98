/**
 * Calibration of the model challenges: trains each challenge's default and known-good spec in Node
 * with the app's loop, scores them on the server's test examples and prints accuracy, stars,
 * epochs and training time (wall, and the process's CPU time, which a busy shared machine inflates
 * less).
 *
 *   node --import tsx bench/challenges.ts [--backend wasm|cpu] [--seeds 1,2,3] [--val] [--lessons] [id ...]
 *
 * Without ids: every model challenge except sign-digits (its default takes ~4 min on 2 cores;
 * name it to include it; the GAN is bench/gan.ts's). Seeds replace the spec's own seed (weights and data order). --lessons adds
 * the variants of tests/unit/challenges/lessons.ts (what each challenge teaches).
 */
import { parseArgs } from 'node:util';
import { CHALLENGE_IDS, getModelChallenge, type ModelChallengeId } from '../game/challenges';
import type { BackendName } from '../models/backend';
import { defaultSpec, knownGoodSpec } from '../models/presets';
import { runChallenge, useBackend, withTraining } from '../tests/unit/challenges/harness';
import { LESSONS } from '../tests/unit/challenges/lessons';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'wasm' },
    seeds: { type: 'string' },
    val: { type: 'boolean', default: false },
    lessons: { type: 'boolean', default: false },
  },
});

// The GAN trains two models on points, not a classifier: bench/gan.ts calibrates it.
const modelIds = CHALLENGE_IDS.filter((id): id is ModelChallengeId => getModelChallenge(id) !== undefined && getModelChallenge(id)?.objective !== 'generate');
const ids = positionals.length ? (positionals as ModelChallengeId[]) : modelIds.filter((id) => id !== 'sign-digits');
for (const id of ids) if (!modelIds.includes(id)) throw new Error(`${id} is not a model challenge`);

const backend = await useBackend(values.backend as BackendName);
console.log(`backend ${backend}, Node ${process.version}`);

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const runs = (id: ModelChallengeId) => [
  ['default', () => defaultSpec(id)] as const,
  ['known-good', () => knownGoodSpec(id)] as const,
  ...(values.lessons ? (LESSONS[id] ?? []).map((l) => [`lesson: ${l.name}`, l.spec] as const) : []),
];
for (const id of ids) {
  for (const [name, make] of runs(id)) {
    const base = make();
    const seeds = values.seeds ? values.seeds.split(',').map(Number) : [base.training.seed];
    for (const seed of seeds) {
      const spec = withTraining(base, { seed });
      const r = await runChallenge(id, spec, { withVal: values.val });
      const lengths = r.scoresByLength ? `  by length ${Object.entries(r.scoresByLength).map(([l, a]) => `${l}: ${pct(a)}`).join(', ')}` : '';
      const val = values.val ? `  val ${r.valAcc.map((v) => v.toFixed(2)).join(' ')}` : '';
      console.log(
        `${id.padEnd(13)} seed ${String(seed).padEnd(3)} test ${pct(r.accuracy).padStart(7)}  ` +
          `stars ${r.stars}  params ${String(r.paramCount).padStart(6)}  epochs ${String(r.epochs).padStart(3)}  ` +
          `batch ${String(spec.training.batchSize).padStart(3)}  train ${(r.trainMs / 1000).toFixed(2)} s ` +
          `(cpu ${(r.trainCpuMs / 1000).toFixed(2)} s)  ${name}${lengths}${val}`,
      );
    }
  }
}
