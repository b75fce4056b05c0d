/**
 * The adaptive denominator shared by eqs. 13-15:
 *   paper (epsInsideSqrt = true):       sqrt(s + eps)
 *   frameworks, Kingma & Ba (false):    sqrt(s) + eps
 * where s is AdaGrad's G (eq. 13), RMSProp's E[g^2] (eq. 14) or Adam's V-hat (eq. 15).
 * The two differ visibly only when eps is not small next to s.
 */
export function adaptiveDenominator(s: number, eps: number, epsInsideSqrt: boolean): number {
  return epsInsideSqrt ? Math.sqrt(s + eps) : Math.sqrt(s) + eps; // term: eps
}

/**
 * `numerator / denominator`, with 0 / 0 read as 0. With eps = 0 a zero
 * denominator arises only when every gradient of that component so far was
 * zero, so the numerator is zero too; the limit as eps -> 0+ is no movement.
 */
export function safeRatio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
