/**
 * Picks the fastest tfjs backend that really works here. A software adapter (SwiftShader, llvmpipe)
 * is not a GPU: measured on a 2-core machine with a small CNN, software WebGPU trains ~6 samples/s,
 * software WebGL ~43, tfjs CPU ~19, WASM with our gradient kernel ~200+. So WASM beats any
 * software "GPU", and a real GPU beats WASM.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWasmGradKernels } from './wasm-kernels';
import { fetchPthreadScript, withPthreadScript } from './wasm-pthreads';

import { BACKEND_LABELS as LABEL, type BackendName } from './backend-names';

export { BACKEND_NAMES, type BackendName } from './backend-names';

export interface BackendProbe {
  webgpu: { available: boolean; fallbackAdapter?: boolean; reason?: string };
  webgl: { available: boolean; renderer?: string; reason?: string };
  wasm: { available: boolean; reason?: string };
}

export interface BackendChoice {
  backend: BackendName;
  /** True when the chosen backend runs on a software rasteriser rather than a GPU. */
  software: boolean;
  /** Why faster-looking backends were passed over, for the badge. */
  reasons: string[];
  /** WASM only: the threads tfjs really trains on (its getThreadsCount()) and why not more. */
  wasm?: WasmThreads;
}

export interface WasmThreads {
  /** Threads training in all: with replicas (models/parallel.ts), theirs added to this thread's. */
  threads: number;
  /** Copies of the model that each train a share of every batch, this thread's included (absent: 1). */
  replicas?: number;
  /** The context is cross-origin isolated, so memory can be shared between threads. */
  isolated: boolean;
  /** tfjs loaded its threaded SIMD build (threads and SharedArrayBuffer work, and more than one thread was planned). */
  multithread: boolean;
  cores: number;
  /** One thread by choice: the model is too small for more to pay (planReplicas). */
  light?: boolean;
}

/**
 * tfjs-backend-wasm pre-starts 8 pthread workers; a pool larger than that would have to start
 * workers while the training thread waits on them, and Chromebooks have 2-8 cores anyway.
 */
export const MAX_WASM_THREADS = 8;

/**
 * Pure: the thread count to ask tfjs for. Without isolation (or threads support) there is one
 * thread whatever is asked. Otherwise one per logical core, capped: tfjs's own default would be
 * half the cores (1 on a 2-core Chromebook), which leaves a core idle while a student waits.
 */
export function planWasmThreads(env: { isolated: boolean; multithread: boolean; cores: number | undefined; requested?: number }): number {
  if (!env.isolated || !env.multithread) return 1;
  const wanted = env.requested ?? env.cores ?? 1;
  return Math.max(1, Math.min(MAX_WASM_THREADS, Math.floor(wanted)));
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

export function isSoftwareRenderer(renderer: string | undefined): boolean {
  return renderer !== undefined && SOFTWARE_RENDERER.test(renderer);
}

/** Pure: the order to try backends in, and the reasons for what was demoted or missing. */
export function rankBackends(probe: BackendProbe): { order: BackendName[]; reasons: string[] } {
  const reasons: string[] = [];
  const gpuWebgpu = probe.webgpu.available && !probe.webgpu.fallbackAdapter;
  const gpuWebgl = probe.webgl.available && !isSoftwareRenderer(probe.webgl.renderer);
  if (!probe.webgpu.available) reasons.push(`WebGPU unavailable: ${probe.webgpu.reason ?? 'no adapter'}`);
  else if (!gpuWebgpu) reasons.push('WebGPU skipped: software adapter (no GPU)');
  if (!probe.webgl.available) reasons.push(`WebGL unavailable: ${probe.webgl.reason ?? 'no context'}`);
  else if (!gpuWebgl) reasons.push(`WebGL skipped: software renderer (${probe.webgl.renderer ?? 'unknown'})`);
  if (!probe.wasm.available) reasons.push(`WASM unavailable: ${probe.wasm.reason ?? 'no WebAssembly'}`);

  const order: BackendName[] = [];
  if (gpuWebgpu) order.push('webgpu');
  if (gpuWebgl) order.push('webgl');
  if (probe.wasm.available) order.push('wasm');
  if (probe.webgl.available && !gpuWebgl) order.push('webgl');
  order.push('cpu');
  if (probe.webgpu.available && !gpuWebgpu) order.push('webgpu');
  return { order, reasons };
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; architecture?: string; vendor?: string; description?: string };
}

