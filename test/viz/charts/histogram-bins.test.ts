import { describe, expect, it } from 'vitest';
import { barHeights, binValues, defaultBinCount, equalEdges } from '../../../src/viz/charts/histogram-bins.ts';

describe('histogram bins', () => {
  it('makes equal edges, widening a degenerate range', () => {
    expect(equalEdges(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(equalEdges(2, 2, 2)).toEqual([1.5, 2, 2.5]);
  });

  it('counts half-open bins with the top edge in the last bin', () => {
    const b = binValues([0, 0.25, 0.3, 0.99, 1], [0, 0.25, 0.5, 1]);
    expect(b.counts).toEqual([1, 2, 2]);
    expect(b.inside).toBe(5);
  });

  it('counts samples outside the edges and non-finite samples apart', () => {
    const b = binValues([-1, 0.5, Number.NaN, Infinity, 3], [0, 1]);
    expect(b.counts).toEqual([1]);
    expect(b.outside).toBe(2);
    expect(b.nonFinite).toBe(2);
  });

  it('turns counts into a density whose bars integrate to the share inside', () => {
    const b = binValues([0.1, 0.2, 0.6, 0.7], [0, 0.5, 1]);
    const d = barHeights(b, 'density');
    expect(d[0]! * 0.5 + d[1]! * 0.5).toBeCloseTo(1, 12);
    expect(barHeights(b, 'count')).toEqual([2, 2]);
  });

  it('chooses between 10 and 60 bins', () => {
    expect(defaultBinCount(5)).toBe(10);
    expect(defaultBinCount(4000)).toBe(13);
    expect(defaultBinCount(1e30)).toBe(60);
  });
});
