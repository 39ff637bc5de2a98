#!/usr/bin/env node
// Copies tfjs's WASM binaries (plain, SIMD and threaded SIMD) into public/ so the browser can fetch
// them from our own origin, with the threaded build's unminified script, which its pthread workers
// load (models/wasm-pthreads.ts says why). Run on postinstall; public/tfjs-wasm/ is not committed.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const target = join(process.cwd(), 'public', 'tfjs-wasm');
mkdirSync(target, { recursive: true });
const binaries = readdirSync(dist).filter((n) => n.endsWith('.wasm'));
for (const name of binaries) copyFileSync(join(dist, name), join(target, name));
if (!binaries.includes('tfjs-backend-wasm-threaded-simd.wasm')) throw new Error(`no threaded SIMD build in ${dist}`);
const PTHREAD_SCRIPT = 'tfjs-backend-wasm-threaded-simd.js';
copyFileSync(join(dist, '..', 'wasm-out', PTHREAD_SCRIPT), join(target, PTHREAD_SCRIPT));
console.log(`copied tfjs wasm binaries and ${PTHREAD_SCRIPT} to ${target}`);
