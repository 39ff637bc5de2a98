/** Messages between the main thread and the scoring workers (structured-clone safe). */
import type { ServerRun } from '../../game/verification';
import type { ApiError } from '../../protocol';

export interface ScoringJob {
  /** Challenge id; the worker looks up input shape, classes and data set. */
  challengeId: string;
  /** The validated model spec, as stored (JSON). */
  specJson: string;
  /** float32 little-endian weights. */
  weights: Uint8Array;
  /**
   * Train the spec from its seed on the challenge's training data and score that model instead of
   * the weights (game/verification.ts scoringPlan decides; only for generated-data challenges).
   */
  retrain?: boolean;
}

/** The server's own training run: what ran, and how long it took. */
export interface WorkerRun extends ServerRun {
  trainMs: number;
}

export type ScoringOutput =
  | {
      ok: true;
      /** Predicted class per test example, in test-split order. */
      predictions: Int32Array;
      /** Boss levels: predicted class per example of the level's tiny training set. */
      trainPredictions?: Int32Array;
      /**
       * Autoencoder challenges: each hidden test photo's reconstruction error (MSE over its pixels on
       * 0..1, models/autoencoder.ts reconstructionErrors), in test-split order (predictions empty).
       */
      errors?: Float32Array;
      /**
       * GAN challenges: what the generator made from the server's own noise (predictions empty): x, y
       * pairs, or for a GAN of photos its photos (GAN_DIGITS_SAMPLES × 256 values on 0..1).
       */
      points?: Float32Array;
      /** A GAN of photos: the judge's probabilities of each digit for each photo (count × 10). */
      judged?: Float32Array;
      /** Set when the worker trained the spec itself: the predictions are of that model. */
      run?: WorkerRun;
      /** Time spent in the worker for build + weights (or training) + predict, in milliseconds. */
      workerMs: number;
    }
  | { ok: false; error: ApiError };

export interface ScoringWorkerData {
  /** Folder holding <dataset>/manifest.json and test.bin. */
  dataDir: string;
}
