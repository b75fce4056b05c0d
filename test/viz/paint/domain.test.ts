import { describe, expect, it } from 'vitest';
import { finiteExtent, legendTicks, niceDomain, niceExtent, tickStep, ticks } from '../../../src/viz/paint/index.ts';

describe('finiteExtent', () => {
  it('ignores NaN and infinities', () => {
    expect(finiteExtent([Number.NaN, 2, -Infinity, -1, Infinity])).toEqual([-1, 2]);
  });

  it('returns null when nothing is finite', () => {
    expect(finiteExtent([])).toBeNull();
    expect(finiteExtent([Number.NaN])).toBeNull();
  });
});

describe('niceDomain', () => {
  it('rounds a sequential extent outwards to a round step', () => {
    expect(niceDomain([0.03, 0.97], 'sequential')).toEqual([0, 1]);
    expect(niceDomain([-0.31, 0.92], 'sequential')).toEqual([-0.4, 1]);
  });

  it('is symmetric about zero for a diverging map', () => {
    expect(niceDomain([-0.31, 0.92], 'diverging')).toEqual([-1, 1]);
    expect(niceDomain([0.1, 0.27], 'diverging')).toEqual([-0.3, 0.3]);
  });

  it('never returns a degenerate domain', () => {
    expect(niceDomain([0, 0, 0], 'sequential')).toEqual([0, 1]);
    expect(niceDomain([0, 0], 'diverging')).toEqual([-1, 1]);
    const [lo, hi] = niceDomain([3, 3], 'sequential');
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
    expect(niceDomain([Number.NaN], 'sequential')).toEqual([0, 1]);
  });
});

describe('ticks', () => {
  it('uses steps of 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(0, 1, 5)).toBe(0.2);
    expect(tickStep(0, 100, 4)).toBe(20);
    expect(tickStep(0, 7, 10)).toBe(0.5);
    expect(tickStep(0, 8, 10)).toBe(1);
  });

  it('prints clean decimals, with no floating-point residue', () => {
    expect(ticks(0, 1, 10)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(ticks(-0.31, 0.92, 5)).toEqual([-0.2, 0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('adds 0 to the legend of a diverging domain', () => {
    expect(legendTicks([-0.7, 0.7], 2, true)).toContain(0);
  });

  it('niceExtent contains the input', () => {
    const [lo, hi] = niceExtent(0.123, 0.987);
    expect(lo).toBeLessThanOrEqual(0.123);
    expect(hi).toBeGreaterThanOrEqual(0.987);
  });
});
