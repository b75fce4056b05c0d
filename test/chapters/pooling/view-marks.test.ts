import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/tensor/tensor.ts';
import { poolEveryKind, poolGeometry } from '../../../chapters/06-pooling/pooling.ts';
import { windowDetails } from '../../../chapters/06-pooling/selection.ts';
import { inputMarks } from '../../../chapters/06-pooling/view-marks.ts';

describe('what the input view marks for a selected output cell', () => {
  const x = tensor([1, 4, 4, 2, 2], Array.from({ length: 64 }, (_, i) => (i * 37) % 11));

  it('lights the window on its own feature map, outlines it and the cells max and min kept, and cuts a block at its top', () => {
    const pooled = poolEveryKind(x, poolGeometry(3, [2, 2, 2], [2, 2, 2]));
    const details = windowDetails(pooled, [1, 0, 0, 1]);
    const marks = inputMarks(details, 3);
    expect(marks.highlight).toEqual({ from: [2, 0, 0], to: [3, 1, 1], maps: [1] });
    expect(marks.slice).toEqual({ axis: 'z', index: 1, mode: 'upTo' });
    const [max, min] = [details.picked.max, details.picked.min];
    expect(marks.boxes).toEqual([
      { from: [2, 0, 0], to: [3, 1, 1], maps: [1] },
      { from: [max[1], max[2], max[3]], to: [max[1], max[2], max[3]], maps: [1] },
      { from: [min[1], min[2], min[3]], to: [min[1], min[2], min[3]], maps: [1] },
    ]);
  });

  it('does not cut sections or wells, and draws no inner outline for a 1-cell window', () => {
    const flat = tensor([1, 4, 4, 1, 1], Array.from({ length: 16 }, (_, i) => i));
    const marks = inputMarks(windowDetails(poolEveryKind(flat, poolGeometry(2, [1, 1, 1], [1, 1, 1])), [2, 3, 0, 0]), 2);
    expect(marks.slice).toBeNull();
    expect(marks.boxes).toEqual([{ from: [2, 3, 0], to: [2, 3, 0], maps: [0] }]);
  });

  it('outlines one cell when max and min kept the same one (a flat window)', () => {
    const flat = tensor([1, 2, 1, 1, 1], [5, 5]);
    const marks = inputMarks(windowDetails(poolEveryKind(flat, poolGeometry(1, [2, 1, 1], [2, 1, 1])), [0, 0, 0, 0]), 1);
    expect(marks.boxes).toHaveLength(2);
  });
});
