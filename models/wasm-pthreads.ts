/**
 * tfjs-backend-wasm starts each of its pthread workers from
 * `new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`. Once a bundler has
 * minified the factory (Next's production build does), that source names variables of the bundle
 * around it, every thread dies with "a is not defined", and the backend waits for them for ever.
 * While the backend starts, that one Blob is built instead from tfjs's own unminified script of the
 * same build, served beside the WASM binaries (scripts/copy-wasm.mjs copies it). Browser only.
 */
const FACTORY_PREFIX = 'var WasmBackendModuleThreadedSimd = ';
export const PTHREAD_SCRIPT = 'tfjs-backend-wasm-threaded-simd.js';

/** The unminified script, or null when it cannot be had (then threads must stay off). */
export async function fetchPthreadScript(wasmPath: string): Promise<string | null> {
  try {
    const res = await fetch(wasmPath + PTHREAD_SCRIPT);
    const text = res.ok ? await res.text() : '';
    return text.includes(FACTORY_PREFIX.trim()) ? text : null;
  } catch {
    return null;
  }
}

/** Runs `start` (the backend's start) with the pthreads' Blob built from `script`; then puts Blob back. */
export async function withPthreadScript<T>(script: string, start: () => Promise<T>): Promise<T> {
  const Original = globalThis.Blob;
  class PthreadBlob extends Original {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      const first = parts?.[0];
      super(typeof first === 'string' && first.startsWith(FACTORY_PREFIX) ? [script] : parts, options);
    }
  }
  globalThis.Blob = PthreadBlob;
  try {
    return await start();
  } finally {
    globalThis.Blob = Original;
  }
}
