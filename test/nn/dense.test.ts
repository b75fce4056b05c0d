import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backward, forward, type DenseInputs } from '../../src/nn/dense.ts';
import * as flatten from '../../src/nn/flatten.ts';
import { tensor, type Tensor } from '../../src/tensor/index.ts';
import { dot, expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectClose, expectTensorClose } from '../support/tolerance.ts';
import { expectedTensor, fromJson, loadCases } from '../support/conformance-cases.ts';
import { refusal } from '../support/refusal.ts';

function randomInputs(n: number, nIn: number, nOut: number, seed: number): DenseInputs {
  const rng = seeded(seed);
  return { x: randomTensor([n, nIn], rng), w: randomTensor([nOut, nIn], rng), b: randomTensor([nOut], rng) };
}

describe('dense forward (eq. 7, 9)', () => {
  it('computes W x + b for each sample, at values worked by hand', () => {
    const x = tensor([2, 2], [1, 2, -1, 3]);
    const w = tensor([3, 2], [1, 0, 0, 1, 1, 1]);
    const b = tensor([3], [0.5, -1, 0]);
    const { y } = forward({ x, w, b });
    expect(y.shape).toEqual([2, 3]);
    expectClose(y.data, [1.5, 1, 3, -0.5, 2, 2]);
  });

  it('agrees with a plain triple loop on random shapes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (n, nIn, nOut, seed) => {
        const inputs = randomInputs(n, nIn, nOut, seed);
        const { y } = forward(inputs);
        expect(y.shape).toEqual([n, nOut]);
        for (let i = 0; i < n; i++) {
          for (let o = 0; o < nOut; o++) {
            let s = inputs.b.data[o]!;
            for (let j = 0; j < nIn; j++) s += inputs.w.data[o * nIn + j]! * inputs.x.data[i * nIn + j]!;
            expect(y.data[i * nOut + o]).toBeCloseTo(s, 12);
          }
        }
      }),
    );
  });
});

describe('dense backward', () => {
  it.each([
    [1, 1, 1],
    [1, 4, 3],
    [5, 7, 2],
    [3, 6, 4],
  ])('matches finite differences for dx, dw, db with n = %i, in = %i, out = %i', (n, nIn, nOut) => {
    const inputs = randomInputs(n, nIn, nOut, n * 100 + nIn * 10 + nOut);
    const dy = randomTensor([n, nOut], seeded(99));
    const grads = backward(dy, forward(inputs).saved);
    const objective = (): number => dot(dy, forward(inputs).y);
    expectGradientMatches(inputs.x, grads.dx, objective);
    expectGradientMatches(inputs.w, grads.dw, objective);
    expectGradientMatches(inputs.b, grads.db, objective);
  });

  it.each([
    ['1D', [2, 5, 1, 1, 2]],
    ['2D', [1, 3, 3, 1, 2]],
    ['3D', [2, 2, 2, 2, 1]],
  ])('back-propagates through Vec(H) of a %s hidden layer %j', (_label, shape) => {
    const rng = seeded(8);
    const h = randomTensor(shape, rng);
    const features = shape.slice(1).reduce((a, s) => a * s, 1);
    const w = randomTensor([3, features], rng);
    const b = randomTensor([3], rng);
    const dy = randomTensor([shape[0]!, 3], rng);
    const run = (): { y: Tensor; back: () => Tensor } => {
      const flat = flatten.forward({ x: h });
      const dense = forward({ x: flat.y, w, b });
      return { y: dense.y, back: () => flatten.backward(backward(dy, dense.saved).dx, flat.saved).dx };
    };
    const dh = run().back();
    expect(dh.shape).toEqual(shape);
    expectGradientMatches(h, dh, () => dot(dy, run().y));
  });
});

describe('dense conformance cases', () => {
  for (const c of loadCases('dense.json', 'dense')) {
    it(c.name, () => {
      const inputs = { x: fromJson(c.inputs.x!), w: fromJson(c.inputs.w!), b: fromJson(c.inputs.b!) };
      const { y, saved } = forward(inputs);
      expectTensorClose(y, expectedTensor(c, 'y'), c.tolerance);
      const grads = backward(fromJson(c.inputs.dy!), saved);
      for (const key of ['dx', 'dw', 'db'] as const) expectTensorClose(grads[key], expectedTensor(c, key), c.tolerance);
    });
  }
  for (const c of loadCases('errors.json', 'dense')) {
    it(`${c.name} is refused as a ${c.expected.error} error`, () => {
      const inputs = { x: fromJson(c.inputs.x!), w: fromJson(c.inputs.w!), b: fromJson(c.inputs.b!) };
      expect(refusal(() => forward(inputs)).category).toBe(c.expected.error);
    });
  }
});

describe('dense refusals', () => {
  const good = randomInputs(2, 3, 4, 1);

  it('refuses inputs whose size does not match n_in of W', () => {
    const e = refusal(() => forward({ ...good, x: tensor([2, 5]) }));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('dense: input size 5 of x [2, 5] does not match n_in = 3 of w [4, 3] [out, in]');
  });

  it('refuses a bias that does not match n_out', () => {
    expect(refusal(() => forward({ ...good, b: tensor([3]) })).message).toBe(
      'dense: bias b [3] does not match n_out = 4 of w [4, 3] [out, in]',
    );
  });

  it('refuses wrong ranks for x, w and b', () => {
    expect(refusal(() => forward({ ...good, x: tensor([2, 1, 1, 1, 3]) })).message).toBe(
      'dense: x must have rank 2 [n, in], got [2, 1, 1, 1, 3]',
    );
    expect(refusal(() => forward({ ...good, w: tensor([4, 3, 1]) })).message).toBe('dense: w must have rank 2 [out, in], got [4, 3, 1]');
    expect(refusal(() => forward({ ...good, b: tensor([1, 4]) })).message).toBe('dense: b must have rank 1 [out], got [1, 4]');
  });

  it('refuses non-finite weights, an overflowing product and a mismatched data length', () => {
    const w = tensor([4, 3]);
    w.data[7] = Number.NaN;
    expect(refusal(() => forward({ ...good, w })).message).toBe('dense: w holds a non-finite value (NaN) at flat index 7 of [4, 3]');
    const huge = tensor([4, 3], new Array(12).fill(1e200));
    expect(refusal(() => forward({ ...good, x: tensor([2, 3], new Array(6).fill(1e200)), w: huge })).message).toBe(
      'dense: the output y holds a non-finite value (Infinity) at flat index 0 of [2, 4]',
    );
    const short = { shape: [4], data: new Float64Array(3) } as Tensor;
    expect(refusal(() => forward({ ...good, b: short })).message).toBe('dense: b data of length 3 does not match its shape [4] (4 values)');
  });

  it('refuses an upstream gradient of another shape', () => {
    const { saved } = forward(good);
    expect(refusal(() => backward(tensor([2, 3]), saved)).message).toBe('dense: dy must have shape [2, 4], got [2, 3]');
  });
});
