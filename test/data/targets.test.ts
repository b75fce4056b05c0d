import { describe, expect, it } from 'vitest';
import { STRUCTURE_KINDS } from '../../src/data/classes.ts';
import { SAND } from '../../src/data/facies.ts';
import { bedSlope } from '../../src/data/model.ts';
import { TARGETS, maxDip, netToGross } from '../../src/data/targets.ts';
import { samplesOf } from './grid-helpers.ts';

const DIMS_SIZES = [[3, [12, 12, 12]], [2, [32, 32]], [1, [64]]] as const;

describe('targets: net-to-gross and dip', () => {
  it('documents two targets with units and ranges', () => {
    expect(TARGETS.map((t) => [t.name, t.unit, t.range])).toEqual([
      ['net-to-gross', 'fraction', [0, 1]],
      ['dip', 'degrees', [0, 65]],
    ]);
  });

  it('stays within the documented ranges for every class and dimensionality, even at the largest regional dip', () => {
    for (const kind of STRUCTURE_KINDS) {
      for (const [dims, size] of DIMS_SIZES) {
        for (const s of samplesOf(kind, 51, dims, size, 20, 40)) {
          s.targets.forEach((v, p) => {
            expect(v).toBeGreaterThanOrEqual(TARGETS[p]!.range[0]);
            expect(v).toBeLessThanOrEqual(TARGETS[p]!.range[1]);
          });
        }
      }
    }
  });

  it('measures net-to-gross as the share of sandstone cells before noise', () => {
    for (const s of samplesOf('channels', 52, 2, [16, 16], 5, 6)) {
      const sand = s.clean.filter((f) => f === SAND).length;
      expect(s.targets[0]).toBe(sand / 256);
      expect(netToGross(new Uint8Array([SAND, 0, 2, SAND]))).toBe(0.5);
    }
  });

  it('gives the regional dip for flat-lying classes and the steepest limb for folds', () => {
    for (const kind of ['horizontal', 'faulted', 'channels'] as const) {
      for (const s of samplesOf(kind, 53, 3, [8, 8, 8], 15, 6)) {
        expect(s.targets[1]).toBeCloseTo(s.model.regional.dip, 10);
      }
    }
    for (const s of samplesOf('folded', 54, 3, [10, 10, 8], 5, 10)) {
      let steepest = 0;
      for (const x of s.geometry.xs) for (const y of s.geometry.ys) steepest = Math.max(steepest, bedSlope(s.model, x, y));
      expect(s.targets[1]).toBeCloseTo((Math.atan(steepest) * 180) / Math.PI, 10);
      expect(maxDip(s.model, s.geometry)).toBe(s.targets[1]);
      // folds are steeper than any regional tilt allowed by default
      expect(s.targets[1]).toBeGreaterThan(5);
    }
  });
});
