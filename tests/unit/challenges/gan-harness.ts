/**
 * Trains a GAN spec in Node with the app's two-model loop (models/gan.ts) on the challenge's public
 * training points and scores the generator as the server does: the server's own noise, its hidden
 * target sample, game/gan.ts's score and stars. Shared by the GAN challenge tests and bench/gan.ts.
 */
import { modelChallenge } from '../../../game/challenges';
import { GAN_SCORING, ganOutcome, modeCoverage, type GanMeasure } from '../../../game/gan';
import { GAN_DATA } from '../../../game/gan-challenges';
import { ganTrainingPoints, targetModes } from '../../../game/gan-data';
import type { Stars } from '../../../game/stars';
import { validateSubmission } from '../../../game/submission';
import { buildGan, disposeGan, generatePoints, trainGan } from '../../../models/gan';
import type { ModelSpec } from '../../../models/spec';
import { ganScoringNoise, ganTargetSample } from '../../../server/scoring/test-split';

export interface GanRun {
  measure: GanMeasure;
  stars: Stars;
  /** Generated points near each of the ring's modes. */
  counts: number[];
  params: number;
  rounds: number;
  dLoss: number;
  gLoss: number;
  /** Training wall time, from the loop. */
  trainMs: number;
  /** This process's CPU time while training (user + system): steadier than wall time on a busy machine. */
  trainCpuMs: number;
}

export async function runGan(spec: ModelSpec): Promise<GanRun> {
  const challenge = modelChallenge('gan');
  const check = validateSubmission(challenge, spec);
  if (!check.ok) throw new Error(`not a legal submission: ${check.error.message}`);
  const models = buildGan(spec);
  try {
    const cpu = process.cpuUsage();
    const r = await trainGan(models, spec, ganTrainingPoints(GAN_DATA));
    const used = process.cpuUsage(cpu);
    const points = await generatePoints(models, ganScoringNoise(challenge, models.noiseDim));
    const params = models.generatorParams + models.discriminatorParams;
    const o = ganOutcome(challenge, points, ganTargetSample(challenge) ?? undefined, params);
    if (!o.ok) throw new Error(o.message);
    const counts = modeCoverage(points, targetModes(GAN_DATA.target), GAN_SCORING.modes).counts;
    return { measure: o.measure, stars: o.stars, counts, params, rounds: r.steps, dLoss: r.dLoss, gLoss: r.gLoss, trainMs: r.elapsedMs, trainCpuMs: (used.user + used.system) / 1000 };
  } finally {
    disposeGan(models);
  }
}
