/** Editing the bottleneck mark (models/spec-decoder.ts): pure, so the unit tests read it. */
import type { LayerSpec } from '../../../../models/spec';

/** The layers with the bottleneck mark moved to layer `index` (or removed from it). */
export function markBottleneck(layers: readonly LayerSpec[], index: number, on: boolean): LayerSpec[] {
  return layers.map((l, i) => {
    if (l.type !== 'dense') return l;
    const { bottleneck: _old, ...rest } = l;
    return (i === index ? on : false) ? { ...rest, bottleneck: true } : rest;
  });
}
