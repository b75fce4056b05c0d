import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/data/sample.ts';
import { faultDepth, type FaultedModel } from '../../../src/data/structures/faulted.ts';
import { bestShift, column, columnsOf, depthOf, lateralContacts, samplesOf } from '../grid-helpers.ts';

function faultedSamples(seed: number, dims: 2 | 3, size: number[]): readonly Sample[] {
  return samplesOf('faulted', seed, dims, size, 0, 16);
}

function faultOf(s: Sample): FaultedModel {
  if (s.model.kind !== 'faulted') throw new Error('expected a faulted model');
  return s.model;
}

/** True when cell (i, j, k) lies above the fault plane (in the hanging wall). */
function inHangingWall(s: Sample, i: number, j: number, k: number): boolean {
  return depthOf(k, s.geometry.nz) < faultDepth(faultOf(s).fault, s.geometry.xs[i]!, s.geometry.ys[j]!);
}

describe('faulted layers (class 2)', () => {
  it.each([
    ['3D block', 3 as const, [16, 16, 16]],
    ['2D section', 2 as const, [48, 32]],
  ])('changes facies laterally only across the fault plane, and does change there (%s)', (_, dims, size) => {
    for (const s of faultedSamples(31, dims, size)) {
      const contacts = lateralContacts(s.clean, s);
      expect(contacts.length).toBeGreaterThan(0);
      for (const c of contacts) expect(inHangingWall(s, c.i, c.j, c.k)).not.toBe(inHangingWall(s, c.i2, c.j2, c.k));
    }
  });

  it('drops the hanging wall by the throw on normal faults and raises it on reverse faults', () => {
    const types = new Set<string>();
    for (const s of faultedSamples(32, 2, [64, 96])) {
      const { fault } = faultOf(s);
      types.add(fault.type);
      const { nx, nz } = columnsOf(s);
      // the down-dip edge column is mostly hanging wall, the up-dip edge column mostly footwall
      const hwEdge = fault.dx > 0 ? nx - 1 : 0;
      const fwEdge = nx - 1 - hwEdge;
      const { shift, mismatch } = bestShift(
        column(s.clean, s, hwEdge, 0),
        column(s.clean, s, fwEdge, 0),
        40,
        (k) => inHangingWall(s, hwEdge, 0, k),
        (k) => !inHangingWall(s, fwEdge, 0, k),
        12,
      );
      const expected = (fault.type === 'normal' ? 1 : -1) * fault.throw * nz;
      expect(mismatch).toBeLessThan(0.1);
      expect(Math.abs(shift - expected)).toBeLessThanOrEqual(1);
    }
    expect(types).toEqual(new Set(['normal', 'reverse']));
  });

  it('cuts the well: the plane crosses the central column inside the grid', () => {
    for (const s of faultedSamples(33, 2, [8, 8])) {
      const f = faultOf(s).fault;
      expect(faultDepth(f, 0.5, 0.5)).toBeCloseTo(f.wellDepth, 15);
      expect(f.wellDepth).toBeGreaterThanOrEqual(0.3);
      expect(f.wellDepth).toBeLessThanOrEqual(0.7);
      expect(f.dip).toBeGreaterThanOrEqual(50);
      expect(f.dip).toBeLessThanOrEqual(75);
      expect(f.throw).toBeGreaterThanOrEqual(0.1);
      expect(f.throw).toBeLessThanOrEqual(0.3);
      // strike within 40 degrees of y means the dip direction within 40 degrees of the x axis
      expect(Math.abs(f.dx)).toBeGreaterThanOrEqual(Math.cos((40 * Math.PI) / 180) - 1e-12);
    }
  });
});
