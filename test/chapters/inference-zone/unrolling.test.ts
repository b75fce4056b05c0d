import { describe, expect, it } from 'vitest';
import { flatPosition } from '../../../src/nn/flatten.ts';
import * as flatten from '../../../src/nn/flatten.ts';
import { ShapeError } from '../../../src/tensor/errors.ts';
import { tensor } from '../../../src/tensor/tensor.ts';
import { cellsReadUpTo, clampPosition, cutFor, groupsOf, positionStep, vectorLength } from '../../../chapters/07-inference-zone/unrolling.ts';

const shape = [1, 3, 3, 3, 4] as const;
const hM = tensor(shape, Array.from({ length: 108 }, (_, i) => i / 10));

describe('unrolling H^M into Vec(H^M)', () => {
  it('maps every position to its cell and back with the formula ((x h_y + y) h_z + z) h_d + d', () => {
    expect(vectorLength(shape)).toBe(108);
    const vec = flatten.forward({ x: hM }).y;
    for (let p = 0; p < 108; p++) {
      const step = positionStep(hM, p);
      const [x, y, z, d] = step.cell;
      expect(step.partial).toEqual([x * 3 + y, (x * 3 + y) * 3 + z, ((x * 3 + y) * 3 + z) * 4 + d]);
      expect(step.partial[2]).toBe(p);
      expect(flatPosition(shape, step.cell)).toBe(p);
      expect(step.value).toBe(vec.data[p]);
    }
    expect(positionStep(hM, 41).cell).toEqual([1, 0, 1, 1]);
    expect(positionStep(hM, 17).cell).toEqual([0, 1, 1, 1]);
  });

  it('reads d fastest, then z, y and x', () => {
    expect(cellsReadUpTo(shape, 5)).toEqual([
      [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 2], [0, 0, 0, 3], [0, 0, 1, 0], [0, 0, 1, 1],
    ]);
    expect(cellsReadUpTo(shape, 107)).toHaveLength(108);
  });

  it('keeps a position from a URL inside the vector', () => {
    expect(clampPosition(200, 64)).toBe(63);
    expect(clampPosition(-3, 64)).toBe(0);
    expect(clampPosition(Number.NaN, 64)).toBe(0);
  });

  it('cuts a 3D layer open only for cells hidden inside their map', () => {
    expect(cutFor(shape, [1, 1, 1, 2])).toBe(1);
    expect(cutFor(shape, [1, 1, 2, 0])).toBeNull();
    expect(cutFor(shape, [0, 1, 1, 0])).toBeNull();
    expect(cutFor([1, 4, 4, 1, 4], [1, 1, 0, 0])).toBeNull();
  });

  it('nests the groups of positions: x slowest, axes of size 1 left out', () => {
    const groups = groupsOf(shape);
    expect(groups.filter((g) => g.axis === 'x')).toEqual([
      { axis: 'x', index: 0, start: 0, length: 36 },
      { axis: 'x', index: 1, start: 36, length: 36 },
      { axis: 'x', index: 2, start: 72, length: 36 },
    ]);
    expect(groups.filter((g) => g.axis === 'y')).toHaveLength(9);
    expect(groups.filter((g) => g.axis === 'z').map((g) => g.index).slice(0, 4)).toEqual([0, 1, 2, 0]);
    expect(groupsOf([1, 16, 1, 1, 4]).map((g) => g.axis)).toEqual(Array(16).fill('x'));
  });

  it('refuses a position outside the vector with the core\'s ShapeError', () => {
    expect(() => positionStep(hM, 108)).toThrow(ShapeError);
  });
});
