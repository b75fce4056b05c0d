import { describe, expect, it } from 'vitest';
import { cellCoords, voxelGrid } from '../../../src/viz/three/voxel-grid.ts';
import { clampSlice, surfaceCells, visibleCells } from '../../../src/viz/three/slicing.ts';

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

describe('surfaceCells', () => {
  it('draws only the shell of a full volume: 32³ - 30³ cubes', () => {
    const g = voxelGrid([32, 32, 32]);
    const drawn = surfaceCells(g, visibleCells(g, null, null), null);
    expect(drawn.count).toBe(32 ** 3 - 30 ** 3);
  });

  it('draws every cell of a 2D map and of a single slice', () => {
    const flat = voxelGrid([6, 6, 1, 2]);
    expect(surfaceCells(flat, visibleCells(flat, null, null), null).count).toBe(72);
    const g = voxelGrid([5, 5, 5]);
    expect(surfaceCells(g, visibleCells(g, { axis: 'y', index: 2, mode: 'only' }, null), null).count).toBe(25);
  });

  it('opens the cells next to a cut and next to small (padding) cells', () => {
    const g = voxelGrid([5, 5, 5]);
    const cut = surfaceCells(g, visibleCells(g, { axis: 'z', index: 2 }, null), null);
    // 5×5×3 block: everything but the 3×3×1 core (z = 1) is on the surface.
    expect(cut.count).toBe(75 - 9);
    const padded = surfaceCells(g, visibleCells(g, null, null), (x, y, z) => x === 0 || x === 4 || y === 0 || y === 4 || z === 0 || z === 4);
    // The border is padding; of the 3×3×3 core only its centre is enclosed.
    expect(padded.count).toBe(125 - 1);
  });
});
