/**
 * Class 2, faulted layers: one planar fault offsets the layer cake. The fault
 * plane cuts the well (the grid's central column) at depth wellDepth, so the
 * 2D section and the 1D column both cross it; it strikes within 40 degrees of
 * y, so the x-z section cuts it across strike. The block above the plane is
 * the hanging wall: a normal fault drops it by the throw, a reverse fault
 * raises it. The displacement is taken as vertical (the throw): with gently
 * dipping beds the horizontal heave would only shift beds along themselves.
 */
import { exactCos, exactSin, radians } from '../exact-math.ts';
import { drawRegionalDip, regionalShift, type RegionalDip } from '../regional-dip.ts';
import { drawStack, faciesAt, type LayerStack } from '../stack.ts';
import { uniform } from '../uniform.ts';
import { layeredWeights, regionalSlope } from './layered.ts';
import { cellDepth, type Structure } from './structure.ts';

export const FAULT_DIP_RANGE = [50, 75] as const;
export const FAULT_THROW_RANGE = [0.1, 0.3] as const;
export const FAULT_WELL_DEPTH_RANGE = [0.3, 0.7] as const;
/** Largest angle between the fault strike and the y axis, degrees. */
export const STRIKE_SPREAD = 40;

export interface Fault {
  readonly type: 'normal' | 'reverse';
  /** Vertical offset of the beds across the fault, model units. */
  readonly throw: number;
  /** Dip of the fault plane, degrees. */
  readonly dip: number;
  /** Direction the plane dips towards, degrees from +x towards +y. */
  readonly dipAzimuth: number;
  /** Depth where the plane cuts the central column (x = y = 0.5). */
  readonly wellDepth: number;
  /** Unit horizontal dip direction and tan(dip): the plane's depth is wellDepth + tanDip (d . (p - centre)). */
  readonly dx: number;
  readonly dy: number;
  readonly tanDip: number;
}

export interface FaultedModel {
  readonly kind: 'faulted';
  readonly regional: RegionalDip;
  readonly stack: LayerStack;
  readonly fault: Fault;
}

/** Depth of the fault plane below (x, y). */
export function faultDepth(f: Fault, x: number, y: number): number {
  return f.wellDepth + f.tanDip * ((x - 0.5) * f.dx + (y - 0.5) * f.dy);
}

/** Extra downward shift of the hanging wall's beds. */
export function hangingWallShift(f: Fault): number {
  return f.type === 'normal' ? f.throw : -f.throw;
}

export const faulted: Structure<FaultedModel> = {
  kind: 'faulted',
  draw(rng, options) {
    const regional = drawRegionalDip(rng, options.maxRegionalDip);
    const stack = drawStack(rng, layeredWeights(rng));
    // dip direction within STRIKE_SPREAD of +x or of -x: the strike then lies within it of y
    const azimuth = uniform(rng, -STRIKE_SPREAD, STRIKE_SPREAD) + (rng.next() < 0.5 ? 0 : 180);
    const dip = uniform(rng, FAULT_DIP_RANGE[0], FAULT_DIP_RANGE[1]);
    const fault: Fault = {
      type: rng.next() < 0.5 ? 'normal' : 'reverse',
      throw: uniform(rng, FAULT_THROW_RANGE[0], FAULT_THROW_RANGE[1]),
      dip,
      dipAzimuth: azimuth < 0 ? azimuth + 360 : azimuth,
      wellDepth: uniform(rng, FAULT_WELL_DEPTH_RANGE[0], FAULT_WELL_DEPTH_RANGE[1]),
      dx: exactCos(radians(azimuth)),
      dy: exactSin(radians(azimuth)),
      tanDip: exactSin(radians(dip)) / exactCos(radians(dip)),
    };
    return { kind: 'faulted', regional, stack, fault };
  },
  fillColumn(model, x, y, nz, out, start) {
    const shift = regionalShift(model.regional, x, y);
    const zf = faultDepth(model.fault, x, y);
    const hw = hangingWallShift(model.fault);
    for (let k = 0; k < nz; k++) {
      const z = cellDepth(k, nz);
      out[start + k] = faciesAt(model.stack, z - shift - (z < zf ? hw : 0));
    }
  },
  slope(model) {
    return regionalSlope(model.regional);
  },
};

