import { describe, expect, it } from 'vitest';
import { cellCoords, cellIndex, voxelGrid } from '../../../src/viz/three/voxel-grid.ts';
import { visibleCells } from '../../../src/viz/three/slicing.ts';
import { moveCursor } from '../../../src/viz/three/cursor.ts';

describe('moveCursor', () => {
  const g = voxelGrid([3, 3, 3]);

  it('starts on the first drawn cell and steps through drawn cells in order', () => {
    const v = visibleCells(g, { axis: 'z', index: 0, mode: 'only' }, null);
    const first = moveCursor(g, v, -1, 'next');
    expect(first).toBe(cellIndex(g, 0, 0, 0, 0));
    expect(moveCursor(g, v, first, 'next')).toBe(cellIndex(g, 0, 1, 0, 0));
    expect(moveCursor(g, v, first, 'previous')).toBe(first);
    expect(moveCursor(g, v, -1, 'last')).toBe(cellIndex(g, 2, 2, 0, 0));
  });

  it('moves one cell along an axis and stops at the edge', () => {
    const v = visibleCells(g, null, null);
    const c = cellIndex(g, 1, 1, 1, 0);
    expect(cellCoords(g, moveCursor(g, v, c, { axis: 0, delta: 1 }))).toEqual([2, 1, 1, 0]);
    const edge = cellIndex(g, 2, 1, 1, 0);
    expect(moveCursor(g, v, edge, { axis: 0, delta: 1 })).toBe(edge);
  });

  it('skips hidden cells along an axis', () => {
    const v = visibleCells(g, { axis: 'y', index: 1, mode: 'from' }, null);
    const c = cellIndex(g, 0, 2, 0, 0);
    expect(cellCoords(g, moveCursor(g, v, c, { axis: 1, delta: -1 }))).toEqual([0, 1, 0, 0]);
    expect(moveCursor(g, v, cellIndex(g, 0, 1, 0, 0), { axis: 1, delta: -1 })).toBe(cellIndex(g, 0, 1, 0, 0));
  });

  it('returns -1 when nothing is drawn', () => {
    const v = visibleCells(voxelGrid([2, 2, 1, 2]), null, 5);
    expect(moveCursor(voxelGrid([2, 2, 1, 2]), v, -1, 'next')).toBe(-1);
  });
});
