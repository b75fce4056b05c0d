import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convGeometry, filterPositions, receptiveField, type ConvAttrs } from '../../src/nn/conv-geometry.ts';
import { forward } from '../../src/nn/conv.ts';
import type { Triple } from '../../src/tensor/index.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { refusal } from '../support/refusal.ts';

const attrs = (stride: Triple, padding: Triple): ConvAttrs => ({ stride, padding });
const SAME_3D = attrs([1, 1, 1], [1, 1, 1]);

describe('convGeometry (eqs. 1-2)', () => {
  it('keeps the spatial size with same padding and maps depth d to wc filters', () => {
    const g = convGeometry([8, 16, 16, 16, 4], [3, 3, 3, 4, 8], SAME_3D);
    expect(g).toMatchObject({ batch: 8, input: [16, 16, 16], depth: 4, window: [3, 3, 3], filters: 8, output: [16, 16, 16] });
    expect(g.yShape).toEqual([8, 16, 16, 16, 8]);
    expect(g.dropped).toEqual([0, 0, 0]);
  });

  it('floors the output size per axis and reports the positions the stride drops', () => {
    const g = convGeometry([1, 8, 7, 5, 2], [3, 3, 1, 2, 1], attrs([2, 3, 2], [0, 1, 0]));
    // x: floor((8 - 3) / 2) + 1 = 3, y: floor((7 + 2 - 3) / 3) + 1 = 3, z: floor((5 - 1) / 2) + 1 = 3
    expect(g.output).toEqual([3, 3, 3]);
    expect(g.dropped).toEqual([1, 0, 0]);
    expect(g.yShape).toEqual([1, 3, 3, 3, 1]);
  });

  it('describes the 1D and 2D problems of the tutorial with y = z = 1 or z = 1', () => {
    expect(convGeometry([2, 12, 1, 1, 2], [4, 1, 1, 2, 3], attrs([2, 1, 1], [1, 0, 0])).yShape).toEqual([2, 6, 1, 1, 3]);
    expect(convGeometry([1, 5, 5, 1, 1], [3, 3, 1, 1, 3], attrs([1, 1, 1], [0, 0, 0])).yShape).toEqual([1, 3, 3, 1, 3]);
  });
});

describe('convGeometry refusals', () => {
  const x = [1, 4, 4, 1, 2];
  const w = [3, 3, 1, 2, 1];
  const none = attrs([1, 1, 1], [0, 0, 0]);

  it('refuses a filter depth that differs from the input depth, naming both shapes', () => {
    const e = refusal(() => convGeometry(x, [3, 3, 1, 3, 2], none));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('conv: input depth 2 does not match filter depth wd = 3 (x [1, 4, 4, 1, 2], w [3, 3, 1, 3, 2])');
  });

  it('refuses a window larger than the padded input, with the numbers of eq. 2', () => {
    const e = refusal(() => convGeometry(x, [5, 5, 1, 2, 1], none));
    expect(e.category).toBe('shape');
    expect(e.message).toBe(
      'conv: the 5-wide window along x is larger than the padded input 4 + 2*0 = 4 (input [4, 4, 1], window [5, 5, 1], padding [0, 0, 0])',
    );
  });

  it('accepts that window once padding makes room for it', () => {
    expect(convGeometry(x, [5, 5, 1, 2, 1], attrs([1, 1, 1], [1, 1, 0])).output).toEqual([2, 2, 1]);
  });

  it.each([
    ['a zero stride', attrs([0, 1, 1], [0, 0, 0]), 'conv: stride along x must be at least 1, got 0'],
    ['a fractional stride', attrs([1, 1.5, 1], [0, 0, 0]), 'conv: stride along y must be an integer, got 1.5'],
    ['a negative padding', attrs([1, 1, 1], [-1, 0, 0]), 'conv: padding along x cannot be negative, got -1'],
    ['a padding of two axes', { stride: [1, 1, 1], padding: [1, 1] } as unknown as ConvAttrs, 'conv: padding must be three integers [x, y, z], got [1,1]'],
  ])('refuses %s as a parameter error', (_label, bad, message) => {
    const e = refusal(() => convGeometry(x, w, bad));
    expect(e.category).toBe('param');
    expect(e.message).toBe(message);
  });

  it('refuses inputs and filters of another rank', () => {
    expect(refusal(() => convGeometry([4, 4, 1, 2], w, none)).message).toBe('conv: x must have rank 5 [n, x, y, z, d], got [4, 4, 1, 2]');
    expect(refusal(() => convGeometry(x, [3, 3, 2, 1], none)).message).toBe(
      'conv: w must have rank 5 [wx, wy, wz, wd, wc], got [3, 3, 2, 1]',
    );
  });

  it('refuses empty axes', () => {
    const e = refusal(() => convGeometry([1, 0, 4, 1, 2], w, none));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('conv: x [1, 0, 4, 1, 2] must hold sizes of at least 1 [n, x, y, z, d]');
    expect(refusal(() => convGeometry(x, [3, 3, 1, 2, 0], none)).message).toBe(
      'conv: w [3, 3, 1, 2, 0] must hold sizes of at least 1 [wx, wy, wz, wd, wc]',
    );
  });
});

