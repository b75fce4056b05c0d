import { describe, expect, it } from 'vitest';
import { densityCurve, drawWeights, erf, keptMass, truncatedDensity, truncatedStd } from '../../../chapters/10-initialization/density.ts';
import { glorotSigma, heSigma, inputBatch, runStack, spread, stackWeights } from '../../../chapters/10-initialization/stack.ts';
import { stackHeadline } from '../../../chapters/10-initialization/describe.ts';

describe('the truncated normal', () => {
  it('keeps 95.45% of the mass inside 2 sigma', () => {
    expect(erf(0)).toBeCloseTo(0, 6);
    expect(erf(-1)).toBeCloseTo(-0.8427, 4);
    expect(keptMass(2)).toBeCloseTo(0.9545, 4);
    expect(keptMass(1)).toBeCloseTo(0.6827, 4);
  });

  it('has a density that is zero outside the cut and integrates to 1 inside', () => {
    expect(truncatedDensity(0.21, 0, 0.1, 2)).toBe(0);
    expect(truncatedDensity(-0.21, 0, 0.1, 2)).toBe(0);
    let area = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) area += truncatedDensity(-0.2 + (0.4 * (i + 0.5)) / n, 0, 0.1, 2) * (0.4 / n);
    expect(area).toBeCloseTo(1, 5);
    const curve = densityCurve(0, 0.1, 2, 0.3);
    expect(curve.x.length).toBe(curve.y.length);
    for (let i = 1; i < curve.x.length; i++) expect(curve.x[i]!).toBeGreaterThanOrEqual(curve.x[i - 1]!);
  });

  it('draws weights that stay inside the cut and match the theoretical spread', () => {
    const s = drawWeights(20000, 1, 0.1, 2);
    expect(s.outside).toBe(0);
    expect(s.max).toBeLessThanOrEqual(0.2);
    expect(s.min).toBeGreaterThanOrEqual(-0.2);
    expect(Math.abs(s.mean)).toBeLessThan(0.003);
    expect(s.std).toBeCloseTo(truncatedStd(0.1, 2), 2);
    expect(truncatedStd(0.1, 2)).toBeCloseTo(0.088, 3);
    expect(drawWeights(100, 5, 0.1, 2).values).toEqual(drawWeights(100, 5, 0.1, 2).values);
  });
});

describe('the deep stack', () => {
  it('measures spread without overflow', () => {
    expect(spread([1e200, -1e200]).std).toBeCloseTo(1e200, -190);
    expect(spread([0, 0]).std).toBe(0);
  });

  it('explodes with a large sigma under ReLU and stays finite, in numbers and words', () => {
    const r = runStack({ sigma: 2, kind: 'relu', depth: 10, bias: 'ones', seed: 3 });
    expect(r.layers).toHaveLength(10);
    expect(r.layers[9]!.std / r.layers[0]!.std).toBeGreaterThan(1e6);
    for (const l of r.layers) {
      expect(Number.isFinite(l.std)).toBe(true);
      expect(l.gradRms === null || Number.isFinite(l.gradRms)).toBe(true);
    }
    expect(stackHeadline(r)).toMatch(/explode/);
    expect(stackHeadline(r)).not.toMatch(/NaN|Infinity/);
  });

  it('vanishes with a small sigma and zero biases, and ones keep ReLU units alive', () => {
    const zeros = runStack({ sigma: 0.01, kind: 'relu', depth: 8, bias: 'zeros', seed: 3 });
    expect(zeros.layers[7]!.std / zeros.layers[0]!.std).toBeLessThan(0.1);
    expect(stackHeadline(zeros)).toMatch(/vanish/);
    const ones = runStack({ sigma: 0.01, kind: 'relu', depth: 8, bias: 'ones', seed: 3 });
    expect(ones.layers[0]!.inactive).toBe(0);
    expect(zeros.layers[0]!.inactive).toBeGreaterThan(0.3);
  });

  it('saturates TanH with a large sigma and shrinks the gradient towards the first layer under Sigmoid', () => {
    expect(runStack({ sigma: 2, kind: 'tanh', depth: 4, bias: 'zeros', seed: 1 }).layers[3]!.inactive).toBeGreaterThan(0.5);
    const s = runStack({ sigma: 0.1, kind: 'sigmoid', depth: 10, bias: 'ones', seed: 1 });
    expect(s.layers[0]!.gradRms!).toBeLessThan(s.layers[9]!.gradRms! * 1e-6);
  });

  it('skips the backward pass when told to, with the same forward pass', () => {
    const full = runStack({ sigma: 0.1, kind: 'tanh', depth: 3, bias: 'ones', seed: 2 });
    const fwd = runStack({ sigma: 0.1, kind: 'tanh', depth: 3, bias: 'ones', seed: 2 }, { backward: false });
    expect(fwd.layers.map((l) => l.std)).toEqual(full.layers.map((l) => l.std));
    expect(fwd.layers.every((l) => l.gradRms === null)).toBe(true);
    expect(full.layers.every((l) => l.gradRms !== null && l.gradRms > 0)).toBe(true);
  });

  it('gives the same stack from weights and inputs drawn once and passed in (as the page shares them between its two stacks)', () => {
    const settings = { sigma: 0.3, kind: 'relu' as const, depth: 6, bias: 'zeros' as const, seed: 4 };
    const own = runStack(settings);
    const shared = runStack(settings, {}, inputBatch(4), stackWeights(settings));
    expect(shared.layers.map((l) => [l.std, l.mean, l.inactive, l.gradRms])).toEqual(own.layers.map((l) => [l.std, l.mean, l.inactive, l.gradRms]));
    expect(shared.layers.map((l) => Array.from(l.values))).toEqual(own.layers.map((l) => Array.from(l.values)));
    expect(() => runStack(settings, {}, inputBatch(4), stackWeights({ ...settings, depth: 5 }))).toThrow(/5 weight matrices for 6 layers/);
  });

  it('gives the Glorot and He sigmas for 64 units', () => {
    expect(heSigma(64)).toBeCloseTo(0.1768, 4);
    expect(glorotSigma(64, 64)).toBeCloseTo(0.125, 4);
  });
});
