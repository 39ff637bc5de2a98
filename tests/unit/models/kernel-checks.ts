/**
 * The checks every kernel of ours for wasm gets (models/wasm-*.ts): registered once, equal to the
 * cpu backend on every case, and a stand-in for tfjs's own kernel to see which inputs reach it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { registerWasmGradKernels } from '../../../models/wasm-kernels';
import { use } from './conv-cases';

/** Tests that `kernel` is installed once and that `run` gives on wasm exactly what it gives on cpu. */
export function checkAgainstCpu<C extends { name: string }>(kernel: string, cases: readonly C[], run: (c: C) => unknown): void {
  test('is replaced once: registering again keeps the same kernel', async () => {
    await use('wasm');
    const first = tf.getKernel(kernel, 'wasm');
    assert.ok(first);
    registerWasmGradKernels();
    assert.equal(tf.getKernel(kernel, 'wasm')?.kernelFunc, first.kernelFunc);
  });
  for (const c of cases) {
    test(`equals cpu: ${c.name}`, async () => {
      await use('cpu');
      const expected = run(c);
      await use('wasm');
      assert.deepEqual(run(c), expected);
    });
  }
}

/** A stand-in for tfjs's own kernel that counts its calls and throws 'original'. */
export function standInOriginal(): { original: tf.KernelFunc; calls: tf.NamedAttrMap[] } {
  const calls: tf.NamedAttrMap[] = [];
  const original = ((args: { attrs?: tf.NamedAttrMap }) => {
    calls.push(args.attrs ?? {});
    throw new Error('original');
  }) as unknown as tf.KernelFunc;
  return { original, calls };
}

/** What a kernel output holds (and frees it). */
export function readOut(out: tf.TensorInfo): number[] {
  const data = Array.from(tf.backend().readSync(out.dataId) as Float32Array);
  tf.backend().disposeData(out.dataId);
  return data;
}
