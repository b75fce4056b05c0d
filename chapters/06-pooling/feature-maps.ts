/**
 * The feature maps chapter 6 pools: eq. 6 up to, but not including, pool(.).
 *
 *   H^{m-1}   a synthetic geological grid from src/data, the sandstone
 *             indicator (1 sand, 0 other facies), [1, x, y, z, 1]
 *   W^m, b^m  two hand-made 3-cell filters: "sand top" (sand below, no sand
 *             above) and "sand-rich" (mean of the neighbourhood, minus 0.5)
 *   BN, g     batch normalization over the grid's cells, then the activation
 *
 * giving g(BN(W^m H^{m-1} + b^m)) of [1, x-2, y-2, z-2, 2] (valid convolution,
 * eq. 2 with p = 0, along the axes in use). Every step is the core's op.
 *
 * The data put depth on the last spatial axis in use, 0 at the top (TENSOR_AXES).
 * A section or a block is drawn with that axis pointing up the screen, so here
 * it is turned over to count cells upwards from the base: the surface is on top.
 * A well column (1D) keeps its order, from the collar down the hole.
 * No DOM here.
 */
import { generateSample, nativeGeometry, toTensor, REGIONAL_DIP_DEFAULT, type StructureKind } from '../../src/data/index.ts';
import * as activation from '../../src/nn/activation.ts';
import type { ActivationKind } from '../../src/nn/activation.ts';
import * as batchnorm from '../../src/nn/batchnorm.ts';
import * as conv from '../../src/nn/conv.ts';
import { ParamError } from '../../src/tensor/errors.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';

export type Dims = 1 | 2 | 3;

export interface BlockConfig {
  /** A well column (1D), a cross-section (2D) or a block model (3D). */
  readonly dims: Dims;
  /** Cells along each axis of the geological grid. */
  readonly size: number;
  readonly structure: StructureKind;
  /** Which model of that structure: the sample's seed. */
  readonly model: number;
  readonly batchNorm: boolean;
  readonly activation: ActivationKind;
}

export interface FeatureMaps {
  /** H^{m-1}: the sandstone indicator of the grid, [1, x, y, z, 1]. */
  readonly hPrev: Tensor;
  /** W^m [wx, wy, wz, 1, 2] and b^m [2]. */
  readonly w: Tensor;
  readonly b: Tensor;
  /** g(BN(W^m H^{m-1} + b^m)), what pool(.) reads: [1, x-2, y-2, z-2, 2] along the axes in use. */
  readonly activated: Tensor;
}

/** Grid sizes the chapter allows: the data's smallest grid, and small enough to redraw every view in a frame. */
export const SIZE_RANGE = { min: 8, max: 24 } as const;
/** The filters are 3 cells wide along every axis in use (1 along the others). */
export const FILTER_WIDTH = 3;
export const FILTER_NAMES = ['sand top', 'sand-rich'] as const;
/** b^m: no shift for "sand top"; "sand-rich" is positive where more than half the neighbourhood is sand. */
export const BIASES = [0, -0.5] as const;
/** Stride 1 and no padding: a 3-cell filter trims a cell from each end of every axis in use. */
const VALID = { stride: [1, 1, 1], padding: [0, 0, 0] } as const;
/** BN's epsilon, as in the frameworks. */
export const BN_EPS = 1e-5;

const OP = 'pooling chapter';

/** [a, b, c] along the axes a grid of `dims` dimensions uses, `unused` along the others. */
export function alongUsed(dims: Dims, value: number, unused: number): Triple {
  return [value, dims >= 2 ? value : unused, dims === 3 ? value : unused];
}

/** The last grid made: switching BN or g, or dragging a slider of the block, does not draw the model again. */
let lastGrid: { readonly key: string; readonly grid: Tensor } | null = null;

/**
 * H^{m-1}: the sandstone indicator of sample `model` of a structure, depth
 * turned to count upwards in 2D and 3D. The same settings give the same
 * tensor object; it is never modified.
 */
export function geologicalGrid(config: Pick<BlockConfig, 'dims' | 'size' | 'structure' | 'model'>): Tensor {
  const key = `${config.dims}/${config.size}/${config.structure}/${config.model}`;
  if (lastGrid?.key === key) return lastGrid.grid;
  const grid = drawGrid(config);
  lastGrid = { key, grid };
  return grid;
}

