/**
 * Class 1, folded layers: cylindrical similar folds (the same fold shape at
 * every depth), the bed depth displaced by A sin(2 pi xi / lambda + phi) where
 * xi is the distance across the fold axis. Depth points down, so where the
 * sine is -1 the beds are highest: an anticline crest; +1 a syncline trough.
 * The fold axis trends within 40 degrees of y, so the x-z section cuts the
 * folds across, as a geologist lays a cross-section perpendicular to the axis.
 */
import { TWO_PI, degrees, exactCos, exactSin, radians } from '../exact-math.ts';
import { drawRegionalDip, regionalShift, type RegionalDip } from '../regional-dip.ts';
import { drawStack, type LayerStack } from '../stack.ts';
import { uniform } from '../uniform.ts';
import { fillShifted, layeredWeights } from './layered.ts';
import type { Structure } from './structure.ts';

/** Fold parameter ranges (model units: the grid spans 1). Steepest limb: 0.15 * 2 pi / 0.6 = tan(57.5 deg). */
export const FOLD_AMPLITUDE_RANGE = [0.06, 0.15] as const;
export const FOLD_WAVELENGTH_RANGE = [0.6, 1.6] as const;
/** Largest angle between the fold axis and the y axis, degrees. */
export const AXIS_SPREAD = 40;

export interface Fold {
  /** Half the vertical relief from crest to trough, model units. */
  readonly amplitude: number;
  /** Crest-to-crest distance across the axis, model units. */
  readonly wavelength: number;
  /** Trend of the fold (hinge) axis, degrees from +x towards +y, in [50, 130]. */
  readonly axisTrend: number;
  /** Phase at the grid centre, radians. */
  readonly phase: number;
  /** Unit vector across the axis (the fold profile direction). */
  readonly px: number;
  readonly py: number;
}

export interface FoldedModel {
  readonly kind: 'folded';
  readonly regional: RegionalDip;
  readonly stack: LayerStack;
  readonly fold: Fold;
}

function foldArgument(f: Fold, x: number, y: number): number {
  const xi = (x - 0.5) * f.px + (y - 0.5) * f.py;
  return (TWO_PI / f.wavelength) * xi + f.phase;
}

export function foldShift(f: Fold, x: number, y: number): number {
  return f.amplitude * exactSin(foldArgument(f, x, y));
}

export const folded: Structure<FoldedModel> = {
  kind: 'folded',
  draw(rng, options) {
    const regional = drawRegionalDip(rng, options.maxRegionalDip);
    const stack = drawStack(rng, layeredWeights(rng));
    const profile = radians(uniform(rng, -AXIS_SPREAD, AXIS_SPREAD));
    const fold: Fold = {
      amplitude: uniform(rng, FOLD_AMPLITUDE_RANGE[0], FOLD_AMPLITUDE_RANGE[1]),
      wavelength: uniform(rng, FOLD_WAVELENGTH_RANGE[0], FOLD_WAVELENGTH_RANGE[1]),
      axisTrend: degrees(profile) + 90,
      phase: uniform(rng, 0, TWO_PI),
      px: exactCos(profile),
      py: exactSin(profile),
    };
    return { kind: 'folded', regional, stack, fold };
  },
  fillColumn(model, x, y, nz, out, start) {
    const shift = regionalShift(model.regional, x, y) + foldShift(model.fold, x, y);
    fillShifted(model.stack, shift, nz, out, start);
  },
  slope(model, x, y) {
    const f = model.fold;
    const limb = f.amplitude * (TWO_PI / f.wavelength) * exactCos(foldArgument(f, x, y));
    const gx = model.regional.gx + limb * f.px;
    const gy = model.regional.gy + limb * f.py;
    return Math.sqrt(gx * gx + gy * gy);
  },
};
