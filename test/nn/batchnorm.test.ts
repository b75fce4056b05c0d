import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backward,
  forward,
  initialRunningStats,
  oneValuePerMap,
  updateRunningStats,
  valuesPerMap,
  type BatchNormAttrs,
  type BatchNormInputs,
  type BatchNormMode,
} from '../../src/nn/batchnorm.ts';
import { tensor, type Tensor } from '../../src/tensor/index.ts';
import { dot, expectGradientMatches } from '../support/finite-difference.ts';
import { randomTensor, seeded } from '../support/random.ts';
import { expectClose, expectTensorClose } from '../support/tolerance.ts';
import { expectedTensor, fromJson, loadCases } from '../support/conformance-cases.ts';
import { refusal } from '../support/refusal.ts';

const TRAIN: BatchNormAttrs = { mode: 'train', eps: 1e-5 };

function randomInputs(shape: number[], seed: number, withStats = false): BatchNormInputs {
  const rng = seeded(seed);
  const d = shape[4]!;
  const x = randomTensor(shape, rng, 2);
  // shift the maps apart so each has its own statistics
  for (let i = 0; i < x.data.length; i++) x.data[i] = x.data[i]! + (i % d) * 3;
  const inputs: BatchNormInputs = {
    x,
    gamma: tensor([d], randomTensor([d], rng).data.map((v) => 1 + v / 2)),
    beta: randomTensor([d], rng),
  };
  if (withStats) {
    inputs.mean = randomTensor([d], rng);
    inputs.var = tensor([d], randomTensor([d], rng).data.map((v) => 0.5 + Math.abs(v)));
  }
  return inputs;
}

describe('batch normalization forward, train mode (eq. 5)', () => {
  it('normalises each feature map (last axis) with its batch mean and biased variance', () => {
    // map 0 holds 1, 3 (mean 2, var 1); map 1 holds 10, 30 (mean 20, var 100)
    const x = tensor([2, 1, 1, 1, 2], [1, 10, 3, 30]);
    const r = forward({ x, gamma: tensor([2], [2, 1]), beta: tensor([2], [0.5, -1]) }, { mode: 'train', eps: 1e-8 });
    expectClose(r.mean.data, [2, 20]);
    expectClose(r.var.data, [1, 100]);
    expect(r.count).toBe(2);
    const s0 = Math.sqrt(1 + 1e-8);
    const s1 = Math.sqrt(100 + 1e-8);
    expectClose(r.y.data, [0.5 - 2 / s0, -1 - 10 / s1, 0.5 + 2 / s0, -1 + 10 / s1]);
  });

  it('gives each map mean beta and variance gamma^2 var / (var + eps) (property)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 })),
        fc.integer(),
        (shape, seed) => {
          fc.pre(valuesPerMap(shape) > 1);
          const inputs = randomInputs(shape, seed);
          const r = forward(inputs, TRAIN);
          const again = forward({ x: r.y, gamma: tensor([shape[4]], new Array(shape[4]).fill(1)), beta: tensor([shape[4]]) }, TRAIN);
          for (let c = 0; c < shape[4]; c++) {
            const v = r.var.data[c]!;
            expect(again.mean.data[c]).toBeCloseTo(inputs.beta.data[c]!, 10);
            expect(again.var.data[c]! / ((inputs.gamma.data[c]! ** 2 * v) / (v + TRAIN.eps))).toBeCloseTo(1, 10);
          }
        },
      ),
    );
  });

  it('keeps the numbers the chapter explains for a map with a single value', () => {
    const shape = [1, 1, 1, 1, 3];
    expect(valuesPerMap(shape)).toBe(1);
    expect(oneValuePerMap(shape)).toBe(true);
    expect(oneValuePerMap([1, 2, 2, 1, 3])).toBe(false);
    const beta = tensor([3], [0.1, 0.2, 0.3]);
    const r = forward({ x: tensor(shape, [5, -7, 100]), gamma: tensor([3], [1, 2, 3]), beta }, TRAIN);
    expect([...r.var.data]).toEqual([0, 0, 0]);
    expect([...r.y.data]).toEqual([...beta.data]);
    const { dx } = backward(tensor(shape, [1, 2, 3]), r.saved);
    expect([...dx.data]).toEqual([0, 0, 0]);
  });
});

describe('batch normalization forward, inference mode', () => {
  it('uses the given mean and var as constants', () => {
    const x = tensor([1, 2, 1, 1, 1], [3, -1]);
    const r = forward(
      { x, gamma: tensor([1], [2]), beta: tensor([1], [1]), mean: tensor([1], [1]), var: tensor([1], [4 - 1e-3]) },
      { mode: 'inference', eps: 1e-3 },
    );
    expectClose(r.y.data, [3, -1]);
    expectClose(r.mean.data, [1]);
  });

  it('equals train mode when given the batch statistics', () => {
    const inputs = randomInputs([3, 2, 2, 1, 2], 6);
    const train = forward(inputs, TRAIN);
    const inference = forward({ ...inputs, mean: train.mean, var: train.var }, { mode: 'inference', eps: TRAIN.eps });
    expectTensorClose(inference.y, train.y);
  });
});