async function probeWebgpu(): Promise<BackendProbe['webgpu']> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { available: false, reason: 'not supported by this browser' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, reason: 'no adapter' };
    const info = adapter.info ?? {};
    const named = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`;
    const fallbackAdapter = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader/i.test(named);
    return { available: true, fallbackAdapter };
  } catch (err) {
    return { available: false, reason: (err as Error).message };
  }
}

function probeWebgl(): BackendProbe['webgl'] {
  type Ctx = WebGL2RenderingContext | null;
  let gl: Ctx = null;
  try {
    if (typeof OffscreenCanvas !== 'undefined') gl = new OffscreenCanvas(1, 1).getContext('webgl2') as Ctx;
    else if (typeof document !== 'undefined') gl = document.createElement('canvas').getContext('webgl2');
  } catch {
    gl = null;
  }
  if (!gl) return { available: false, reason: 'no WebGL2 context' };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, renderer };
}

export async function probeBackends(): Promise<BackendProbe> {
  return {
    webgpu: await probeWebgpu(),
    webgl: probeWebgl(),
    wasm: typeof WebAssembly === 'object' ? { available: true } : { available: false, reason: 'no WebAssembly' },
  };
}

const inBrowser = () => typeof (globalThis as { document?: unknown }).document !== 'undefined' ||
  typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';

type WasmModule = typeof import('@tensorflow/tfjs-backend-wasm');

interface ThreadPlan extends Omit<WasmThreads, 'threads'> {
  /** The count asked of tfjs. */
  wanted: number;
  /** With threads: tfjs's unminified script for its pthread workers (wasm-pthreads.ts). */
  pthreadScript: string | null;
}

/**
 * Sets tfjs's thread count; it must happen before the backend starts, which sizes its pool once.
 * One thread runs on the plain SIMD build: the threaded one, held to one thread, trained ~6 %
 * slower (bench:throughput, 2026-12-02: 364.8 vs 387.7 samples/s for the default CNN), and replicas (models/parallel.ts)
 * each train on one thread.
 */
async function planThreads(wasm: WasmModule, wasmPath: string, requested: number | undefined): Promise<ThreadPlan> {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const support = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 1;
  let wanted = planWasmThreads({ isolated, multithread: support, cores, ...(requested !== undefined ? { requested } : {}) });
  // Without a working script for the threads the threaded build would hang: use the plain one.
  const pthreadScript = wanted > 1 ? await fetchPthreadScript(wasmPath) : null;
  const multithread = wanted > 1 && pthreadScript !== null;
  if (!multithread) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wanted = 1;
  }
  wasm.setThreadsCount(wanted);
  return { isolated, multithread, cores, wanted, pthreadScript };
}

/**
 * Starts tfjs WASM with `wanted` threads. Its C++ caps the pool at navigator.hardwareConcurrency / 2
 * (read once, as the module starts), whatever setThreadsCount asked: 1 thread on a 2-core
 * Chromebook. So while the module starts, the count is reported doubled, then put back.
 */
async function startWasm({ wanted, pthreadScript }: ThreadPlan): Promise<boolean> {
  const nav = globalThis.navigator as { hardwareConcurrency?: number } | undefined;
  const cores = nav?.hardwareConcurrency ?? 1;
  const widen = nav !== undefined && wanted > 1 && wanted > Math.floor(cores / 2);
  if (widen) Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => wanted * 2 });
  try {
    const start = () => tf.setBackend('wasm');
    return await (pthreadScript ? withPthreadScript(pthreadScript, start) : start());
  } finally {
    // The own property shadowed the prototype's getter; deleting it brings the real count back.
    if (widen) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/** Loads a backend's module; for WASM, returns what its threads depend on. */
async function loadBackend(name: BackendName, wasmPath: string, threads: number | undefined): Promise<ThreadPlan | undefined> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name !== 'wasm') return undefined;
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // In Node the binaries load from node_modules; a browser fetches them from our own origin.
  if (inBrowser()) wasm.setWasmPaths(wasmPath);
  registerWasmGradKernels();
  return planThreads(wasm, wasmPath, threads);
}

function isSoftware(probe: BackendProbe, name: BackendName): boolean {
  if (name === 'webgpu') return Boolean(probe.webgpu.fallbackAdapter);
  if (name === 'webgl') return isSoftwareRenderer(probe.webgl.renderer);
  return false;
}

function isAvailable(probe: BackendProbe, name: BackendName): boolean {
  return name === 'cpu' || probe[name].available;
}

/**
 * Starts the best backend (or `prefer`, when it can start), falling back in rank order; every
 * backend that was skipped or failed adds a reason. `light`: the caller asked for one WASM thread
 * because its model is small, which the badge says where there were more cores.
 */
export async function selectBackend(
  opts: { prefer?: BackendName; wasmPath?: string; probe?: BackendProbe; wasmThreads?: number; light?: boolean } = {},
): Promise<BackendChoice> {
  const probe = opts.probe ?? (await probeBackends());
  const { order, reasons } = rankBackends(probe);
  const tryOrder = opts.prefer ? [opts.prefer, ...order.filter((b) => b !== opts.prefer)] : order;
  for (const name of tryOrder) {
    if (!isAvailable(probe, name)) continue;
    try {
      const plan = await loadBackend(name, opts.wasmPath ?? '/tfjs-wasm/', opts.wasmThreads);
      if (await (plan ? startWasm(plan) : tf.setBackend(name))) {
        await tf.ready();
        const others = reasons.filter((r) => !r.startsWith(LABEL[name]));
        if (!plan) return { backend: name, software: isSoftware(probe, name), reasons: others };
        // What tfjs really sized its pool to, not what was asked: the badge shows this.
        const { isolated, multithread, cores } = plan;
        const wasm = { isolated, multithread, cores, threads: (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount(), ...(opts.light && cores > 1 ? { light: true } : {}) };
        return { backend: name, software: isSoftware(probe, name), reasons: others, wasm };
      }
      reasons.push(`${LABEL[name]} failed to start`);
    } catch (err) {
      reasons.push(`${LABEL[name]} failed: ${(err as Error).message}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${reasons.join('; ')}`);
}
