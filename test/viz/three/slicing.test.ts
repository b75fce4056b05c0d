import { describe, expect, it } from 'vitest';
import { cellCoords, voxelGrid } from '../../../src/viz/three/voxel-grid.ts';
import { clampSlice, visibleCells } from '../../../src/viz/three/slicing.ts';

describe('visibleCells', () => {
  const g = voxelGrid([4, 4, 4, 2]);

  it('draws every cell, in cell order, without a slice', () => {
    const v = visibleCells(g, null, null);
    expect(v.count).toBe(g.cells);
    expect(v.cells[5]).toBe(5);
    expect(v.slots[7]).toBe(7);
  });

  it('keeps the cells with index <= k along the axis for an up-to slice', () => {
    const v = visibleCells(g, { axis: 'z', index: 1 }, null);
    expect(v.count).toBe(4 * 4 * 2 * 2);
    for (let i = 0; i < v.count; i++) expect(cellCoords(g, v.cells[i]!)[2]).toBeLessThanOrEqual(1);
  });

  it('keeps one slice only, or the cells from k on', () => {
    expect(visibleCells(g, { axis: 'x', index: 2, mode: 'only' }, null).count).toBe(4 * 4 * 2);
    expect(visibleCells(g, { axis: 'y', index: 3, mode: 'from' }, null).count).toBe(4 * 4 * 2);
  });

  it('maps hidden cells to slot -1 and slots back to cells', () => {
    const v = visibleCells(g, { axis: 'x', index: 0, mode: 'only' }, 1);
    expect(v.count).toBe(16);
    for (let c = 0; c < g.cells; c++) {
      const s = v.slots[c]!;
      if (s >= 0) expect(v.cells[s]).toBe(c);
      else {
        const [x, , , d] = cellCoords(g, c);
        expect(x !== 0 || d !== 1).toBe(true);
      }
    }
  });

  it('reuses its arrays for a grid of the same size', () => {
    const a = visibleCells(g, null, null);
    const b = visibleCells(g, { axis: 'z', index: 0 }, null, a);
    expect(b.cells).toBe(a.cells);
  });

  it('clamps a slice index into the grid', () => {
    expect(clampSlice(g, { axis: 'y', index: 9 })).toEqual({ axis: 'y', index: 3, mode: 'upTo' });
    expect(clampSlice(g, { axis: 'y', index: -2, mode: 'only' }).index).toBe(0);
  });
});
