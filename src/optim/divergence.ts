/**
 * Divergence detection for eq. 11's loop: a step size too large for the loss
 * surface makes the parameters (or the loss) overflow to Infinity and NaN.
 * Callers check after each step and stop with a message instead of drawing NaN.
 */

/** Index of the first NaN or infinite value, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) return i;
  }
  return -1;
}

/** True when any parameter is NaN or infinite. */
export function isDiverged(theta: ArrayLike<number>): boolean {
  return firstNonFinite(theta) >= 0;
}
