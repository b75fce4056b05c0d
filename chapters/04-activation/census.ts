/**
 * Counting the units of a layer by where their pre-activation falls: inside
 * the active zone, or outside it (saturated for Sigmoid and TanH, dead for
 * ReLU), and the mean slope g'(z) that the backward pass multiplies the
 * gradient by (src/nn/activation.ts `backward`: dx = dy g'(z)). Pure: no DOM.
 */
import { ACTIVATION_KINDS, derivative, type ActivationKind } from '../../src/nn/activation.ts';
import { maxSlope, slopeThreshold, unitState } from './zone.ts';

export interface Census {
  readonly kind: ActivationKind;
  readonly units: number;
  readonly active: number;
  /** Below the zone: saturated low (Sigmoid, TanH) or dead, z <= 0 (ReLU). */
  readonly below: number;
  /** Above the zone: saturated high (Sigmoid, TanH); always 0 for ReLU. */
  readonly above: number;
  /** Mean of g'(z) over the units. */
  readonly meanSlope: number;
  /** The same, as a share of the largest slope g' can take. */
  readonly meanSlopeShare: number;
}

/** Units whose gradient is (nearly) cut: below + above. */
export function inactive(c: Census): number {
  return c.below + c.above;
}

export function census(kind: ActivationKind, z: ArrayLike<number>): Census {
  const threshold = slopeThreshold(kind);
  let active = 0;
  let below = 0;
  let above = 0;
  let slopes = 0;
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    slopes += derivative(kind, v);
    const state = unitState(kind, v, threshold);
    if (state === 'active') active++;
    else if (state === 'below') below++;
    else above++;
  }
  const units = z.length;
  const meanSlope = units > 0 ? slopes / units : 0;
  return { kind, units, active, below, above, meanSlope, meanSlopeShare: meanSlope / maxSlope(kind) };
}

/** The census of every activation over the same pre-activations, for comparison. */
export function censusAll(z: ArrayLike<number>): Census[] {
  return ACTIVATION_KINDS.map((kind) => census(kind, z));
}

/** [x, y, z, d] of every unit of a [1, x, y, z, d] tensor whose pre-activation is in the active zone. */
export function activeUnits(kind: ActivationKind, z: { shape: readonly number[]; data: ArrayLike<number> }): Array<[number, number, number, number]> {
  const [, nx, ny, nz, nd] = z.shape as [number, number, number, number, number];
  const threshold = slopeThreshold(kind);
  const out: Array<[number, number, number, number]> = [];
  let i = 0;
  for (let x = 0; x < nx; x++) {
    for (let y = 0; y < ny; y++) {
      for (let k = 0; k < nz; k++) {
        for (let d = 0; d < nd; d++, i++) {
          if (unitState(kind, z.data[i]!, threshold) === 'active') out.push([x, y, k, d]);
        }
      }
    }
  }
  return out;
}