describe('batch normalization backward', () => {
  const shapes = [
    ['1D', [4, 5, 1, 1, 2]],
    ['2D', [2, 3, 3, 1, 3]],
    ['3D', [2, 2, 2, 2, 2]],
    ['one sample', [1, 3, 2, 1, 2]],
  ] as const;
  for (const mode of ['train', 'inference'] as BatchNormMode[]) {
    it.each(shapes)(`${mode} mode: dx, dgamma, dbeta match finite differences for a %s layer %j`, (_label, shape) => {
      const inputs = randomInputs([...shape], 21, mode === 'inference');
      const attrs: BatchNormAttrs = { mode, eps: 1e-5 };
      const dy = randomTensor([...shape], seeded(22));
      const grads = backward(dy, forward(inputs, attrs).saved);
      const objective = (): number => dot(dy, forward(inputs, attrs).y);
      expectGradientMatches(inputs.x, grads.dx, objective);
      expectGradientMatches(inputs.gamma, grads.dgamma, objective);
      expectGradientMatches(inputs.beta, grads.dbeta, objective);
    });
  }

  it('train-mode dx sums to zero over each map (the mean is subtracted)', () => {
    const inputs = randomInputs([3, 2, 2, 1, 2], 3);
    const { dx } = backward(randomTensor([3, 2, 2, 1, 2], seeded(4)), forward(inputs, TRAIN).saved);
    const sums = [0, 0];
    dx.data.forEach((v, i) => (sums[i % 2] += v));
    expectClose(sums, [0, 0], { atol: 1e-12, rtol: 0 });
  });
});

describe('running statistics for inference', () => {
  it('moves by momentum toward the batch, with the unbiased variance m / (m - 1)', () => {
    const running = initialRunningStats(2);
    expect([...running.mean.data, ...running.var.data]).toEqual([0, 0, 1, 1]);
    const batch = { mean: tensor([2], [2, -1]), var: tensor([2], [3, 0.75]), count: 4 };
    const next = updateRunningStats(running, batch, 0.1);
    expectClose(next.mean.data, [0.2, -0.1]);
    expectClose(next.var.data, [0.9 + 0.1 * 4, 0.9 + 0.1 * 1]);
    expect([...running.mean.data]).toEqual([0, 0]);
  });

  it('converges to the unbiased variance of a repeated batch', () => {
    const inputs = randomInputs([2, 3, 1, 1, 1], 9);
    const r = forward(inputs, TRAIN);
    let running = initialRunningStats(1);
    for (let step = 0; step < 400; step++) running = updateRunningStats(running, r, 0.1);
    const values = [...inputs.x.data];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const unbiased = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
    expectClose(running.mean.data, [mean]);
    expectClose(running.var.data, [unbiased], { atol: 1e-10, rtol: 1e-9 });
  });

  it('uses the batch variance as is when it comes from one value (no 0 / 0)', () => {
    const next = updateRunningStats(initialRunningStats(1), { mean: tensor([1], [5]), var: tensor([1], [0]), count: 1 }, 1);
    expect([...next.mean.data, ...next.var.data]).toEqual([5, 0]);
  });
});

describe('batchnorm conformance cases', () => {
  for (const c of loadCases('batchnorm.json', 'batchnorm')) {
    it(c.name, () => {
      const inputs: BatchNormInputs = { x: fromJson(c.inputs.x!), gamma: fromJson(c.inputs.gamma!), beta: fromJson(c.inputs.beta!) };
      if (c.inputs.mean) inputs.mean = fromJson(c.inputs.mean);
      if (c.inputs.var) inputs.var = fromJson(c.inputs.var);
      const r = forward(inputs, c.params as unknown as BatchNormAttrs);
      expectTensorClose(r.y, expectedTensor(c, 'y'), c.tolerance);
      if (c.params.mode === 'train') {
        expectTensorClose(r.mean, expectedTensor(c, 'mean'), c.tolerance);
        expectTensorClose(r.var, expectedTensor(c, 'var'), c.tolerance);
      }
      if (c.inputs.dy) {
        const grads = backward(fromJson(c.inputs.dy), r.saved);
        for (const key of ['dx', 'dgamma', 'dbeta'] as const) expectTensorClose(grads[key], expectedTensor(c, key), c.tolerance);
      }
    });
  }
});

