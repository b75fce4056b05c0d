import { describe, expect, it } from 'vitest';
import { cellIndex, voxelGrid } from '../../../src/viz/three/voxel-grid.ts';
import { highlightMask } from '../../../src/viz/three/highlight.ts';

describe('highlightMask', () => {
  const g = voxelGrid([5, 5, 1, 2]);

  it('marks an inclusive box of cells on every map, like a receptive field', () => {
    const { mask, count } = highlightMask(g, { from: [1, 1, 0], to: [3, 3, 0] });
    expect(count).toBe(3 * 3 * 2);
    expect(mask[cellIndex(g, 2, 2, 0, 1)]).toBe(1);
    expect(mask[cellIndex(g, 0, 2, 0, 0)]).toBe(0);
  });

  it('limits a box to the listed maps', () => {
    expect(highlightMask(g, { from: [0, 0, 0], to: [1, 1, 0], maps: [1] }).count).toBe(4);
  });

  it('marks listed cells, on one map or on all, and ignores cells outside the grid', () => {
    const { mask, count } = highlightMask(g, [[0, 0, 0, 1], [4, 4, 0], [7, 0, 0], [0, 0, 0, 1]]);
    expect(count).toBe(3);
    expect(mask[cellIndex(g, 0, 0, 0, 1)]).toBe(1);
    expect(mask[cellIndex(g, 4, 4, 0, 0)]).toBe(1);
  });

  it('clears a reused mask', () => {
    const first = highlightMask(g, [[0, 0, 0]]).mask;
    const second = highlightMask(g, [[1, 1, 0, 0]], first);
    expect(second.mask).toBe(first);
    expect(second.count).toBe(1);
    expect(first[cellIndex(g, 0, 0, 0, 0)]).toBe(0);
  });
});
