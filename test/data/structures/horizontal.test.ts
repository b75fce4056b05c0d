import { describe, expect, it } from 'vitest';
import { bedSlope } from '../../../src/data/model.ts';
import type { Sample } from '../../../src/data/sample.ts';
import { regionalShift } from '../../../src/data/regional-dip.ts';
import { bestShift, column, columnsOf, isContiguousSlice, runs, samplesOf } from '../grid-helpers.ts';

function horizontalSamples(seed: number, size: number[], regionalDip: number): readonly Sample[] {
  return samplesOf('horizontal', seed, 3, size, regionalDip);
}

describe('horizontal layering (class 0)', () => {
  it('has one facies in every horizontal plane when the regional dip is zero', () => {
    for (const s of horizontalSamples(11, [16, 12, 24], 0)) {
      const { nx, ny, nz } = columnsOf(s);
      for (let k = 0; k < nz; k++) {
        const first = s.clean[k];
        for (let c = 0; c < nx * ny; c++) expect(s.clean[c * nz + k]).toBe(first);
      }
    }
  });

  it('shows the beds of its stack in order, none missing or repeated, in every column', () => {
    for (const s of horizontalSamples(12, [8, 8, 40], 5)) {
      const { nx, ny } = columnsOf(s);
      for (let i = 0; i < nx; i++) {
        for (let j = 0; j < ny; j++) expect(isContiguousSlice(runs(column(s.clean, s, i, j)), s.model.stack.facies)).toBe(true);
      }
    }
  });

  it('tilts the layering by the regional dip: opposite corners are offset by the regional relief', () => {
    for (const s of horizontalSamples(13, [16, 16, 64], 20)) {
      if (s.model.kind !== 'horizontal') throw new Error('expected a horizontal model');
      const { nx, ny, nz } = columnsOf(s);
      const g = s.geometry;
      for (const [i, j] of [[nx - 1, ny - 1], [nx - 1, 0], [0, ny - 1]] as const) {
        const relief = (regionalShift(s.model.regional, g.xs[i]!, g.ys[j]!) - regionalShift(s.model.regional, g.xs[0]!, g.ys[0]!)) * nz;
        const { shift, mismatch } = bestShift(column(s.clean, s, i, j), column(s.clean, s, 0, 0), 20);
        expect(Math.abs(shift - relief)).toBeLessThanOrEqual(1);
        expect(mismatch).toBeLessThan(0.1);
      }
    }
  });

  it('has the bedding slope of its regional dip everywhere', () => {
    for (const s of horizontalSamples(14, [8, 8, 8], 12)) {
      if (s.model.kind !== 'horizontal') throw new Error('expected a horizontal model');
      const tanDip = Math.tan((s.model.regional.dip * Math.PI) / 180);
      expect(bedSlope(s.model, 0.1, 0.9)).toBeCloseTo(tanDip, 12);
      expect(bedSlope(s.model, 0.7, 0.2)).toBeCloseTo(tanDip, 12);
      expect(s.model.regional.dip).toBeLessThanOrEqual(12);
    }
  });
});
