/**
 * Is a two-model GAN spec legal for a 'generate' challenge (issue 18)? The generator is the spec's
 * layers (noise [noiseDim] -> 2), the discriminator the gan block's (2 -> 1 sigmoid); each model
 * within the challenge's layer limit and layer types, both together within its parameter budget
 * (the submitted weights hold both, generator first). Every refusal names the field.
 */
import type { LayerSpec, ModelSpec } from '../models/spec';
import { inferGanShapes } from '../models/shapes-gan';
import type { ModelChallenge } from './challenges';
import { ganIO } from './gan-challenges';
import type { SubmissionCheck, SubmissionErrorCode } from './submission';

const fail = (code: SubmissionErrorCode, message: string, path: string, detail: string): SubmissionCheck => ({
  ok: false,
  error: { code, message, issues: [{ path, message: `${path}: ${detail}` }] },
});

/** The first problem with one model's layers: too many, or a type the challenge does not take. */
function layersProblem(def: ModelChallenge, layers: readonly LayerSpec[], path: string, model: string): SubmissionCheck | null {
  const { maxLayers } = def.budget;
  if (layers.length > maxLayers) {
    return fail('submission/too_many_layers', `the ${model} has ${layers.length} layers; challenge ${def.id} allows at most ${maxLayers}`, path, `at most ${maxLayers}, got ${layers.length}`);
  }
  const allowed = def.layerTypes;
  const i = allowed ? layers.findIndex((l) => !allowed.includes(l.type)) : -1;
  const layer = layers[i];
  if (!allowed || !layer) return null;
  const detail = `challenge ${def.id} does not take ${layer.type} layers (it takes ${allowed.join(', ')})`;
  return fail('spec/invalid', `${path}.${i}: ${detail}`, `${path}.${i}`, detail);
}

export function validateGanSubmission(def: ModelChallenge, spec: ModelSpec): SubmissionCheck {
  const gan = spec.gan;
  if (!gan) {
    return fail('spec/invalid', `challenge ${def.id} trains a generator against a discriminator: the spec needs its gan block`, 'gan', 'required (noiseDim, dSteps, gSteps, discriminator)');
  }
  const problem = layersProblem(def, spec.layers, 'layers', 'generator') ?? layersProblem(def, gan.discriminator.layers, 'gan.discriminator.layers', 'discriminator');
  if (problem) return problem;
  if (spec.training.earlyStopping) {
    return fail('spec/invalid', 'a GAN has no validation loss to stop on', 'training.earlyStopping', 'not for a GAN');
  }
  if (spec.training.augment) return fail('spec/invalid', `challenge ${def.id} has no images to augment`, 'training.augment', 'only for image challenges');
  const shapes = inferGanShapes(spec, ganIO(def));
  if (!shapes.ok) return { ok: false, error: { code: 'spec/invalid', message: 'the layers do not fit together', issues: shapes.issues } };
  const { maxParams } = def.budget;
  if (shapes.totalParams > maxParams) {
    return fail(
      'submission/over_budget',
      `the generator (${shapes.generatorParams}) and discriminator (${shapes.discriminatorParams}) have ${shapes.totalParams} parameters; challenge ${def.id} allows at most ${maxParams}`,
      'layers',
      `parameters of both models: at most ${maxParams}, got ${shapes.totalParams}`,
    );
  }
  return { ok: true, spec, shapes: { layers: [...shapes.generator, ...shapes.discriminator], totalParams: shapes.totalParams } };
}