function drawGrid(config: Pick<BlockConfig, 'dims' | 'size' | 'structure' | 'model'>): Tensor {
  const { dims, size } = config;
  if (!Number.isInteger(size) || size < SIZE_RANGE.min || size > SIZE_RANGE.max) {
    throw new ParamError(OP, `the grid size must be a whole number from ${SIZE_RANGE.min} to ${SIZE_RANGE.max}, got ${size}`);
  }
  const geometry = nativeGeometry(dims, Array.from({ length: dims }, () => size));
  const sample = generateSample(config.structure, config.model, geometry, { maxRegionalDip: REGIONAL_DIP_DEFAULT, flip: 0 });
  const grid = toTensor([sample], { encoding: 'sand' });
  return dims === 1 ? grid : upwards(grid, dims === 3 ? 3 : 2);
}

/** The grid with spatial axis `axis` (1 x, 2 y, 3 z of [n, x, y, z, d]) reversed. */
function upwards(grid: Tensor, axis: 2 | 3): Tensor {
  const [n, nx, ny, nz, d] = grid.shape as [number, number, number, number, number];
  const out = tensor(grid.shape);
  const size = axis === 3 ? nz : ny;
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        for (let k = 0; k < nz; k++) {
          const from = ((((s * nx + i) * ny + j) * nz + k) * d);
          const [tj, tk] = axis === 3 ? [j, size - 1 - k] : [size - 1 - j, k];
          const to = ((((s * nx + i) * ny + tj) * nz + tk) * d);
          for (let c = 0; c < d; c++) out.data[to + c] = grid.data[from + c]!;
        }
      }
    }
  }
  return out;
}

/**
 * W^m and b^m. Filter 0, "sand top": +1 on the deeper neighbour, -1 on the
 * shallower, averaged over the cells beside them: positive where sand lies
 * under a cell without sand. Filter 1, "sand-rich": the mean of the 3-cell
 * neighbourhood, with the bias -0.5.
 */
export function filterBank(dims: Dims): { w: Tensor; b: Tensor } {
  const [wx, wy, wz] = alongUsed(dims, FILTER_WIDTH, 1);
  const taps = wx * wy * wz;
  const lateral = taps / FILTER_WIDTH;
  const w = tensor([wx, wy, wz, 1, 2]);
  for (let i = 0; i < wx; i++) {
    for (let j = 0; j < wy; j++) {
      for (let k = 0; k < wz; k++) {
        // Position along the depth axis: x in 1D (down the hole), y in 2D and z in 3D (both upwards).
        const along = dims === 1 ? i : dims === 2 ? j : k;
        const deeper = dims === 1 ? along === 2 : along === 0;
        const shallower = dims === 1 ? along === 0 : along === 2;
        const tap = ((i * wy + j) * wz + k) * 2;
        w.data[tap] = deeper ? 1 / lateral : shallower ? -1 / lateral : 0;
        w.data[tap + 1] = 1 / taps;
      }
    }
  }
  return { w, b: tensor([2], BIASES) };
}

/** BN over the grid's cells, per feature map, with the scale gamma = 1 and the shift beta = 0. */
export function batchNormalize(x: Tensor): Tensor {
  const d = x.shape[4]!;
  const gamma = tensor([d], new Array<number>(d).fill(1));
  const beta = tensor([d]);
  return batchnorm.forward({ x, gamma, beta }, { mode: 'train', eps: BN_EPS }).y;
}

/**
 * Eq. 6 up to pool: the feature maps
 * g(BN(W^m H^{m-1} + b^m)) that pooling reads.
 */
export function blockBeforePooling(config: BlockConfig): FeatureMaps {
  const hPrev = geologicalGrid(config); // term: Hprev
  const { w, b } = filterBank(config.dims); // term: W, b
  const affine = conv.forward({ x: hPrev, w, b }, VALID).y; // term: W, b
  let normalized = affine;
  if (config.batchNorm) normalized = batchNormalize(affine); // term: BN
  const kind = config.activation;
  const activated = activation.forward({ x: normalized }, { kind }).y; // term: g
  return { hPrev, w, b, activated };
}
