import { describe, expect, it } from 'vitest';
import { voxelGrid } from '../../../src/viz/three/voxel-grid.ts';
import { cellCenter, cellRangeBox, layoutVoxels, mapSlot, resolveMapLayout } from '../../../src/viz/three/voxel-layout.ts';

const at = (layout: ReturnType<typeof layoutVoxels>, x: number, y: number, z: number, d: number) =>
  Array.from(cellCenter(layout, x, y, z, d, [0, 0, 0]));

describe('layoutVoxels', () => {
  it('centres a single map on the origin with x east, y north (-Z) and z up', () => {
    const l = layoutVoxels(voxelGrid([3, 3, 3]));
    expect(l.size).toEqual([3, 3, 3]);
    expect(at(l, 1, 1, 1, 0)).toEqual([0, 0, 0]);
    expect(at(l, 2, 1, 1, 0)).toEqual([1, 0, 0]);
    expect(at(l, 1, 2, 1, 0)).toEqual([0, 0, -1]);
    expect(at(l, 1, 1, 2, 0)).toEqual([0, 1, 0]);
  });

  it('lays a few 2D maps side by side along x with a gap', () => {
    const l = layoutVoxels(voxelGrid([5, 5, 1, 2]));
    expect(resolveMapLayout(l.grid)).toBe('row');
    expect(l.mapGap).toBe(1);
    expect(l.size).toEqual([11, 1, 5]);
    expect(at(l, 0, 0, 0, 1)[0]! - at(l, 0, 0, 0, 0)[0]!).toBe(6);
  });

  it('stacks the maps of a 1D signal as rows and many maps in a grid', () => {
    expect(layoutVoxels(voxelGrid([8, 1, 1, 3]))).toMatchObject({ cols: 1, rows: 3 });
    expect(layoutVoxels(voxelGrid([4, 4, 1, 9]))).toMatchObject({ cols: 3, rows: 3 });
    expect(layoutVoxels(voxelGrid([4, 4, 1, 9]), { mapLayout: 'row' })).toMatchObject({ cols: 9, rows: 1 });
  });

  it('puts a map shown alone at the centre and hides the others', () => {
    const l = layoutVoxels(voxelGrid([3, 3, 1, 4]), { map: 2 });
    expect(l.size).toEqual([3, 1, 3]);
    expect(at(l, 1, 1, 0, 2)).toEqual([0, 0, 0]);
    expect(mapSlot(l, 2)).toBe(0);
    expect(mapSlot(l, 1)).toBe(-1);
  });

  it('keeps every cell centre inside the layout size', () => {
    const l = layoutVoxels(voxelGrid([4, 3, 2, 5]));
    for (let d = 0; d < 5; d++) for (let x = 0; x < 4; x++) for (let y = 0; y < 3; y++) for (let z = 0; z < 2; z++) {
      const p = at(l, x, y, z, d);
      for (let a = 0; a < 3; a++) expect(Math.abs(p[a]!)).toBeLessThanOrEqual(l.size[a]! / 2 - 0.5 + 1e-9);
    }
  });
});

describe('cellRangeBox', () => {
  it('encloses the cells of a range with a margin, whatever the order of the corners', () => {
    const l = layoutVoxels(voxelGrid([5, 5, 1]));
    const box = cellRangeBox(l, [2, 3, 0], [0, 1, 0], 0, 0);
    expect(box.min).toEqual([-2.5, -0.5, -1.5]);
    expect(box.max).toEqual([0.5, 0.5, 1.5]);
  });
});
