import { describe, expect, it } from 'vitest';
import { filterPositions, receptiveField } from '../../../src/nn/conv-geometry.ts';
import { ShapeError } from '../../../src/tensor/errors.ts';
import {
  arithmetic,
  axisArithmetic,
  clampCell,
  configure,
  positionCell,
  positionIndex,
  strideScene,
  windowAt,
  windowCorners,
  type AxisSettings,
  type StridePaddingConfig,
} from '../../../chapters/03-stride-padding/stride-padding.ts';

const axis = (input: number, filter: number, stride: number, padding: number): AxisSettings => ({ input, filter, stride, padding });
const config3 = (x: AxisSettings, y: AxisSettings, z: AxisSettings): StridePaddingConfig => configure(3, [x, y, z]);

describe('eq. 2 along one axis', () => {
  it("gives the paper's Figure 4 (7 cells, 3-cell filter, stride 2): 3 outputs, nothing dropped", () => {
    const row = axisArithmetic('x', true, axis(7, 3, 2, 0));
    expect(row).toMatchObject({ padded: 7, travel: 4, steps: 2, output: 3, fits: true, dropped: 0, droppedInput: 0 });
  });

  it('keeps the size with Figure 5 padding (5 cells, 3-cell filter, p = 1, stride 1)', () => {
    const row = axisArithmetic('y', true, axis(5, 3, 1, 1));
    expect(row.output).toBe(5);
    expect(row.same).toEqual({ odd: true, samePadding: 1, holds: true, lengthAtStride1: 5 });
  });

  it('floors an uneven division and says how many positions, and of what, are dropped', () => {
    // 8 cells, w 3, st 2: travel 5, floor(5/2) = 2 steps, the last input cell is never read.
    expect(axisArithmetic('x', true, axis(8, 3, 2, 0))).toMatchObject({ output: 3, dropped: 1, droppedInput: 1 });
    // 6 cells padded by 1: travel 5, the one dropped position is the padding cell at the end.
    expect(axisArithmetic('y', true, axis(6, 3, 2, 1))).toMatchObject({ output: 3, dropped: 1, droppedInput: 0 });
    // 9 cells padded by 1, w 2, st 4: travel 9, 2 steps, 1 left: padding only; 9 cells padded by 0, st 4, w 2: travel 7, 3 dropped input cells.
    expect(axisArithmetic('z', true, axis(9, 2, 4, 0))).toMatchObject({ output: 2, dropped: 3, droppedInput: 3 });
  });

  it('shows an output below 1, without throwing, when the window is larger than the padded input', () => {
    const row = axisArithmetic('x', true, axis(2, 5, 1, 1));
    expect(row).toMatchObject({ padded: 4, travel: -1, output: 0, fits: false, dropped: 0 });
    expect(Number.isFinite(row.output)).toBe(true);
  });

  it('knows an even filter has no "same" padding', () => {
    const row = axisArithmetic('x', true, axis(7, 4, 1, 2));
    expect(row.same).toMatchObject({ odd: false, samePadding: null, holds: false, lengthAtStride1: 8 });
  });

  it('fixes the axes a lower-dimensional input does not have at 1 cell, no padding', () => {
    const rows = arithmetic(configure(1, [axis(7, 3, 2, 1), axis(9, 5, 3, 2), axis(4, 2, 2, 1)]));
    expect(rows.map((r) => [r.used, r.input, r.filter, r.stride, r.padding, r.output])).toEqual([
      [true, 7, 3, 2, 1, 4],
      [false, 1, 1, 1, 0, 1],
      [false, 1, 1, 1, 0, 1],
    ]);
  });
});

