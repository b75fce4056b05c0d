/**
 * Adam (Kingma and Ba, 2014), eq. 15, corrected:
 *   m_t         <- beta1 * m_{t-1} + (1 - beta1) * g_t
 *   V_t         <- beta2 * V_{t-1} + (1 - beta2) * g_t^2
 *   m-hat_t = m_t / (1 - beta1^t),   V-hat_t = V_t / (1 - beta2^t)
 *   Theta_{t+1} <- Theta_t - alpha / sqrt(V-hat_t + eps) * m-hat_t
 * with beta1 = 0.9, beta2 = 0.999, eps = 1e-8 (the paper's values).
 *
 * Erratum: the paper prints (1 + beta1) and (1 + beta2). `asPrinted: true`
 * runs that rule. Its moments are the corrected ones times (1 + beta)/(1 - beta)
 * (19x and 1999x with the default betas): bounded, since beta < 1, but no
 * longer averages of g and g^2. The step is then the corrected step with
 * alpha scaled by 19 / sqrt(1999) ~ 0.42 and eps by 1 / 1999, so the printed
 * rule is a mis-scaled Adam rather than a divergent one.
 */
import { adaptiveDenominator, safeRatio } from './denominator.ts';

export interface AdamHyper {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly epsInsideSqrt: boolean;
  /** Eq. 15 as printed: (1 + beta) in place of (1 - beta). */
  readonly asPrinted: boolean;
}

export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

/** One Adam step; `t` is the 1-based index of this step (for the bias corrections). */
export function adamStep(
  theta: Float64Array,
  grad: Float64Array,
  m: Float64Array,
  v: Float64Array,
  t: number,
  h: AdamHyper,
): void {
  const { lr, beta1, beta2, eps, epsInsideSqrt, asPrinted } = h;
  const a1 = asPrinted ? 1 + beta1 : 1 - beta1; // term: beta1
  const a2 = asPrinted ? 1 + beta2 : 1 - beta2; // term: beta2
  const c1 = 1 - beta1 ** t; // term: mhat
  const c2 = 1 - beta2 ** t; // term: vhat
  for (let i = 0; i < theta.length; i++) {
    const g = grad[i]!; // term: g
    const mi = beta1 * m[i]! + a1 * g; // term: m
    const vi = beta2 * v[i]! + a2 * g * g; // term: Va
    m[i] = mi;
    v[i] = vi;
    theta[i]! -= safeRatio(lr * (mi / c1), adaptiveDenominator(vi / c2, eps, epsInsideSqrt)); // term: theta, alpha, mhat, vhat, eps
  }
}
