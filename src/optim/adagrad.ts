/**
 * AdaGrad (Duchi et al., 2011), eq. 13:
 *   G_{t,ii}      <- G_{t-1,ii} + g_{t,i}^2
 *   Theta_{t+1,i} <- Theta_{t,i} - alpha / sqrt(G_{t,ii} + eps) * g_{t,i}
 * with alpha ~ 1e-2, eps ~ 1e-8 (the paper's values).
 *
 * Erratum: the paper sums the squared gradients "from t = 1, ..., t - 1",
 * leaving out the current one. Read literally, the first step has G = 0 and
 * divides the gradient by sqrt(eps) = 1e-4: a jump of 10^4 * alpha * g. We
 * follow Duchi et al. and include the current gradient, so the first step has
 * size alpha (per component) whatever the gradient's scale.
 *
 * The per-parameter rate alpha / sqrt(G + eps) only shrinks as G grows: the
 * drawback the tutorial describes and `adagradEffectiveRate` exposes.
 */
import { adaptiveDenominator, safeRatio } from './denominator.ts';

export interface AdagradHyper {
  readonly lr: number;
  readonly eps: number;
  readonly epsInsideSqrt: boolean;
}

export const ADAGRAD_DEFAULTS = { lr: 1e-2, eps: 1e-8 } as const;

export function adagradStep(theta: Float64Array, grad: Float64Array, accumulated: Float64Array, h: AdagradHyper): void {
  const { lr, eps, epsInsideSqrt } = h;
  for (let i = 0; i < theta.length; i++) {
    const g = grad[i]!;
    const G = accumulated[i]! + g * g; // term: G
    accumulated[i] = G;
    theta[i]! -= safeRatio(lr * g, adaptiveDenominator(G, eps, epsInsideSqrt)); // term: theta, alpha, eps, grad
  }
}

/** The effective learning rate alpha / sqrt(G_ii + eps) of every parameter, given the accumulated G. */
export function adagradEffectiveRate(accumulated: Float64Array, h: AdagradHyper): Float64Array {
  const out = new Float64Array(accumulated.length);
  for (let i = 0; i < out.length; i++) {
    const d = adaptiveDenominator(accumulated[i]!, h.eps, h.epsInsideSqrt);
    out[i] = d > 0 ? h.lr / d : Infinity;
  }
  return out;
}
