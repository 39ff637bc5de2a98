import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { MAX_WASM_THREADS, planWasmThreads, rankBackends, selectBackend, type BackendProbe } from '../../../models/backend';

const SWIFTSHADER_GL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const NVIDIA_GL = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

const CASES: Array<{ name: string; probe: BackendProbe; order: string[]; reasons: RegExp[] }> = [
  {
    name: 'real GPU: WebGPU first, then WebGL',
    probe: { webgpu: { available: true, fallbackAdapter: false }, webgl: { available: true, renderer: NVIDIA_GL }, wasm: { available: true } },
    order: ['webgpu', 'webgl', 'wasm', 'cpu'],
    reasons: [],
  },
  {
    name: 'SwiftShader only (headless Chromium here): WASM first, software WebGPU last',
    probe: { webgpu: { available: true, fallbackAdapter: true }, webgl: { available: true, renderer: SWIFTSHADER_GL }, wasm: { available: true } },
    order: ['wasm', 'webgl', 'cpu', 'webgpu'],
    reasons: [/WebGPU skipped: software adapter/, /WebGL skipped: software renderer \(ANGLE.*SwiftShader/],
  },
  {
    name: 'no WebGPU adapter, real WebGL',
    probe: { webgpu: { available: false, reason: 'no adapter' }, webgl: { available: true, renderer: NVIDIA_GL }, wasm: { available: true } },
    order: ['webgl', 'wasm', 'cpu'],
    reasons: [/WebGPU unavailable: no adapter/],
  },
  {
    name: 'nothing but the CPU',
    probe: { webgpu: { available: false }, webgl: { available: false }, wasm: { available: false } },
    order: ['cpu'],
    reasons: [/WebGPU unavailable/, /WebGL unavailable/, /WASM unavailable/],
  },
  {
    name: 'llvmpipe WebGL is software',
    probe: { webgpu: { available: false, reason: 'not supported by this browser' }, webgl: { available: true, renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, wasm: { available: true } },
    order: ['wasm', 'webgl', 'cpu'],
    reasons: [/WebGPU unavailable: not supported/, /WebGL skipped: software renderer \(llvmpipe/],
  },
];

describe('rankBackends', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const { order, reasons } = rankBackends(c.probe);
      assert.deepEqual(order, c.order);
      assert.equal(reasons.length, c.reasons.length, reasons.join(' | '));
      c.reasons.forEach((re, i) => assert.match(reasons[i] ?? '', re));
    });
  }
});

describe('selectBackend in Node', () => {
  test('without GPU APIs it picks WASM and says why the GPU backends were passed over', async () => {
    const choice = await selectBackend();
    assert.equal(choice.backend, 'wasm');
    assert.equal(tf.getBackend(), 'wasm');
    assert.equal(choice.software, false);
    assert.ok(choice.reasons.some((r) => r.startsWith('WebGPU unavailable')), choice.reasons.join(' | '));
  });

  test('a preferred backend is honoured when it can start', async () => {
    const choice = await selectBackend({ prefer: 'cpu' });
    assert.equal(choice.backend, 'cpu');
    assert.equal(tf.getBackend(), 'cpu');
  });

  test('a preferred backend that is missing falls back in rank order and says so', async () => {
    const choice = await selectBackend({ prefer: 'webgl' });
    assert.equal(choice.backend, 'wasm');
    assert.ok(choice.reasons.some((r) => /WebGL unavailable/.test(r)));
  });
});

describe('planWasmThreads', () => {
  test('one thread per core when isolated with WebAssembly threads, capped', () => {
    assert.equal(planWasmThreads({ isolated: true, multithread: true, cores: 2 }), 2);
    assert.equal(planWasmThreads({ isolated: true, multithread: true, cores: 6 }), 6);
    assert.equal(planWasmThreads({ isolated: true, multithread: true, cores: 32 }), MAX_WASM_THREADS);
    assert.equal(planWasmThreads({ isolated: true, multithread: true, cores: undefined }), 1);
  });

  test('one thread without isolation or without threads support, whatever is asked', () => {
    assert.equal(planWasmThreads({ isolated: false, multithread: false, cores: 8 }), 1);
    assert.equal(planWasmThreads({ isolated: true, multithread: false, cores: 8 }), 1);
    assert.equal(planWasmThreads({ isolated: false, multithread: true, cores: 8, requested: 4 }), 1);
  });

  test('an explicit request wins over the core count (the benchmark\'s single-threaded run)', () => {
    assert.equal(planWasmThreads({ isolated: true, multithread: true, cores: 8, requested: 1 }), 1);
    assert.equal(planWasmThreads({ isolated: true, multithread: true, cores: 2, requested: 0 }), 1);
  });
});

describe('WASM threads in Node', () => {
  test('the choice reports one thread: Node gets no threaded tfjs WASM build', async () => {
    const choice = await selectBackend({ prefer: 'wasm' });
    assert.equal(choice.backend, 'wasm');
    assert.equal(choice.wasm?.threads, 1);
    assert.equal(choice.wasm?.multithread, false);
  });
});
