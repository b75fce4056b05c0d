import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import { createDataset } from '../../src/data/dataset.ts';
import { splitDataset, splitIndices, subsetDataset } from '../../src/data/split.ts';

const DS = createDataset({ seed: 12, count: 41, dims: 2, size: 8, encoding: 'scaled' });

function refusal(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error('expected a refusal');
}

describe('train / validation split', () => {
  it('holds out the same share of every class, each sample in exactly one part', () => {
    const { train, validation } = splitIndices(DS.labels, { validationFraction: 0.25, seed: 1 });
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual([...Array(41).keys()]);
    expect(validation.length).toBe(Math.round(0.25 * 41));
    for (let c = 0; c < 4; c++) {
      const members = [...DS.labels].filter((l) => l === c).length;
      const held = [...validation].filter((i) => DS.labels[i] === c).length;
      expect(Math.abs(held - 0.25 * members)).toBeLessThan(1);
    }
    expect([...train]).toEqual([...train].sort((a, b) => a - b));
  });

  it('rounds the per-class quotas so the total is the requested share', () => {
    const forty = createDataset({ seed: 2, count: 40, dims: 1, size: 8 });
    const { train, validation } = splitIndices(forty.labels, { validationFraction: 0.25, seed: 1 });
    expect([train.length, validation.length]).toEqual([30, 10]);
    const perClass = [0, 1, 2, 3].map((c) => [...validation].filter((i) => forty.labels[i] === c).length);
    expect(perClass.sort()).toEqual([2, 2, 3, 3]);
  });

  it('is reproducible for a seed and changes with it', () => {
    const a = splitIndices(DS.labels, { validationFraction: 0.3, seed: 5 });
    expect(splitIndices(DS.labels, { validationFraction: 0.3, seed: 5 })).toEqual(a);
    expect(splitIndices(DS.labels, { validationFraction: 0.3, seed: 6 }).validation).not.toEqual(a.validation);
  });

  it('gives data sets whose rows are the chosen samples', () => {
    const { train, validation } = splitDataset(DS, { validationFraction: 0.2, seed: 3 });
    const { validation: rows } = splitIndices(DS.labels, { validationFraction: 0.2, seed: 3 });
    expect(train.labels.length + validation.labels.length).toBe(41);
    expect(validation.inputs.shape).toEqual([rows.length, 8, 8, 1, 1]);
    rows.forEach((s, r) => {
      expect(validation.inputs.data.subarray(r * 64, (r + 1) * 64)).toEqual(DS.inputs.data.subarray(s * 64, (s + 1) * 64));
      expect([...validation.targets.data.subarray(r * 2, r * 2 + 2)]).toEqual([...DS.targets.data.subarray(s * 2, s * 2 + 2)]);
      expect([...validation.oneHot.data.subarray(r * 4, r * 4 + 4)]).toEqual([...DS.oneHot.data.subarray(s * 4, s * 4 + 4)]);
      expect(validation.labels[r]).toBe(DS.labels[s]);
      expect(validation.samples[r]).toBe(DS.samples[s]);
    });
    expect(validation.classNames).toEqual(DS.classNames);
  });

  it('refuses fractions that leave a part empty or lie outside (0, 1)', () => {
    const eight = createDataset({ seed: 1, count: 8, dims: 1, size: 8 });
    const cases: [() => unknown, string][] = [
      [() => splitIndices(eight.labels, { validationFraction: 0.05, seed: 1 }), 'split: validationFraction 0.05 of 8 samples leaves no validation sample'],
      [() => splitIndices(eight.labels, { validationFraction: 0.95, seed: 1 }), 'split: validationFraction 0.95 of 8 samples leaves no training sample'],
      [() => splitIndices(eight.labels, { validationFraction: 1, seed: 1 }), 'split: validationFraction must lie in (0, 1), got 1'],
      [() => splitIndices(eight.labels, { validationFraction: 0.5, seed: -2 }), 'split: seed must be an integer of at least 0, got -2'],
      [() => subsetDataset(eight, Int32Array.from([0, 8])), 'subset: index 8 is outside 0..7'],
    ];
    for (const [fn, message] of cases) {
      const e = refusal(fn);
      expect(e.category).toBe('param');
      expect(e.message).toBe(message);
    }
  });
});
