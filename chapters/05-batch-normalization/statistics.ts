/**
 * What chapter 5's tables and histograms show about a batch, per feature map:
 * the mean and standard deviation over the n·x·y·z values of the map (from
 * batchnorm's own batch statistics), the share of values in g's active zone,
 * and how far the train-mode output is from the inference-mode one. Also the
 * values of one map, or of one sample's map, for the views. No DOM.
 */
import * as batchnorm from '../../src/nn/batchnorm.ts';
import type { ActivationKind } from '../../src/nn/activation.ts';
import { ShapeError, full, type Tensor } from '../../src/tensor/index.ts';
import { activate } from './block.ts';

export interface MapMoments {
  /** Per map: the mean over n, x, y, z. */
  readonly mean: Float64Array;
  /** Per map: the (biased) standard deviation over n, x, y, z. */
  readonly std: Float64Array;
}

/** Mean and standard deviation of each feature map of t [n, x, y, z, d], as batchnorm computes them in train mode. */
export function mapMoments(t: Tensor): MapMoments {
  const d = t.shape[4]!;
  const { mean, var: variance } = batchnorm.forward({ x: t, gamma: full([d], 1), beta: full([d], 0) }, { mode: 'train', eps: 1 });
  return { mean: mean.data, std: variance.data.map(Math.sqrt) };
}

/** Largest slope of each g; a value is in the active zone when g' there is above 5% of it (as in chapter 4). */
const MAX_SLOPE: Readonly<Record<ActivationKind, number>> = { sigmoid: 0.25, tanh: 1, relu: 1 };
export const ACTIVE_SHARE = 0.05;

/** Per map, the share of values where g' > ACTIVE_SHARE * max g' (for ReLU: the positive values). */
export function activeShare(t: Tensor, g: ActivationKind): Float64Array {
  const d = t.shape[4]!;
  const { slope } = activate(t, g);
  const threshold = ACTIVE_SHARE * MAX_SLOPE[g];
  const active = new Float64Array(d);
  for (let i = 0; i < slope.data.length; i++) if (slope.data[i]! > threshold) active[i % d]! += 1;
  const perMap = slope.data.length / Math.max(1, d);
  return active.map((a) => (perMap > 0 ? a / perMap : 0));
}

/** Per map, the largest |a − b| of two tensors of the same shape (train against inference output). */
export function largestDifference(a: Tensor, b: Tensor): Float64Array {
  const d = a.shape[4]!;
  const out = new Float64Array(d);
  for (let i = 0; i < a.data.length; i++) {
    const diff = Math.abs(a.data[i]! - b.data[i]!);
    if (diff > out[i % d]!) out[i % d] = diff;
  }
  return out;
}

/** Every value of feature map c over the whole batch, for a histogram. */
export function mapValues(t: Tensor, c: number): Float64Array {
  const d = t.shape[4]!;
  const out = new Float64Array(t.data.length / d);
  for (let i = 0, j = c; j < t.data.length; i++, j += d) out[i] = t.data[j]!;
  return out;
}

/** Sample i's feature map c as a [x, y, z] grid, for a voxel view. */
export function sampleMap(t: Tensor, sample: number, c: number): Tensor {
  const [n, x, y, z, d] = t.shape as [number, number, number, number, number];
  checkSample(sample, n);
  const cells = x * y * z;
  const out = new Float64Array(cells);
  const first = sample * cells * d + c;
  for (let k = 0; k < cells; k++) out[k] = t.data[first + k * d]!;
  return { shape: [x, y, z], data: out };
}

/** Sample i of t as [x, y, z, d], every map. */
export function sampleOf(t: Tensor, sample: number): Tensor {
  const [n, x, y, z, d] = t.shape as [number, number, number, number, number];
  checkSample(sample, n);
  const size = x * y * z * d;
  return { shape: [x, y, z, d], data: t.data.slice(sample * size, (sample + 1) * size) };
}

/** The sample control may point past a smaller batch: say so in words. */
export function checkSample(sample: number, n: number): void {
  if (!Number.isInteger(sample) || sample < 0 || sample >= n) {
    throw new ShapeError(
      'sample',
      `the mini-batch holds ${n === 1 ? '1 sample, number 0' : `${n} samples, numbered 0 to ${n - 1}`}, so there is no sample ${sample}; pick a lower sample or a larger batch size n`,
    );
  }
}
