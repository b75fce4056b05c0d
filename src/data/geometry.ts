/**
 * Where a sample looks at its model. A sample is a set of vertical columns at
 * horizontal positions (xs[i], ys[j]), each of nz cells with centres at depth
 * (k + 0.5) / nz; model units span [0, 1] on every axis.
 *
 *   3D  the block:                 columns on an nx x ny grid
 *   2D  a vertical x-z section:    nx columns along x at y = 0.5 (a cross-section)
 *   1D  a well-log-like column:    the single column at x = y = 0.5 (the well)
 *
 * In the network's layout [n, x, y, z, d] (1D: y = z = 1, 2D: z = 1) the
 * section's depth takes the tensor's y axis and the column's depth the
 * tensor's x axis; TENSOR_AXES says which geological axis each tensor axis
 * holds. Cells are stored in tensor order (last axis fastest), so every
 * column is contiguous: cell (i, j, k) of a 3D sample is at (i ny + j) nz + k.
 */
import { ParamError } from '../tensor/errors.ts';
import type { Triple } from '../tensor/params.ts';
import { fillColumn, type GeologicalModel } from './model.ts';

export type Dims = 1 | 2 | 3;

export interface Geometry {
  readonly dims: Dims;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly nz: number;
}

/** Geological axis held by the tensor's spatial axes x, y, z (z is depth, 0 at the top). */
export const TENSOR_AXES: Readonly<Record<Dims, readonly string[]>> = {
  3: ['x', 'y', 'z'],
  2: ['x', 'z'],
  1: ['z'],
};

/** Grid sizes per dimensionality, in TENSOR_AXES order. */
export const SIZE_LIMITS: Readonly<Record<Dims, { readonly default: readonly number[]; readonly min: number; readonly max: number }>> = {
  3: { default: [16, 16, 16], min: 8, max: 64 },
  2: { default: [32, 32], min: 8, max: 256 },
  1: { default: [64], min: 8, max: 1024 },
};

export function assertDims(op: string, dims: unknown): Dims {
  if (dims !== 1 && dims !== 2 && dims !== 3) {
    throw new ParamError(op, `dims must be 1 (well column), 2 (x-z section) or 3 (block), got ${String(dims)}`);
  }
  return dims;
}

/**
 * The grid size in TENSOR_AXES order: a number (the same along every axis),
 * an array of one size per axis, or undefined for the default.
 */
export function resolveSize(op: string, dims: Dims, size: unknown): number[] {
  const limits = SIZE_LIMITS[dims];
  const axes = TENSOR_AXES[dims];
  if (size === undefined) return [...limits.default];
  const list = typeof size === 'number' ? axes.map(() => size) : size;
  if (!Array.isArray(list) || list.length !== axes.length) {
    throw new ParamError(op, `size for ${dims}D must be a number or ${axes.length} sizes [${axes.join(', ')}], got ${JSON.stringify(size)}`);
  }
  return list.map((n: unknown, i) => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < limits.min || n > limits.max) {
      throw new ParamError(op, `size along ${axes[i]} must be an integer from ${limits.min} to ${limits.max} for ${dims}D, got ${String(n)}`);
    }
    return n;
  });
}

function centres(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i + 0.5) / n);
}

/** The geometry of a freshly generated sample of a given size (TENSOR_AXES order). */
export function nativeGeometry(dims: Dims, size: readonly number[]): Geometry {
  if (dims === 3) return { dims, xs: centres(size[0]!), ys: centres(size[1]!), nz: size[2]! };
  if (dims === 2) return { dims, xs: centres(size[0]!), ys: [0.5], nz: size[1]! };
  return { dims, xs: [0.5], ys: [0.5], nz: size[0]! };
}

/** Spatial shape [x, y, z] of the tensor holding this geometry. */
export function spatialShape(g: Geometry): Triple {
  if (g.dims === 3) return [g.xs.length, g.ys.length, g.nz];
  if (g.dims === 2) return [g.xs.length, g.nz, 1];
  return [g.nz, 1, 1];
}

export function cellCount(g: Geometry): number {
  return g.xs.length * g.ys.length * g.nz;
}

/** Facies codes of every cell of the geometry, in tensor order. */
export function sampleModel(model: GeologicalModel, g: Geometry): Uint8Array {
  const out = new Uint8Array(cellCount(g));
  let start = 0;
  for (const x of g.xs) {
    for (const y of g.ys) {
      fillColumn(model, x, y, g.nz, out, start);
      start += g.nz;
    }
  }
  return out;
}
