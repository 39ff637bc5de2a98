/**
 * A trained model as files: tfjs's own layers format (model.json + one weights file, what
 * `model.save('downloads://…')` writes), with our spec inside model.json's `userDefinedMetadata`
 * so the server can rebuild the model from spec + weights and score it like any other submission.
 * The weights file is exactly the submission wire format (float32 little-endian, getWeights()
 * order, models/weights.ts). This file reads and checks such files; packing needs tfjs
 * (model-files-tf.ts). No tfjs, no DOM: the same checks run in Node tests.
 */
import { z } from 'zod';
import { parseModelSpec, type ModelSpec } from './spec';

/** Version of our metadata block inside model.json. */
export const MODEL_FILES_VERSION = 1;
/** Key of our block in model.json's userDefinedMetadata. */
export const METADATA_KEY = 'gradientArena';

/** File names for a challenge's model: tfjs's downloads:// convention (name.json, name.weights.bin). */
export function modelFileNames(challengeId: string): { json: string; weights: string } {
  const base = `gradient-arena-${challengeId}`;
  return { json: `${base}.json`, weights: `${base}.weights.bin` };
}

/** What we add to model.json. The score is not in it: only the server scores a model. */
export interface ArenaMetadata {
  version: typeof MODEL_FILES_VERSION;
  challengeId: string;
  spec: ModelSpec;
  inputShape: number[];
  numClasses: number;
  /** float32 values in the weights file, and weightsFingerprint() of its bytes. */
  weights: { count: number; fingerprint: string };
}

const weightEntrySchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  dtype: z.string(),
  quantization: z.unknown().optional(),
});

const modelJsonSchema = z.object({
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(z.object({ paths: z.array(z.string()).min(1), weights: z.array(weightEntrySchema) })).min(1),
  userDefinedMetadata: z.record(z.string(), z.unknown()).optional(),
});

const metadataSchema = z.object({
  version: z.literal(MODEL_FILES_VERSION),
  challengeId: z.string().min(1).max(64),
  spec: z.unknown(),
  inputShape: z.array(z.number().int().positive()).optional(),
  numClasses: z.number().int().positive().optional(),
  weights: z.object({ count: z.number().int().min(0), fingerprint: z.string() }).optional(),
});

export type WeightEntry = z.infer<typeof weightEntrySchema>;

/** Why a pair of files cannot be used; the studio turns each code into a sentence (ko/en). */
export type ModelFilesError =
  | { code: 'noJson' }
  | { code: 'notJson' }
  | { code: 'notModel' }
  | { code: 'noSpec' }
  | { code: 'badSpec'; detail: string }
  | { code: 'missingWeights'; file: string }
  | { code: 'dtype'; detail: string }
  | { code: 'weightsSize'; expected: number; got: number };

export interface UnpackedModel {
  challengeId: string;
  spec: ModelSpec;
  /** Float32 weights in getWeights() order: what a submission sends. */
  weights: ArrayBuffer;
  /** Shapes of the weights as model.json lists them, in order. */
  shapes: number[][];
  fingerprint: string;
}

export type UnpackResult = { ok: true; model: UnpackedModel } | { ok: false; error: ModelFilesError };

/** A chosen file: its name and bytes (a File's name and arrayBuffer(), or a test's buffer). */
export interface ChosenFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

/**
 * FNV-1a (32 bits) of the bytes, with their length: a short name for a set of weights, so the
 * studio can show that an uploaded model carries the very weights that were trained and saved.
 * Not a security measure: the server checks and scores the weights themselves.
 */
export function weightsFingerprint(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let h = 0x811c9dc5;
  for (let i = 0; i < view.length; i++) h = Math.imul(h ^ (view[i] as number), 0x01000193);
  return `${(h >>> 0).toString(16).padStart(8, '0')}-${view.length}`;
}

/** model.json's text for these artifacts (the fields tfjs's own downloads:// writes). */
export function modelJsonText(parts: { modelTopology: unknown; weightSpecs: readonly WeightEntry[]; weightsPath: string; metadata: ArenaMetadata }): string {
  return JSON.stringify({
    modelTopology: parts.modelTopology,
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
    convertedBy: null,
    weightsManifest: [{ paths: [parts.weightsPath], weights: parts.weightSpecs }],
    userDefinedMetadata: { [METADATA_KEY]: parts.metadata },
  });
}

const baseName = (path: string) => path.split('/').pop() ?? path;
const toBytes = (b: ArrayBuffer | Uint8Array) => (b instanceof Uint8Array ? b : new Uint8Array(b));

/**
 * The weight files model.json names, in its order. A browser that renamed a second download
 * ("x.weights (1).bin") is forgiven when exactly one other file was chosen.
 */
function weightFiles(paths: string[], others: ChosenFile[]): { ok: true; files: ChosenFile[] } | { ok: false; error: ModelFilesError } {
  const files: ChosenFile[] = [];
  for (const path of paths) {
    const found = others.find((f) => f.name === baseName(path)) ?? (paths.length === 1 && others.length === 1 ? others[0] : undefined);
    if (!found) return { ok: false, error: { code: 'missingWeights', file: baseName(path) } };
    files.push(found);
  }
  return { ok: true, files };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The weights' bytes after checking dtypes and the total length against model.json. */
function joinWeights(entries: WeightEntry[], files: ChosenFile[]): { ok: true; bytes: Uint8Array } | { ok: false; error: ModelFilesError } {
  const odd = entries.find((e) => e.dtype !== 'float32' || e.quantization !== undefined);
  if (odd) return { ok: false, error: { code: 'dtype', detail: `${odd.name}: ${odd.quantization !== undefined ? 'quantized' : odd.dtype}` } };
  const expected = entries.reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0) * 4;
  const got = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (got !== expected) return { ok: false, error: { code: 'weightsSize', expected, got } };
  const bytes = new Uint8Array(expected);
  let offset = 0;
  for (const f of files) {
    bytes.set(toBytes(f.bytes), offset);
    offset += f.bytes.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * Reads model.json (the chosen file ending in .json) and its weights from `files`. Checks the
 * format, our spec (the same zod schema the server applies) and the weight bytes; whether the
 * weights fit the spec on a challenge is checked with tfjs (model-files-tf.ts) and by the server.
 */
export function unpackModelFiles(files: readonly ChosenFile[]): UnpackResult {
  const jsonFile = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  if (!jsonFile) return { ok: false, error: { code: 'noJson' } };
  const raw = parseJson(new TextDecoder().decode(toBytes(jsonFile.bytes)));
  if (raw === undefined) return { ok: false, error: { code: 'notJson' } };
  const parsed = modelJsonSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'notModel' } };
  const meta = metadataSchema.safeParse(parsed.data.userDefinedMetadata?.[METADATA_KEY]);
  if (!meta.success) return { ok: false, error: { code: 'noSpec' } };
  const spec = parseModelSpec(meta.data.spec);
  if (!spec.ok) return { ok: false, error: { code: 'badSpec', detail: spec.issues.map((i) => i.message).join('; ') } };
  const manifest = parsed.data.weightsManifest;
  const found = weightFiles(manifest.flatMap((g) => g.paths), files.filter((f) => f !== jsonFile));
  if (!found.ok) return found;
  const entries = manifest.flatMap((g) => g.weights);
  const joined = joinWeights(entries, found.files);
  if (!joined.ok) return joined;
  const weights = joined.bytes.buffer as ArrayBuffer;
  return {
    ok: true,
    model: { challengeId: meta.data.challengeId, spec: spec.spec, weights, shapes: entries.map((e) => e.shape), fingerprint: weightsFingerprint(weights) },
  };
}
