/**
 * The curves of Figure 6: each activation g and its derivative g' sampled
 * over the plotted range of x, every value from src/nn/activation.ts
 * (`activate`, `derivative`). ReLU's slope jumps at 0; the samples include 0
 * and the smallest step above it so the jump is drawn upright, with
 * ReLU'(0) = 0 as the code takes it. Pure: no DOM.
 */
import { ACTIVATION_KINDS, activate, derivative, type ActivationKind } from '../../src/nn/activation.ts';

export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

export interface ActivationCurves {
  readonly kind: ActivationKind;
  /** g(x). */
  readonly value: readonly CurvePoint[];
  /** g'(x). */
  readonly slope: readonly CurvePoint[];
}

/** Sample positions: an even grid over [lo, hi] plus 0 and just above it. */
export function samplePositions(lo: number, hi: number, count: number): number[] {
  const xs = Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
  if (lo < 0 && hi > 0) xs.push(0, 1e-9);
  return [...new Set(xs)].sort((a, b) => a - b);
}

export function activationCurves(kind: ActivationKind, range: readonly [number, number], count = 241): ActivationCurves {
  const xs = samplePositions(range[0], range[1], count);
  return {
    kind,
    value: xs.map((x) => ({ x, y: activate(kind, x) })),
    slope: xs.map((x) => ({ x, y: derivative(kind, x) })),
  };
}

export function allCurves(range: readonly [number, number]): ActivationCurves[] {
  return ACTIVATION_KINDS.map((kind) => activationCurves(kind, range));
}
