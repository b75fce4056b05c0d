/**
 * The geology chapter 5 normalizes: a training set of POOL_SIZE synthetic
 * geological models (layer cakes, folds, faults, channels; src/data) as
 * one-hot facies grids, cut to the size the convolution needs to make feature
 * maps of h cells per used axis (h + 2 cells: a 3-cell filter, no padding),
 * and their pre-activations W^m H^{m-1} + b^m, computed once per set.
 *
 * Mini-batch 0, the one the page shows, is the first n models of the set;
 * training mini-batch k >= 1 draws n of them at random (seeded by k), as an
 * epoch of mini-batch training would. No DOM.
 */
import { SIZE_LIMITS, createDataset, type Dataset, type Dims } from '../../src/data/index.ts';
import { ParamError, assertCount, createRng, permutation, type Tensor } from '../../src/tensor/index.ts';
import { preActivation } from './block.ts';
import { FILTER_SIZE, filterBank } from './filters.ts';

export interface BatchConfig {
  readonly dims: Dims;
  /** Cells of each feature map along each used axis, h_x (= h_y = h_z). */
  readonly size: number;
  /** Samples in the mini-batch, n. */
  readonly batch: number;
}

/** Largest feature maps per dims, so that every control still answers at slider speed. */
export const MAX_MAP_SIZE: Readonly<Record<Dims, number>> = { 1: 32, 2: 24, 3: 12 };
export const MAX_BATCH = 16;
/** Models in the training set the mini-batches are drawn from. */
export const POOL_SIZE = 48;
const SEED = 2019;

/** Checks the configuration; throws a ParamError that says what is possible. */
export function checkBatchConfig(config: BatchConfig): BatchConfig {
  const op = 'mini-batch';
  const size = assertCount(op, 'the feature-map size h', config.size, 1);
  const batch = assertCount(op, 'the batch size n', config.batch, 1);
  if (size > MAX_MAP_SIZE[config.dims]) {
    throw new ParamError(
      op,
      `${config.dims}D feature maps of ${size} cells per axis are more than this page computes at slider speed; use at most ${MAX_MAP_SIZE[config.dims]} cells per axis in ${config.dims}D`,
    );
  }
  if (batch > MAX_BATCH) throw new ParamError(op, `the batch size n must be at most ${MAX_BATCH}, got ${batch}`);
  return config;
}

/** Spatial shape [x, y, z] of the input: h + 2 cells along the used axes, 1 along the others. */
export function inputSpatialShape(config: Pick<BatchConfig, 'dims' | 'size'>): [number, number, number] {
  const s = config.size + FILTER_SIZE - 1;
  return [s, config.dims >= 2 ? s : 1, config.dims === 3 ? s : 1];
}

/** Cells per axis the models are drawn at before cutting: the data's smallest grid, or more when needed. */
export function nativeSize(config: Pick<BatchConfig, 'dims' | 'size'>): number {
  return Math.max(SIZE_LIMITS[config.dims].min, config.size + FILTER_SIZE - 1);
}

/** The training set's models at `native` cells per axis (the expensive part: kept by the caller). */
export function geology(dims: Dims, native: number): Dataset {
  return createDataset({ seed: SEED, count: POOL_SIZE, dims, size: native, encoding: 'onehot' });
}

export interface TrainingSet {
  readonly dims: Dims;
  readonly size: number;
  /** [POOL_SIZE, x, y, z, 4]: the one-hot facies (shale, sandstone, siltstone, limestone), cut to h + 2 cells. */
  readonly x: Tensor;
  /** [POOL_SIZE, h, h, h, 4] (1 along unused axes): W^m H^{m-1} + b^m of every model. */
  readonly pre: Tensor;
  /** Structure type of each model: 'folded layers', ... */
  readonly kinds: readonly string[];
}

