/**
 * Trains a digit-GAN spec in Node with the app's two-model loop (models/gan.ts) on the public
 * 16×16 training photos and scores the generator as the server does: the server's own noise and
 * asked digits, the shipped judge, game/gan-digits.ts's score and stars. Shared by the gan-digits
 * tests and bench/gan-digits-level.ts; `measureEvery` also scores the generator every that many
 * epochs while it trains (the calibration's curve).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { forChallenge } from '../../../game/challenge-data';
import { modelChallenge } from '../../../game/challenges';
import { ganIO } from '../../../game/gan-challenges';
import { digitGanOutcome, type DigitGanMeasure } from '../../../game/gan-digits';
import type { Stars } from '../../../game/stars';
import { validateSubmission } from '../../../game/submission';
import { loadSplitFromDisk } from '../../../models/dataset-node';
import { buildGan, disposeGan, generate, ganRoundsPerEpoch, trainGan, type GanModels, type GanPhotos } from '../../../models/gan';
import { judgeProbabilities, loadJudge } from '../../../models/judge';
import type { ModelSpec } from '../../../models/spec';
import { JUDGE_DIR } from '../../../server/scoring/gan-scorer';
import { ganScoringClasses, ganScoringNoise } from '../../../server/scoring/test-split';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');
const challenge = modelChallenge('gan-digits');

/** The public training photos at 16×16 on 0..1, with their digits (what the browser trains on). */
export function digitTrainingPhotos(): GanPhotos {
  const split = forChallenge(challenge, loadSplitFromDisk(join(DATA, 'sign-digits'), 'train').data, 'train');
  return { photos: Float32Array.from(split.images, (v) => v / 255), classes: Int32Array.from(split.labels) };
}

let judge: tf.Sequential | null = null;
export function shippedJudge(): tf.Sequential {
  judge ??= loadJudge(readFileSync(join(DATA, JUDGE_DIR, 'spec.json'), 'utf8'), new Uint8Array(readFileSync(join(DATA, JUDGE_DIR, 'weights.bin'))));
  return judge;
}

/** The server's reading of a generator: its photos from the server's noise, the judge's probabilities, the outcome. */
export async function scoreDigitGenerator(models: GanModels) {
  const photos = await generate(models, ganScoringNoise(challenge, models.noiseDim), ganScoringClasses(challenge));
  const probs = await judgeProbabilities(shippedJudge(), photos);
  const o = digitGanOutcome(challenge, photos, probs, models.generatorParams + models.discriminatorParams);
  if (!o.ok) throw new Error(o.message);
  return { ...o, photos, probs };
}

export interface DigitGanRun {
  measure: DigitGanMeasure;
  stars: Stars;
  params: number;
  rounds: number;
  trainMs: number;
  trainCpuMs: number;
  /** With measureEvery: the measure after each of those epochs. */
  curve: { epoch: number; elapsedMs: number; measure: DigitGanMeasure; stars: Stars }[];
}

export async function runDigitGan(spec: ModelSpec, measureEvery = 0): Promise<DigitGanRun> {
  const check = validateSubmission(challenge, spec);
  if (!check.ok) throw new Error(`not a legal submission: ${check.error.message}`);
  const real = digitTrainingPhotos();
  const models = buildGan(spec, ganIO(challenge));
  const perEpoch = ganRoundsPerEpoch(real.classes.length, spec.training.batchSize);
  const curve: DigitGanRun['curve'] = [];
  try {
    const cpu = process.cpuUsage();
    const onStep = async (s: { step: number; elapsedMs: number }) => {
      const epoch = (s.step + 1) / perEpoch;
      if (measureEvery > 0 && Number.isInteger(epoch) && epoch % measureEvery === 0) {
        const o = await scoreDigitGenerator(models);
        curve.push({ epoch, elapsedMs: s.elapsedMs, measure: o.measure, stars: o.stars });
      }
    };
    const r = await trainGan(models, spec, real, { onStep });
    const used = process.cpuUsage(cpu);
    const o = await scoreDigitGenerator(models);
    return { measure: o.measure, stars: o.stars, params: models.generatorParams + models.discriminatorParams, rounds: r.steps, trainMs: r.elapsedMs, trainCpuMs: (used.user + used.system) / 1000, curve };
  } finally {
    disposeGan(models);
  }
}
