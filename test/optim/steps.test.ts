/** Eqs. 11-15, one or two steps each, against numbers worked out by hand. */
import { describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerConfig } from '../../src/optim/index.ts';
import { expectClose } from '../support/tolerance.ts';

function run(config: OptimizerConfig, theta0: number[], grads: number[][]): Float64Array {
  const opt = createOptimizer(config);
  const theta = Float64Array.from(theta0);
  const state = opt.init(theta.length);
  for (const g of grads) opt.step(theta, Float64Array.from(g), state);
  return theta;
}

describe('gradient descent (eq. 11)', () => {
  it('moves against the gradient by alpha times the gradient', () => {
    // theta = (-2, 1.5) on 1/2 theta^T A theta - b^T theta with A = [[3, .4], [.4, .5]], b = (1, -2): g = (-6.4, 1.95)
    expectClose(run({ kind: 'sgd', lr: 0.1 }, [-2, 1.5], [[-6.4, 1.95]]), [-1.36, 1.305]);
  });
});

describe('momentum (eq. 12)', () => {
  it('accumulates the velocity V <- gamma V + alpha g and subtracts it', () => {
    // V1 = 0.2, V2 = 0.9 * 0.2 + 0.2 = 0.38, V3 = 0.9 * 0.38 + 0.2 = 0.542
    expectClose(run({ kind: 'momentum', lr: 0.1, gamma: 0.9 }, [1], [[2]]), [0.8]);
    expectClose(run({ kind: 'momentum', lr: 0.1, gamma: 0.9 }, [1], [[2], [2]]), [0.42]);
    expectClose(run({ kind: 'momentum', lr: 0.1, gamma: 0.9 }, [1], [[2], [2], [2]]), [1 - 0.2 - 0.38 - 0.542]);
  });

  it('is plain gradient descent with gamma = 0', () => {
    expectClose(run({ kind: 'momentum', lr: 0.1, gamma: 0 }, [1, 2], [[2, -1], [4, 1]]), [1 - 0.6, 2]);
  });

  it('keeps the velocity in the state', () => {
    const opt = createOptimizer({ kind: 'momentum', lr: 0.1 });
    const state = opt.init(1);
    opt.step(Float64Array.of(0), Float64Array.of(2), state);
    opt.step(Float64Array.of(0), Float64Array.of(2), state);
    expectClose(state.velocity!, [0.38]);
    expect(state.t).toBe(2);
  });
});

describe('AdaGrad (eq. 13)', () => {
  it('divides by the root of the accumulated squares, the current gradient included', () => {
    // G = (9, 16): steps 0.1 * 3/3 and 0.1 * -4/4; then G = (9, 25): steps 0 and 0.1 * 3/5
    const cfg: OptimizerConfig = { kind: 'adagrad', lr: 0.1, eps: 0 };
    expectClose(run(cfg, [0, 0], [[3, -4]]), [-0.1, 0.1]);
    expectClose(run(cfg, [0, 0], [[3, -4], [0, 3]]), [-0.1, 0.1 - 0.06]);
  });

  it('takes a first step of size alpha whatever the gradient scale (no division by sqrt(eps))', () => {
    for (const g of [1e-2, 1, 1e3]) {
      expectClose(run({ kind: 'adagrad', lr: 0.01 }, [0], [[g]]), [-0.01], { atol: 0, rtol: 1e-4 });
    }
  });

  it('places eps inside the root by default (the paper) or outside on request', () => {
    // g = 0.1, G = 0.01, eps = 0.01: inside 0.1 / sqrt(0.02), outside 0.1 / (0.1 + 0.01)
    expectClose(run({ kind: 'adagrad', lr: 1, eps: 0.01 }, [0], [[0.1]]), [-0.1 / Math.sqrt(0.02)]);
    expectClose(run({ kind: 'adagrad', lr: 1, eps: 0.01, epsInsideSqrt: false }, [0], [[0.1]]), [-0.1 / 0.11]);
  });
});

describe('RMSProp (eq. 14)', () => {
  it('divides by the root of the running mean square E <- gamma E + (1 - gamma) g^2', () => {
    // E1 = 0.1 * 4 = 0.4; E2 = 0.9 * 0.4 + 0.4 = 0.76
    const cfg: OptimizerConfig = { kind: 'rmsprop', lr: 0.01, gamma: 0.9, eps: 0 };
    expectClose(run(cfg, [0], [[2]]), [-0.02 / Math.sqrt(0.4)]);
    expectClose(run(cfg, [0], [[2], [2]]), [-0.02 / Math.sqrt(0.4) - 0.02 / Math.sqrt(0.76)]);
  });

  it('places eps outside the root on request', () => {
    const cfg: OptimizerConfig = { kind: 'rmsprop', lr: 0.01, gamma: 0.9, eps: 0.5, epsInsideSqrt: false };
    expectClose(run(cfg, [0], [[2]]), [-0.02 / (Math.sqrt(0.4) + 0.5)]);
  });
});

describe('Adam (eq. 15, corrected)', () => {
  it('moves by alpha on the first step (bias-corrected moments g and g^2)', () => {
    expectClose(run({ kind: 'adam', lr: 0.1, eps: 0 }, [1], [[2]]), [0.9]);
  });

  it('follows the bias-corrected moments on the second step', () => {
    // m = 0.9 * 0.2 + 0.1 * -1 = 0.08, v = 0.999 * 0.004 + 0.001 * 1 = 0.004996
    const mHat = 0.08 / (1 - 0.9 ** 2);
    const vHat = 0.004996 / (1 - 0.999 ** 2);
    expectClose(run({ kind: 'adam', lr: 0.1, eps: 0 }, [1], [[2], [-1]]), [0.9 - (0.1 * mHat) / Math.sqrt(vHat)]);
  });

  it('places eps inside or outside the root of V-hat', () => {
    // first step: m-hat = 2, V-hat = 4
    expectClose(run({ kind: 'adam', lr: 0.1, eps: 5 }, [0], [[2]]), [-0.2 / 3]);
    expectClose(run({ kind: 'adam', lr: 0.1, eps: 5, epsInsideSqrt: false }, [0], [[2]]), [-0.2 / 7]);
  });
});

describe('eps = 0', () => {
  it.each(['adagrad', 'rmsprop', 'adam'] as const)('%s leaves a component with zero gradient in place instead of 0/0', (kind) => {
    const theta = run({ kind, lr: 0.1, eps: 0 }, [1, 2], [[0, 1], [0, -1]]);
    expect(theta[0]).toBe(1);
    expect(Number.isFinite(theta[1]!)).toBe(true);
  });
});
