/**
 * Model files (models/model-files.ts, model-files-tf.ts): a trained model packed as tfjs's
 * model.json + weights.bin with our spec, read back to the same spec and the same submission bytes,
 * loadable by tfjs itself, and every broken pair of files refused with its reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../../../models/build';
import { unpackModelFiles, weightsFingerprint, type ChosenFile } from '../../../models/model-files';
import { checkFit, packModel, type PackedModel } from '../../../models/model-files-tf';
import type { ModelSpec } from '../../../models/spec';
import { applyWeights, serializeWeights } from '../../../models/weights';

const TARGET = { challengeId: 'sign-01', inputShape: [16, 16, 1], numClasses: 2 } as const;
const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { type: 'conv2d', filters: 3, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 2, activation: 'softmax' },
  ],
  training: { loss: 'categoricalCrossentropy', optimizer: { type: 'adam', learningRate: 0.001 }, batchSize: 8, epochs: 1, seed: 3 },
};

/** "Trained" weights: a build with another seed, so they differ from a fresh build's. */
function trainedWeights(): ArrayBuffer {
  const m = buildModel({ ...SPEC, training: { ...SPEC.training, seed: 77 } }, TARGET);
  const w = serializeWeights(m);
  m.dispose();
  return w;
}

const filesOf = (p: PackedModel, binName = p.names.weights): ChosenFile[] => [
  { name: p.names.json, bytes: new TextEncoder().encode(p.json) },
  { name: binName, bytes: p.weights },
];

/** The packed pair with model.json edited by `edit`. */
function withJson(p: PackedModel, edit: (j: Record<string, any>) => void): ChosenFile[] {
  const j = JSON.parse(p.json) as Record<string, any>;
  edit(j);
  return [{ name: p.names.json, bytes: new TextEncoder().encode(JSON.stringify(j)) }, { name: p.names.weights, bytes: p.weights }];
}

