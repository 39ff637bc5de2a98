/// <reference lib="webworker" />
/**
 * A replica of the model the training worker trains: it computes the gradient of its share of each
 * batch on another core (models/parallel.ts). Started by training.worker.ts, one per other core.
 */
import { serveReplica } from '../../../models/parallel-worker';

declare const self: DedicatedWorkerGlobalScope;
serveReplica(self);
