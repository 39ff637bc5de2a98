/** The layer editor's "Add layer" menu: what each kind of input is offered. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { offeredTypes } from '../../../app/challenges/[id]/layer-menu';

describe('offeredTypes', () => {
  test('a point gets dense (and dropout when shown) only', () => {
    assert.deepEqual(offeredTypes([2], true, undefined), ['dense', 'dropout']);
    assert.deepEqual(offeredTypes([2], false, undefined), ['dense']);
  });
  test('an image gets no sequence layer', () => {
    assert.deepEqual(offeredTypes([64, 64, 1], true, undefined), ['dense', 'conv2d', 'maxPooling2d', 'flatten', 'dropout']);
  });
  test('a sequence gets the sequence layers, dense and flatten, no conv2d or pooling2d', () => {
    const types = offeredTypes([20, 12], false, undefined);
    assert.deepEqual(types, ['dense', 'flatten', 'embedding', 'simpleRNN', 'lstm', 'gru', 'selfAttention', 'globalAveragePooling1d', 'globalMaxPooling1d', 'lastStep']);
  });
  test("a challenge's own list narrows the menu further", () => {
    assert.deepEqual(offeredTypes([20, 12], true, ['embedding', 'simpleRNN', 'lstm', 'gru', 'dense', 'dropout']), ['dense', 'dropout', 'embedding', 'simpleRNN', 'lstm', 'gru']);
    assert.deepEqual(offeredTypes([20, 12], false, ['lstm', 'conv2d']), ['lstm']);
  });
});
