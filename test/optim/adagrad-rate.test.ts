/** Eq. 13's drawback: AdaGrad's per-parameter rate alpha / sqrt(G + eps) only shrinks. */
import { describe, expect, it } from 'vitest';
import { adagradEffectiveRate, createOptimizer } from '../../src/optim/index.ts';
import { seeded } from '../support/random.ts';

describe('AdaGrad effective learning rate', () => {
  it('decreases at every step, faster for the parameter with larger gradients', () => {
    const opt = createOptimizer({ kind: 'adagrad', lr: 0.01 });
    const cfg = opt.config as Parameters<typeof adagradEffectiveRate>[1];
    const state = opt.init(2);
    const theta = new Float64Array(2);
    const rng = seeded(3);
    let previous = adagradEffectiveRate(state.accumulated!, cfg);
    expect(previous[0]).toBeCloseTo(0.01 / 1e-4, 6);
    for (let t = 0; t < 50; t++) {
      opt.step(theta, Float64Array.of(0.1 + rng.next(), 10 * (0.1 + rng.next())), state);
      const rate = adagradEffectiveRate(state.accumulated!, cfg);
      expect(rate[0]).toBeLessThan(previous[0]!);
      expect(rate[1]).toBeLessThan(previous[1]!);
      expect(rate[1]).toBeLessThan(rate[0]!);
      previous = rate;
    }
    expect(previous[0]).toBeLessThan(0.01 / Math.sqrt(50 * 0.01));
  });

  it('is infinite only when eps = 0 and no gradient has been seen', () => {
    expect(adagradEffectiveRate(Float64Array.of(0, 4), { lr: 1, eps: 0, epsInsideSqrt: true })).toEqual(Float64Array.of(Infinity, 0.5));
  });
});
