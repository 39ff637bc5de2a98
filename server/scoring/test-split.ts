/**
 * Reads a challenge's hidden test split from disk (data/<dataset>/manifest.json + test.bin, sha256
 * checked). Used by the main thread (labels, to score) and by each scoring worker (images, to predict).
 */
import { join } from 'node:path';
import type { SplitData } from '../../models/dataset';
import { loadSplitFromDisk } from '../../models/dataset-node';

export function loadTestSplit(dataDir: string, dataset: string): SplitData {
  return loadSplitFromDisk(join(dataDir, dataset), 'test').data;
}
