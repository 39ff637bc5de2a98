/**
 * Seeded Gaussian noise for GAN generators (issue 18). Pure (no tfjs), so game/ can draw the same
 * noise the models/ training loop draws, and the server can draw its own from a seed it never sends.
 */
import { mulberry32 } from './random';

/**
 * `count` vectors of `dim` independent N(0, 1) values, row after row, from `seed` alone
 * (Box-Muller on mulberry32; both values of each pair are used).
 */
export function gaussianNoise(count: number, dim: number, seed: number): Float32Array {
  const out = new Float32Array(count * dim);
  const rand = mulberry32(seed);
  for (let i = 0; i < out.length; i += 2) {
    // 1 - u is in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const a = 2 * Math.PI * rand();
    out[i] = r * Math.cos(a);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(a);
  }
  return out;
}