/** The models of `data` cut (centred) to feed maps of `size` cells, and their pre-activations. */
export function trainingSet(data: Dataset, size: number): TrainingSet {
  const dims = data.dims;
  const [count, nx, ny, nz, d] = data.inputs.shape as [number, number, number, number, number];
  const [sx, sy, sz] = inputSpatialShape({ dims, size });
  if (sx > nx || sy > ny || sz > nz) throw new ParamError('mini-batch', `models of ${nx} cells cannot feed maps of ${size} cells`);
  const ox = (nx - sx) >> 1;
  const oy = (ny - sy) >> 1;
  const oz = (nz - sz) >> 1;
  const out = new Float64Array(count * sx * sy * sz * d);
  let o = 0;
  for (let i = 0; i < count; i++) {
    for (let x = 0; x < sx; x++) {
      for (let y = 0; y < sy; y++) {
        const row = (((i * nx + x + ox) * ny + y + oy) * nz + oz) * d;
        out.set(data.inputs.data.subarray(row, row + sz * d), o);
        o += sz * d;
      }
    }
  }
  const x: Tensor = { shape: [count, sx, sy, sz, d], data: out };
  return { dims, size, x, pre: preActivation(x, filterBank(dims)), kinds: Array.from(data.labels, (label) => data.classNames[label]!) };
}

/** Models in mini-batch k: the first n for k = 0, n drawn at random (seeded by k) for training batches. */
export function batchIndices(k: number, n: number): Int32Array {
  assertCount('mini-batch', 'the batch size n', n, 1);
  if (n > POOL_SIZE) throw new ParamError('mini-batch', `a batch of ${n} is more than the ${POOL_SIZE} models of the training set`);
  if (k === 0) return Int32Array.from({ length: n }, (_, i) => i);
  return permutation(createRng(SEED + k), POOL_SIZE).slice(0, n);
}

/** The samples `indices` of t [N, ...] as one tensor [indices.length, ...]. */
export function gather(t: Tensor, indices: ArrayLike<number>): Tensor {
  const size = t.data.length / t.shape[0]!;
  const out = new Float64Array(indices.length * size);
  for (let i = 0; i < indices.length; i++) out.set(t.data.subarray(indices[i]! * size, (indices[i]! + 1) * size), i * size);
  return { shape: [indices.length, ...t.shape.slice(1)], data: out };
}

export interface MiniBatch {
  /** [n, x, y, z, 4] */
  readonly x: Tensor;
  /** [n, h, h, h, 4]: what batch normalization receives. */
  readonly pre: Tensor;
  readonly kinds: readonly string[];
}

/** Mini-batch k of the set (0: the batch the page shows). */
export function miniBatch(set: TrainingSet, n: number, k = 0): MiniBatch {
  const indices = batchIndices(k, n);
  return { x: gather(set.x, indices), pre: gather(set.pre, indices), kinds: Array.from(indices, (i) => set.kinds[i]!) };
}

/** The pre-activations of mini-batch k alone [n, h, h, h, 4]: what batch normalization's statistics read, without copying the inputs. */
export function miniBatchPre(set: TrainingSet, n: number, k: number): Tensor {
  return gather(set.pre, batchIndices(k, n));
}

/** Everything in one call, for tests and scripts: the set for `config` and its mini-batch k. */
export function miniBatchOf(config: BatchConfig, k = 0): MiniBatch {
  checkBatchConfig(config);
  return miniBatch(trainingSet(geology(config.dims, nativeSize(config)), config.size), config.batch, k);
}

/** Keeps the last few drawn training sets' geology, so moving h within the drawn size only cuts and convolves again. */
export function geologyCache(keep = 3): (dims: Dims, native: number) => Dataset {
  const entries: { key: string; data: Dataset }[] = [];
  return (dims, native) => {
    const key = `${dims}:${native}`;
    const found = entries.find((e) => e.key === key);
    if (found) return found.data;
    const data = geology(dims, native);
    entries.unshift({ key, data });
    entries.length = Math.min(entries.length, keep);
    return data;
  };
}
