import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backward, cellAt, flatPosition, forward, type Cell } from '../../src/nn/flatten.ts';
import { offsetOf, tensor, type Tensor } from '../../src/tensor/index.ts';
import { dot, expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectTensorClose } from '../support/tolerance.ts';
import { refusal } from '../support/refusal.ts';

const hiddenShape = fc.tuple(
  fc.integer({ min: 1, max: 3 }),
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 3 }),
  fc.integer({ min: 1, max: 3 }),
);

describe('flatten forward, Vec(H) (eq. 7)', () => {
  it('unrolls each sample row-major over [x, y, z, d], feature maps fastest', () => {
    // two samples of a 2 x 1 x 1 layer with 2 feature maps: cells (x, d) = (0,0) (0,1) (1,0) (1,1)
    const x = tensor([2, 2, 1, 1, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
    const { y } = forward({ x });
    expect(y.shape).toEqual([2, 4]);
    expect([...y.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(flatPosition(x.shape, [0, 0, 0, 1])).toBe(1);
    expect(flatPosition(x.shape, [1, 0, 0, 0])).toBe(2);
    expect(cellAt(x.shape, 3)).toEqual([1, 0, 0, 1]);
  });

  it('places every cell at flatPosition, and cellAt inverts it (property)', () => {
    fc.assert(
      fc.property(hiddenShape, fc.integer(), (shape, seed) => {
        const x = randomTensor(shape, seeded(seed));
        const { y } = forward({ x });
        const [n, hx, hy, hz, hd] = shape;
        const length = hx * hy * hz * hd;
        expect(y.shape).toEqual([n, length]);
        for (let p = 0; p < length; p++) {
          const cell = cellAt(shape, p);
          expect(flatPosition(shape, cell)).toBe(p);
          for (let s = 0; s < n; s++) expect(y.data[s * length + p]).toBe(x.data[offsetOf(shape, [s, ...cell])]);
        }
      }),
    );
  });

  it('copies the data, so changing Vec(H) leaves H alone', () => {
    const x = tensor([1, 1, 1, 1, 2], [1, 2]);
    const { y } = forward({ x });
    y.data[0] = 9;
    expect(x.data[0]).toBe(1);
  });
});

describe('flatten backward', () => {
  it('reshapes the gradient back to the hidden layer (property)', () => {
    fc.assert(
      fc.property(hiddenShape, fc.integer(), (shape, seed) => {
        const x = randomTensor(shape, seeded(seed));
        const { y, saved } = forward({ x });
        expectTensorClose(backward(y, saved).dx, x);
      }),
    );
  });

  it.each([
    ['1D', [2, 5, 1, 1, 2]],
    ['2D', [1, 3, 4, 1, 2]],
    ['3D', [2, 2, 3, 2, 2]],
  ])('matches finite differences for a %s layer %j', (_label, shape) => {
    const rng = seeded(4);
    const x = randomTensor(shape, rng);
    const { y, saved } = forward({ x });
    const dy = randomTensor(y.shape, rng);
    expectGradientMatches(x, backward(dy, saved).dx, () => dot(dy, forward({ x }).y));
  });
});

describe('flatten refusals', () => {
  it('refuses anything but a hidden layer [n, x, y, z, d]', () => {
    const e = refusal(() => forward({ x: tensor([2, 8]) }));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('flatten: x must have rank 5 [n, x, y, z, d], got [2, 8]');
  });

  it('refuses non-finite values and a mismatched data length', () => {
    expect(refusal(() => forward({ x: tensor([1, 1, 1, 1, 2], [0, -Infinity]) })).message).toBe(
      'flatten: x holds a non-finite value (-Infinity) at flat index 1 of [1, 1, 1, 1, 2]',
    );
    const bad = { shape: [1, 2, 2, 1, 1], data: new Float64Array(5) } as Tensor;
    expect(refusal(() => forward({ x: bad })).message).toBe('flatten: x data of length 5 does not match its shape [1, 2, 2, 1, 1] (4 values)');
  });

  it('refuses an upstream gradient that is not [n, x*y*z*d]', () => {
    const { saved } = forward({ x: tensor([2, 2, 2, 1, 3]) });
    expect(refusal(() => backward(tensor([2, 2, 2, 1, 3]), saved)).message).toBe(
      'flatten: dy must have shape [2, 12], got [2, 2, 2, 1, 3]',
    );
  });

  it('refuses cells and positions outside the layer', () => {
    const shape = [1, 2, 3, 1, 2];
    expect(refusal(() => flatPosition(shape, [2, 0, 0, 0])).message).toBe(
      'flatten: cell [2,0,0,0] lies outside the sample [2, 3, 1, 2] of x [1, 2, 3, 1, 2]',
    );
    expect(refusal(() => flatPosition(shape, [0, 0.5, 0, 0])).category).toBe('shape');
    expect(refusal(() => flatPosition(shape, [0, 0, 0] as unknown as Cell)).message).toBe(
      'flatten: a cell is four indices [x, y, z, d], got [0,0,0]',
    );
    expect(refusal(() => cellAt(shape, 12)).message).toBe('flatten: flat position 12 lies outside Vec(H) of length 12 for x [1, 2, 3, 1, 2]');
    expect(refusal(() => cellAt(shape, -1)).category).toBe('shape');
    expect(refusal(() => cellAt([2, 3], 0)).message).toBe('flatten: x shape must be five non-negative integers [n, x, y, z, d], got [2,3]');
  });
});
