import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/tensor/tensor.ts';
import { blockBeforePooling } from '../../../chapters/06-pooling/feature-maps.ts';
import { poolEveryKind, poolGeometry } from '../../../chapters/06-pooling/pooling.ts';
import { clampCell, defaultCell, sameCell, windowDetails } from '../../../chapters/06-pooling/selection.ts';

describe('the window behind a selected output cell', () => {
  const x = tensor([1, 4, 4, 1, 1], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  const pooled = poolEveryKind(x, poolGeometry(2, [2, 2, 1], [2, 2, 1]));

  it('lists the window cells and their values in window order', () => {
    const details = windowDetails(pooled, [1, 0, 0, 0]);
    expect(details.from).toEqual([2, 0, 0]);
    expect(details.to).toEqual([3, 1, 0]);
    expect(details.values).toEqual([8, 9, 12, 13]);
    expect(details.picked.max).toEqual([0, 3, 1, 0, 0]);
    expect(details.picked.min).toEqual([0, 2, 0, 0, 0]);
    expect(details.results).toEqual({ max: 13, avg: 10.5, min: 8, l2: Math.sqrt(64 + 81 + 144 + 169) });
  });

  it('shows arithmetic that gives the outputs: mean = sum / count, L2 = sqrt(sum of squares)', () => {
    const maps = poolEveryKind(blockBeforePooling({ dims: 3, size: 10, structure: 'channels', model: 3, batchNorm: true, activation: 'tanh' }).activated, poolGeometry(3, [3, 2, 2], [2, 1, 2]));
    for (const cell of [[0, 0, 0, 0], [1, 3, 2, 1], [2, 6, 3, 1]] as const) {
      const d = windowDetails(maps, cell);
      expect(d.values.length).toBe(12);
      expect(d.results.avg).toBeCloseTo(d.sum / d.values.length, 12);
      expect(d.results.l2).toBeCloseTo(Math.sqrt(d.sumOfSquares), 12);
      expect(d.results.max).toBe(Math.max(...d.values));
      expect(d.results.min).toBe(Math.min(...d.values));
      expect(d.cells.every((c) => c[4] === cell[3])).toBe(true);
    }
  });

  it('starts at the window that spreads most, and keeps a selection inside the pooled layer', () => {
    const x2 = tensor([1, 4, 2, 1, 2], [0, 0, 1, 9, 2, 2, 3, 3, 5, 1, 5, 1, 7, 1, 7, 6]);
    // windows 2 x 2 with stride 2: map 0 holds [0, 1, 2, 3] and [5, 5, 7, 7]; map 1 holds [0, 9, 2, 3] and [1, 1, 1, 6].
    const p2 = poolEveryKind(x2, poolGeometry(2, [2, 2, 1], [2, 2, 1]));
    expect(defaultCell(p2)).toEqual([0, 0, 0, 1]);
    expect(windowDetails(p2, null).cell).toEqual([0, 0, 0, 1]);
    const flat = poolEveryKind(tensor([1, 4, 1, 1, 1], [2, 2, 2, 2]), poolGeometry(1, [2, 1, 1], [2, 1, 1]));
    expect(defaultCell(flat)).toEqual([0, 0, 0, 0]);
    expect(clampCell([9, -1, 2, 5], [1, 4, 4, 1, 2])).toEqual([3, 0, 0, 1]);
    expect(windowDetails(pooled, [7, 7, 7, 7]).cell).toEqual([1, 1, 0, 0]);
  });

  it('compares cells by value', () => {
    expect(sameCell([1, 2, 3, 0], [1, 2, 3, 0])).toBe(true);
    expect(sameCell([1, 2, 3, 0], [1, 2, 3, 1])).toBe(false);
    expect(sameCell(null, null)).toBe(true);
    expect(sameCell(null, [0, 0, 0, 0])).toBe(false);
  });
});
