/** The layer editor in an autoencoder challenge: the decoder layers in the menu, one bottleneck mark. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { offeredTypes } from '../../../app/challenges/[id]/layer-menu';
import { markBottleneck } from '../../../app/components/studio/autoencoder/bottleneck-edit';
import { bottleneckIndices, NEW_DECODER_LAYER } from '../../../models/spec-decoder';
import { parseModelSpec, type LayerSpec } from '../../../models/spec';

const IMAGE = [32, 32, 1];

describe('autoencoder editor', () => {
  test('the decoder layers are offered on an image only when the challenge asks for them', () => {
    assert.deepEqual(offeredTypes(IMAGE, false, undefined, true), ['dense', 'conv2d', 'maxPooling2d', 'flatten', 'reshape', 'upSampling2d', 'conv2dTranspose']);
    assert.ok(!offeredTypes(IMAGE, true, undefined).some((t) => ['reshape', 'upSampling2d', 'conv2dTranspose'].includes(t)));
    assert.ok(!offeredTypes([20, 12], false, undefined, false).includes('reshape'));
    assert.deepEqual(offeredTypes(IMAGE, false, ['dense', 'reshape'], true), ['dense', 'reshape']);
  });

  test("a photo GAN's generator (flat noise, decoder tools) is offered the layers that grow it into a photo", () => {
    const allowed = ['dense', 'conv2d', 'flatten', 'dropout', 'reshape', 'upSampling2d', 'conv2dTranspose'] as const;
    assert.deepEqual(offeredTypes([26], false, allowed, true), ['dense', 'conv2d', 'reshape', 'upSampling2d', 'conv2dTranspose']);
    assert.deepEqual(offeredTypes([26], false, allowed, false), ['dense'], 'without decoder tools a flat input stays flat (the points GAN)');
  });

  test('the layers "Add layer" inserts are valid specs', () => {
    for (const layer of Object.values(NEW_DECODER_LAYER)) {
      const parsed = parseModelSpec({ version: 1, layers: [layer], training: { loss: 'meanSquaredError', optimizer: { type: 'adam', learningRate: 0.001 }, batchSize: 32, epochs: 1, seed: 1 } });
      assert.ok(parsed.ok, layer.type);
    }
  });

  test('marking a dense layer moves the one bottleneck there; unmarking leaves none; other layers untouched', () => {
    const layers: LayerSpec[] = [
      { type: 'flatten' },
      { type: 'dense', units: 64, activation: 'relu' },
      { type: 'dense', units: 2, activation: 'linear', bottleneck: true },
      { type: 'dense', units: 64, activation: 'relu' },
      { type: 'reshape', targetShape: [8, 8, 1] },
    ];
    const spec = (l: LayerSpec[]) => ({ layers: l });
    const moved = markBottleneck(layers, 1, true);
    assert.deepEqual(bottleneckIndices(spec(moved)), [1]);
    assert.deepEqual(moved[0], layers[0]);
    assert.deepEqual(moved[4], layers[4]);
    assert.ok(!('bottleneck' in (moved[2] as object)), 'the old mark is removed, not set to false');
    assert.deepEqual(bottleneckIndices(spec(markBottleneck(layers, 2, false))), []);
    assert.deepEqual(bottleneckIndices(spec(markBottleneck(layers, 3, true))), [3]);
  });
});
