/** Messages between the main thread and the scoring workers (structured-clone safe). */
import type { ApiError } from '../protocol';

export interface ScoringJob {
  /** Challenge id; the worker looks up input shape, classes and data set. */
  challengeId: string;
  /** The validated model spec, as stored (JSON). */
  specJson: string;
  /** float32 little-endian weights. */
  weights: Uint8Array;
}

export type ScoringOutput =
  | {
      ok: true;
      /** Predicted class per test example, in test-split order. */
      predictions: Int32Array;
      /** Boss levels: predicted class per example of the level's tiny training set. */
      trainPredictions?: Int32Array;
      /** Time spent in the worker for build + weights + predict, in milliseconds. */
      workerMs: number;
    }
  | { ok: false; error: ApiError };

export interface ScoringWorkerData {
  /** Folder holding <dataset>/manifest.json and test.bin. */
  dataDir: string;
}
