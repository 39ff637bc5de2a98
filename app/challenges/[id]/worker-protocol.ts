/** Messages between the challenge page and its training worker. */
import type { BackendChoice } from '../../../models/backend';
import type { BackendName } from '../../../models/backend-names';
import type { Examples } from '../../../models/challenge-data';
import type { ModelSpec } from '../../../models/spec';
import type { BatchProgress, EpochLog } from '../../../models/train';

export type ToWorker =
  | { type: 'start'; spec: ModelSpec; prefer?: BackendName; inputShape: number[]; numClasses: number; train: Examples; val: Examples }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; log: EpochLog }
  | { type: 'done'; stopped: boolean; valPredictions: Int32Array; weights: ArrayBuffer; samplesPerSecond: number; elapsedMs: number }
  | { type: 'error'; message: string };
