/**
 * What the autoencoder views ask of a trained model, in plain arrays (no tfjs here: the views
 * import this, and ae-model.ts, which pulls in tfjs, is loaded only when a model is).
 */
export interface AeModel {
  /** Numbers in the code: the bottleneck layer's units. */
  codeLength: number;
  /** Pictures in, pictures out: `count` × height × width × channels floats in 0..1. */
  reconstruct(pixels: Float32Array, count: number): Promise<Float32Array>;
  /** The bottleneck's output: `count` × codeLength numbers. */
  encode(pixels: Float32Array, count: number): Promise<Float32Array>;
  /** The decoder alone, from `count` codes to pictures. */
  decode(codes: Float32Array, count: number): Promise<Float32Array>;
  dispose(): void;
}

/** A split's pictures as floats in 0..1 (bytes / 255), the model's input. */
export function toFloats(images: Uint8Array): Float32Array {
  return Float32Array.from(images, (v) => v / 255);
}
