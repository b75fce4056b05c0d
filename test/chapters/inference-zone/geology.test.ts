import { describe, expect, it } from 'vitest';
import { STRUCTURE_KINDS, createDataset, generateSample, nativeGeometry, toTensor } from '../../../src/data/index.ts';
import { ParamError } from '../../../src/tensor/errors.ts';
import { GRID_SIZE, geologySample, geologySet, spatialShape, turnUpwards } from '../../../chapters/07-inference-zone/geology.ts';

describe('the geological grids of chapter 7', () => {
  it('turn the depth axis over in 2D and 3D so cells count upwards, and leave a well column as it is', () => {
    for (const dims of [1, 2, 3] as const) {
      const size = 8;
      const sample = generateSample('folded', 4, nativeGeometry(dims, Array.from({ length: dims }, () => size)), { maxRegionalDip: 5, flip: 0 });
      const raw = toTensor([sample], { encoding: 'sand' });
      const up = turnUpwards(raw, dims);
      expect(up.shape).toEqual(raw.shape);
      const [, nx, ny, nz] = raw.shape as number[];
      for (let i = 0; i < nx!; i++) {
        for (let j = 0; j < ny!; j++) {
          for (let k = 0; k < nz!; k++) {
            const jj = dims === 2 ? ny! - 1 - j : j;
            const kk = dims === 3 ? nz! - 1 - k : k;
            expect(up.data[(i * ny! + j) * nz! + k]).toBe(raw.data[(i * ny! + jj) * nz! + kk]);
          }
        }
      }
    }
  });

  it('give the reader a sandstone indicator of the grid size of each dimensionality, labelled with its structure type', () => {
    for (const dims of [1, 2, 3] as const) {
      const g = geologySample(dims, 'channels', 3);
      expect(g.x.shape).toEqual([1, ...spatialShape(dims), 1]);
      expect(g.label).toBe(STRUCTURE_KINDS.indexOf('channels'));
      expect(new Set(g.x.data)).toEqual(new Set([0, 1]));
    }
    expect(spatialShape(3)).toEqual([GRID_SIZE[3], GRID_SIZE[3], GRID_SIZE[3]]);
  });

  it('refuse a model number outside 1 to 20 and an unknown structure with a ParamError', () => {
    expect(() => geologySample(2, 'folded', 0)).toThrow(ParamError);
    expect(() => geologySample(2, 'folded', 21)).toThrow(/from 1 to 20/);
    expect(() => geologySample(2, 'granite' as never, 1)).toThrow(/unknown structure/);
  });

  it('build labelled sets from the data module, turned like the reader\'s sample', () => {
    const set = geologySet(2, 5, 8);
    const ds = createDataset({ seed: 5, count: 8, dims: 2, size: GRID_SIZE[2], encoding: 'sand' });
    expect(set.x.data).toEqual(turnUpwards(ds.inputs, 2).data);
    expect(set.labels).toEqual(ds.labels);
    expect(set.targets.shape).toEqual([8, 2]);
  });
});
