/**
 * Gradient descent, eq. 11: Theta <- Theta - alpha * grad L(Theta).
 * Full-batch, stochastic or mini-batch is a matter of which samples the
 * gradient was computed on (see src/model/train.ts), not of this rule.
 */
export interface SgdHyper {
  readonly lr: number;
}

export function sgdStep(theta: Float64Array, grad: Float64Array, h: SgdHyper): void {
  const { lr } = h;
  for (let i = 0; i < theta.length; i++) theta[i]! -= lr * grad[i]!; // term: theta, alpha, grad
}
