/**
 * Which samples each update of eq. 11 sees:
 *   full-batch  the whole data set, one update per epoch (vanilla gradient descent);
 *   stochastic  one sample x_i per update, in a shuffled order;
 *   mini-batch  m samples per update, shuffled; the last batch of an epoch
 *               holds the remainder when m does not divide N.
 * The order comes from a seeded permutation, so a seed reproduces the run.
 */
import { ParamError, ShapeError, assertCount, formatShape, permutation, type Rng, type Tensor } from '../tensor/index.ts';

export const SCHEDULES = ['full-batch', 'stochastic', 'mini-batch'] as const;
export type Schedule = (typeof SCHEDULES)[number];

export interface Dataset {
  /** Samples [N, ...sample shape]. */
  readonly x: Tensor;
  /** Targets [N, k]: class probabilities (cross-entropy) or values (MSE). */
  readonly target: Tensor;
}

export function datasetSize(data: Dataset): number {
  const n = data.x?.shape?.[0];
  if (!Number.isInteger(n) || n! < 1 || data.target?.shape?.[0] !== n) {
    throw new ShapeError('train', `x and target must hold the same number N >= 1 of samples, got x ${formatShape(data.x?.shape ?? [])} and target ${formatShape(data.target?.shape ?? [])}`);
  }
  return n!;
}

/** Rows `indices` of a [N, ...] tensor, as a new [indices.length, ...] tensor. */
export function gatherRows(t: Tensor, indices: ArrayLike<number>): Tensor {
  const row = t.data.length / t.shape[0]!;
  const data = new Float64Array(indices.length * row);
  for (let i = 0; i < indices.length; i++) {
    const start = indices[i]! * row;
    data.set(t.data.subarray(start, start + row), i * row);
  }
  return { shape: [indices.length, ...t.shape.slice(1)], data };
}

/** The batches of one epoch, as lists of sample indices. */
export function epochBatches(n: number, schedule: Schedule, batchSize: number | undefined, rng: Rng): Int32Array[] {
  if (schedule === 'full-batch') return [Int32Array.from({ length: n }, (_, i) => i)];
  let m: number;
  if (schedule === 'stochastic') m = 1;
  else if (schedule === 'mini-batch') m = assertCount('train', 'batchSize', batchSize);
  else throw new ParamError('train', `unknown schedule ${JSON.stringify(schedule)}; expected one of ${SCHEDULES.join(', ')}`);
  const order = permutation(rng, n);
  const batches: Int32Array[] = [];
  for (let start = 0; start < n; start += m) batches.push(order.slice(start, Math.min(n, start + m)));
  return batches;
}