describe('receptiveField', () => {
  const g2d = convGeometry([1, 5, 5, 1, 1], [3, 3, 1, 1, 1], attrs([1, 1, 1], [1, 1, 0]));

  it('lists the nine input cells under an interior window, none of them padding', () => {
    const cells = receptiveField(g2d, [2, 2, 0]);
    expect(cells.map((c) => c.cell)).toEqual([
      [1, 1, 0], [1, 2, 0], [1, 3, 0],
      [2, 1, 0], [2, 2, 0], [2, 3, 0],
      [3, 1, 0], [3, 2, 0], [3, 3, 0],
    ]);
    expect(cells.map((c) => c.tap)[4]).toEqual([1, 1, 0]);
    expect(cells.some((c) => c.inPadding)).toBe(false);
  });

  it('flags the cells of a corner window that fall in the zero padding', () => {
    const cells = receptiveField(g2d, [0, 0, 0]);
    expect(cells.filter((c) => c.inPadding).map((c) => c.cell)).toEqual([
      [-1, -1, 0], [-1, 0, 0], [-1, 1, 0], [0, -1, 0], [1, -1, 0],
    ]);
  });

  it('moves the window by the stride', () => {
    const g = convGeometry([1, 7, 7, 1, 1], [3, 3, 1, 1, 1], attrs([2, 3, 1], [0, 0, 0]));
    expect(receptiveField(g, [2, 1, 0])[0]!.cell).toEqual([4, 3, 0]);
  });

  it('refuses an output cell outside the output', () => {
    const e = refusal(() => receptiveField(g2d, [5, 0, 0]));
    expect(e.category).toBe('param');
    expect(e.message).toBe('conv: output cell [5, 0, 0] lies outside the output [5, 5, 1]');
    expect(refusal(() => receptiveField(g2d, [0.5, 0, 0])).category).toBe('param');
  });

  it('names exactly the inputs the forward pass combines into that cell (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        (input, padding, stride, windowSeed, depth, seed) => {
          const window = input.map((s, a) => 1 + (windowSeed[a]! % (s + 2 * padding[a]!)));
          const rng = seeded(seed);
          const x = randomTensor([1, ...input, depth], rng);
          const w = randomTensor([...window, depth, 2], rng);
          const b = randomTensor([2], rng);
          const { y, saved } = forward({ x, w, b }, attrs(stride as unknown as Triple, padding as unknown as Triple));
          const g = saved.geometry;
          const cell: Triple = [g.output[0] - 1, 0, g.output[2] >> 1];
          for (let c = 0; c < 2; c++) {
            let sum = b.data[c]!;
            for (const { tap, cell: at, inPadding } of receptiveField(g, cell)) {
              if (inPadding) continue;
              for (let d = 0; d < depth; d++) {
                const wi = (((tap[0] * window[1]! + tap[1]) * window[2]! + tap[2]) * depth + d) * 2 + c;
                const xi = ((at[0] * input[1]! + at[1]) * input[2]! + at[2]) * depth + d;
                sum += w.data[wi]! * x.data[xi]!;
              }
            }
            const yi = ((cell[0] * g.output[1] + cell[1]) * g.output[2] + cell[2]) * 2 + c;
            expect(y.data[yi]).toBeCloseTo(sum, 10);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('filterPositions', () => {
  it('gives one window corner per output cell, in row-major output order', () => {
    const g = convGeometry([1, 5, 4, 1, 1], [3, 2, 1, 1, 1], attrs([2, 2, 1], [1, 0, 0]));
    const positions = filterPositions(g);
    expect(positions).toHaveLength(3 * 2 * 1);
    expect(positions.map((p) => p.output)).toEqual([[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0], [2, 0, 0], [2, 1, 0]]);
    expect(positions.map((p) => p.corner)).toEqual([[-1, 0, 0], [-1, 2, 0], [1, 0, 0], [1, 2, 0], [3, 0, 0], [3, 2, 0]]);
  });

  it('keeps every window inside the padded input and leaves exactly the dropped positions unvisited (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), (n, w, s, p) => {
        fc.pre(w <= n + 2 * p);
        const g = convGeometry([1, n, 1, 1, 1], [w, 1, 1, 1, 1], attrs([s, 1, 1], [p, 0, 0]));
        const corners = filterPositions(g).map((q) => q.corner[0]);
        expect(corners[0]! + p).toBe(0); // the first window starts at the edge of the padding
        const lastCovered = corners[corners.length - 1]! + w - 1; // in input coordinates
        expect(lastCovered).toBeLessThanOrEqual(n + p - 1);
        expect(n + p - 1 - lastCovered).toBe(g.dropped[0]);
      }),
    );
  });
});
