import { describe, expect, it } from 'vitest';
import { createTargetScaler, normalizeTargets } from '../../../src/data/index.ts';
import { tensor } from '../../../src/tensor/tensor.ts';
import { OUTPUT_KINDS, erf, gaussianShare, outputActivation, reachBins, reachOf, reachable, scaledTargets } from '../../../chapters/07-inference-zone/regression.ts';

describe('the output activation of the regression head', () => {
  it('can produce the values of its range and no others', () => {
    expect(reachable('identity', -1e9)).toBe(true);
    expect(reachable('relu', 0)).toBe(true);
    expect(reachable('relu', -0.01)).toBe(false);
    expect(reachable('sigmoid', 0)).toBe(false);
    expect(reachable('sigmoid', 1)).toBe(false);
    expect(reachable('sigmoid', 0.5)).toBe(true);
    expect(reachable('tanh', -0.99)).toBe(true);
    expect(reachable('tanh', 1.2)).toBe(false);
    // The core's g stays inside the range claimed for it.
    for (const kind of OUTPUT_KINDS) {
      for (const v of [-30, -2, -0.1, 0.1, 2, 30]) expect(reachable(kind, outputActivation(kind, v)) || (kind !== 'identity' && kind !== 'relu' && Math.abs(v) > 15)).toBe(true);
    }
    expect(outputActivation('identity', -3.5)).toBe(-3.5);
  });

  it('counts the targets each g can produce and splits the bins the same way', () => {
    const values = [-1.5, -0.2, 0, 0.4, 0.99, 1, 2.5];
    expect(reachOf(values, 'sigmoid')).toEqual({ kind: 'sigmoid', inside: 2, outside: 5, share: 2 / 7 });
    expect(reachOf(values, 'relu').inside).toBe(5);
    expect(reachOf(values, 'tanh').inside).toBe(4);
    for (const kind of OUTPUT_KINDS) {
      const bins = reachBins(values, kind, 5);
      expect(bins).toHaveLength(5);
      expect(bins.reduce((s, b) => s + b.counts[0], 0)).toBe(reachOf(values, kind).inside);
      expect(bins.reduce((s, b) => s + b.counts[0] + b.counts[1], 0)).toBe(values.length);
      expect(bins[0]!.x0).toBe(-1.5);
      expect(bins[4]!.x1).toBe(2.5);
    }
  });

  it('gives the share of a standard normal variable each g can produce', () => {
    expect(erf(0)).toBe(0);
    expect(erf(1)).toBeCloseTo(0.8427007929, 9);
    expect(erf(-2)).toBeCloseTo(-0.995322265, 9);
    expect(erf(3.5)).toBeCloseTo(0.999999257, 9);
    expect(gaussianShare('identity')).toBe(1);
    expect(gaussianShare('relu')).toBeCloseTo(0.5, 12);
    expect(gaussianShare('tanh')).toBeCloseTo(0.682689492, 8);
    expect(gaussianShare('sigmoid')).toBeCloseTo(0.341344746, 8);
  });

  it('scales a target with the data module\'s scaler', () => {
    const targets = tensor([4, 2], [0.1, 10, 0.5, 20, 0.3, 40, 0.9, 5]);
    expect(Array.from(scaledTargets(targets, 1, 'measured').values)).toEqual([10, 20, 40, 5]);
    const z = normalizeTargets(targets, createTargetScaler('zscore', targets));
    expect(Array.from(scaledTargets(targets, 0, 'zscore').values)).toEqual([0, 1, 2, 3].map((i) => z.data[i * 2]));
    expect(Array.from(scaledTargets(targets, 1, 'range').values)).toEqual([10 / 65, 20 / 65, 40 / 65, 5 / 65]);
    expect(scaledTargets(targets, 1, 'zscore').label).toBe('dip (z-score)');
    expect(() => scaledTargets(targets, 2, 'range')).toThrow(/0 \(net-to-gross\) or 1 \(dip\)/);
  });
});
