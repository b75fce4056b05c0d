/**
 * Finite-difference gradient checks. For a scalar L = sum(dy * f(x)), the
 * analytic gradient returned by an op's backward must match the centred
 * difference (L(x + h e_i) - L(x - h e_i)) / 2h for every element i.
 */
import type { Tensor } from '../../src/tensor/index.ts';
import { expectClose, type Tolerance } from './tolerance.ts';

/** Numerical gradient of scalar `loss()` with respect to every element of `param` (mutated in place, then restored). */
export function numericGradient(param: Tensor, loss: () => number, h = 1e-6): Float64Array {
  const g = new Float64Array(param.data.length);
  for (let i = 0; i < param.data.length; i++) {
    const saved = param.data[i]!;
    param.data[i] = saved + h;
    const plus = loss();
    param.data[i] = saved - h;
    const minus = loss();
    param.data[i] = saved;
    g[i] = (plus - minus) / (2 * h);
  }
  return g;
}

/** sum(dy * y): the scalar whose gradient with respect to y is dy. */
export function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i]! * b.data[i]!;
  return s;
}

export const FD_TOLERANCE: Tolerance = { atol: 1e-6, rtol: 1e-5 };

export function expectGradientMatches(param: Tensor, analytic: Tensor, loss: () => number, tol: Tolerance = FD_TOLERANCE): void {
  expectClose(analytic.data, numericGradient(param, loss), tol);
}
