#!/usr/bin/env node
// Copies tfjs's WASM binaries into public/ so the browser can fetch them from our own origin
// (run on postinstall; public/tfjs-wasm/ is not committed).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const target = join(process.cwd(), 'public', 'tfjs-wasm');
mkdirSync(target, { recursive: true });
for (const name of readdirSync(dist).filter((n) => n.endsWith('.wasm'))) {
  copyFileSync(join(dist, name), join(target, name));
}
console.log(`copied tfjs wasm binaries to ${target}`);