describe('batchnorm refusals', () => {
  const good = randomInputs([2, 2, 2, 1, 3], 1, true);

  it('refuses an unknown mode and a non-finite or non-positive eps', () => {
    const e = refusal(() => forward(good, { mode: 'eval' as BatchNormMode, eps: 1e-5 }));
    expect(e.category).toBe('param');
    expect(e.message).toBe('batchnorm: unknown mode "eval"; expected one of train, inference');
    for (const eps of [Number.NaN, Infinity]) {
      expect(refusal(() => forward(good, { mode: 'train', eps })).message).toBe(`batchnorm: eps must be a finite number, got ${eps}`);
    }
    for (const eps of [0, -1e-5]) {
      const bad = refusal(() => forward(good, { mode: 'train', eps }));
      expect(bad.category).toBe('param');
      expect(bad.message).toBe(`batchnorm: eps must lie in (0, inf), got ${eps}`);
    }
  });

  it('refuses an input that is not a hidden layer [n, x, y, z, d]', () => {
    const e = refusal(() => forward({ ...good, x: tensor([4, 3]) }, TRAIN));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('batchnorm: x must have rank 5 [n, x, y, z, d], got [4, 3]');
  });

  it('refuses gamma, beta, mean or var that do not have one value per feature map', () => {
    expect(refusal(() => forward({ ...good, gamma: tensor([2]) }, TRAIN)).message).toBe(
      'batchnorm: gamma [2] must have one value per feature map, [3] for x [2, 2, 2, 1, 3]',
    );
    expect(refusal(() => forward({ ...good, beta: tensor([1, 3]) }, TRAIN)).message).toBe(
      'batchnorm: beta [1, 3] must have one value per feature map, [3] for x [2, 2, 2, 1, 3]',
    );
    expect(refusal(() => forward({ ...good, var: tensor([4]) }, { mode: 'inference', eps: 1e-3 })).message).toBe(
      'batchnorm: var [4] must have one value per feature map, [3] for x [2, 2, 2, 1, 3]',
    );
  });

  it('refuses inference without statistics, and a negative variance', () => {
    const { mean: _mean, ...noMean } = good;
    expect(refusal(() => forward(noMean, { mode: 'inference', eps: 1e-3 })).message).toBe(
      'batchnorm: inference mode needs mean [d] = [3] for x [2, 2, 2, 1, 3]',
    );
    const e = refusal(() => forward({ ...good, var: tensor([3], [1, -0.5, 1]) }, { mode: 'inference', eps: 1e-3 }));
    expect(e.category).toBe('param');
    expect(e.message).toBe('batchnorm: var must be non-negative, got -0.5 for feature map 1');
  });

  it('refuses an empty batch in train mode', () => {
    const empty = { x: tensor([0, 2, 2, 1, 3]), gamma: good.gamma, beta: good.beta };
    expect(refusal(() => forward(empty, TRAIN)).message).toBe(
      'batchnorm: train mode needs at least one value per feature map to compute batch statistics, got x [0, 2, 2, 1, 3]',
    );
  });

  it('refuses non-finite values, overflowing statistics and mismatched data lengths', () => {
    const gamma = tensor([3], [1, Number.NaN, 1]);
    expect(refusal(() => forward({ ...good, gamma }, TRAIN)).message).toBe(
      'batchnorm: gamma holds a non-finite value (NaN) at flat index 1 of [3]',
    );
    const huge = tensor([2, 1, 1, 1, 1], [1e300, -1e300]);
    expect(refusal(() => forward({ x: huge, gamma: tensor([1], [1]), beta: tensor([1]) }, TRAIN)).message).toBe(
      'batchnorm: the batch statistics of feature map 0 overflow: x [2, 1, 1, 1, 1] holds values too large to square and sum',
    );
    const short = { shape: [2, 2, 2, 1, 3], data: new Float64Array(23) } as Tensor;
    expect(refusal(() => forward({ ...good, x: short }, TRAIN)).message).toBe(
      'batchnorm: x data of length 23 does not match its shape [2, 2, 2, 1, 3] (24 values)',
    );
  });

  it('refuses an upstream gradient of another shape', () => {
    const { saved } = forward(good, TRAIN);
    expect(refusal(() => backward(tensor([2, 2, 2, 1, 2]), saved)).message).toBe(
      'batchnorm: dy must have shape [2, 2, 2, 1, 3], got [2, 2, 2, 1, 2]',
    );
  });

  it('refuses bad running-statistics updates', () => {
    const running = initialRunningStats(3);
    const batch = { mean: tensor([3]), var: tensor([3]), count: 8 };
    expect(refusal(() => updateRunningStats(running, batch, 1.5)).message).toBe('batchnorm: momentum must lie in [0, 1], got 1.5');
    expect(refusal(() => updateRunningStats(running, { ...batch, count: 0 }, 0.1)).message).toBe(
      'batchnorm: count must be an integer of at least 1, got 0',
    );
    expect(refusal(() => updateRunningStats(running, { ...batch, count: 2.5 }, 0.1)).category).toBe('param');
    expect(refusal(() => updateRunningStats(running, { ...batch, var: tensor([2]) }, 0.1)).message).toBe(
      'batchnorm: batch var must have shape [3], got [2]',
    );
    expect(refusal(() => updateRunningStats(running, { ...batch, var: tensor([3], [0, -1, 0]) }, 0.1)).message).toBe(
      'batchnorm: batch var must be non-negative, got -1 for feature map 1',
    );
    expect(refusal(() => initialRunningStats(-1)).message).toBe('batchnorm: depth must be an integer of at least 0, got -1');
    expect(refusal(() => valuesPerMap([2, 3])).message).toBe('batchnorm: x shape must be five non-negative integers [n, x, y, z, d], got [2,3]');
  });
});
