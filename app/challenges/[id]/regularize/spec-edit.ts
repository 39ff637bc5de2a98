/**
 * Edits of the spec behind the studio's tools against overfitting, and how the augmentation
 * sliders map to the spec's fields. Pure (no React, no tfjs), so the mapping is tested directly.
 * Absent means off: turning a tool off removes its key, so a plain spec stays as it was.
 */
import { SPEC_LIMITS, type AugmentSpec, type LayerSpec, type TrainingSpec } from '../../../../models/spec';

export const AUGMENT_FIELDS = ['shift', 'rotate', 'zoom', 'brightness'] as const;
export type AugmentField = (typeof AUGMENT_FIELDS)[number];

/**
 * One slider per augmentation field, in the units a student reads: shift, zoom and brightness in
 * percent (spec value × 100), rotation in degrees (as the spec stores it).
 */
export const AUGMENT_SLIDERS: Readonly<Record<AugmentField, { max: number; step: number; scale: number; unit: '%' | '°' }>> = {
  shift: { max: SPEC_LIMITS.maxShift * 100, step: 1, scale: 100, unit: '%' },
  rotate: { max: SPEC_LIMITS.maxRotateDeg, step: 1, scale: 1, unit: '°' },
  zoom: { max: SPEC_LIMITS.maxZoom * 100, step: 1, scale: 100, unit: '%' },
  brightness: { max: SPEC_LIMITS.maxBrightness * 100, step: 1, scale: 100, unit: '%' },
};

/** Mild settings a student can start from: each image moves at most a tenth of its side, etc. */
export const DEFAULT_AUGMENT: AugmentSpec = { shift: 0.1, rotate: 10, zoom: 0.1, brightness: 0.1 };
/** Epochs without a better validation loss before early stopping ends the run. */
export const DEFAULT_PATIENCE = 3;

/** Spec values are kept to this many decimals, so 7 % is 0.07 and not 0.07000000000000001. */
const DECIMALS = 6;
const tidy = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(DECIMALS)) : v);

/** The slider position for a spec value. */
export function sliderValue(a: AugmentSpec, field: AugmentField): number {
  return tidy(a[field] * AUGMENT_SLIDERS[field].scale);
}

/** The augmentation with one field set from its slider position. */
export function withSlider(a: AugmentSpec, field: AugmentField, position: number): AugmentSpec {
  return { ...a, [field]: tidy(position / AUGMENT_SLIDERS[field].scale) };
}

/** Only images can be shifted, turned or zoomed: 2-D points get no augmentation. */
export const canAugment = (inputShape: readonly number[]): boolean => inputShape.length === 3;

export function setAugment(training: TrainingSpec, augment: AugmentSpec | null): TrainingSpec {
  const { augment: _old, ...rest } = training;
  return augment ? { ...rest, augment } : rest;
}

/** `patience` null turns early stopping off. NaN is kept: the spec's check then says "enter a number". */
export function setEarlyStopping(training: TrainingSpec, patience: number | null): TrainingSpec {
  const { earlyStopping: _old, ...rest } = training;
  return patience === null ? rest : { ...rest, earlyStopping: { patience } };
}

export type DecayLayer = Extract<LayerSpec, { type: 'dense' | 'conv2d' }>;
export type DecayKey = 'l1' | 'l2';

export const takesDecay = (layer: LayerSpec): layer is DecayLayer => layer.type === 'dense' || layer.type === 'conv2d';

/** The layer with λ set; 0 removes the key (no penalty). A blank input (NaN) stays, to be flagged. */
export function withDecay<L extends DecayLayer>(layer: L, key: DecayKey, value: number): L {
  const next: L = { ...layer };
  if (value === 0) delete next[key];
  else next[key] = value;
  return next;
}

/** The layer's active penalties, e.g. [['l2', 0.001]], for a one-line summary. */
export function activeDecay(layer: DecayLayer): [DecayKey, number][] {
  return (['l1', 'l2'] as const).flatMap((k) => (layer[k] !== undefined && layer[k] !== 0 ? [[k, layer[k]] as [DecayKey, number]] : []));
}
