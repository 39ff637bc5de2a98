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

/** Never sent to a client; the test points differ from every training and validation point. */
const TEST_SEED = 918_273_645;

export function loadTestSplit(dataDir: string, dataset: string): SplitData {
  return loadSplitFromDisk(join(dataDir, dataset), 'test').data;
}

/** A boss level's tiny training set, exactly as the browser draws it (to measure train accuracy). */
export function bossTrainExamples(dataDir: string, challenge: ModelChallenge): SplitData | null {
  if (!challenge.boss || challenge.data.type !== 'images') return null;
  return forChallenge(challenge, loadSplitFromDisk(join(dataDir, challenge.data.dataset), 'train').data, 'train');
}

export function testExamples(dataDir: string, challenge: ModelChallenge): Examples {
  const generated = generatedTest(challenge, TEST_SEED);
  if (generated) return generated;
  if (challenge.data.type !== 'images') throw new Error(`challenge ${challenge.id} has no test data`);
  return forChallenge(challenge, loadTestSplit(dataDir, challenge.data.dataset));
}
