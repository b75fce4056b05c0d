/**
 * A small regional dip (basin tilt) applied to every structure type: the beds
 * are tilted as a plane through the grid centre, so the displacement is
 * g . (x - 0.5, y - 0.5) and the well at the centre sees no shift.
 */
import type { Rng } from '../tensor/rng.ts';
import { TWO_PI, degrees, exactCos, exactSin, radians } from './exact-math.ts';
import { uniform } from './uniform.ts';

/** Default and largest allowed maximum of the regional dip, degrees. */
export const REGIONAL_DIP_DEFAULT = 5;
export const REGIONAL_DIP_LIMIT = 20;

export interface RegionalDip {
  /** Dip angle, degrees, in [0, maxDip]. */
  readonly dip: number;
  /** Dip azimuth (direction the beds go down), degrees from +x towards +y. */
  readonly azimuth: number;
  /** Bedding depth gradient dz/dx, dz/dy = tan(dip) * (cos, sin)(azimuth). */
  readonly gx: number;
  readonly gy: number;
}

export function drawRegionalDip(rng: Rng, maxDip: number): RegionalDip {
  const dip = uniform(rng, 0, maxDip);
  const az = uniform(rng, 0, TWO_PI);
  const slope = exactSin(radians(dip)) / exactCos(radians(dip));
  return { dip, azimuth: degrees(az), gx: slope * exactCos(az), gy: slope * exactSin(az) };
}

/** Depth displacement of the beds at (x, y). */
export function regionalShift(r: RegionalDip, x: number, y: number): number {
  return r.gx * (x - 0.5) + r.gy * (y - 0.5);
}
