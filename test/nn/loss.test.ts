import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loss, LOSS_KINDS, type LossKind } from '../../src/nn/loss.ts';
import { forward as softmax } from '../../src/nn/softmax.ts';
import { tensor, type Tensor } from '../../src/tensor/index.ts';
import { expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectClose, expectTensorClose } from '../support/tolerance.ts';
import { expectedTensor, fromJson, loadCases } from '../support/conformance-cases.ts';
import { refusal } from '../support/refusal.ts';
import type { Rng } from '../../src/tensor/index.ts';

/** Random probability rows: a softmax of random logits (soft targets) or one-hot rows. */
function randomTarget(shape: [number, number], rng: Rng, oneHot: boolean): Tensor {
  const [n, k] = shape;
  if (!oneHot) return softmax({ x: randomTensor(shape, rng, 2) }).y;
  const t = tensor(shape);
  for (let r = 0; r < n; r++) t.data[r * k + rng.int(k)] = 1;
  return t;
}

describe('cross-entropy loss (eq. 10, softmax inside)', () => {
  it('gives ln 2 for two equal logits and averages over the batch', () => {
    const one = loss({ x: tensor([1, 2], [0, 0]), target: tensor([1, 2], [1, 0]) }, { kind: 'cross_entropy' });
    expect(one.loss).toBeCloseTo(Math.LN2, 14);
    expectClose(one.dx.data, [-0.5, 0.5]);
    // second sample: p^ = (1/3, 2/3), true class 2 -> -ln(2/3)
    const two = loss(
      { x: tensor([2, 2], [0, 0, 0, Math.LN2]), target: tensor([2, 2], [1, 0, 0, 1]) },
      { kind: 'cross_entropy' },
    );
    expect(two.loss).toBeCloseTo((Math.LN2 - Math.log(2 / 3)) / 2, 14);
    expectClose(two.dx.data, [-0.25, 0.25, 1 / 6, -1 / 6]);
  });

  it('is -log p^ of the true class for a one-hot target (the negative log-likelihood)', () => {
    const x = randomTensor([1, 5], seeded(4), 3);
    const p = softmax({ x }).y;
    const target = tensor([1, 5], [0, 0, 0, 1, 0]);
    expect(loss({ x, target }, { kind: 'cross_entropy' }).loss).toBeCloseTo(-Math.log(p.data[3]!), 13);
  });

  it('stays finite for huge logits (log-sum-exp)', () => {
    const r = loss({ x: tensor([1, 2], [1000, 0]), target: tensor([1, 2], [0, 1]) }, { kind: 'cross_entropy' });
    expect(r.loss).toBe(1000);
    expectClose(r.dx.data, [1, -1]);
    const sure = loss({ x: tensor([1, 2], [-1000, 1000]), target: tensor([1, 2], [0, 1]) }, { kind: 'cross_entropy' });
    expect(sure.loss).toBe(0);
  });

  it('is at least the entropy of the target and its gradient rows sum to 0 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 1e6 }), (n, k, seed) => {
        const rng = seeded(seed);
        const x = randomTensor([n, k], rng, 20);
        const target = randomTarget([n, k], rng, false);
        let entropy = 0;
        for (const p of target.data) if (p > 0) entropy -= p * Math.log(p);
        const r = loss({ x, target }, { kind: 'cross_entropy' });
        expect(r.loss).toBeGreaterThanOrEqual(entropy / n - 1e-12);
        expect(r.dx.shape).toEqual([n, k]);
        for (let row = 0; row < n; row++) {
          let sum = 0;
          for (let c = 0; c < k; c++) sum += r.dx.data[row * k + c]!;
          expect(Math.abs(sum)).toBeLessThan(1e-12);
        }
      }),
    );
  });
});

describe('mean squared error (eq. 10)', () => {
  it('averages over all n * k values', () => {
    const r = loss({ x: tensor([2, 2], [1, 2, 3, 4]), target: tensor([2, 2], [0, 0, 0, 6]) }, { kind: 'mse' });
    expect(r.loss).toBe((1 + 4 + 9 + 4) / 4);
    expectClose(r.dx.data, [0.5, 1, 1.5, -1]);
  });

  it("is the paper's 1/P sum over P values for a single sample", () => {
    const y = [0.5, -1, 2];
    const t = [0, 1, 1];
    const paper = y.reduce((s, v, i) => s + (v - t[i]!) ** 2, 0) / 3;
    expect(loss({ x: tensor([1, 3], y), target: tensor([1, 3], t) }, { kind: 'mse' }).loss).toBeCloseTo(paper, 15);
  });
});

