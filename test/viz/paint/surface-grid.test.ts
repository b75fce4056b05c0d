import { describe, expect, it } from 'vitest';
import { checkSurfaceGrid, contourLevels, sampleAt, type SurfaceGrid } from '../../../src/viz/paint/surface-grid.ts';

const plane: SurfaceGrid = {
  nx: 3,
  ny: 2,
  x: [0, 2],
  y: [0, 1],
  // f(x, y) = x + 10 y, x fastest
  values: [0, 1, 2, 10, 11, 12],
};

describe('surface grid', () => {
  it('reads samples x-fastest and interpolates bilinearly between them', () => {
    expect(sampleAt(plane, 0, 0)).toBe(0);
    expect(sampleAt(plane, 2, 1)).toBe(12);
    expect(sampleAt(plane, 1.5, 0.25)).toBeCloseTo(1.5 + 2.5, 12);
  });

  it('returns NaN outside the sampled window', () => {
    expect(sampleAt(plane, -0.1, 0.5)).toBeNaN();
    expect(sampleAt(plane, 1, 1.01)).toBeNaN();
  });

  it('refuses grids whose values do not fill them, naming the view', () => {
    expect(() => checkSurfaceGrid('contour map', { ...plane, values: [1, 2, 3] })).toThrow(/contour map: 3 values do not fill a 3 × 2 grid \(6\)/);
    expect(() => checkSurfaceGrid('surface view', { ...plane, x: [1, 1] })).toThrow(/must increase/);
  });

  it('spreads linear levels over the finite range', () => {
    expect(contourLevels([0, 10, Number.NaN], 5, 'linear')).toEqual([0, 2, 4, 6, 8]);
  });

  it('spreads log levels geometrically from the smallest positive value', () => {
    const levels = contourLevels([0, 1, 10, 100, 1000], 3, 'log');
    expect(levels[0]).toBeCloseTo(1, 12);
    expect(levels[1]! / levels[0]!).toBeCloseTo(levels[2]! / levels[1]!, 12);
    expect(levels[2]).toBeCloseTo(100, 10);
  });

  it('gives a single level for a constant surface', () => {
    expect(contourLevels([3, 3, 3], 5, 'linear')).toEqual([3]);
  });
});
