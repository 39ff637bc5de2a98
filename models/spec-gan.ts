/**
 * The two-model spec of a GAN (issue 18). A GAN spec is an ordinary ModelSpec (models/spec.ts)
 * whose layers are the GENERATOR, plus an optional `gan` block for the DISCRIMINATOR and the
 * alternating schedule. No tfjs here (same reason as models/spec.ts).
 *
 * Final shape (the contract the GAN studio and the server code against):
 *
 *   {
 *     version: 1,
 *     layers: [...],                 // the generator: noise [noiseDim] -> ... -> dense 2 (an x,y point)
 *     training: {
 *       loss,                        // 'categoricalCrossentropy': the standard GAN loss (binary cross-
 *                                    //   entropy on real/fake, non-saturating for the generator);
 *                                    // 'meanSquaredError': the least-squares GAN (LSGAN) loss
 *       optimizer,                   // the GENERATOR's optimizer and learning rate
 *       batchSize,                   // real points per discriminator step = noise vectors per step
 *       epochs,                      // one epoch = ceil(training points / batchSize) rounds
 *       seed,                        // both models' initial weights, the noise and the real batches
 *       // earlyStopping and augment are refused for a GAN (no validation loss; no images)
 *     },
 *     gan: {
 *       noiseDim,                    // length of the generator's Gaussian N(0, 1) noise vector, 1..16
 *       dSteps,                      // discriminator steps per round, 1..10
 *       gSteps,                      // generator steps per round (after the dSteps), 1..10
 *       discriminator: {
 *         layers: [...],             // point [2] -> ... -> dense 1 sigmoid (P(real))
 *         optimizer,                 // the DISCRIMINATOR's own optimizer type and learning rate
 *       },
 *     },
 *   }
 *
 * One round: dSteps discriminator steps (each on the next real batch and a fresh fake batch), then
 * gSteps generator steps (each on fresh noise). Submitted weights: the generator's values, then the
 * discriminator's, each in model.getWeights() order (models/gan.ts ganWeights).
 *
 * The block's layers and optimizer reuse the ordinary schemas, which live in models/spec.ts; spec.ts
 * imports this file, so the schema is made by a function of those schemas (no import cycle).
 */
import { z } from 'zod';

export const GAN_LIMITS = {
  maxNoiseDim: 16,
  maxStepsPerRound: 10,
  maxDiscriminatorLayers: 16,
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** The `gan` block's schema, from the layer and optimizer schemas of models/spec.ts. */
export function makeGanSchema<L extends z.ZodTypeAny, O extends z.ZodTypeAny>(layer: L, optimizer: O) {
  return z.strictObject({
    /** Length of the generator's input: a Gaussian N(0, 1) noise vector. */
    noiseDim: int(1, GAN_LIMITS.maxNoiseDim),
    /** Discriminator steps per round. */
    dSteps: int(1, GAN_LIMITS.maxStepsPerRound),
    /** Generator steps per round, after the discriminator's. */
    gSteps: int(1, GAN_LIMITS.maxStepsPerRound),
    discriminator: z.strictObject({
      /** From an x,y point to one probability that it is real (last layer: dense 1 sigmoid). */
      layers: z.array(layer).min(1).max(GAN_LIMITS.maxDiscriminatorLayers),
      /** The discriminator's own optimizer and learning rate. */
      optimizer,
    }),
  });
}

/** The discriminator's input: one generated or real point. */
export const GAN_POINT_SHAPE = [2] as const;

/**
 * What a GAN's two models handle, set by its challenge (game/challenges.ts ganIO). `sample` is one
 * real or generated example: an x, y point, or a photo [height, width, channels]. With `classes` > 0
 * the GAN is CONDITIONAL (the sign-digits GAN): the generator is told which class to make, as a
 * one-hot vector after its noise (input [noiseDim + classes]), and the discriminator sees each
 * photo with that class as `classes` extra channels, all 0 but the asked one's 1 (input [height,
 * width, channels + classes]), so it can call a good 3 fake when a 5 was asked for.
 */
export interface GanIO {
  sample: readonly number[];
  classes: number;
}

export const GAN_POINTS_IO: GanIO = { sample: GAN_POINT_SHAPE, classes: 0 };

/** The discriminator's input shape: the sample, with the class channels of a conditional GAN. */
export function discriminatorInput(io: GanIO): number[] {
  if (io.classes === 0) return [...io.sample];
  const [h = 1, w = 1, c = 1] = io.sample;
  return [h, w, c + io.classes];
}

/** The generator's output: 2 units for a point, the sample's shape for a photo. */
export const generatorOutput = (io: GanIO): number | readonly number[] => (io.classes === 0 && io.sample.length === 1 ? (io.sample[0] ?? 2) : io.sample);

/** Values in one sample (2 for a point, height × width × channels for a photo). */
export const sampleSize = (io: GanIO): number => io.sample.reduce((a, b) => a * b, 1);
/** The generator's output width (x, y) and the discriminator's (P(real)). */
export const GAN_GENERATOR_OUTPUT = 2;
export const GAN_DISCRIMINATOR_OUTPUT = 1;
