import { describe, expect, it } from 'vitest';
import { poolGeometry } from '../../../chapters/06-pooling/pooling.ts';
import { convCost, coverage, denseCost, nextLayerCosts, poolSizes } from '../../../chapters/06-pooling/sizes.ts';

describe('sizes before and after pooling (eq. 2, p = 0)', () => {
  it("the paper's (2, 2, 2, 1) window with stride 2 divides the cells of each map by 8 and keeps the maps", () => {
    const s = poolSizes([1, 8, 8, 8, 2], poolGeometry(3, [2, 2, 2], [2, 2, 2]), 3);
    expect(s.outShape).toEqual([1, 4, 4, 4, 2]);
    expect([s.cellsBefore, s.cellsAfter, s.factor, s.maps]).toEqual([512, 64, 8, 2]);
    expect(s.axes.map((a) => a.dropped)).toEqual([0, 0, 0]);
  });

  it('reports the cells a stride leaves unread at the end, and overlaps and gaps between windows', () => {
    const s = poolSizes([1, 9, 8, 1, 1], poolGeometry(2, [3, 2, 4], [2, 3, 4]), 2);
    expect(s.axes[0]).toMatchObject({ axis: 'x', used: true, output: 4, dropped: 0, overlap: 1, gap: 0 });
    expect(s.axes[1]).toMatchObject({ axis: 'y', used: true, output: 3, dropped: 0, overlap: 0, gap: 1 });
    expect(s.axes[2]).toMatchObject({ axis: 'z', used: false, input: 1, window: 1, stride: 1, output: 1 });
    const t = poolSizes([1, 9, 1, 1, 1], poolGeometry(1, [2, 1, 1], [2, 1, 1]), 1);
    expect(t.axes[0]).toMatchObject({ output: 4, dropped: 1 });
  });

  it('counts input cells no window reads and cells several windows share', () => {
    // x: 7 cells, window 2, stride 3: windows at 0-1 and 3-4; cells 2, 5, 6 unread.
    expect(coverage(poolSizes([1, 7, 1, 1, 1], poolGeometry(1, [2, 1, 1], [3, 1, 1]), 1))).toEqual({ unread: 3, shared: 0, most: 1 });
    // window 3, stride 1 over 5 cells: counts 1 2 3 2 1.
    expect(coverage(poolSizes([1, 5, 1, 1, 1], poolGeometry(1, [3, 1, 1], [1, 1, 1]), 1))).toEqual({ unread: 0, shared: 3, most: 3 });
    // 2D, the same along x and y: the centre cell is read by 9 windows.
    expect(coverage(poolSizes([1, 5, 5, 1, 1], poolGeometry(2, [3, 3, 1], [1, 1, 1]), 2)).most).toBe(9);
  });
});

describe('the cost of the next layer', () => {
  it('a fully connected layer of n units on Vec(H) needs (cells x maps) x n weights', () => {
    expect(denseCost([1, 8, 8, 8, 2], 64)).toEqual({ inputs: 1024, weights: 65536, biases: 64, multiplyAdds: 65536 });
    const costs = nextLayerCosts(poolSizes([1, 8, 8, 8, 2], poolGeometry(3, [2, 2, 2], [2, 2, 2]), 3), 3, 64);
    expect(costs.dense.after.weights).toBe(128 * 64);
    expect(costs.dense.before.weights / costs.dense.after.weights).toBe(8);
  });

  it('a convolution keeps its weights but does 8 times fewer multiply-adds after 2 x 2 x 2 pooling', () => {
    expect(convCost([1, 8, 8, 8, 2], 3, 4)).toEqual({ inputs: 1024, weights: 27 * 2 * 4, biases: 4, multiplyAdds: 512 * 54 * 4 });
    const costs = nextLayerCosts(poolSizes([1, 8, 8, 8, 2], poolGeometry(3, [2, 2, 2], [2, 2, 2]), 3), 3, 64);
    expect(costs.conv.filters).toBe(4);
    expect(costs.conv.filterShape).toEqual([3, 3, 3, 2, 4]);
    expect(costs.conv.after.weights).toBe(costs.conv.before.weights);
    expect(costs.conv.before.multiplyAdds / costs.conv.after.multiplyAdds).toBe(8);
    expect(convCost([1, 6, 1, 1, 2], 1, 4).multiplyAdds).toBe(6 * 3 * 2 * 4);
  });
});
