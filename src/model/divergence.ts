/**
 * When training diverges (eq. 11 with a step too large), values overflow to
 * Infinity and NaN. Every layer output, gradient and parameter is checked;
 * the first value that is not finite, or so large that its square overflows
 * (beyond 1e150), stops the computation with a DivergenceError that says
 * where, so the training loop can end with a message instead of drawing NaN.
 * The scan is the optimizers' (src/optim/divergence.ts) with a lower ceiling.
 */
import { firstBeyond } from '../optim/divergence.ts';

export const LARGEST_HEALTHY = 1e150;

export class DivergenceError extends Error {
  constructor(
    readonly where: string,
    readonly value: number,
  ) {
    super(`training diverged: ${where} holds ${value}; lower the learning rate`);
    this.name = 'DivergenceError';
  }
}

/** Throws DivergenceError naming `where` unless every value is finite and at most LARGEST_HEALTHY in size. */
export function assertHealthy(values: ArrayLike<number>, where: string): void {
  const i = firstBeyond(values, LARGEST_HEALTHY);
  if (i >= 0) throw new DivergenceError(where, values[i]!);
}
