/**
 * The four pooling functions of the tutorial (§2.1, eq. 6) applied to the
 * same feature maps with the same window and stride, through the core's
 * src/nn/pool.ts. The window and stride the reader sets apply along the
 * axes the grid uses; along the others they are 1, so a 1D or 2D grid keeps
 * its single cell there. No DOM here.
 */
import * as pool from '../../src/nn/pool.ts';
import { POOL_KINDS, poolOutputShape, type Index5, type PoolAttrs, type PoolKind, type PoolSaved } from '../../src/nn/pool.ts';
import type { Triple } from '../../src/tensor/params.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import type { Dims } from './feature-maps.ts';

export { POOL_KINDS, type PoolKind };

/** Window and stride per axis [x, y, z]. */
export interface PoolGeometry {
  readonly window: Triple;
  readonly stride: Triple;
}

export interface Pooled {
  /** The feature maps pooled, [1, x, y, z, d]. */
  readonly x: Tensor;
  readonly geometry: PoolGeometry;
  /** H^m for each pooling function, [1, h_x, h_y, h_z, d], and what forward saved (max/min: the selected cells). */
  readonly results: Readonly<Record<PoolKind, PoolResult>>;
}

/** What the core's pool forward returns. */
export interface PoolResult {
  readonly y: Tensor;
  readonly saved: PoolSaved;
}

export const POOL_NAMES: Readonly<Record<PoolKind, string>> = {
  max: 'Max pooling',
  avg: 'Average pooling',
  min: 'Min pooling',
  l2: 'L2-norm pooling',
};

/** The reader's window and stride along the axes in use; 1 along the others. */
export function poolGeometry(dims: Dims, window: Triple, stride: Triple): PoolGeometry {
  const used = (t: Triple): Triple => [t[0], dims >= 2 ? t[1] : 1, dims === 3 ? t[2] : 1];
  return { window: used(window), stride: used(stride) };
}

export function attrsOf(kind: PoolKind, geometry: PoolGeometry): PoolAttrs {
  return { kind, window: geometry.window, stride: geometry.stride };
}

/** The pooled layer's shape (eq. 2 with p = 0); throws the core's ShapeError when the window does not fit. */
export function pooledShape(xShape: readonly number[], geometry: PoolGeometry): Index5 {
  return poolOutputShape(xShape, attrsOf('max', geometry));
}

/** Max, average, min and L2 pooling of the same feature maps. */
export function poolEveryKind(x: Tensor, geom: PoolGeometry): Pooled {
  const results = {} as Record<PoolKind, PoolResult>;
  for (const kind of POOL_KINDS) {
    const attrs = attrsOf(kind, geom);
    results[kind] = pool.forward({ x }, attrs); // term: pool
  }
  return { x, geometry: geom, results };
}
