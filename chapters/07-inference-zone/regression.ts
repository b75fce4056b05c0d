/**
 * The regression head of eq. 9, FC_{F+1} = g(W_FC_{F+1} FC_F + b_{F+1}), and
 * the choice of its activation g: which values each g can produce, against
 * the targets it would have to produce (tutorial §2.2).
 *
 * Targets are the data's two continuous ones (src/data/targets.ts): the
 * net-to-gross of a sample (a fraction in [0, 1]) and its steepest bedding
 * dip (degrees, 0 to 65), as measured, scaled by their documented range to
 * [0, 1], or standardized (z-scores), with the data's own scaler. No DOM.
 */
import { TARGETS, createTargetScaler, normalizeTargets, type ScalerKind } from '../../src/data/index.ts';
import { activate } from '../../src/nn/activation.ts';
import { ParamError } from '../../src/tensor/errors.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';

export const OUTPUT_KINDS = ['identity', 'relu', 'sigmoid', 'tanh'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const OUTPUT_NAMES: Readonly<Record<OutputKind, string>> = {
  identity: 'Identity (linear)',
  relu: 'ReLU',
  sigmoid: 'Sigmoid',
  tanh: 'TanH',
};

export const SCALINGS = ['measured', 'range', 'zscore'] as const;
export type Scaling = (typeof SCALINGS)[number];

export const SCALING_NAMES: Readonly<Record<Scaling, string>> = {
  measured: 'as measured',
  range: 'range to [0, 1]',
  zscore: 'standardized (z-score)',
};

/** The values g can produce: lo < y < hi, with `closedLo` when lo itself is reached (ReLU's 0). */
export interface OutputRange {
  readonly lo: number;
  readonly hi: number;
  readonly closedLo: boolean;
  /** "(−∞, ∞)", "[0, ∞)", "(0, 1)", "(−1, 1)". */
  readonly text: string;
}

export const OUTPUT_RANGES: Readonly<Record<OutputKind, OutputRange>> = {
  identity: { lo: -Infinity, hi: Infinity, closedLo: false, text: '(−∞, ∞)' },
  relu: { lo: 0, hi: Infinity, closedLo: true, text: '[0, ∞)' },
  sigmoid: { lo: 0, hi: 1, closedLo: false, text: '(0, 1)' },
  tanh: { lo: -1, hi: 1, closedLo: false, text: '(−1, 1)' },
};

/** g(v) for the output layer: the core's activation, or v itself for the identity. */
export function outputActivation(kind: OutputKind, v: number): number {
  return kind === 'identity' ? v : activate(kind, v);
}

/** Whether g can produce y exactly (open ends are never reached: Sigmoid gives 1 only in the limit). */
export function reachable(kind: OutputKind, y: number): boolean {
  const r = OUTPUT_RANGES[kind];
  return (y > r.lo || (r.closedLo && y === r.lo)) && y < r.hi;
}

export interface TargetView {
  /** 0 net-to-gross, 1 dip. */
  readonly target: number;
  readonly scaling: Scaling;
  /** The targets of the data set, scaled. */
  readonly values: Float64Array;
  /** "net-to-gross (fraction)", "dip (z-score)". */
  readonly label: string;
  /** Unit after scaling. */
  readonly unit: string;
}

/** One target column of [n, 2] targets, scaled as chosen. */
export function scaledTargets(targets: Tensor, target: number, scaling: Scaling): TargetView {
  if (target !== 0 && target !== 1) throw new ParamError('inference chapter', `the target must be 0 (net-to-gross) or 1 (dip), got ${target}`);
  const p = TARGETS.length;
  const scaled = scaling === 'measured' ? targets : normalizeTargets(targets, createTargetScaler(scaling as ScalerKind, targets));
  const n = targets.shape[0]!;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = scaled.data[i * p + target]!;
  const info = TARGETS[target]!;
  const unit = scaling === 'measured' ? info.unit : scaling === 'range' ? 'scaled to [0, 1]' : 'z-score';
  return { target, scaling, values, label: `${info.name} (${unit})`, unit };
}

export interface Reach {
  readonly kind: OutputKind;
  readonly inside: number;
  readonly outside: number;
  /** Share of the targets g can produce, in [0, 1]. */
  readonly share: number;
}

/** How many of the targets each g can produce. */
export function reachOf(values: ArrayLike<number>, kind: OutputKind): Reach {
  let inside = 0;
  for (let i = 0; i < values.length; i++) if (reachable(kind, values[i]!)) inside++;
  const n = values.length;
  return { kind, inside, outside: n - inside, share: n > 0 ? inside / n : 0 };
}

export interface ReachBin {
  readonly x0: number;
  readonly x1: number;
  /** [targets g can produce, targets it cannot]. */
  readonly counts: readonly [number, number];
}

/**
 * Equal bins over the targets' extent, each count split into the targets g
 * can produce and those it cannot. A constant set gets one bin of width 1.
 */
export function reachBins(values: ArrayLike<number>, kind: OutputKind, binCount = 24): ReachBin[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  if (!(hi >= lo)) return [];
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / binCount;
  const counts = Array.from({ length: binCount }, () => [0, 0] as [number, number]);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const b = Math.min(binCount - 1, Math.floor((v - lo) / width));
    counts[b]![reachable(kind, v) ? 0 : 1]++;
  }
  return counts.map((c, b) => ({ x0: lo + b * width, x1: b === binCount - 1 ? hi : lo + (b + 1) * width, counts: c }));
}

/** Share of a standard normal variable g can produce (the paper's Gaussian outputs), from erf. */
export function gaussianShare(kind: OutputKind): number {
  const r = OUTPUT_RANGES[kind];
  const cdf = (v: number): number => (v === -Infinity ? 0 : v === Infinity ? 1 : 0.5 * (1 + erf(v / Math.SQRT2)));
  return cdf(r.hi) - cdf(r.lo);
}

/** The error function: its Maclaurin series below 3, the asymptotic series of erfc above (absolute error below 1e-9). */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (a < 3) {
    let term = a;
    let sum = a;
    for (let n = 1; n < 80; n++) {
      term *= (-a * a) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return sign * Math.min(1, (2 / Math.sqrt(Math.PI)) * sum);
  }
  // erfc(a) = e^{-a^2} / (a sqrt(pi)) * (1 - 1/(2a^2) + 3/(4a^4) - ...), enough beyond 3.
  const inv = 1 / (2 * a * a);
  const erfc = (Math.exp(-a * a) / (a * Math.sqrt(Math.PI))) * (1 - inv + 3 * inv * inv - 15 * inv * inv * inv);
  return sign * (1 - erfc);
}

/** Samples of each data set of targets; classes in turn, so each structure type has a quarter. */
export const TARGET_SAMPLES = 240;
/** Seeds of those samples start here, apart from the reader's models (1 to 20). */
export const TARGET_SEED = 5000;
