/**
 * The geological grids of chapter 7: the sample the reader looks at and the
 * data sets the network was trained and checked on, all from src/data, all
 * as the sandstone indicator (1 sandstone, 0 shale, siltstone or limestone).
 *
 * One grid size per dimensionality, small enough for every view to redraw in
 * a frame and large enough for the structure to show: a 64-cell well column
 * (1D), a 16 x 16 cross-section (2D), a 12 x 12 x 12 block (3D).
 *
 * The data put depth on the last spatial axis in use, 0 at the top
 * (TENSOR_AXES). A section or a block is drawn with that axis pointing up the
 * screen, so here it is turned over to count cells upwards from the base: the
 * surface is on top. A well column keeps its order, from the collar down. The
 * network was trained on grids turned the same way (train-weights.ts). No DOM.
 */
import {
  CLASS_NAMES,
  REGIONAL_DIP_DEFAULT,
  STRUCTURE_KINDS,
  createDataset,
  generateSample,
  nativeGeometry,
  toTensor,
  type Sample,
  type StructureKind,
} from '../../src/data/index.ts';
import { ParamError } from '../../src/tensor/errors.ts';
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';

export type Dims = 1 | 2 | 3;

/** Cells along each spatial axis in use. */
export const GRID_SIZE: Readonly<Record<Dims, number>> = { 1: 64, 2: 16, 3: 12 };

/** The models the reader can pick: sample seeds 1 to MODEL_COUNT of each structure. */
export const MODEL_COUNT = 20;

const OP = 'inference chapter';

/** [x, y, z] of a grid of `dims` dimensions: `size` along the axes in use, 1 along the others. */
export function spatialShape(dims: Dims, size = GRID_SIZE[dims]): [number, number, number] {
  return [size, dims >= 2 ? size : 1, dims === 3 ? size : 1];
}

/** A copy of a [n, x, y, z, d] grid with its depth axis (y in 2D, z in 3D) reversed; 1D unchanged. */
export function turnUpwards(grid: Tensor, dims: Dims): Tensor {
  if (dims === 1) return grid;
  const [n, nx, ny, nz, d] = grid.shape as [number, number, number, number, number];
  const out = tensor(grid.shape);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        for (let k = 0; k < nz; k++) {
          const [tj, tk] = dims === 3 ? [j, nz - 1 - k] : [ny - 1 - j, k];
          const from = (((s * nx + i) * ny + j) * nz + k) * d;
          const to = (((s * nx + i) * ny + tj) * nz + tk) * d;
          for (let c = 0; c < d; c++) out.data[to + c] = grid.data[from + c]!;
        }
      }
    }
  }
  return out;
}

export interface GeologySample {
  readonly structure: StructureKind;
  /** Class id k - 1 of the structure (its index in STRUCTURE_KINDS). */
  readonly label: number;
  readonly sample: Sample;
  /** X [1, x, y, z, 1]: the sandstone indicator, turned upwards in 2D and 3D. */
  readonly x: Tensor;
}

/** Model `model` (1 to MODEL_COUNT) of a structure, as the network's input X. */
export function geologySample(dims: Dims, structure: StructureKind, model: number): GeologySample {
  const label = STRUCTURE_KINDS.indexOf(structure);
  if (label < 0) throw new ParamError(OP, `unknown structure ${JSON.stringify(structure)}; expected one of ${STRUCTURE_KINDS.join(', ')}`);
  if (!Number.isInteger(model) || model < 1 || model > MODEL_COUNT) {
    throw new ParamError(OP, `the model number must be a whole number from 1 to ${MODEL_COUNT}, got ${model}`);
  }
  const size = GRID_SIZE[dims];
  const geometry = nativeGeometry(dims, Array.from({ length: dims }, () => size));
  const sample = generateSample(structure, model, geometry, { maxRegionalDip: REGIONAL_DIP_DEFAULT, flip: 0 });
  return { structure, label, sample, x: turnUpwards(toTensor([sample], { encoding: 'sand' }), dims) };
}

export interface GeologySet {
  /** Inputs [n, x, y, z, 1], turned upwards like the reader's sample. */
  readonly x: Tensor;
  readonly labels: Int32Array;
  /** One-hot class rows [n, K]. */
  readonly oneHot: Tensor;
  /** [n, 2]: net-to-gross (fraction) and dip (degrees) of each sample. */
  readonly targets: Tensor;
}

/** `count` labelled samples drawn from `seed`, in the chapter's grid size and orientation. */
export function geologySet(dims: Dims, seed: number, count: number): GeologySet {
  const ds = createDataset({ seed, count, dims, size: GRID_SIZE[dims], encoding: 'sand' });
  return { x: turnUpwards(ds.inputs, dims), labels: ds.labels, oneHot: ds.oneHot, targets: ds.targets };
}

/** "Folded layers" for a structure. */
export function structureName(structure: StructureKind): string {
  const name = CLASS_NAMES[structure];
  return name.charAt(0).toUpperCase() + name.slice(1);
}
