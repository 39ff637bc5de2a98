// A worker thread's entry that runs a TypeScript module (workerData.module) through tsx, as piscina
// starts the scoring workers: plain JavaScript first, then the import once tsx's hooks are in.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
