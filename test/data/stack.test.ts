import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/tensor/index.ts';
import { MEAN_THICKNESS_RANGE, S_MAX, S_MIN, bedAt, drawFacies, drawStack, faciesAt } from '../../src/data/stack.ts';
import { FACIES_COUNT } from '../../src/data/facies.ts';

const WEIGHTS = [0.4, 0.3, 0.2, 0.1];

describe('layer stack', () => {
  it('covers the stratigraphic range with beds of 60% to 140% of the mean thickness', () => {
    for (let seed = 0; seed < 50; seed++) {
      const stack = drawStack(createRng(seed), WEIGHTS);
      expect(stack.tops[0]).toBe(S_MIN);
      expect(stack.tops.at(-1)!).toBeLessThan(S_MAX);
      expect(stack.meanThickness).toBeGreaterThanOrEqual(MEAN_THICKNESS_RANGE[0]);
      expect(stack.meanThickness).toBeLessThanOrEqual(MEAN_THICKNESS_RANGE[1]);
      for (let b = 1; b < stack.tops.length; b++) {
        const t = stack.tops[b]! - stack.tops[b - 1]!;
        expect(t).toBeGreaterThanOrEqual(0.6 * stack.meanThickness - 1e-12);
        expect(t).toBeLessThanOrEqual(1.4 * stack.meanThickness + 1e-12);
      }
    }
  });

  it('never puts the same facies in two neighbouring beds, so every bed top is a contact', () => {
    for (let seed = 0; seed < 50; seed++) {
      const { facies } = drawStack(createRng(seed), WEIGHTS);
      for (let b = 1; b < facies.length; b++) expect(facies[b]).not.toBe(facies[b - 1]);
    }
  });

  it('finds the bed containing a stratigraphic depth, tops included', () => {
    const stack = drawStack(createRng(7), WEIGHTS);
    stack.tops.forEach((top, b) => {
      expect(bedAt(stack, top)).toBe(b);
      if (b > 0) expect(bedAt(stack, top - 1e-9)).toBe(b - 1);
      expect(faciesAt(stack, top + 1e-9)).toBe(stack.facies[b]);
    });
    expect(bedAt(stack, S_MIN - 5)).toBe(0);
    expect(bedAt(stack, S_MAX + 5)).toBe(stack.tops.length - 1);
  });

  it('draws facies by weight, never the excluded one nor a zero-weight one', () => {
    const rng = createRng(3);
    const counts = new Array<number>(FACIES_COUNT).fill(0);
    for (let n = 0; n < 20000; n++) {
      const f = drawFacies(rng, [0.5, 0, 0.3, 0.2], 2);
      expect(f).not.toBe(2);
      expect(f).not.toBe(1);
      counts[f]++;
    }
    // shale : limestone = 0.5 : 0.2 once siltstone is excluded
    expect(counts[0]! / 20000).toBeCloseTo(0.5 / 0.7, 1);
  });
});
