import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactAtan, exactCos, exactSin } from '../../src/data/exact-math.ts';

describe('exact-math: sin, cos, atan from basic arithmetic', () => {
  it('agrees with Math.sin and Math.cos to 1e-15 over the angles the generator uses', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), (x) => {
        expect(Math.abs(exactSin(x) - Math.sin(x))).toBeLessThan(1e-15 * Math.max(1, Math.abs(x)));
        expect(Math.abs(exactCos(x) - Math.cos(x))).toBeLessThan(1e-15 * Math.max(1, Math.abs(x)));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Math.atan to 1e-15 for small, medium and huge arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(Math.abs(exactAtan(x) - Math.atan(x))).toBeLessThan(1e-15);
      }),
      { numRuns: 2000 },
    );
    for (const x of [0, 0.2679491924311227, 0.268, 1, 1.0000001, 57.3, -3]) expect(exactAtan(x)).toBeCloseTo(Math.atan(x), 15);
  });

  it('keeps the symmetries exactly: sin odd, cos even, atan odd', () => {
    for (const x of [0.1, 0.7853981633974483, 1.3, 2.9, 4.4, 10.25]) {
      expect(exactSin(-x)).toBe(-exactSin(x));
      expect(exactCos(-x)).toBe(exactCos(x));
      expect(exactAtan(-x)).toBe(-exactAtan(x));
    }
    expect(exactSin(0)).toBe(0);
    expect(exactCos(0)).toBe(1);
  });

  it('returns the same bits as recorded, so a change of formula is noticed', () => {
    // values computed once by these functions; any engine must reproduce them exactly
    expect([exactSin(1), exactCos(2.5), exactAtan(0.7)]).toEqual([0.8414709848078965, -0.8011436155469338, 0.6107259643892085]);
  });
});
