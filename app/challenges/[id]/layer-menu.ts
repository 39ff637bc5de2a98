/** Which layer types the editor's "Add layer" menu offers for a challenge's input. */
import { LAYER_TYPES, type LayerType } from '../../../models/spec';
import { isSequenceLayerType } from '../../../models/spec-sequence';
import { isDecoderLayerType } from '../../../models/spec-decoder';

/** Layers that take a flat list of values: all a 2-D point can go through. */
const FLAT_TYPES: readonly LayerType[] = ['dense', 'dropout'];
/** Image layers have no place on a sequence; the sequence layers only on one (inputShape [steps, features]). */
const IMAGE_TYPES: readonly LayerType[] = ['conv2d', 'maxPooling2d'];

/** What a flat input can grow into with a reshape: a photo, for the layers after it. */
const GROWN_TYPES: readonly LayerType[] = ['conv2d', 'reshape', 'upSampling2d', 'conv2dTranspose'];

/**
 * `allowed`: the challenge's own list (ModelChallenge.layerTypes), when it has one. `decoder`: the
 * decoder layers (reshape, upsampling, transposed convolution), offered in autoencoder challenges and
 * to a photo GAN's generator; there a flat input (the noise) is reshaped into a photo, so the image
 * layers that paint it are offered too (the shapes check where each one fits).
 */
export function offeredTypes(inputShape: readonly number[], dropout: boolean, allowed: readonly LayerType[] | undefined, decoder = false): LayerType[] {
  const sequence = inputShape.length === 2;
  const fits = (type: LayerType) =>
    inputShape.length === 1 ? FLAT_TYPES.includes(type) || (decoder && GROWN_TYPES.includes(type)) : sequence ? !IMAGE_TYPES.includes(type) : !isSequenceLayerType(type);
  return LAYER_TYPES.filter((type) => fits(type) && (!allowed || allowed.includes(type)) && (type !== 'dropout' || dropout) && (decoder || !isDecoderLayerType(type)));
}
