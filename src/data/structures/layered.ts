/**
 * Pieces shared by the layered structure types (horizontal, folded, faulted):
 * how bed facies are weighted, and filling a column whose beds are displaced
 * by a depth shift.
 */
import type { Rng } from '../../tensor/rng.ts';
import { LIMESTONE, SAND, SHALE, SILT } from '../facies.ts';
import type { RegionalDip } from '../regional-dip.ts';
import { faciesAt, type FaciesWeights, type LayerStack } from '../stack.ts';
import { uniform } from '../uniform.ts';
import { cellDepth } from './structure.ts';

/** Sand share among the beds of a layered model, drawn per model so net-to-gross varies between samples. */
export const SAND_WEIGHT_RANGE = [0.1, 0.5] as const;

/** Bed facies weights of the layered classes: sand share q, the rest 55% shale, 30% silt, 15% limestone. */
export function layeredWeights(rng: Rng): FaciesWeights {
  const q = uniform(rng, SAND_WEIGHT_RANGE[0], SAND_WEIGHT_RANGE[1]);
  const w = [0, 0, 0, 0];
  w[SAND] = q;
  w[SHALE] = 0.55 * (1 - q);
  w[SILT] = 0.3 * (1 - q);
  w[LIMESTONE] = 0.15 * (1 - q);
  return w;
}

/** Beds displaced downward by `shift` (a cell at depth z shows the bed at stratigraphic depth z - shift). */
export function fillShifted(stack: LayerStack, shift: number, nz: number, out: Uint8Array, start: number): void {
  for (let k = 0; k < nz; k++) out[start + k] = faciesAt(stack, cellDepth(k, nz) - shift);
}

export function regionalSlope(r: RegionalDip): number {
  return Math.sqrt(r.gx * r.gx + r.gy * r.gy);
}
