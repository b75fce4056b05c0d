import { describe, expect, it } from 'vitest';
import { voxelGrid } from '../../../src/viz/three/voxel-grid.ts';
import { describeCell, describeIndex, describeTensor } from '../../../src/viz/three/voxel-text.ts';

describe('voxel view text', () => {
  it('states the shape, the number of feature maps and the value range', () => {
    expect(describeTensor(voxelGrid([1, 5, 5, 1, 2]), [-0.31, 0.92])).toBe('Tensor 5×5×1, 2 feature maps, values from \u22120.31 to 0.92');
    expect(describeTensor(voxelGrid([8]), null, 'Signal')).toBe('Signal 8, values no finite values');
  });

  it('names only the axes the tensor has', () => {
    expect(describeIndex(voxelGrid([8]), [3, 0, 0, 0])).toBe('x 3');
    expect(describeIndex(voxelGrid([4, 4]), [3, 1, 0, 0])).toBe('x 3, y 1');
    expect(describeIndex(voxelGrid([4, 4, 1, 2]), [3, 1, 0, 1])).toBe('x 3, y 1, z 0, d 1');
  });

  it('reads out a cell value, marks padding and spells out NaN', () => {
    const g = voxelGrid([4, 4]);
    expect(describeCell(g, [0, 0, 0, 0], 0, true)).toBe('x 0, y 0: 0 (zero padding)');
    expect(describeCell(g, [1, 2, 0, 0], Number.NaN, false)).toBe('x 1, y 2: not a number');
  });
});
