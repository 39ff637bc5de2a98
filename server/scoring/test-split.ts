/**
 * A challenge's hidden test examples. Image challenges read data/<dataset>/test.bin (sha256
 * checked) and keep their classes; generated challenges are drawn from a seed that only the server
 * uses (the browser's train and validation seeds are public). Used by the main thread (labels, to
 * score) and by each scoring worker (examples, to predict).
 */
import { join } from 'node:path';
import type { ModelChallenge } from '../../game/challenges';
import { forChallenge, generatedTest } from '../../game/challenge-data';
import type { Examples } from '../../models/challenge-data';
import type { SplitData } from '../../models/dataset';
import { loadSplitFromDisk } from '../../models/dataset-node';
import { addNoise, asReconstruction, isReconstructionSplit } from '../../models/autoencoder-data';
import { gaussianNoise, sampleTarget } from '../../game/gan-data';
import { askedDigit, GAN_DIGITS_SAMPLES } from '../../game/gan-digits';

/** Never sent to a client; the test points differ from every training and validation point. */
const TEST_SEED = 918_273_645;

/** Never sent either: the noise the server feeds a submitted generator (game/gan.ts compares its points). */
const GAN_NOISE_SEED = 561_738_294;

/** A GAN challenge's hidden sample of its target distribution (x, y pairs); null for the others. */
export function ganTargetSample(challenge: ModelChallenge): Float32Array | null {
  return challenge.data.type === 'target2d' ? sampleTarget(challenge.data.target, challenge.data.test, TEST_SEED) : null;
}

/** How many samples the server asks a GAN challenge's generator for. */
const scoringCount = (challenge: ModelChallenge): number =>
  challenge.data.type === 'target2d' ? challenge.data.test : challenge.objective === 'generate' && challenge.data.type === 'images' ? GAN_DIGITS_SAMPLES : 0;

/** The server's noise for a GAN challenge's generator: one vector per hidden target point, or per photo asked for. */
export function ganScoringNoise(challenge: ModelChallenge, noiseDim: number): Float32Array {
  return gaussianNoise(scoringCount(challenge), noiseDim, GAN_NOISE_SEED);
}

/** The digit each of those photos is asked to be (a conditional GAN); undefined for the points GAN. */
export function ganScoringClasses(challenge: ModelChallenge): Int32Array | undefined {
  if (challenge.data.type !== 'images') return undefined;
  return Int32Array.from({ length: scoringCount(challenge) }, (_, i) => askedDigit(i, challenge.numClasses));
}

export function loadTestSplit(dataDir: string, dataset: string): SplitData {
  return loadSplitFromDisk(join(dataDir, dataset), 'test').data;
}

/** A boss level's tiny training set, exactly as the browser draws it (to measure train accuracy). */
export function bossTrainExamples(dataDir: string, challenge: ModelChallenge): SplitData | null {
  if (!challenge.boss || challenge.data.type !== 'images') return null;
  return forChallenge(challenge, loadSplitFromDisk(join(dataDir, challenge.data.dataset), 'train').data, 'train');
}

/** Never sent either: the noise on the denoising level's hidden test photos. */
const TEST_NOISE_SEED = 374_650_912;

export function testExamples(dataDir: string, challenge: ModelChallenge): Examples {
  const generated = generatedTest(challenge, TEST_SEED);
  if (generated) return generated;
  if (challenge.data.type !== 'images') throw new Error(`challenge ${challenge.id} has no test data`);
  const test = forChallenge(challenge, loadTestSplit(dataDir, challenge.data.dataset));
  // The denoising level: the model sees the server's own noisy photos and must give back the clean ones.
  const noise = challenge.data.noise;
  if (noise === undefined || !isReconstructionSplit(test)) return test;
  return asReconstruction(test, addNoise(test.images, noise, TEST_NOISE_SEED));
}
