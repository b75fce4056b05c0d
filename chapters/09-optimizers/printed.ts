/**
 * Eq. 15 as printed, (1 + beta) where Kingma & Ba have (1 - beta), and what
 * it really does. Fed the same gradients, the printed moments are the
 * corrected ones times
 *   k1 = (1 + beta1) / (1 - beta1)   (19 for beta1 = 0.9)
 *   k2 = (1 + beta2) / (1 - beta2)   (1999 for beta2 = 0.999),
 * bounded because beta < 1. The step alpha m-hat / D(V-hat, eps) is then the
 * corrected step with alpha k1 / sqrt(k2) and eps / k2 (eps inside the root;
 * eps / sqrt(k2) outside it). So three runs: corrected Adam, printed Adam,
 * and corrected Adam with that alpha and eps, which retraces the printed
 * path; along it the printed moments are exactly k1 and k2 times its own.
 */
import { KIND_LABELS, RUNNER_COLORS, configFor, runOne, type RaceSettings, type Run, type Runner } from './race.ts';
import type { Surface } from './surfaces.ts';

export interface PrintedComparison {
  readonly k1: number;
  readonly k2: number;
  /** k1 / sqrt(k2): the printed rule's effective alpha over alpha. */
  readonly scale: number;
  readonly alpha: number;
  readonly eps: number;
  readonly equivalentAlpha: number;
  readonly equivalentEps: number;
  readonly corrected: Run;
  readonly printed: Run;
  readonly equivalent: Run;
  /** Per update t = 1..n, coordinate i: m_printed / m_equivalent and V_printed / V_equivalent. */
  readonly ratioM: readonly Float64Array[];
  readonly ratioV: readonly Float64Array[];
  /** Largest |ratio / k - 1| over every update and coordinate. */
  readonly worstRatioError: number;
  /** Largest distance between the printed and the equivalent paths. */
  readonly worstPathGap: number;
}

export function printedComparison(settings: RaceSettings, surface: Surface, start: readonly [number, number], steps: number): PrintedComparison {
  const adam = configFor('adam', settings);
  const { beta1, beta2, eps, lr } = { beta1: settings.beta1, beta2: settings.beta2, eps: settings.eps, lr: settings.lr.adam };
  const k1 = (1 + beta1) / (1 - beta1);
  const k2 = (1 + beta2) / (1 - beta2);
  const equivalentAlpha = (lr * k1) / Math.sqrt(k2);
  const equivalentEps = settings.epsInsideSqrt ? eps / k2 : eps / Math.sqrt(k2);
  const runner = (id: Runner['id'], label: string, config: Runner['config'], color: string): Runner => ({ id, label, kind: 'adam', config, biasCorrection: true, color });
  const corrected = runOne(runner('adam', `${KIND_LABELS.adam} (1 − β)`, adam, RUNNER_COLORS.adam), surface, start, steps);
  const printed = runOne(runner('adam-printed', 'Adam as printed (1 + β)', { ...adam, adamAsPrinted: true }, RUNNER_COLORS['adam-printed']), surface, start, steps);
  const equivalent = runOne(
    runner('adam-equivalent', `Adam (1 − β) with α × ${(k1 / Math.sqrt(k2)).toFixed(3)}, ε ÷ ${settings.epsInsideSqrt ? k2.toFixed(0) : Math.sqrt(k2).toFixed(1)}`, { ...adam, lr: equivalentAlpha, eps: equivalentEps }, RUNNER_COLORS['adam-equivalent']),
    surface,
    start,
    steps,
  );
  const n = Math.min(printed.steps, equivalent.steps);
  const ratioM = [new Float64Array(n), new Float64Array(n)];
  const ratioV = [new Float64Array(n), new Float64Array(n)];
  let worstRatioError = 0;
  let worstPathGap = 0;
  for (let t = 1; t <= n; t++) {
    const p = printed.states[t]!;
    const e = equivalent.states[t]!;
    for (let i = 0; i < 2; i++) {
      const rm = p.m![i]! / e.m![i]!;
      const rv = p.v![i]! / e.v![i]!;
      ratioM[i]![t - 1] = rm;
      ratioV[i]![t - 1] = rv;
      if (Number.isFinite(rm)) worstRatioError = Math.max(worstRatioError, Math.abs(rm / k1 - 1));
      if (Number.isFinite(rv)) worstRatioError = Math.max(worstRatioError, Math.abs(rv / k2 - 1));
    }
    worstPathGap = Math.max(worstPathGap, Math.hypot(printed.points[2 * t]! - equivalent.points[2 * t]!, printed.points[2 * t + 1]! - equivalent.points[2 * t + 1]!));
  }
  return { k1, k2, scale: k1 / Math.sqrt(k2), alpha: lr, eps, equivalentAlpha, equivalentEps, corrected, printed, equivalent, ratioM, ratioV, worstRatioError, worstPathGap };
}
