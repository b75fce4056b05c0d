import { describe, expect, it } from 'vitest';
import { cellCoords, cellIndex, gridValues, isPaddingCell, valueIndex, voxelGrid } from '../../../src/viz/three/voxel-grid.ts';
import { offsetOf } from '../../../src/tensor/index.ts';

describe('voxelGrid', () => {
  it('reads 1D, 2D and 3D shapes with their dimensionality', () => {
    expect(voxelGrid([7])).toMatchObject({ nx: 7, ny: 1, nz: 1, nd: 1, dims: 1, spatial: [7] });
    expect(voxelGrid([4, 3])).toMatchObject({ nx: 4, ny: 3, nz: 1, dims: 2, spatial: [4, 3] });
    expect(voxelGrid([4, 3, 2])).toMatchObject({ nz: 2, dims: 3, cells: 24 });
    expect(voxelGrid([5, 5, 1, 2])).toMatchObject({ nd: 2, dims: 2, spatial: [5, 5, 1] });
  });

  it('selects one sample of an [n, x, y, z, d] tensor', () => {
    const g = voxelGrid([3, 2, 2, 1, 2], { sample: 2 });
    expect(g).toMatchObject({ nx: 2, ny: 2, nz: 1, nd: 2, offset: 2 * 8, step: 1 });
  });

  it('reads the same cell as offsetOf for every cell of a sample', () => {
    const shape = [2, 3, 4, 2, 3];
    const g = voxelGrid(shape, { sample: 1 });
    for (let c = 0; c < g.cells; c++) {
      const [x, y, z, d] = cellCoords(g, c) as [number, number, number, number];
      expect(valueIndex(g, c)).toBe(offsetOf(shape, [1, x, y, z, d]));
    }
  });

  it('shows one filter of a filter bank [wx, wy, wz, wd, wc] with wd maps', () => {
    const shape = [3, 3, 1, 2, 4];
    const g = voxelGrid(shape, { filter: 3 });
    expect(g).toMatchObject({ nx: 3, ny: 3, nz: 1, nd: 2, step: 4, offset: 3 });
    for (let c = 0; c < g.cells; c++) {
      const [x, y, z, d] = cellCoords(g, c) as [number, number, number, number];
      expect(valueIndex(g, c)).toBe(offsetOf(shape, [x, y, z, d, 3]));
    }
  });

  it('names the view and the shape when a shape or selection does not fit', () => {
    expect(() => voxelGrid([])).toThrow(/voxel view: expects \[x\]/);
    expect(() => voxelGrid([1, 2, 3, 4, 5, 6])).toThrow(/got \[1, 2, 3, 4, 5, 6\]/);
    expect(() => voxelGrid([2, 3, 3, 1, 1], { sample: 2 })).toThrow(/sample 2 is outside 0..1 of \[2, 3, 3, 1, 1\]/);
  });
});

describe('cell numbering', () => {
  it('round-trips cell <-> (x, y, z, d) in row-major order, d fastest', () => {
    const g = voxelGrid([3, 4, 2, 5]);
    for (let c = 0; c < g.cells; c++) {
      const [x, y, z, d] = cellCoords(g, c) as [number, number, number, number];
      expect(cellIndex(g, x, y, z, d)).toBe(c);
    }
    expect(cellIndex(g, 0, 0, 0, 1)).toBe(1);
    expect(cellIndex(g, 1, 0, 0, 0)).toBe(4 * 2 * 5);
  });

  it('copies the shown values out of the data', () => {
    const g = voxelGrid([2, 2, 2, 1, 2], { sample: 1 });
    const data = Float64Array.from({ length: 16 }, (_, i) => i);
    expect(Array.from(gridValues(g, data))).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(() => gridValues(g, data.subarray(0, 10))).toThrow(/data holds 10 values/);
  });
});

describe('isPaddingCell', () => {
  it('marks the symmetric border of the given widths', () => {
    const g = voxelGrid([5, 5, 1]);
    expect(isPaddingCell(g, [1, 1, 0], 0, 2, 0)).toBe(true);
    expect(isPaddingCell(g, [1, 1, 0], 4, 2, 0)).toBe(true);
    expect(isPaddingCell(g, [1, 1, 0], 2, 2, 0)).toBe(false);
    expect(isPaddingCell(g, undefined, 0, 0, 0)).toBe(false);
  });
});
