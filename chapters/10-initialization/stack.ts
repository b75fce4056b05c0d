/**
 * A deep stack of fully connected layers initialised as the tutorial says
 * (§2.3), with the model code (src/nn/dense.ts, src/nn/activation.ts): a batch
 * of inputs pushed forward layer by layer, then a gradient pushed back. Per
 * layer it measures the spread of the activations, the share of units that
 * are dead (ReLU) or saturated (Sigmoid, TanH), and the size of the weight
 * gradient. A value the floating-point numbers cannot hold is not shown as a
 * number: the layer where it happened is reported. Pure: no DOM.
 */
import * as activation from '../../src/nn/activation.ts';
import type { ActivationKind } from '../../src/nn/activation.ts';
import * as dense from '../../src/nn/dense.ts';
import { AtlasError, ParamError } from '../../src/tensor/errors.ts';
import { biasTensor, truncatedNormalTensor, type BiasInit } from '../../src/tensor/init.ts';
import { createRng } from '../../src/tensor/rng.ts';
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';

/** Units per layer and inputs per batch: small enough to redraw within a frame. */
export const WIDTH = 64;
export const BATCH = 32;
/** A unit is saturated when its slope is below this share of the function's peak slope (as in chapter 4). */
export const ACTIVE_SHARE = 0.05;
const PEAK_SLOPE: Record<ActivationKind, number> = { sigmoid: 0.25, tanh: 1, relu: 1 };

export interface StackSettings {
  readonly sigma: number;
  readonly kind: ActivationKind;
  readonly depth: number;
  readonly bias: BiasInit;
  readonly seed: number;
}

export interface LayerStats {
  /** 1-based layer number. */
  readonly layer: number;
  /** Standard deviation of the activations H^m over the batch and the units. */
  readonly std: number;
  readonly mean: number;
  /** Largest |H^m|. */
  readonly maxAbs: number;
  /** Share of units (0..1) whose slope is below ACTIVE_SHARE of the peak: dead ReLU or saturated Sigmoid/TanH. */
  readonly inactive: number;
  /** Root mean square of dL/dW^m, or null when the backward pass overflowed before reaching this layer (or was not run). */
  readonly gradRms: number | null;
  /** The activations, for the per-layer histograms. */
  readonly values: Float64Array;
}

export interface StackResult {
  readonly settings: StackSettings;
  readonly layers: readonly LayerStats[];
  /** The layer whose pre-activations no longer fit in a double, or null. */
  readonly overflowAt: number | null;
  /** The layer where the backward pass overflowed, or null. */
  readonly gradOverflowAt: number | null;
}

/** The batch: BATCH standardised log profiles (zero mean, unit spread), WIDTH readings each. */
export function inputBatch(seed: number): Tensor {
  const rng = createRng(seed * 7919 + 1);
  const x = tensor([BATCH, WIDTH]);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.normal();
  return x;
}

/** Mean and spread without overflow: values are scaled by their largest magnitude first. */
export function spread(values: ArrayLike<number>): { mean: number; std: number; maxAbs: number } {
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) maxAbs = Math.max(maxAbs, Math.abs(values[i]!));
  if (maxAbs === 0 || values.length === 0) return { mean: 0, std: 0, maxAbs };
  let s = 0;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! / maxAbs;
    s += v;
    ss += v * v;
  }
  const m = s / values.length;
  return { mean: m * maxAbs, std: Math.sqrt(Math.max(0, ss / values.length - m * m)) * maxAbs, maxAbs };
}

function inactiveShare(kind: ActivationKind, h: ArrayLike<number>): number {
  const threshold = ACTIVE_SHARE * PEAK_SLOPE[kind];
  let n = 0;
  for (let i = 0; i < h.length; i++) {
    const y = h[i]!;
    const slope = kind === 'sigmoid' ? y * (1 - y) : kind === 'tanh' ? 1 - y * y : y > 0 ? 1 : 0;
    if (slope < threshold) n++;
  }
  return n / h.length;
}

function rms(t: Tensor): number {
  const { std, mean } = spread(t.data);
  return Math.sqrt(std * std + mean * mean);
}

function overflowed(e: unknown): boolean {
  return e instanceof AtlasError;
}

/** The stack's weights W¹ … Wᴸ as the tutorial draws them: one [WIDTH, WIDTH] matrix per layer, in turn from the seeded generator. */
export function stackWeights(settings: Pick<StackSettings, 'sigma' | 'depth' | 'seed'>): Tensor[] {
  const rng = createRng(settings.seed);
  return Array.from({ length: settings.depth }, () => truncatedNormalTensor([WIDTH, WIDTH], rng, { mean: 0, sigma: settings.sigma, cut: 2 }));
}

/**
 * The stack's forward and (unless told not to) backward pass, measured layer
 * by layer. The page draws the inputs and the weights once and passes them to
 * both stacks it runs (the chosen biases and the other choice).
 */
export function runStack(
  settings: StackSettings,
  options: { backward?: boolean } = {},
  x: Tensor = inputBatch(settings.seed),
  weights: readonly Tensor[] = stackWeights(settings),
): StackResult {
  if (weights.length < settings.depth) throw new ParamError('stack', `${weights.length} weight matrices for ${settings.depth} layers`);
  type Saved = { dense: dense.DenseSaved; act: activation.ActivationSaved };
  const saved: Saved[] = [];
  const forward: Omit<LayerStats, 'gradRms'>[] = [];
  let h = x;
  let overflowAt: number | null = null;
  for (let m = 1; m <= settings.depth; m++) {
    const w = weights[m - 1]!;
    const b = biasTensor([WIDTH], settings.bias);
    let z;
    try {
      z = dense.forward({ x: h, w, b });
    } catch (e) {
      if (!overflowed(e)) throw e;
      overflowAt = m;
      break;
    }
    const a = activation.forward({ x: z.y }, { kind: settings.kind });
    saved.push({ dense: z.saved, act: a.saved });
    h = a.y;
    const values = h.data;
    forward.push({ layer: m, ...spread(values), inactive: inactiveShare(settings.kind, values), values });
  }
  // Backward from L = (1/n) * sum of the last layer's activations: dL/dH = 1/n everywhere.
  const grads: (number | null)[] = forward.map(() => null);
  let gradOverflowAt: number | null = null;
  if (options.backward !== false && overflowAt === null && saved.length > 0) {
    let dy: Tensor = tensor(h.shape, new Float64Array(h.data.length).fill(1 / BATCH));
    for (let i = saved.length - 1; i >= 0; i--) {
      try {
        const dz = activation.backward(dy, saved[i]!.act).dx;
        const back = dense.backward(dz, saved[i]!.dense);
        const g = rms(back.dw);
        if (!Number.isFinite(g)) throw new ParamError('dense', 'the gradient overflowed');
        grads[i] = g;
        dy = back.dx;
      } catch (e) {
        if (!overflowed(e)) throw e;
        gradOverflowAt = i + 1;
        break;
      }
    }
  }
  return { settings, layers: forward.map((f, i) => ({ ...f, gradRms: grads[i]! })), overflowAt, gradOverflowAt };
}

/** The scaled initialisations for a layer of n_in inputs and n_out outputs. */
export function heSigma(nIn: number): number {
  return Math.sqrt(2 / nIn);
}
export function glorotSigma(nIn: number, nOut: number): number {
  return Math.sqrt(2 / (nIn + nOut));
}
