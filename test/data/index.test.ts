import { describe, expect, it } from 'vitest';
import * as data from '../../src/data/index.ts';

describe('the data module surface, as a chapter worker uses it', () => {
  it('builds, splits and normalises a data set, then encodes a reader grid the same way', () => {
    const ds = data.createDataset({ seed: 9, count: 40, dims: 2, size: [16, 12], noise: { flip: 0.02 }, encoding: 'onehot' });
    const { train, validation } = data.splitDataset(ds, { validationFraction: 0.25, seed: 9 });
    expect(train.labels.length).toBe(30);
    expect(validation.labels.length).toBe(10);

    const scaler = data.createTargetScaler('zscore', train.targets);
    const normalized = data.normalizeTargets(validation.targets, scaler);
    expect(data.denormalizeTargets(normalized, scaler).data.every((v, i) => Math.abs(v - validation.targets.data[i]!) < 1e-12)).toBe(true);

    // the reader's section, written as facies codes, encodes to the inputs' layout
    const section = ds.samples[0]!.facies;
    const text = JSON.stringify({ shape: [16, 12], values: [...section] });
    const parsed = data.parseUserGrid(text, 'json');
    const input = data.encodeFacies(parsed.tensor.data, parsed.shape, ds.encoding);
    expect(input.shape).toEqual([1, ...ds.inputs.shape.slice(1)]);
    expect(input.data).toEqual(ds.inputs.data.subarray(0, input.data.length));
  });

  it('exposes the facts a chapter prints', () => {
    expect(data.STRUCTURE_KINDS).toEqual(['horizontal', 'folded', 'faulted', 'channels']);
    expect(data.FACIES).toEqual(['shale', 'sandstone', 'siltstone', 'limestone']);
    expect(data.TENSOR_AXES).toEqual({ 1: ['z'], 2: ['x', 'z'], 3: ['x', 'y', 'z'] });
    expect(data.TARGETS.map((t) => `${t.name} (${t.unit})`)).toEqual(['net-to-gross (fraction)', 'dip (degrees)']);
    expect(data.MAX_GRID_CELLS).toBe(64 ** 3);
  });
});
