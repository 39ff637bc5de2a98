/**
 * Node-only loader for the committed dataset (server scoring, tests). Browser code fetches the same
 * files over HTTP and calls decodeSplit directly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSplit, manifestSchema } from './dataset';
import type { DatasetManifest, SplitData, SplitName } from './dataset';

/** Reads and validates `dir/manifest.json`; throws with the zod issues when it is malformed. */
export function loadManifest(dir: string): DatasetManifest {
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${join(dir, 'manifest.json')} is invalid: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** Loads one split from disk, checking its sha256 against the manifest before decoding. */
export function loadSplitFromDisk(dir: string, split: SplitName): { manifest: DatasetManifest; data: SplitData } {
  const manifest = loadManifest(dir);
  const entry = manifest.splits[split];
  const path = join(dir, entry.file);
  const bytes = readFileSync(path);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== entry.sha256) {
    throw new Error(`${path}: sha256 is ${sha}, manifest expects ${entry.sha256} (file changed or corrupt)`);
  }
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { manifest, data: decodeSplit(view, manifest, split) };
}
