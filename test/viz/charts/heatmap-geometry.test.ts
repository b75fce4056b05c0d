import { describe, expect, it } from 'vitest';
import { cellAt, clampCell, heatmapCellSize } from '../../../src/viz/charts/heatmap-geometry.ts';
import { indexTicks, logTickFormat } from '../../../src/viz/charts/axes.ts';

describe('heatmap geometry', () => {
  it('fills the room with square cells, capped for tiny maps', () => {
    expect(heatmapCellSize(300, 10, 56)).toBe(30);
    expect(heatmapCellSize(300, 3, 56)).toBe(56);
  });

  it('finds the cell under a point with centres on integers', () => {
    expect(cellAt(2.4, 0.6, 5, 5)).toEqual([2, 1]);
    expect(cellAt(-0.6, 0, 5, 5)).toBeNull();
    expect(cellAt(4.49, 4.49, 5, 5)).toEqual([4, 4]);
  });

  it('clamps a cursor into the grid', () => {
    expect(clampCell([7, -2], 5, 4)).toEqual([4, 0]);
  });
});

describe('axis ticks', () => {
  it('labels every index when there is room, every k-th (1, 2, 5, ...) when not', () => {
    expect(indexTicks(5, 500)).toEqual([0, 1, 2, 3, 4]);
    expect(indexTicks(28, 200)).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it('labels only 1, 2 and 5 times a power of ten on a log axis', () => {
    expect(logTickFormat(0.2)).toBe('0.2');
    expect(logTickFormat(0.03)).toBe('');
    expect(logTickFormat(50)).toBe('50');
    expect(logTickFormat(7)).toBe('');
  });
});
