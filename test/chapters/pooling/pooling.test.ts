import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../../src/tensor/errors.ts';
import { tensor } from '../../../src/tensor/tensor.ts';
import { poolEveryKind, poolGeometry, pooledShape } from '../../../chapters/06-pooling/pooling.ts';

describe('pooling the same feature maps four ways', () => {
  it('uses the window and stride only along the axes the grid uses', () => {
    expect(poolGeometry(1, [2, 3, 4], [2, 3, 4])).toEqual({ window: [2, 1, 1], stride: [2, 1, 1] });
    expect(poolGeometry(2, [2, 3, 4], [1, 2, 3])).toEqual({ window: [2, 3, 1], stride: [1, 2, 1] });
    expect(poolGeometry(3, [2, 3, 4], [1, 2, 3])).toEqual({ window: [2, 3, 4], stride: [1, 2, 3] });
  });

  it('gives max, average, min and L2 of each window', () => {
    const x = tensor([1, 4, 1, 1, 1], [3, -4, 1, 2]);
    const pooled = poolEveryKind(x, poolGeometry(1, [2, 1, 1], [2, 1, 1]));
    expect([...pooled.results.max.y.data]).toEqual([3, 2]);
    expect([...pooled.results.min.y.data]).toEqual([-4, 1]);
    expect([...pooled.results.avg.y.data]).toEqual([-0.5, 1.5]);
    expect(pooled.results.l2.y.data[0]).toBeCloseTo(5, 12);
    expect(pooled.results.l2.y.data[1]).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('allows overlapping windows (stride < window)', () => {
    const x = tensor([1, 5, 1, 1, 1], [1, 5, 2, 4, 3]);
    const pooled = poolEveryKind(x, poolGeometry(1, [3, 1, 1], [1, 1, 1]));
    expect([...pooled.results.max.y.data]).toEqual([5, 5, 4]);
  });

  it('refuses a window larger than the input with the core message', () => {
    expect(() => pooledShape([1, 6, 6, 6, 2], poolGeometry(3, [2, 7, 2], [2, 2, 2]))).toThrow(ShapeError);
    expect(() => pooledShape([1, 6, 6, 6, 2], poolGeometry(3, [2, 7, 2], [2, 2, 2]))).toThrow(
      'pool: the 7-wide window along y is larger than the input 6',
    );
  });
});
