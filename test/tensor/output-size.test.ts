import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outputSize, droppedPositions, AtlasError } from '../../src/tensor/index.ts';

describe('outputSize (eq. 2)', () => {
  it('keeps the size with same padding and stride 1', () => {
    expect(outputSize({ in: [5, 5, 5], w: [3, 3, 3], stride: [1, 1, 1], padding: [1, 1, 1] })).toEqual([5, 5, 5]);
  });

  it('floors when the stride does not divide evenly and reports the dropped positions', () => {
    expect(outputSize({ in: [8, 8, 1], w: [3, 3, 1], stride: [2, 2, 1], padding: [0, 0, 0] })).toEqual([3, 3, 1]);
    expect(droppedPositions(8, 3, 2, 0)).toBe(1);
  });

  it('refuses a window larger than the padded input with the numbers of the equation', () => {
    expect(() => outputSize({ in: [3, 3, 1], w: [4, 4, 1], stride: [1, 1, 1], padding: [0, 0, 0] })).toThrow(
      /output_size: the 4-wide window along x is larger than the padded input 3 \+ 2\*0 = 3/,
    );
  });

  it.each([
    [{ stride: [0, 1, 1] }, /stride along x must be at least 1, got 0/],
    [{ stride: [1.5, 1, 1] }, /stride along x must be an integer, got 1.5/],
    [{ padding: [0, -1, 0] }, /padding along y cannot be negative, got -1/],
    [{ w: [3, 3] }, /filter size must be three integers/],
  ])('refuses bad parameters %o as ParamError', (override, message) => {
    const params = { in: [7, 7, 1], w: [3, 3, 1], stride: [1, 1, 1], padding: [0, 0, 0], ...override };
    try {
      outputSize(params);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).category).toBe('param');
      expect((e as Error).message).toMatch(message);
    }
  });

  it('always gives sizes >= 1 that cover the padded input (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }),
        (n, w, s, p) => {
          fc.pre(w <= n + 2 * p);
          const [out] = outputSize({ in: [n, 1, 1], w: [w, 1, 1], stride: [s, 1, 1], padding: [p, 0, 0] });
          expect(out).toBeGreaterThanOrEqual(1);
          // the last window fits, one more stride would not
          expect((out - 1) * s + w).toBeLessThanOrEqual(n + 2 * p);
          expect(out * s + w).toBeGreaterThan(n + 2 * p);
        },
      ),
    );
  });
});
