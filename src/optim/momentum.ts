/**
 * Momentum (Qian, 1999), eq. 12:
 *   V_{t+1}     <- gamma * V_t + alpha * grad L(Theta_t)
 *   Theta_{t+1} <- Theta_t - V_{t+1}
 * with gamma ~ 0.9. `velocity` is V, updated in place; it starts at zero.
 */
export interface MomentumHyper {
  readonly lr: number;
  readonly gamma: number;
}

export const MOMENTUM_DEFAULTS = { gamma: 0.9 } as const;

export function momentumStep(theta: Float64Array, grad: Float64Array, velocity: Float64Array, h: MomentumHyper): void {
  const { lr, gamma } = h;
  for (let i = 0; i < theta.length; i++) {
    const v = gamma * velocity[i]! + lr * grad[i]!; // term: V, gammaM, alpha, grad
    velocity[i] = v;
    theta[i]! -= v; // term: theta
  }
}
