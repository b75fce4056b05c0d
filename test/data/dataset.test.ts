import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';
import { createDataset, type DatasetOptions } from '../../src/data/dataset.ts';

/** FNV-1a over the little-endian bytes of float64 values: a fingerprint of the exact bits. */
function fingerprint(...arrays: Float64Array[]): string {
  const view = new DataView(new ArrayBuffer(8));
  let h = 0x811c9dc5;
  for (const a of arrays) {
    for (const v of a) {
      view.setFloat64(0, v, true);
      for (let b = 0; b < 8; b++) h = Math.imul(h ^ view.getUint8(b), 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}

function classCounts(labels: Int32Array, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  labels.forEach((l) => counts[l]!++);
  return counts;
}

const SMALL: DatasetOptions = { seed: 2019, count: 12, dims: 3, size: [12, 10, 14], noise: { flip: 0.05, gaussian: 0.1 }, encoding: 'scaled' };

describe('createDataset', () => {
  it('is deterministic: the same options give bit-identical inputs, labels and targets', () => {
    const a = createDataset({ ...SMALL, encoding: 'onehot' });
    const b = createDataset({ ...SMALL, encoding: 'onehot' });
    expect(fingerprint(b.inputs.data, b.targets.data)).toBe(fingerprint(a.inputs.data, a.targets.data));
    expect(b.labels).toEqual(a.labels);
    expect(createDataset({ ...SMALL, seed: 2020 }).inputs.data).not.toEqual(createDataset(SMALL).inputs.data);
  });

  it('reproduces the recorded bits of a reference data set, so any engine or change that alters the data is caught', () => {
    // recorded once; a deliberate change of the generator must update it (and say so in its commit)
    const ds = createDataset(SMALL);
    expect([...ds.labels]).toEqual([3, 0, 2, 1, 3, 2, 1, 0, 1, 2, 0, 3]);
    expect(fingerprint(ds.inputs.data, ds.targets.data)).toBe('4104edf3');
  });

  it('balances the classes: every block of K samples holds each class once', () => {
    const ds = createDataset({ seed: 8, count: 803, dims: 1, size: 8 });
    expect(classCounts(ds.labels, 4).sort()).toEqual([200, 201, 201, 201]);
    for (let b = 0; b + 4 <= 803; b += 4) expect([...ds.labels.subarray(b, b + 4)].sort()).toEqual([0, 1, 2, 3]);
    const pair = createDataset({ seed: 8, count: 9, dims: 1, size: 8, classes: ['folded', 'channels'] });
    expect(pair.classNames).toEqual(['folded layers', 'channel bodies']);
    expect(classCounts(pair.labels, 2).sort()).toEqual([4, 5]);
    expect(pair.samples.map((s) => s.kind)).toEqual([...pair.labels].map((l) => pair.classes[l]));
    expect(pair.oneHot.shape).toEqual([9, 2]);
  });

  it('makes a small data set the first samples of a larger one', () => {
    const small = createDataset({ seed: 4, count: 10, dims: 2, size: 16, encoding: 'sand' });
    const large = createDataset({ seed: 4, count: 30, dims: 2, size: 16, encoding: 'sand' });
    expect(large.labels.subarray(0, 10)).toEqual(small.labels);
    expect(large.inputs.data.subarray(0, small.inputs.data.length)).toEqual(small.inputs.data);
  });

  it('draws the same models whatever the dimensionality, so 1D, 2D and 3D data describe one set of geology', () => {
    const block = createDataset({ seed: 6, count: 8, dims: 3, size: 8 });
    const well = createDataset({ seed: 6, count: 8, dims: 1, size: 32 });
    expect(well.samples.map((s) => s.model)).toEqual(block.samples.map((s) => s.model));
  });

  it.each([
    [3, undefined, [5, 16, 16, 16, 4]],
    [2, undefined, [5, 32, 32, 1, 4]],
    [1, undefined, [5, 64, 1, 1, 4]],
    [3, [8, 12, 20], [5, 8, 12, 20, 4]],
  ] as const)('gives %iD inputs of size %j the shape %j, with labels and targets', (dims, size, shape) => {
    const ds = createDataset({ seed: 1, count: 5, dims, size });
    expect(ds.inputs.shape).toEqual(shape);
    expect(ds.oneHot.shape).toEqual([5, 4]);
    expect(ds.targets.shape).toEqual([5, 2]);
    expect(ds.labels).toBeInstanceOf(Int32Array);
    expect(ds.classNames).toEqual(['horizontal layering', 'folded layers', 'faulted layers', 'channel bodies']);
    expect(ds.targetNames).toEqual(['net-to-gross', 'dip']);
    expect(ds.targetUnits).toEqual(['fraction', 'degrees']);
    expect(ds.targetRanges).toEqual([[0, 1], [0, 65]]);
    expect(ds.channels).toEqual(['shale', 'sandstone', 'siltstone', 'limestone']);
    expect(ds.inputs.data.every(Number.isFinite)).toBe(true);
  });

  it('makes 800 one-hot samples of 16^3 in well under the time a reader waits (measured ~0.15 s)', () => {
    const start = performance.now();
    const ds = createDataset({ seed: 1, count: 800, dims: 3, size: 16, encoding: 'onehot' });
    const ms = performance.now() - start;
    expect(ds.inputs.shape).toEqual([800, 16, 16, 16, 4]);
    expect(ms).toBeLessThan(3000);
  });

  it.each([
    [{ ...SMALL, sizes: 8 }, 'dataset: unknown option "sizes"; expected seed, count, dims, size, noise, classes, encoding, regionalDip'],
    [{ ...SMALL, seed: -1 }, 'dataset: seed must be an integer of at least 0, got -1'],
    [{ ...SMALL, seed: 1.5 }, 'dataset: seed must be an integer of at least 0, got 1.5'],
    [{ ...SMALL, seed: 2 ** 32 }, 'dataset: seed must be an integer from 0 to 4294967295, got 4294967296'],
    [{ ...SMALL, count: 3 }, 'dataset: count must be an integer of at least 4, got 3'],
    [{ ...SMALL, classes: [] }, 'dataset: classes must be a non-empty list of horizontal, folded, faulted, channels, got []'],
    [{ ...SMALL, classes: ['folded', 'domes'] }, 'dataset: unknown class "domes"; expected one of horizontal, folded, faulted, channels'],
    [{ ...SMALL, classes: ['folded', 'folded'] }, 'dataset: class "folded" is listed twice'],
    [{ ...SMALL, dims: 4 }, 'dataset: dims must be 1 (well column), 2 (x-z section) or 3 (block), got 4'],
    [{ ...SMALL, encoding: 'rgb' }, 'dataset: unknown encoding "rgb"; expected one of scaled, sand, onehot'],
    [{ ...SMALL, regionalDip: 30 }, 'dataset: regionalDip must lie in [0, 20], got 30'],
    [{ ...SMALL, noise: { flip: 0.9 } }, 'dataset: noise.flip must lie in [0, 0.5], got 0.9'],
    [{ ...SMALL, size: [64, 64, 64], count: 100, encoding: 'onehot' }, 'dataset: 100 samples of [64, 64, 64] cells x 4 channels make 104857600 input values, over the limit of 16777216; use fewer samples, a smaller size or a one-channel encoding'],
  ])('refuses bad options with a ParamError (%#)', (options, message) => {
    try {
      createDataset(options as unknown as DatasetOptions);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).category).toBe('param');
      expect((e as Error).message).toBe(message);
    }
  });
});
