import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIVATION_KINDS, activate, backward, derivative, forward, type ActivationKind } from '../../src/nn/activation.ts';
import { tensor, type Tensor } from '../../src/tensor/index.ts';
import { dot, expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectClose, expectTensorClose } from '../support/tolerance.ts';
import { expectedTensor, fromJson, loadCases } from '../support/conformance-cases.ts';
import { refusal } from '../support/refusal.ts';

describe('activation forward (eq. 4)', () => {
  it('computes sigmoid, tanh and ReLU at values worked by hand', () => {
    const x = tensor([4], [0, Math.log(3), -Math.log(3), Math.log(2)]);
    expectClose(forward({ x }, { kind: 'sigmoid' }).y.data, [0.5, 0.75, 0.25, 2 / 3]);
    // tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6
    expectClose(forward({ x }, { kind: 'tanh' }).y.data, [0, 0.8, -0.8, 0.6]);
    expectClose(forward({ x: tensor([3], [-2, 0, 3]) }, { kind: 'relu' }).y.data, [0, 0, 3]);
  });

  it('keeps the shape of a 1D, 2D, 3D hidden layer and of a dense layer', () => {
    for (const shape of [[2, 5, 1, 1, 3], [1, 4, 3, 1, 2], [2, 2, 3, 2, 1], [3, 4]]) {
      const { y } = forward({ x: randomTensor(shape, seeded(3)) }, { kind: 'tanh' });
      expect(y.shape).toEqual(shape);
    }
  });

  it('does not overflow the sigmoid for large |x| and keeps tiny values exact', () => {
    const { y } = forward({ x: tensor([5], [-1000, -745, -40, 40, 1000]) }, { kind: 'sigmoid' });
    expect([...y.data].every(Number.isFinite)).toBe(true);
    expect(y.data[0]).toBe(0);
    expect(y.data[4]).toBe(1);
    expect(y.data[2]! / Math.exp(-40)).toBeCloseTo(1, 12);
    expect(activate('sigmoid', -1000)).toBe(0);
    expect(derivative('sigmoid', -1000)).toBe(0);
    expect(derivative('sigmoid', 1000)).toBe(0);
    expect(derivative('tanh', 1000)).toBe(0);
  });

  it('bounds every output (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const x = tensor([values.length], values);
        const s = forward({ x }, { kind: 'sigmoid' }).y.data;
        const t = forward({ x }, { kind: 'tanh' }).y.data;
        const r = forward({ x }, { kind: 'relu' }).y.data;
        values.forEach((v, i) => {
          expect(s[i]).toBeGreaterThanOrEqual(0);
          expect(s[i]).toBeLessThanOrEqual(1);
          expect(Math.abs(t[i]!)).toBeLessThanOrEqual(1);
          expect(r[i]).toBe(Math.max(v, 0));
        });
      }),
    );
  });
});

describe('activation derivatives', () => {
  it('gives the textbook values at 0, with ReLU\'(0) = 0 as frameworks do', () => {
    expect(derivative('sigmoid', 0)).toBe(0.25);
    expect(derivative('tanh', 0)).toBe(1);
    expect(derivative('relu', 0)).toBe(0);
    expect(derivative('relu', -1e-300)).toBe(0);
    expect(derivative('relu', 1e-300)).toBe(1);
  });

  it.each(ACTIVATION_KINDS)('matches the centred difference of activate for %s', (kind) => {
    const h = 1e-6;
    for (let v = -6.05; v < 6; v += 0.5) {
      const numeric = (activate(kind, v + h) - activate(kind, v - h)) / (2 * h);
      expect(Math.abs(derivative(kind, v) - numeric)).toBeLessThan(1e-8);
    }
  });

  const shapes = [
    [2, 6, 1, 1, 2], // 1D
    [1, 4, 3, 1, 3], // 2D
    [2, 3, 2, 2, 2], // 3D
    [3, 5], // dense
  ];
  for (const kind of ACTIVATION_KINDS) {
    it.each(shapes)(`backward of ${kind} matches finite differences for shape %j`, (...shape) => {
      const rng = seeded(11);
      const x = randomTensor(shape, rng, 3);
      const dy = randomTensor(shape, rng);
      const { saved } = forward({ x }, { kind });
      const { dx } = backward(dy, saved);
      expectGradientMatches(x, dx, () => dot(dy, forward({ x }, { kind }).y));
    });
  }
});

describe('activation conformance cases', () => {
  for (const c of loadCases('activation.json', 'activation')) {
    it(c.name, () => {
      const { y, saved } = forward({ x: fromJson(c.inputs.x!) }, c.params as { kind: ActivationKind });
      expectTensorClose(y, expectedTensor(c, 'y'), c.tolerance);
      const { dx } = backward(fromJson(c.inputs.dy!), saved);
      expectTensorClose(dx, expectedTensor(c, 'dx'), c.tolerance);
    });
  }
});

describe('activation refusals', () => {
  const x = tensor([1, 2, 2, 1, 1], [1, -1, 2, -2]);

  it('refuses an unknown kind as a ParamError naming the kinds', () => {
    const e = refusal(() => forward({ x }, { kind: 'softplus' as ActivationKind }));
    expect(e.category).toBe('param');
    expect(e.message).toBe('activation: unknown activation kind "softplus"; expected one of sigmoid, tanh, relu');
    expect(refusal(() => activate('gelu' as ActivationKind, 1)).message).toMatch(/^activation: unknown activation kind "gelu"/);
    expect(refusal(() => derivative('gelu' as ActivationKind, 1)).category).toBe('param');
  });

  it('refuses a non-finite scalar', () => {
    expect(refusal(() => activate('relu', Number.NaN)).message).toBe('activation: input must be a finite number, got NaN');
    expect(refusal(() => derivative('tanh', Infinity)).message).toBe('activation: input must be a finite number, got Infinity');
  });

  it('refuses non-finite input values with their position', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const e = refusal(() => forward({ x: tensor([2, 2], [0, 1, bad, 3]) }, { kind: 'sigmoid' }));
      expect(e.category).toBe('shape');
      expect(e.message).toBe(`activation: x holds a non-finite value (${bad}) at flat index 2 of [2, 2]`);
    }
  });

  it('refuses a record whose data length does not match its shape', () => {
    const bad = { shape: [1, 3, 3, 1, 1], data: new Float64Array(8) } as Tensor;
    expect(refusal(() => forward({ x: bad }, { kind: 'relu' })).message).toBe(
      'activation: x data of length 8 does not match its shape [1, 3, 3, 1, 1] (9 values)',
    );
  });

  it('refuses a missing input and a plain array for data', () => {
    expect(refusal(() => forward({} as { x: Tensor }, { kind: 'relu' })).message).toBe(
      'activation: x must be a tensor record {shape, data}, got undefined',
    );
    const plain = { shape: [2], data: [1, 2] } as unknown as Tensor;
    expect(refusal(() => forward({ x: plain }, { kind: 'relu' })).message).toBe(
      'activation: x data must be a Float64Array, got [object Array]',
    );
  });

  it('refuses an upstream gradient of another shape, or holding NaN', () => {
    const { saved } = forward({ x }, { kind: 'tanh' });
    expect(refusal(() => backward(tensor([1, 2, 2, 1, 2]), saved)).message).toBe(
      'activation: dy must have shape [1, 2, 2, 1, 1], got [1, 2, 2, 1, 2]',
    );
    expect(refusal(() => backward(tensor([1, 2, 2, 1, 1], [0, Number.NaN, 0, 0]), saved)).message).toMatch(
      /^activation: dy holds a non-finite value \(NaN\) at flat index 1/,
    );
  });
});
