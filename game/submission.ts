/**
 * Is a submitted model legal for a challenge? Checks the spec vocabulary, the shapes and the
 * challenge's budget before the server spends a scoring worker on it.
 */
import type { SpecIssue, ModelSpec } from '../models/spec';
import { parseModelSpec } from '../models/spec';
import type { LayerInfo } from '../models/shapes';
import { inferShapes } from '../models/shapes';
import { generatedTrainCount, getModelChallenge, outputTarget, type ModelChallenge } from './challenges';
import { autoencoderSpecProblem } from './autoencoder';
import { validateGanSubmission } from './gan-submission';
import { samplesSeen } from './stars';
import { retrainCostProblem } from './verification';

export type SubmissionErrorCode =
  | 'spec/invalid'
  | 'submission/over_budget'
  | 'submission/too_many_layers'
  | 'submission/over_samples'
  | 'submission/over_steps'
  | 'challenge/unknown';

export interface SubmissionError {
  /** Stable, namespaced code. */
  code: SubmissionErrorCode;
  /** Human-readable explanation (English). */
  message: string;
  /** Field-level problems, when the spec itself is at fault. */
  issues: SpecIssue[];
}

export type SubmissionCheck =
  | { ok: true; spec: ModelSpec; shapes: { layers: LayerInfo[]; totalParams: number } }
  | { ok: false; error: SubmissionError };

const fail = (code: SubmissionErrorCode, message: string, issues: SpecIssue[] = []): SubmissionCheck => ({
  ok: false,
  error: { code, message, issues },
});

/** The batch-and-epoch budget: epochs × training examples may not pass the challenge's limit. */
function samplesIssue(def: ModelChallenge, spec: ModelSpec): SubmissionCheck | null {
  const limit = def.budget.maxSamplesSeen;
  const train = generatedTrainCount(def);
  if (limit === undefined || train === null || samplesSeen(spec, train) <= limit) return null;
  const most = Math.floor(limit / train);
  return fail(
    'submission/over_samples',
    `${spec.training.epochs} epochs of ${train} examples is ${samplesSeen(spec, train)} samples; challenge ${def.id} allows ${limit} (${most} epochs)`,
    [{ path: 'training.epochs', message: `training.epochs: at most ${most}, got ${spec.training.epochs}` }],
  );
}

/** A layer type the challenge does not offer (the memory challenge takes no flatten or attention). */
function refusedLayer(def: ModelChallenge, spec: ModelSpec): SubmissionCheck | null {
  const allowed = def.layerTypes;
  if (!allowed) return null;
  const i = spec.layers.findIndex((l) => !allowed.includes(l.type));
  const layer = spec.layers[i];
  if (!layer) return null;
  const message = `layers.${i}: challenge ${def.id} does not take ${layer.type} layers (it takes ${allowed.join(', ')})`;
  return fail('spec/invalid', message, [{ path: `layers.${i}`, message }]);
}

/** `challenge` is a definition or an id (untrusted); `specInput` is untrusted JSON. */
export function validateSubmission(challenge: ModelChallenge | string, specInput: unknown): SubmissionCheck {
  const def = typeof challenge === 'string' ? getModelChallenge(challenge) : challenge;
  if (!def) return fail('challenge/unknown', `no model challenge ${JSON.stringify(challenge).slice(0, 70)}`);

  const parsed = parseModelSpec(specInput);
  if (!parsed.ok) return fail('spec/invalid', 'the model spec is not valid', parsed.issues);
  const { spec } = parsed;
  // A GAN challenge takes two models (game/gan-submission.ts); every other challenge takes one.
  if (def.objective === 'generate') return validateGanSubmission(def, spec);
  if (spec.gan) {
    return fail('spec/invalid', `challenge ${def.id} takes one model; the gan block is only for GAN challenges`, [
      { path: 'gan', message: 'gan: only for GAN challenges' },
    ]);
  }

  const { maxLayers, maxParams } = def.budget;
  if (spec.layers.length > maxLayers) {
    return fail(
      'submission/too_many_layers',
      `the model has ${spec.layers.length} layers; challenge ${def.id} allows at most ${maxLayers}`,
      [{ path: 'layers', message: `layers: at most ${maxLayers}, got ${spec.layers.length}` }],
    );
  }

  const refused = refusedLayer(def, spec);
  if (refused) return refused;
  // An autoencoder needs its one bottleneck, and no other challenge takes one (game/autoencoder.ts).
  const code = autoencoderSpecProblem(def, spec);
  if (code) return fail('spec/invalid', code.message, code.issues);
  const shapes = inferShapes(spec, def.inputShape, outputTarget(def));
  if (!shapes.ok) return fail('spec/invalid', 'the layers do not fit together', shapes.issues);
  if (shapes.totalParams > maxParams) {
    return fail(
      'submission/over_budget',
      `the model has ${shapes.totalParams} parameters; challenge ${def.id} allows at most ${maxParams}`,
      [{ path: 'layers', message: `parameters: at most ${maxParams}, got ${shapes.totalParams}` }],
    );
  }
  const samples = samplesIssue(def, spec);
  if (samples) return samples;
  // Where the server trains the spec itself (game/verification.ts), how long it trains is bounded.
  const cost = retrainCostProblem(def, spec);
  if (cost) return fail(cost.code, cost.message, cost.issues);
  if (spec.training.augment && def.inputShape.length !== 3) {
    return fail('spec/invalid', `challenge ${def.id} has no images to augment`, [
      { path: 'training.augment', message: 'training.augment: only for image challenges' },
    ]);
  }
  return { ok: true, spec, shapes: { layers: shapes.layers, totalParams: shapes.totalParams } };
}

export type WeightsErrorCode = 'weights/too_large' | 'weights/wrong_length' | 'weights/not_finite';

export type WeightsCheck = { ok: true } | { ok: false; error: { code: WeightsErrorCode; message: string } };

/**
 * Checks raw float32 little-endian weights against the parameter count the spec implies:
 * exactly 4 bytes per parameter, at most `maxBytes`, and every value finite (NaN or Infinity would
 * make the score meaningless).
 */
export function validateWeights(bytes: Uint8Array, totalParams: number, maxBytes: number): WeightsCheck {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      error: { code: 'weights/too_large', message: `weights are ${bytes.byteLength} bytes; at most ${maxBytes}` },
    };
  }
  const expected = totalParams * 4;
  if (bytes.byteLength !== expected) {
    return {
      ok: false,
      error: {
        code: 'weights/wrong_length',
        message: `weights are ${bytes.byteLength} bytes; the spec has ${totalParams} parameters, so ${expected} bytes (float32) were expected`,
      },
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < totalParams; i++) {
    const value = view.getFloat32(i * 4, true);
    if (!Number.isFinite(value)) {
      return {
        ok: false,
        error: { code: 'weights/not_finite', message: `weight #${i} is ${value}; every weight must be a finite number` },
      };
    }
  }
  return { ok: true };
}
