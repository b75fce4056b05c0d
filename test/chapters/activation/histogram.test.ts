import { describe, expect, it } from 'vitest';
import { BIN_WIDTH, Z_RANGE, zHistogram } from '../../../chapters/04-activation/histogram.ts';

describe('histogram of pre-activations', () => {
  it('has bins of 0.25 over the fixed range', () => {
    const h = zHistogram('relu', []);
    expect(h.bins).toHaveLength((Z_RANGE[1] - Z_RANGE[0]) / BIN_WIDTH);
    expect(h.bins[0]).toMatchObject({ x0: -8, x1: -7.75 });
    expect(h.bins[h.bins.length - 1]).toMatchObject({ x0: 7.75, x1: 8 });
  });

  it('splits each bin into active and inactive units, and counts values beyond the range apart', () => {
    const z = [-20, -8, -0.1, 0, 0.1, 8, 9];
    const h = zHistogram('relu', z);
    expect(h.under).toBe(1);
    expect(h.over).toBe(1);
    expect(h.units).toBe(7);
    const at = (v: number) => h.bins.find((b) => v >= b.x0 && v < b.x1) ?? h.bins[h.bins.length - 1]!;
    expect(at(-8)).toMatchObject({ active: 0, inactive: 1 });
    expect(at(-0.1)).toMatchObject({ active: 0, inactive: 1 });
    // 0 and 0.1 share the bin [0, 0.25): 0 is dead (ReLU'(0) = 0), 0.1 active.
    expect(at(0)).toMatchObject({ active: 1, inactive: 1 });
    // The top edge belongs to the last bin.
    expect(at(8)).toMatchObject({ active: 1, inactive: 0 });
    const binned = h.bins.reduce((s, b) => s + b.active + b.inactive, 0);
    expect(binned + h.under + h.over).toBe(z.length);
  });

  it('follows the chosen function: the same values are saturated under TanH, active under Sigmoid', () => {
    const z = [3, 3.1, -3];
    expect(zHistogram('tanh', z).bins.reduce((s, b) => s + b.inactive, 0)).toBe(3);
    expect(zHistogram('sigmoid', z).bins.reduce((s, b) => s + b.active, 0)).toBe(3);
  });
});
