import { describe, expect, it } from 'vitest';
import { bedSlope } from '../../../src/data/model.ts';
import type { Sample } from '../../../src/data/sample.ts';
import { foldShift, type FoldedModel } from '../../../src/data/structures/folded.ts';
import { bestShift, column, columnsOf, isContiguousSlice, runs, samplesOf } from '../grid-helpers.ts';

function foldedSamples(seed: number, dims: 2 | 3, size: number[], regionalDip = 0): readonly Sample[] {
  return samplesOf('folded', seed, dims, size, regionalDip);
}

function foldOf(s: Sample): FoldedModel {
  if (s.model.kind !== 'folded') throw new Error('expected a folded model');
  return s.model;
}

describe('folded layers (class 1)', () => {
  it('keeps every bed continuous: each column shows consecutive beds of the stack', () => {
    for (const s of foldedSamples(21, 3, [12, 12, 40])) {
      const { nx, ny } = columnsOf(s);
      for (let i = 0; i < nx; i++) {
        for (let j = 0; j < ny; j++) expect(isContiguousSlice(runs(column(s.clean, s, i, j)), s.model.stack.facies)).toBe(true);
      }
    }
  });

  it('bends the beds: horizontal planes are no longer one facies', () => {
    for (const s of foldedSamples(22, 3, [16, 16, 16])) {
      const { nx, ny, nz } = columnsOf(s);
      let mixedPlanes = 0;
      for (let k = 0; k < nz; k++) {
        const first = s.clean[k];
        for (let c = 1; c < nx * ny; c++) {
          if (s.clean[c * nz + k] !== first) {
            mixedPlanes++;
            break;
          }
        }
      }
      expect(mixedPlanes).toBeGreaterThan(nz / 4);
    }
  });

  it('moves the beds up and down across the section by the fold relief, within a cell', () => {
    for (const s of foldedSamples(23, 2, [64, 96])) {
      const fold = foldOf(s).fold;
      const { nx, nz } = columnsOf(s);
      const reference = column(s.clean, s, 0, 0);
      const shifts: number[] = [];
      const modelShifts: number[] = [];
      for (let i = 0; i < nx; i += 4) {
        const { shift, mismatch } = bestShift(column(s.clean, s, i, 0), reference, 40, undefined, undefined, 24);
        expect(mismatch).toBeLessThan(0.1);
        shifts.push(shift);
        modelShifts.push((foldShift(fold, s.geometry.xs[i]!, 0.5) - foldShift(fold, s.geometry.xs[0]!, 0.5)) * nz);
      }
      shifts.forEach((shift, n) => expect(Math.abs(shift - modelShifts[n]!)).toBeLessThanOrEqual(1.5));
      const relief = Math.max(...shifts) - Math.min(...shifts);
      expect(relief).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives the bedding slope of the folded surface (finite-difference check)', () => {
    const h = 1e-6;
    for (const s of foldedSamples(24, 3, [8, 8, 8], 10)) {
      const m = foldOf(s);
      const depth = (x: number, y: number) => foldShift(m.fold, x, y) + m.regional.gx * (x - 0.5) + m.regional.gy * (y - 0.5);
      for (const [x, y] of [[0.1, 0.2], [0.5, 0.5], [0.83, 0.41]] as const) {
        const gx = (depth(x + h, y) - depth(x - h, y)) / (2 * h);
        const gy = (depth(x, y + h) - depth(x, y - h)) / (2 * h);
        expect(bedSlope(m, x, y)).toBeCloseTo(Math.hypot(gx, gy), 6);
      }
    }
  });

  it('draws its fold within the documented ranges, the axis within 40 degrees of y', () => {
    for (const s of foldedSamples(25, 2, [8, 8])) {
      const f = foldOf(s).fold;
      expect(f.amplitude).toBeGreaterThanOrEqual(0.06);
      expect(f.amplitude).toBeLessThanOrEqual(0.15);
      expect(f.wavelength).toBeGreaterThanOrEqual(0.6);
      expect(f.wavelength).toBeLessThanOrEqual(1.6);
      expect(Math.abs(f.axisTrend - 90)).toBeLessThanOrEqual(40);
      expect(Math.hypot(f.px, f.py)).toBeCloseTo(1, 14);
    }
  });
});
