/// <reference lib="webworker" />
/** A replica worker for the benches, bundled beside worker.ts: the app's replica (models/parallel-worker.ts). */
import { serveReplica } from '../../models/parallel-worker';

serveReplica(self as unknown as DedicatedWorkerGlobalScope);
