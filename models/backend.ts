/**
 * Picks the fastest tfjs backend that really works here. A software adapter (SwiftShader, llvmpipe)
 * is not a GPU: measured on a 2-core machine with a small CNN, software WebGPU trains ~6 samples/s,
 * software WebGL ~43, tfjs CPU ~19, WASM with our gradient kernel ~200+. So WASM beats any
 * software "GPU", and a real GPU beats WASM.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWasmGradKernels } from './wasm-kernels';

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

async function loadBackend(name: BackendName, wasmPath: string): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // In Node the binaries load from node_modules; a browser fetches them from our own origin.
    if (inBrowser()) wasm.setWasmPaths(wasmPath);
    registerWasmGradKernels();
  }
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
 * backend that was skipped or failed adds a reason.
 */
export async function selectBackend(
  opts: { prefer?: BackendName; wasmPath?: string; probe?: BackendProbe } = {},
): Promise<BackendChoice> {
  const probe = opts.probe ?? (await probeBackends());
  const { order, reasons } = rankBackends(probe);
  const tryOrder = opts.prefer ? [opts.prefer, ...order.filter((b) => b !== opts.prefer)] : order;
  for (const name of tryOrder) {
    if (!isAvailable(probe, name)) continue;
    try {
      await loadBackend(name, opts.wasmPath ?? '/tfjs-wasm/');
      if (await tf.setBackend(name)) {
        await tf.ready();
        const others = reasons.filter((r) => !r.startsWith(LABEL[name]));
        return { backend: name, software: isSoftware(probe, name), reasons: others };
      }
      reasons.push(`${LABEL[name]} failed to start`);
    } catch (err) {
      reasons.push(`${LABEL[name]} failed: ${(err as Error).message}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${reasons.join('; ')}`);
}
