/**
 * The app's training loop on tfjs's WebGPU backend in Node, through Dawn (npm package `webgpu`),
 * for checking the WebGPU path on a machine with a real GPU. Not part of the test suite.
 * Usage (with `webgpu` installed): npx tsx bench/webgpu-node.ts [default|tiny] [epochs]
 */
// @ts-expect-error: optional package, installed only where a GPU is
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);
Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
const adapter = await (globalThis.navigator as unknown as { gpu: { requestAdapter(): Promise<{ info?: Record<string, unknown> } | null> } }).gpu.requestAdapter();
console.log('adapter', JSON.stringify(adapter?.info ?? null));
const [preset = 'default', epochs = '3'] = process.argv.slice(2);
process.argv = [process.argv[0] ?? 'node', 'train-node', preset, 'webgpu', epochs];
await import('./train-node');
