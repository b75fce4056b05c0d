import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backward, forward, softmaxRow } from '../../src/nn/softmax.ts';
import { tensor, type Tensor } from '../../src/tensor/index.ts';
import { dot, expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectClose, expectTensorClose } from '../support/tolerance.ts';
import { expectedTensor, fromJson, loadCases } from '../support/conformance-cases.ts';
import { refusal } from '../support/refusal.ts';

describe('softmax forward (eq. 8)', () => {
  it('turns logits 0, ln 2, ln 3 into 1/6, 2/6, 3/6, row by row', () => {
    const x = tensor([2, 3], [0, Math.log(2), Math.log(3), 5, 5, 5]);
    expectClose(forward({ x }).y.data, [1 / 6, 2 / 6, 3 / 6, 1 / 3, 1 / 3, 1 / 3]);
  });

  it('does not overflow for logits of 1000 (subtracts the row max)', () => {
    const { y } = forward({ x: tensor([2, 2], [1000, 1000, 1000, 0]) });
    expect([...y.data]).toEqual([0.5, 0.5, 1, 0]);
    const out = new Float64Array(4);
    expect(softmaxRow([7, 1000, 1000, 7], 1, 2, out)).toBeCloseTo(1000 + Math.LN2, 12);
    expect([...out]).toEqual([0, 0.5, 0.5, 0]);
    expect(softmaxRow([-1000, -1000], 0, 2, out)).toBeCloseTo(-1000 + Math.LN2, 12);
  });

  it('gives rows that sum to 1 and ignores a shift of the logits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (n, k, seed, shift) => {
          const x = randomTensor([n, k], seeded(seed), 50);
          const shifted = tensor([n, k], x.data.map((v) => v + shift));
          const { y } = forward({ x });
          expect(y.shape).toEqual([n, k]);
          for (let r = 0; r < n; r++) {
            let sum = 0;
            for (let c = 0; c < k; c++) sum += y.data[r * k + c]!;
            expect(sum).toBeCloseTo(1, 12);
          }
          expectClose(forward({ x: shifted }).y.data, y.data, { atol: 1e-9, rtol: 1e-6 });
        },
      ),
    );
  });
});

describe('softmax backward', () => {
  it.each([[[1, 1]], [[1, 4]], [[3, 5]], [[6, 2]]])('matches finite differences for x %j', (shape) => {
    const rng = seeded(5);
    const x = randomTensor(shape, rng, 3);
    const dy = randomTensor(shape, rng);
    const { dx } = backward(dy, forward({ x }).saved);
    expectGradientMatches(x, dx, () => dot(dy, forward({ x }).y));
  });

  it('gives zero gradient for an upstream gradient constant across a row (softmax ignores shifts)', () => {
    const x = randomTensor([2, 4], seeded(2));
    const { dx } = backward(tensor([2, 4], [3, 3, 3, 3, -1, -1, -1, -1]), forward({ x }).saved);
    expectClose(dx.data, new Float64Array(8), { atol: 1e-15, rtol: 0 });
  });
});

describe('softmax conformance cases', () => {
  for (const c of loadCases('softmax.json', 'softmax')) {
    it(c.name, () => {
      expectTensorClose(forward({ x: fromJson(c.inputs.x!) }).y, expectedTensor(c, 'y'), c.tolerance);
    });
  }
});

describe('softmax refusals', () => {
  it('refuses logits that are not [n, k]', () => {
    const e = refusal(() => forward({ x: tensor([1, 2, 2, 1, 1]) }));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('softmax: x must have rank 2 [n, k], got [1, 2, 2, 1, 1]');
    expect(refusal(() => forward({ x: tensor([3]) })).message).toBe('softmax: x must have rank 2 [n, k], got [3]');
  });

  it('refuses rows without any class', () => {
    expect(refusal(() => forward({ x: tensor([2, 0]) })).message).toBe(
      'softmax: x needs at least one value per row (k >= 1), got [2, 0]',
    );
  });

  it('refuses non-finite logits and a data length that does not match the shape', () => {
    expect(refusal(() => forward({ x: tensor([1, 3], [0, Infinity, 1]) })).message).toBe(
      'softmax: x holds a non-finite value (Infinity) at flat index 1 of [1, 3]',
    );
    const bad = { shape: [2, 3], data: new Float64Array(5) } as Tensor;
    expect(refusal(() => forward({ x: bad })).message).toBe('softmax: x data of length 5 does not match its shape [2, 3] (6 values)');
  });

  it('refuses an upstream gradient of another shape', () => {
    const { saved } = forward({ x: tensor([2, 3]) });
    expect(refusal(() => backward(tensor([3, 2]), saved)).message).toBe('softmax: dy must have shape [2, 3], got [3, 2]');
    expect(refusal(() => backward(tensor([2, 3], [0, 0, 0, Number.NaN, 0, 0]), saved)).message).toMatch(
      /^softmax: dy holds a non-finite value \(NaN\) at flat index 3/,
    );
  });
});