describe('loss gradients match finite differences', () => {
  for (const kind of LOSS_KINDS) {
    it.each([[[1, 1]], [[1, 4]], [[3, 5]], [[4, 2]]] as [[number, number]][])(`${kind} for x %j`, (shape) => {
      const rng = seeded(17);
      const x = randomTensor(shape, rng, 3);
      const target = kind === 'mse' ? randomTensor(shape, rng) : randomTarget(shape, rng, shape[0] % 2 === 0);
      const { dx } = loss({ x, target }, { kind });
      expectGradientMatches(x, dx, () => loss({ x, target }, { kind }).loss);
    });
  }
});

describe('loss conformance cases', () => {
  for (const c of loadCases('loss.json', 'loss')) {
    it(c.name, () => {
      const r = loss({ x: fromJson(c.inputs.x!), target: fromJson(c.inputs.target!) }, c.params as { kind: LossKind });
      expectClose([r.loss], [c.expected.loss as number], c.tolerance);
      expectTensorClose(r.dx, expectedTensor(c, 'dx'), c.tolerance);
    });
  }
});

describe('loss refusals', () => {
  const x = tensor([2, 3]);
  const target = tensor([2, 3], [1, 0, 0, 0, 0, 1]);

  it('refuses an unknown kind', () => {
    const e = refusal(() => loss({ x, target }, { kind: 'hinge' as LossKind }));
    expect(e.category).toBe('param');
    expect(e.message).toBe('loss: unknown loss kind "hinge"; expected one of cross_entropy, mse');
  });

  it('refuses a prediction that is not [n, k], and a target of another shape', () => {
    expect(refusal(() => loss({ x: tensor([2, 3, 1]), target }, { kind: 'mse' })).message).toBe(
      'loss: x must have rank 2 [n, k], got [2, 3, 1]',
    );
    const e = refusal(() => loss({ x, target: tensor([3, 2]) }, { kind: 'mse' }));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('loss: target must have shape [2, 3], got [3, 2]');
  });

  it('refuses an empty batch and rows without values', () => {
    expect(refusal(() => loss({ x: tensor([0, 3]), target: tensor([0, 3]) }, { kind: 'mse' })).message).toBe(
      'loss: x needs at least one sample to average over, got [0, 3]',
    );
    expect(refusal(() => loss({ x: tensor([2, 0]), target: tensor([2, 0]) }, { kind: 'mse' })).message).toBe(
      'loss: x needs at least one value per row (k >= 1), got [2, 0]',
    );
  });

  it('refuses cross-entropy targets that are not probability rows', () => {
    const negative = tensor([2, 3], [1.5, -0.5, 0, 0, 0, 1]);
    expect(refusal(() => loss({ x, target: negative }, { kind: 'cross_entropy' })).message).toBe(
      'loss: cross_entropy target must hold probabilities, got -0.5 at [0, 1] of [2, 3]',
    );
    const unnormalised = tensor([2, 3], [1, 0, 0, 0.5, 0, 0]);
    expect(refusal(() => loss({ x, target: unnormalised }, { kind: 'cross_entropy' })).message).toBe(
      'loss: cross_entropy target row 1 must sum to 1 (a probability distribution), got 0.5',
    );
    // MSE targets are any real values
    expect(loss({ x, target: negative }, { kind: 'mse' }).loss).toBeCloseTo((1.5 ** 2 + 0.5 ** 2 + 1) / 6, 15);
  });

  it('refuses non-finite values, an overflowing loss and mismatched data lengths', () => {
    expect(refusal(() => loss({ x: tensor([2, 3], [0, 0, Number.NaN, 0, 0, 0]), target }, { kind: 'mse' })).message).toBe(
      'loss: x holds a non-finite value (NaN) at flat index 2 of [2, 3]',
    );
    expect(refusal(() => loss({ x, target: tensor([2, 3], [1, 0, 0, 0, 0, Infinity]) }, { kind: 'mse' })).message).toBe(
      'loss: target holds a non-finite value (Infinity) at flat index 5 of [2, 3]',
    );
    expect(refusal(() => loss({ x: tensor([2, 3], new Array(6).fill(1e200)), target }, { kind: 'mse' })).message).toBe(
      'loss: the mse loss overflows (Infinity): x [2, 3] holds values too large',
    );
    const short = { shape: [2, 3], data: new Float64Array(4) } as Tensor;
    expect(refusal(() => loss({ x, target: short }, { kind: 'mse' })).message).toBe(
      'loss: target data of length 4 does not match its shape [2, 3] (6 values)',
    );
  });
});
