/**
 * RMSProp (Tieleman and Hinton, 2012), eq. 14:
 *   g_t         = grad L(Theta_t)
 *   E[g^2]_t    <- gamma * E[g^2]_{t-1} + (1 - gamma) * g_t^2
 *   Theta_{t+1} <- Theta_t - alpha / sqrt(E[g^2]_t + eps) * g_t
 * with gamma ~ 0.9 and alpha ~ 1e-3 (the paper's values). The running average
 * forgets old gradients, so the rate does not shrink to zero as AdaGrad's does.
 */
import { adaptiveDenominator, safeRatio } from './denominator.ts';

export interface RmspropHyper {
  readonly lr: number;
  readonly gamma: number;
  readonly eps: number;
  readonly epsInsideSqrt: boolean;
}

export const RMSPROP_DEFAULTS = { lr: 1e-3, gamma: 0.9, eps: 1e-8 } as const;

export function rmspropStep(theta: Float64Array, grad: Float64Array, meanSquare: Float64Array, h: RmspropHyper): void {
  const { lr, gamma, eps, epsInsideSqrt } = h;
  const keep = 1 - gamma;
  for (let i = 0; i < theta.length; i++) {
    const g = grad[i]!; // term: g
    const E = gamma * meanSquare[i]! + keep * g * g; // term: Eg2, gammaR
    meanSquare[i] = E;
    theta[i]! -= safeRatio(lr * g, adaptiveDenominator(E, eps, epsInsideSqrt)); // term: theta, alpha, eps
  }
}
