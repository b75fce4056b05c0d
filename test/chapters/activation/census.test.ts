import { describe, expect, it } from 'vitest';
import { derivative } from '../../../src/nn/activation.ts';
import { tensor } from '../../../src/tensor/tensor.ts';
import { activeUnits, census, censusAll, inactive } from '../../../chapters/04-activation/census.ts';

const Z = [-10, -3, -1, 0, 0.5, 1, 3, 10];

describe('census of a layer', () => {
  it('counts ReLU units dead at z <= 0, and none above the zone', () => {
    const c = census('relu', Z);
    expect(c).toMatchObject({ units: 8, active: 4, below: 4, above: 0 });
    expect(c.meanSlope).toBe(0.5);
    expect(c.meanSlopeShare).toBe(0.5);
    expect(inactive(c)).toBe(4);
  });

  it('counts Sigmoid and TanH units saturated low and high, with the mean slope from the derivative', () => {
    const s = census('sigmoid', Z);
    expect(s).toMatchObject({ active: 6, below: 1, above: 1 });
    const t = census('tanh', Z);
    expect(t).toMatchObject({ active: 4, below: 2, above: 2 });
    const mean = Z.reduce((sum, z) => sum + derivative('tanh', z), 0) / Z.length;
    expect(t.meanSlope).toBeCloseTo(mean, 14);
    expect(s.meanSlopeShare).toBeCloseTo(s.meanSlope / 0.25, 14);
  });

  it('gives every function over the same values, in the order of eq. 4', () => {
    expect(censusAll(Z).map((c) => c.kind)).toEqual(['sigmoid', 'tanh', 'relu']);
  });

  it('reports an empty layer without dividing by zero', () => {
    expect(census('relu', [])).toMatchObject({ units: 0, active: 0, meanSlope: 0 });
  });

  it('lists the coordinates of the active units of a [1, x, y, z, d] tensor', () => {
    // x = 2, y = 1, z = 1, d = 2: values at (0,0,0,0) (0,0,0,1) (1,0,0,0) (1,0,0,1).
    const z = tensor([1, 2, 1, 1, 2], [1, -1, 0, 2]);
    expect(activeUnits('relu', z)).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 1],
    ]);
  });
});
