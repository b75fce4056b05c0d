import { describe, expect, it } from 'vitest';
import { generateSample, nativeGeometry, toTensor } from '../../../src/data/index.ts';
import { ParamError } from '../../../src/tensor/errors.ts';
import { alongUsed, blockBeforePooling, filterBank, geologicalGrid, type BlockConfig } from '../../../chapters/06-pooling/feature-maps.ts';

const config = (over: Partial<BlockConfig> = {}): BlockConfig => ({
  dims: 3,
  size: 10,
  structure: 'horizontal',
  model: 1,
  batchNorm: false,
  activation: 'relu',
  ...over,
});

describe('the geological grid H^(m-1)', () => {
  it('is the sandstone indicator of the sample, turned upwards in 2D and 3D but not in 1D', () => {
    for (const dims of [1, 2, 3] as const) {
      const grid = geologicalGrid({ dims, size: 9, structure: 'channels', model: 2 });
      const sample = generateSample('channels', 2, nativeGeometry(dims, Array.from({ length: dims }, () => 9)), { maxRegionalDip: 5, flip: 0 });
      const raw = toTensor([sample], { encoding: 'sand' });
      expect(grid.shape).toEqual(raw.shape);
      expect(grid.shape).toEqual([1, ...alongUsed(dims, 9, 1), 1]);
      const [, nx, ny, nz] = grid.shape as number[];
      for (let i = 0; i < nx!; i++) {
        for (let j = 0; j < ny!; j++) {
          for (let k = 0; k < nz!; k++) {
            const jj = dims === 2 ? ny! - 1 - j : j;
            const kk = dims === 3 ? nz! - 1 - k : k;
            expect(grid.data[(i * ny! + j) * nz! + k]).toBe(raw.data[(i * ny! + jj) * nz! + kk]);
          }
        }
      }
    }
  });

  it('refuses sizes outside 8 to 24 cells with a ParamError', () => {
    expect(() => geologicalGrid({ dims: 2, size: 7, structure: 'folded', model: 1 })).toThrow(ParamError);
    expect(() => geologicalGrid({ dims: 2, size: 25, structure: 'folded', model: 1 })).toThrow(/from 8 to 24/);
  });
});

describe('the filter bank W^m, b^m', () => {
  it('is 3 cells wide along the axes in use, with two filters', () => {
    expect(filterBank(1).w.shape).toEqual([3, 1, 1, 1, 2]);
    expect(filterBank(2).w.shape).toEqual([3, 3, 1, 1, 2]);
    expect(filterBank(3).w.shape).toEqual([3, 3, 3, 1, 2]);
    expect([...filterBank(3).b.data]).toEqual([0, -0.5]);
  });

  it('"sand-rich" averages the neighbourhood and "sand top" sums to zero', () => {
    for (const dims of [1, 2, 3] as const) {
      const { w } = filterBank(dims);
      let top = 0;
      let rich = 0;
      for (let t = 0; t < w.data.length; t += 2) {
        top += w.data[t]!;
        rich += w.data[t + 1]!;
      }
      expect(top).toBeCloseTo(0, 12);
      expect(rich).toBeCloseTo(1, 12);
    }
  });
});

describe('g(BN(W^m H^(m-1) + b^m)), what pooling reads', () => {
  it('is 2 cells shorter along each axis in use (valid convolution) and has two feature maps', () => {
    expect(blockBeforePooling(config({ dims: 1, size: 12 })).activated.shape).toEqual([1, 10, 1, 1, 2]);
    expect(blockBeforePooling(config({ dims: 2, size: 12 })).activated.shape).toEqual([1, 10, 10, 1, 2]);
    expect(blockBeforePooling(config({ dims: 3, size: 12 })).activated.shape).toEqual([1, 10, 10, 10, 2]);
  });

  it('"sand top" fires where sand lies under a cell without sand, in a well column', () => {
    const { hPrev, activated } = blockBeforePooling(config({ dims: 1, size: 16, structure: 'horizontal', model: 1 }));
    const sand = hPrev.data;
    for (let o = 0; o < activated.shape[1]!; o++) {
      // Output o is centred on cell o + 1: the shallower neighbour is o, the deeper o + 2.
      const expected = Math.max(0, sand[o + 2]! - sand[o]!);
      expect(activated.data[o * 2]).toBeCloseTo(expected, 12);
      expect(activated.data[o * 2 + 1]).toBeCloseTo(Math.max(0, (sand[o]! + sand[o + 1]! + sand[o + 2]!) / 3 - 0.5), 12);
    }
  });

  it('with ReLU nothing is negative; with TanH and BN, values spread on both sides of 0', () => {
    const relu = blockBeforePooling(config()).activated.data;
    expect(Math.min(...relu)).toBeGreaterThanOrEqual(0);
    const tanh = blockBeforePooling(config({ activation: 'tanh', batchNorm: true, structure: 'channels' })).activated.data;
    expect(Math.min(...tanh)).toBeLessThan(0);
    expect(Math.max(...tanh)).toBeGreaterThan(0);
    expect(Math.max(...tanh.map(Math.abs))).toBeLessThan(1);
  });
});

describe('drawing the grid once', () => {
  it('gives the same tensor for the same settings and a new one for others', () => {
    const a = geologicalGrid({ dims: 2, size: 12, structure: 'faulted', model: 3 });
    expect(geologicalGrid({ dims: 2, size: 12, structure: 'faulted', model: 3 })).toBe(a);
    const b = geologicalGrid({ dims: 2, size: 12, structure: 'faulted', model: 4 });
    expect(b).not.toBe(a);
    expect(b.data).not.toEqual(a.data);
    expect(geologicalGrid({ dims: 2, size: 12, structure: 'faulted', model: 3 }).data).toEqual(a.data);
  });
});