describe('model files', () => {
  let weights: ArrayBuffer;
  let packed: PackedModel;
  before(async () => {
    await tf.setBackend('cpu');
    weights = trainedWeights();
    packed = await packModel(SPEC, weights, TARGET);
  });
  after(() => tf.disposeVariables());

  test('tfjs file names and our spec inside model.json; the weights file is the submission bytes', () => {
    assert.deepEqual(packed.names, { json: 'gradient-arena-sign-01.json', weights: 'gradient-arena-sign-01.weights.bin' });
    const j = JSON.parse(packed.json);
    assert.equal(j.format, 'layers-model');
    assert.deepEqual(j.weightsManifest[0].paths, ['./gradient-arena-sign-01.weights.bin']);
    assert.deepEqual(j.weightsManifest[0].weights.map((w: { shape: number[] }) => w.shape), [[3, 3, 1, 3], [3], [192, 2], [2]]);
    const meta = j.userDefinedMetadata.gradientArena;
    assert.deepEqual(meta.spec, SPEC);
    assert.equal(meta.challengeId, 'sign-01');
    assert.deepEqual(meta.weights, { count: weights.byteLength / 4, fingerprint: weightsFingerprint(weights) });
    assert.equal(meta.score, undefined, 'no score travels with the files');
    assert.deepEqual(Buffer.from(packed.weights), Buffer.from(weights));
  });

  test('read back: the same spec, the same bytes, and they fit the challenge', () => {
    const r = unpackModelFiles(filesOf(packed));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual(r.model.spec, SPEC);
    assert.deepEqual(Buffer.from(r.model.weights), Buffer.from(weights));
    assert.equal(r.model.fingerprint, packed.fingerprint);
    assert.deepEqual(checkFit(r.model, TARGET), { ok: true });
  });

  test('tfjs itself loads the files and predicts what the original model predicts', async () => {
    const j = JSON.parse(packed.json);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(j.modelTopology, j.weightsManifest[0].weights, packed.weights));
    const fromWire = buildModel(SPEC, TARGET);
    assert.ok(applyWeights(fromWire, weights).ok);
    const x = tf.randomUniform([4, 16, 16, 1], 0, 1, 'float32', 5);
    const a = (loaded.predict(x) as tf.Tensor).arraySync();
    const b = (fromWire.predict(x) as tf.Tensor).arraySync();
    assert.deepEqual(a, b);
    x.dispose();
    loaded.dispose();
    fromWire.dispose();
  });

  test('a browser-renamed weights file is still found; any order of the two files works', () => {
    const renamed = filesOf(packed, 'gradient-arena-sign-01.weights (1).bin');
    const r = unpackModelFiles([...renamed].reverse());
    assert.ok(r.ok);
    assert.equal(r.model.fingerprint, packed.fingerprint);
  });

  const refusals: [string, () => ChosenFile[], string][] = [
    ['no model.json', () => filesOf(packed).slice(1), 'noJson'],
    ['model.json that is not JSON', () => [{ name: 'm.json', bytes: new TextEncoder().encode('{nope') }], 'notJson'],
    ['JSON that is no tfjs model', () => [{ name: 'm.json', bytes: new TextEncoder().encode('{"a":1}') }], 'notModel'],
    ['a tfjs model without our spec', () => withJson(packed, (j) => delete j.userDefinedMetadata), 'noSpec'],
    ['a spec the schema refuses', () => withJson(packed, (j) => (j.userDefinedMetadata.gradientArena.spec.layers[3].units = -1)), 'badSpec'],
    ['model.json alone', () => filesOf(packed).slice(0, 1), 'missingWeights'],
    ['a truncated weights file', () => [filesOf(packed)[0] as ChosenFile, { name: packed.names.weights, bytes: packed.weights.slice(0, 100) }], 'weightsSize'],
    ['int32 weights', () => withJson(packed, (j) => (j.weightsManifest[0].weights[0].dtype = 'int32')), 'dtype'],
    ['quantized weights', () => withJson(packed, (j) => (j.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 1, min: 0 })), 'dtype'],
  ];
  for (const [what, files, code] of refusals) {
    test(`refused: ${what} (${code})`, () => {
      const r = unpackModelFiles(files());
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.code, code);
    });
  }

  test('weights that do not fit the spec, or files of another challenge, do not fit', () => {
    // Same byte count, other shapes: dense kernel [192, 2] listed as [2, 192].
    const swapped = unpackModelFiles(withJson(packed, (j) => (j.weightsManifest[0].weights[2].shape = [2, 192])));
    assert.ok(swapped.ok);
    assert.equal(checkFit(swapped.model, TARGET).ok, false);
    assert.equal((checkFit(swapped.model, TARGET) as { code: string }).code, 'shapes');
    const r = unpackModelFiles(filesOf(packed));
    assert.ok(r.ok);
    assert.deepEqual(checkFit(r.model, { ...TARGET, challengeId: 'sign-digits', numClasses: 10 }), { ok: false, code: 'wrongChallenge', fileChallenge: 'sign-01' });
  });

  test('sequence layers too (embedding, LSTM, our self-attention layer): same bytes back, tfjs loads them', async () => {
    const seqTarget = { challengeId: 'attention', inputShape: [6, 5], numClasses: 3 } as const;
    const seq = {
      version: 1,
      layers: [
        { type: 'embedding', outputDim: 4 },
        { type: 'selfAttention', heads: 2, keyDim: 3, causal: true, positional: true },
        { type: 'lstm', units: 5, returnSequences: true },
        { type: 'globalAveragePooling1d' },
        { type: 'dense', units: 3, activation: 'softmax' },
      ],
      training: SPEC.training,
    } as unknown as ModelSpec;
    const m = buildModel({ ...seq, training: { ...seq.training, seed: 9 } }, seqTarget);
    const w = serializeWeights(m);
    m.dispose();
    const p = await packModel(seq, w, seqTarget);
    assert.deepEqual(Buffer.from(p.weights), Buffer.from(w));
    const r = unpackModelFiles(filesOf(p));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual(r.model.spec, seq);
    assert.deepEqual(checkFit(r.model, seqTarget), { ok: true });
    const j = JSON.parse(p.json);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(j.modelTopology, j.weightsManifest[0].weights, p.weights));
    assert.equal(loaded.countParams(), w.byteLength / 4);
    loaded.dispose();
  });

  test('the fingerprint changes with one flipped bit', () => {
    const bytes = new Uint8Array(weights.slice(0));
    const before = weightsFingerprint(bytes);
    bytes[17] = (bytes[17] as number) ^ 1;
    assert.notEqual(weightsFingerprint(bytes), before);
  });
});
