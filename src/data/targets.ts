/**
 * The P = 2 continuous targets of the regression head (eq. 9), measured on the
 * cells the sample shows (the block, the section or the well column):
 *
 *   0 net-to-gross  fraction, [0, 1]   sandstone cells / all cells, before noise
 *                                      (flipped cells are measurement errors,
 *                                      not geology)
 *   1 dip           degrees, [0, 65]   steepest true dip of the bedding over the
 *                                      sample's columns; in 1D, the true dip at
 *                                      the well, which a facies column shows only
 *                                      as beds thickened by 1 / cos(dip)
 *
 * The dip bound: regional dip <= 20 degrees plus the steepest fold limb
 * (0.15 * 2 pi / 0.6 = 1.571) gives a slope below tan(20) + 1.571 = 1.935,
 * a dip below 62.7 degrees.
 */
import { degrees, exactAtan } from './exact-math.ts';
import { SAND } from './facies.ts';
import type { Geometry } from './geometry.ts';
import { bedSlope, type GeologicalModel } from './model.ts';

export interface TargetInfo {
  readonly name: string;
  readonly unit: string;
  readonly range: readonly [number, number];
  readonly description: string;
}

export const TARGETS: readonly TargetInfo[] = [
  { name: 'net-to-gross', unit: 'fraction', range: [0, 1], description: 'share of sandstone cells in the sample, before noise' },
  { name: 'dip', unit: 'degrees', range: [0, 65], description: 'steepest true dip of the bedding over the columns of the sample' },
];

export const TARGET_COUNT = TARGETS.length;

export function netToGross(clean: Uint8Array): number {
  let sand = 0;
  for (let i = 0; i < clean.length; i++) if (clean[i] === SAND) sand++;
  return sand / clean.length;
}

/** Steepest true dip, degrees, over the columns of the geometry. */
export function maxDip(model: GeologicalModel, g: Geometry): number {
  let steepest = 0;
  for (const x of g.xs) {
    for (const y of g.ys) {
      const s = bedSlope(model, x, y);
      if (s > steepest) steepest = s;
    }
  }
  return degrees(exactAtan(steepest));
}

export function computeTargets(model: GeologicalModel, g: Geometry, clean: Uint8Array): [number, number] {
  return [netToGross(clean), maxDip(model, g)];
}
