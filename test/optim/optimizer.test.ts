/** createOptimizer: the paper's defaults, validation messages, state handling. */
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import {
  OPTIMIZER_KINDS,
  cloneState,
  createOptimizer,
  paperConfig,
  resolveConfig,
  type OptimizerConfig,
} from '../../src/optim/index.ts';

function refusal(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error('expected a refusal, but the call returned');
}

describe('defaults', () => {
  it("fills in the paper's suggested hyperparameters", () => {
    expect(resolveConfig({ kind: 'momentum', lr: 0.1 })).toEqual({ kind: 'momentum', lr: 0.1, gamma: 0.9 });
    expect(resolveConfig({ kind: 'adagrad', lr: 0.1 })).toEqual({ kind: 'adagrad', lr: 0.1, eps: 1e-8, epsInsideSqrt: true });
    expect(resolveConfig({ kind: 'rmsprop', lr: 0.1 })).toEqual({
      kind: 'rmsprop',
      lr: 0.1,
      gamma: 0.9,
      eps: 1e-8,
      epsInsideSqrt: true,
    });
    expect(resolveConfig({ kind: 'adam', lr: 0.1 })).toEqual({
      kind: 'adam',
      lr: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      epsInsideSqrt: true,
      adamAsPrinted: false,
    });
  });

  it("gives the paper's learning rates for AdaGrad (1e-2) and RMSProp (1e-3)", () => {
    expect(paperConfig('adagrad').lr).toBe(1e-2);
    expect(paperConfig('rmsprop').lr).toBe(1e-3);
    for (const kind of OPTIMIZER_KINDS) expect(paperConfig(kind).kind).toBe(kind);
  });

  it('ignores hyperparameters the kind does not use', () => {
    expect(resolveConfig({ kind: 'sgd', lr: 0.1, gamma: 7, beta1: -1 })).toEqual({ kind: 'sgd', lr: 0.1 });
  });
});

describe('validation', () => {
  it.each<[OptimizerConfig, string | RegExp]>([
    [{ kind: 'sgd', lr: 0 }, 'sgd: learning rate lr must lie in (0, inf), got 0'],
    [{ kind: 'adam', lr: -0.1 }, 'adam: learning rate lr must lie in (0, inf), got -0.1'],
    [{ kind: 'momentum', lr: Number.NaN }, 'momentum: learning rate lr must be a finite number, got NaN'],
    [{ kind: 'rmsprop', lr: Infinity }, 'rmsprop: learning rate lr must be a finite number, got Infinity'],
    [{ kind: 'momentum', lr: 0.1, gamma: 1 }, 'momentum: gamma must lie in [0, 1), got 1'],
    [{ kind: 'rmsprop', lr: 0.1, gamma: -0.1 }, 'rmsprop: gamma must lie in [0, 1), got -0.1'],
    [{ kind: 'adam', lr: 0.1, beta1: 1.5 }, 'adam: beta1 must lie in [0, 1), got 1.5'],
    [{ kind: 'adam', lr: 0.1, beta2: 1 }, 'adam: beta2 must lie in [0, 1), got 1'],
    [{ kind: 'adagrad', lr: 0.1, eps: -1e-8 }, 'adagrad: eps must lie in [0, inf), got -1e-8'],
    [{ kind: 'adam', lr: 0.1, eps: Number.NaN }, 'adam: eps must be a finite number, got NaN'],
    [{ kind: 'adam', lr: 0.1, epsInsideSqrt: 'yes' as unknown as boolean }, 'adam: epsInsideSqrt must be true or false, got yes'],
    [{ kind: 'adam', lr: 0.1, adamAsPrinted: 1 as unknown as boolean }, 'adam: adamAsPrinted must be true or false, got 1'],
    [{ kind: 'nesterov' as 'sgd', lr: 0.1 }, /^optimizer: unknown optimizer kind "nesterov"; expected one of sgd, momentum, adagrad, rmsprop, adam$/],
  ])('refuses %o as a ParamError', (config, message) => {
    const e = refusal(() => createOptimizer(config));
    expect(e.category).toBe('param');
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });

  it('accepts the edges of the ranges: gamma = 0, beta = 0, eps = 0', () => {
    expect(() => createOptimizer({ kind: 'momentum', lr: 1, gamma: 0 })).not.toThrow();
    expect(() => createOptimizer({ kind: 'adam', lr: 1, beta1: 0, beta2: 0, eps: 0 })).not.toThrow();
  });
});

describe('step', () => {
  it('refuses theta and gradient of different lengths as a ShapeError', () => {
    const opt = createOptimizer({ kind: 'rmsprop', lr: 0.1 });
    const e = refusal(() => opt.step(new Float64Array(3), new Float64Array(2), opt.init(3)));
    expect(e.category).toBe('shape');
    expect(e.message).toBe('rmsprop: theta holds 3 values but the gradient holds 2');
  });

  it('refuses a state made for another size or another optimizer', () => {
    const adam = createOptimizer({ kind: 'adam', lr: 0.1 });
    const small = refusal(() => adam.step(new Float64Array(3), new Float64Array(3), adam.init(2)));
    expect(small.category).toBe('shape');
    expect(small.message).toBe("adam: the state's m holds 2 values but theta holds 3");
    const foreign = createOptimizer({ kind: 'momentum', lr: 0.1 }).init(3);
    expect(refusal(() => adam.step(new Float64Array(3), new Float64Array(3), foreign)).message).toBe(
      "adam: the state has no m; make it with this optimizer's init()",
    );
  });

  it('refuses a negative or fractional parameter count in init', () => {
    expect(refusal(() => createOptimizer({ kind: 'sgd', lr: 1 }).init(-1)).message).toMatch(/^sgd: the parameter count/);
    expect(refusal(() => createOptimizer({ kind: 'sgd', lr: 1 }).init(1.5)).category).toBe('param');
  });

  it('starts every state at t = 0 with zeros, holding only what the kind needs', () => {
    expect(createOptimizer({ kind: 'sgd', lr: 1 }).init(2)).toEqual({ t: 0 });
    expect(createOptimizer({ kind: 'adagrad', lr: 1 }).init(2)).toEqual({ t: 0, accumulated: new Float64Array(2) });
    expect(createOptimizer({ kind: 'rmsprop', lr: 1 }).init(2)).toEqual({ t: 0, meanSquare: new Float64Array(2) });
    expect(createOptimizer({ kind: 'adam', lr: 1 }).init(2)).toEqual({ t: 0, m: new Float64Array(2), v: new Float64Array(2) });
  });

  it('does not inspect values: a NaN gradient reaches theta, for isDiverged to see', () => {
    const opt = createOptimizer({ kind: 'sgd', lr: 1 });
    const theta = Float64Array.of(1, 2);
    opt.step(theta, Float64Array.of(Number.NaN, 0), opt.init(2));
    expect(Number.isNaN(theta[0])).toBe(true);
    expect(theta[1]).toBe(2);
  });
});

describe('cloneState', () => {
  it('copies the arrays so later steps do not change a snapshot', () => {
    const opt = createOptimizer({ kind: 'adam', lr: 0.1 });
    const theta = Float64Array.of(1);
    const state = opt.init(1);
    opt.step(theta, Float64Array.of(1), state);
    const snapshot = cloneState(state);
    opt.step(theta, Float64Array.of(1), state);
    expect(snapshot.t).toBe(1);
    expect(state.t).toBe(2);
    expect(snapshot.m![0]).toBeCloseTo(0.1, 12);
    expect(state.m![0]).toBeCloseTo(0.19, 12);
    expect(Object.keys(snapshot).sort()).toEqual(['m', 't', 'v']);
  });
});
