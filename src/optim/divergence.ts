/**
 * Divergence detection for eq. 11's loop: a step size too large for the loss
 * surface makes the parameters (or the loss) overflow to Infinity and NaN.
 * Callers check after each step and stop with a message instead of drawing NaN.
 */

/**
 * Index of the first value that is NaN or larger in size than `largest`, or -1.
 * The model's training (src/model/divergence.ts) stops well before overflow, at
 * 1e150, where a square would overflow; plain eq. 11 stops at Infinity.
 */
export function firstBeyond(values: ArrayLike<number>, largest: number): number {
  for (let i = 0; i < values.length; i++) {
    if (!(Math.abs(values[i]!) <= largest)) return i;
  }
  return -1;
}

/** Index of the first NaN or infinite value, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  return firstBeyond(values, Number.MAX_VALUE);
}

/** True when any parameter is NaN or infinite. */
export function isDiverged(theta: ArrayLike<number>): boolean {
  return firstNonFinite(theta) >= 0;
}
