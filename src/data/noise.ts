/**
 * Two kinds of noise, each from its own seeded stream:
 *
 * - flip: a fraction of the cells takes another facies, drawn uniformly among
 *   the other codes (misinterpreted cells). Exactly round(flip * cells) cells
 *   change, chosen without replacement, so "5% noise" means 5% of the cells.
 * - gaussian: measurement noise of standard deviation sigma added to every
 *   value of the encoded input (a logging tool's or a survey's noise).
 *
 * The normal deviates are sums of four uniforms (Irwin-Hall, rescaled to unit
 * variance, bounded at +-3.46 sigma) rather than Box-Muller, whose log and cos
 * may differ in the last bit between engines; sums and products do not.
 */
import { ParamError } from '../tensor/errors.ts';
import { assertNumber } from '../tensor/params.ts';
import type { Rng } from '../tensor/rng.ts';
import { FACIES_COUNT } from './facies.ts';

export interface NoiseOptions {
  /** Fraction of cells flipped to another facies, [0, 0.5]. */
  readonly flip?: number;
  /** Standard deviation of the measurement noise on encoded values, [0, 1]. */
  readonly gaussian?: number;
}

export const FLIP_LIMIT = 0.5;
export const GAUSSIAN_LIMIT = 1;

export function resolveNoise(op: string, noise: unknown): { flip: number; gaussian: number } {
  if (noise === undefined) return { flip: 0, gaussian: 0 };
  if (typeof noise !== 'object' || noise === null || Array.isArray(noise)) {
    throw new ParamError(op, `noise must be an object {flip, gaussian}, got ${JSON.stringify(noise)}`);
  }
  for (const key of Object.keys(noise)) {
    if (key !== 'flip' && key !== 'gaussian') {
      throw new ParamError(op, `unknown noise option ${JSON.stringify(key)}; expected flip, gaussian`);
    }
  }
  const { flip = 0, gaussian = 0 } = noise as NoiseOptions;
  return {
    flip: assertNumber(op, 'noise.flip', flip, { lo: 0, hi: FLIP_LIMIT }),
    gaussian: assertNumber(op, 'noise.gaussian', gaussian, { lo: 0, hi: GAUSSIAN_LIMIT }),
  };
}

/** A copy of `facies` with exactly round(fraction * length) cells set to a different facies. */
export function flipCells(facies: Uint8Array, fraction: number, rng: Rng): Uint8Array {
  const out = facies.slice();
  const n = facies.length;
  const m = Math.round(fraction * n);
  if (m === 0) return out;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // partial Fisher-Yates: the first m entries become a uniform sample without replacement
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const cell = order[j]!;
    order[j] = order[i]!;
    order[i] = cell;
    out[cell] = (facies[cell]! + 1 + rng.int(FACIES_COUNT - 1)) % FACIES_COUNT;
  }
  return out;
}

const SQRT3 = Math.sqrt(3);

/** Approximately N(0, 1): (u1 + u2 + u3 + u4 - 2) sqrt(3) has mean 0 and variance 1. */
export function gaussianDeviate(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() + rng.next() - 2) * SQRT3;
}
