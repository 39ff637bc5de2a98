/** Messages between the challenge page and its training worker. */
import type { BackendChoice } from '../../../models/backend';
import type { BackendName } from '../../../models/backend-names';
import type { Examples } from '../../../models/challenge-data';
import type { Probe, ProbeView } from '../../../models/probe';
import type { ModelSpec } from '../../../models/spec';
import type { BatchProgress, EpochLog } from '../../../models/train';

export type ToWorker =
  | {
      type: 'start';
      spec: ModelSpec;
      prefer?: BackendName;
      inputShape: number[];
      numClasses: number;
      train: Examples;
      val: Examples;
      /** 2-D inputs only: probe the live model on this grid (heatmap, gradients, neuron). */
      probe?: ProbeView;
      /** An autoencoder's output shape (its input's); absent: `numClasses` classes. */
      outputShape?: number[];
    }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'batch'; progress: BatchProgress }
  /** `probe` (with gradients) when the run asked for probes. */
  | { type: 'epoch'; log: EpochLog; probe?: Probe }
  /** A probe between epoch ends: before the first batch, and while a long epoch runs. */
  | { type: 'probe'; probe: Probe }
  /** `bestEpoch` (0-based): with early stopping on, the epoch whose weights the model holds. */
  | { type: 'done'; stopped: boolean; bestEpoch?: number; valPredictions: Int32Array; weights: ArrayBuffer; samplesPerSecond: number; elapsedMs: number }
  | { type: 'error'; message: string };
