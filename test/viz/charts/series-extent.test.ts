import { describe, expect, it } from 'vitest';
import { seriesExtent } from '../../../src/viz/charts/series-extent.ts';

describe('seriesExtent', () => {
  it('spans every finite point of every series, x defaulting to the index', () => {
    expect(seriesExtent([{ y: [3, 1, Number.NaN] }, { x: [5, 9], y: [2, 7] }], false)).toEqual({ x: [0, 9], y: [1, 7] });
  });

  it('skips non-positive values on a log scale', () => {
    expect(seriesExtent([{ y: [0, -1, 0.5, 2] }], true).y).toEqual([0.5, 2]);
  });

  it('widens a flat series and falls back when there is nothing to show', () => {
    expect(seriesExtent([{ y: [2, 2] }], false).y).toEqual([1, 3]);
    expect(seriesExtent([{ y: [2, 2] }], true).y).toEqual([1, 4]);
    expect(seriesExtent([], false)).toEqual({ x: [0, 1], y: [0, 1] });
  });
});
