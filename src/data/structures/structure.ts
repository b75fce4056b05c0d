/**
 * What every structure type provides. A model is a plain record of the drawn
 * parameters (it crosses a worker boundary and can be shown in a table); the
 * functions evaluate it at any resolution, so one model yields its 3D grid,
 * its 2D section and its 1D column.
 */
import type { Rng } from '../../tensor/rng.ts';
import type { StructureKind } from '../classes.ts';

export interface DrawOptions {
  /** Largest regional dip, degrees. */
  readonly maxRegionalDip: number;
}

export interface Structure<M extends { readonly kind: StructureKind }> {
  readonly kind: M['kind'];
  draw(rng: Rng, options: DrawOptions): M;
  /**
   * Facies of the nz cells of the vertical column at horizontal position
   * (x, y), cell centres at depth (k + 0.5) / nz, written to out[start + k].
   */
  fillColumn(model: M, x: number, y: number, nz: number, out: Uint8Array, start: number): void;
  /** Bedding slope |grad of bed depth| at (x, y): tan of the true dip. */
  slope(model: M, x: number, y: number): number;
}

/** Depth of cell k of nz (model units, 0 at the top). */
export function cellDepth(k: number, nz: number): number {
  return (k + 0.5) / nz;
}
