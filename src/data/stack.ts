/**
 * The layer stack (stratigraphy) shared by every structure type: beds of
 * random thickness and facies along a stratigraphic depth s, before any
 * deformation. A structure maps each cell (x, y, z) to s (folding, faulting,
 * regional dip displace the beds) and reads the facies of the bed at s.
 *
 * Model units: x, y, z in [0, 1] across the grid, z is depth (0 at the top).
 * The stack spans s in [S_MIN, S_MAX], wider than [0, 1] because deformation
 * moves beds from outside the grid into it.
 */
import type { Rng } from '../tensor/rng.ts';
import { FACIES_COUNT } from './facies.ts';
import { uniform } from './uniform.ts';

export const S_MIN = -1;
export const S_MAX = 2;

/** Mean bed thickness of a model is drawn from this range (model units). */
export const MEAN_THICKNESS_RANGE = [0.08, 0.16] as const;
/** A bed is 60% to 140% of its model's mean thickness, so the thinnest bed is 0.048 (1.5 cells at 32). */
const THICKNESS_SPREAD = 0.4;

export interface LayerStack {
  /** Stratigraphic depth of the top of each bed, ascending; tops[0] = S_MIN. */
  readonly tops: readonly number[];
  /** Facies code of each bed; neighbouring beds always differ, so every top is a visible contact. */
  readonly facies: readonly number[];
  readonly meanThickness: number;
}

/** Relative weight of each facies code when drawing a bed. */
export type FaciesWeights = readonly number[];

/** A facies drawn from `weights`, never `exclude` (the bed above), in one draw. */
export function drawFacies(rng: Rng, weights: FaciesWeights, exclude: number): number {
  let total = 0;
  for (let f = 0; f < FACIES_COUNT; f++) if (f !== exclude) total += weights[f] ?? 0;
  let r = rng.next() * total;
  let last = -1;
  for (let f = 0; f < FACIES_COUNT; f++) {
    const w = f === exclude ? 0 : (weights[f] ?? 0);
    if (w <= 0) continue;
    last = f;
    if (r < w) return f;
    r -= w;
  }
  return last;
}

export function drawStack(rng: Rng, weights: FaciesWeights): LayerStack {
  const meanThickness = uniform(rng, MEAN_THICKNESS_RANGE[0], MEAN_THICKNESS_RANGE[1]);
  const tops: number[] = [];
  const facies: number[] = [];
  let s = S_MIN;
  let previous = -1;
  while (s < S_MAX) {
    tops.push(s);
    previous = drawFacies(rng, weights, previous);
    facies.push(previous);
    s += meanThickness * uniform(rng, 1 - THICKNESS_SPREAD, 1 + THICKNESS_SPREAD);
  }
  return { tops, facies, meanThickness };
}

/** Index of the bed containing stratigraphic depth s (binary search; s above the stack gives bed 0). */
export function bedAt(stack: LayerStack, s: number): number {
  const tops = stack.tops;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function faciesAt(stack: LayerStack, s: number): number {
  return stack.facies[bedAt(stack, s)]!;
}