describe('the scene the views draw', () => {
  const settings = [
    config3(axis(7, 3, 2, 0), axis(6, 3, 2, 1), axis(4, 3, 1, 1)),
    config3(axis(8, 2, 3, 1), axis(5, 1, 1, 0), axis(3, 3, 2, 2)),
    configure(2, [axis(9, 4, 3, 2), axis(4, 2, 1, 0), axis(5, 5, 1, 1)]),
    configure(1, [axis(16, 7, 4, 3), axis(1, 1, 1, 0), axis(1, 1, 1, 0)]),
  ];

  it.each(settings.map((c, i) => [i, c] as const))('counts, per cell, the windows that read it (case %i), as the core’s receptive fields say', (_, config) => {
    const scene = strideScene(config);
    const [nx, ny, nz] = scene.padded;
    const p = scene.geometry.padding;
    const expected = new Float64Array(nx * ny * nz);
    const seen: number[] = [];
    for (const position of filterPositions(scene.geometry)) {
      const cells = receptiveField(scene.geometry, position.output);
      for (const { cell } of cells) expected[((cell[0] + p[0]) * ny + cell[1] + p[1]) * nz + cell[2] + p[2]]! += 1;
      seen.push(cells.filter((c) => !c.inPadding).length);
    }
    expect(Array.from(scene.coverage.data)).toEqual(Array.from(expected));
    expect(Array.from(scene.seen.data)).toEqual(seen);
    expect(scene.seen.shape).toEqual([...scene.geometry.output]);
  });

  it('counts output cells and multiply-adds, and compares them with stride 1', () => {
    const scene = strideScene(configure(2, [axis(7, 3, 2, 0), axis(7, 3, 2, 0), axis(1, 1, 1, 0)]));
    expect(scene.counts).toMatchObject({
      inputCells: 49,
      paddedCells: 49,
      paddingCells: 0,
      taps: 9,
      outputCells: 9,
      multiplyAdds: 81,
      outputCellsAtStride1: 25,
      multiplyAddsAtStride1: 225,
      unreadInput: 0,
      seenMin: 9,
      seenMax: 9,
    });
  });

  it('counts the input cells no window reads (dropped at the end, skipped between windows)', () => {
    // x: 8 cells, w 2, st 3 reads 0-1, 3-4, 6-7: cells 2 and 5 unread. y: 8 cells, w 3, st 2: cell 7 dropped.
    const scene = strideScene(configure(2, [axis(8, 2, 3, 0), axis(8, 3, 2, 0), axis(1, 1, 1, 0)]));
    expect(scene.lines[0].unread).toBe(2);
    expect(scene.lines[1].unread).toBe(1);
    expect(scene.counts.unreadInput).toBe(64 - 6 * 7);
  });

  it('sees fewer input cells at padded edges', () => {
    const scene = strideScene(configure(2, [axis(5, 3, 1, 1), axis(5, 3, 1, 1), axis(1, 1, 1, 0)]));
    expect(scene.counts.seenMin).toBe(4);
    expect(scene.counts.seenMax).toBe(9);
    expect(scene.counts.paddingCells).toBe(49 - 25);
  });

  it("throws the core's ShapeError, naming the axis, when a window does not fit", () => {
    const impossible = configure(2, [axis(7, 3, 1, 0), axis(2, 5, 1, 1), axis(1, 1, 1, 0)]);
    expect(() => strideScene(impossible)).toThrow(ShapeError);
    expect(() => strideScene(impossible)).toThrow(/5-wide window along y is larger than the padded input 2 \+ 2\*1 = 4/);
  });
});

describe('the current window', () => {
  const scene = strideScene(configure(2, [axis(7, 3, 2, 1), axis(6, 3, 2, 0), axis(1, 1, 1, 0)]));

  it('is the window of an output cell, in padded coordinates, with its input and padding cells', () => {
    const w = windowAt(scene, [0, 1, 0]);
    expect(w.output).toEqual([0, 1, 0]);
    expect(w.from).toEqual([0, 2, 0]);
    expect(w.to).toEqual([2, 4, 0]);
    expect(w.cells).toHaveLength(9);
    expect(w.inputCells).toBe(6);
  });

  it('is clamped into the output when the output shrinks', () => {
    expect(scene.geometry.output).toEqual([4, 2, 1]);
    expect(clampCell(scene, [9, 9, 9])).toEqual([3, 1, 0]);
    expect(windowAt(scene, [9, 9, 9]).index).toBe(scene.positions.length - 1);
  });

  it("numbers the output cells in the core's order, both ways", () => {
    expect(positionCell(scene, 0)).toEqual([0, 0, 0]);
    expect(positionCell(scene, 1)).toEqual([0, 1, 0]);
    expect(positionCell(scene, 2)).toEqual([1, 0, 0]);
    expect(positionCell(scene, 7)).toEqual([3, 1, 0]);
    expect(positionCell(scene, 99)).toEqual([3, 1, 0]);
    for (let i = 0; i < scene.positions.length; i++) expect(positionIndex(scene, positionCell(scene, i))).toBe(i);
  });

  it('marks the first cell of every window as the stride lattice', () => {
    expect(windowCorners(scene).map((c) => c.slice(0, 2).join(','))).toEqual(['0,0', '0,2', '2,0', '2,2', '4,0', '4,2', '6,0', '6,2']);
  });
});
